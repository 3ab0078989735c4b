import { useEffect, useRef, useState } from 'preact/hooks';
import type { InvitationCounts } from '../../../shared/invitations/invitation-schema.js';
import { defineMessages } from '../../lib/i18n.js';
import { useApp, useText } from '../context.js';
import { undeliveredStatuses } from './invitation-labels.js';

const messages = defineMessages({
  vi: {
    label: 'Tiến độ gửi thư',
    text: 'Đã gửi {sent} / {total}',
    failures: '{count} không gửi được',
    valueText: 'Đã gửi {sent} trên {total}, {failures} không gửi được',
    running: 'Đang gửi…',
    finished: 'Đã gửi xong.',
    started: 'Bắt đầu gửi {total} thư.',
    milestone: 'Đã gửi {sent} / {total} thư.',
    done: 'Gửi xong: {sent} / {total} thư đã đi, {failures} không gửi được.',
    estimated: 'Tính trên mọi thư mời đã được xếp gửi của sự kiện.',
  },
  en: {
    label: 'Sending progress',
    text: '{sent} / {total} sent',
    failures: '{count} failed',
    valueText: '{sent} of {total} sent, {failures} failed',
    running: 'Sending…',
    finished: 'Sending finished.',
    started: 'Sending {total} mails.',
    milestone: '{sent} / {total} mails sent.',
    done: 'Sending finished: {sent} / {total} mails went out, {failures} failed.',
    estimated: 'Counted over every invitation of this event that was ever queued.',
  },
});

/**
 * One sending run: what was queued (by this page, or found queued when it opened) and how much
 * of it has gone. Kept in sessionStorage, so a reload in the middle shows the same bar.
 */
export type SendRun = {
  total: number;
  /** The queued count at the last look; more queued than this means more was added to the run. */
  lastQueued: number;
  failuresBefore: number;
  /** Found under way without a record of its start (another tab, another organiser). */
  estimated?: boolean;
  /** Mails already waiting when the run began: while a send job still queues, done = baseline + its queued − waiting. */
  baseline?: number;
  /** What the event's send jobs had queued at the last look: their mail belongs to the run's total already. */
  lastJobQueued?: number;
  finished?: boolean;
};

const storageKey = (eventId: string) => `hn.sendRun.${eventId}`;

function readRun(eventId: string): SendRun | undefined {
  try {
    const text = sessionStorage.getItem(storageKey(eventId));
    return text ? (JSON.parse(text) as SendRun) : undefined;
  } catch {
    return undefined;
  }
}

function keepRun(eventId: string, run: SendRun | undefined) {
  try {
    if (run && !run.finished) sessionStorage.setItem(storageKey(eventId), JSON.stringify(run));
    else sessionStorage.removeItem(storageKey(eventId));
  } catch {
    // No storage (private mode): the bar still works until a reload.
  }
}

export const failuresIn = (counts: InvitationCounts) => undeliveredStatuses.reduce((sum, status) => sum + counts.emailStatus[status], 0);

/** The run as the counts move; `started(n)` after the API has queued n more mails. */
export function useSendRun(eventId: string, counts: InvitationCounts | undefined, onFinished: () => void) {
  const { announce } = useApp();
  const t = useText(messages);
  const [run, setRun] = useState<SendRun>();
  const runRef = useRef<SendRun | undefined>(undefined);
  const milestone = useRef(0);

  const update = (next: SendRun | undefined) => {
    runRef.current = next;
    keepRun(eventId, next);
    setRun(next);
  };

  useEffect(() => {
    if (!counts) return;
    const queued = counts.emailStatus.queued;
    // A send job still queuing in the background: the run is not over even if nothing waits yet.
    const queuing = jobsQueuing(counts) !== undefined;
    let current = runRef.current;
    if (!current || current.finished) {
      if (queued === 0 && !queuing) {
        // Nothing under way: a run recorded before (it ended while this page was closed) is over.
        if (!current) keepRun(eventId, undefined);
        return;
      }
      // Under way when the page opened: the run this tab started, else an estimate from the counts.
      current = readRun(eventId) ?? {
        total: counts.total - counts.emailStatus.not_sent,
        lastQueued: queued,
        lastJobQueued: jobsQueued(counts),
        failuresBefore: 0,
        estimated: true,
      };
    }
    // What the send jobs queue belongs to the total already counted; anything else is added.
    const jobQueued = jobsQueued(counts);
    const byJobs = jobQueued - (current.lastJobQueued ?? jobQueued);
    const total = queuing ? current.total : current.total + Math.max(0, queued - current.lastQueued - byJobs);
    const next: SendRun = { ...current, total, lastQueued: queued, lastJobQueued: jobQueued, finished: queued === 0 && !queuing };
    update(next);
    const progress = progressOf(next, counts);
    if (next.finished) {
      milestone.current = 0;
      announce(t('done', progress));
      onFinished();
    } else {
      const quarter = Math.floor((4 * progress.done) / Math.max(1, progress.total));
      if (quarter > milestone.current && quarter < 4) announce(t('milestone', progress));
      milestone.current = Math.max(milestone.current, quarter);
    }
  }, [counts]);

  return {
    run,
    /** After a send, a reminder or a resend: `queued` more mails belong to the run. */
    started(queued: number, before: InvitationCounts | undefined, expected = queued) {
      const count = Math.max(queued, expected);
      if (count === 0) return;
      const current = runRef.current && !runRef.current.finished ? runRef.current : undefined;
      const queuedBefore = before?.emailStatus.queued ?? 0;
      const next: SendRun = current
        ? { ...current, total: current.total + count, lastQueued: current.lastQueued + queued }
        : {
            total: queuedBefore + count,
            lastQueued: queuedBefore + queued,
            failuresBefore: before ? failuresIn(before) : 0,
            baseline: queuedBefore,
            lastJobQueued: before ? jobsQueued(before) : 0,
          };
      milestone.current = 0;
      update(next);
      announce(t('started', { total: next.total }));
    },
    dismiss() {
      update(undefined);
    },
  };
}

/** What the event's send jobs (running or done) have queued, as the counts last said. */
function jobsQueued(counts: InvitationCounts): number {
  return (counts.sending ?? []).reduce((sum, job) => sum + job.queued, 0);
}

/** What the running send jobs have queued so far; undefined when none is running. */
function jobsQueuing(counts: InvitationCounts): number | undefined {
  const running = (counts.sending ?? []).filter((job) => job.state === 'running');
  return running.length > 0 ? running.reduce((sum, job) => sum + job.queued, 0) : undefined;
}

function progressOf(run: SendRun, counts: InvitationCounts) {
  const jobQueued = jobsQueuing(counts);
  const left = jobQueued === undefined ? run.total - counts.emailStatus.queued : (run.baseline ?? 0) + jobQueued - counts.emailStatus.queued;
  const done = Math.min(run.total, Math.max(0, left));
  const failures = Math.max(0, failuresIn(counts) - run.failuresBefore);
  return { done, total: run.total, failures, sent: Math.max(0, done - failures) };
}

/** The bar: role=progressbar with its numbers, and the same numbers written out. */
export function SendProgress(props: { run: SendRun; counts: InvitationCounts }) {
  const t = useText(messages);
  const progress = progressOf(props.run, props.counts);
  const percent = progress.total > 0 ? (100 * progress.done) / progress.total : 100;
  return (
    <div class={`send-progress ${props.run.finished ? 'finished' : 'running'}`}>
      <div class="send-progress-head">
        <span class="send-progress-state">
          {props.run.finished ? t('finished') : t('running')}
        </span>
        <span class="send-progress-text">
          {t('text', progress)}
          {' · '}
          <span class={progress.failures > 0 ? 'failures' : undefined}>{t('failures', { count: progress.failures })}</span>
        </span>
      </div>
      <div
        class="progress-track"
        role="progressbar"
        aria-label={t('label')}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
        aria-valuetext={t('valueText', progress)}
      >
        {/* A CSSOM style, which the Content-Security-Policy allows (an inline style attribute it would not). */}
        <div class="progress-fill" style={{ width: `${percent.toFixed(1)}%` }} />
      </div>
      {props.run.estimated && <p class="hint">{t('estimated')}</p>}
    </div>
  );
}
