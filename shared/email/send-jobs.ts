import { newId } from '../auth/secret-tokens.js';
import type { MailKind } from './invitation-templates.js';
import type { QueueMailInput } from './outbox-repository.js';
import { QUEUE_BATCH, type Candidate, type SendJob, type SendJobKind, type SendJobsRepository } from './send-jobs-repository.js';

/**
 * A send or a reminder as queued work: the request starts a job (and, given time, works on it for
 * a moment), then the background continues it: the local runner
 * (functions/mail/send-job-runner.ts) under `npm start`, the outbox sweeper Lambda in the cloud
 * (functions/mail/outbox-sweeper.ts), woken by the request. Each page's progress is saved, so a
 * runner that stops (its time is up, it crashed) leaves the rest to the next.
 */
export type SendJobsDeps = {
  jobs: SendJobsRepository;
  now: () => Date;
  /** Wakes the sender (and, in the cloud, the sweeper that also continues jobs). */
  afterQueued?: (count: number) => void;
};

/** What a runner holds a job for; a page takes well under a second. */
const LEASE_SECONDS = 60;
/** Invitations read per page of a job: in the background, and in the request (a first taste). */
const PAGE = 200;
const INLINE_PAGE = 50;

const RULES: Record<SendJobKind, { mail: MailKind; onlyUnanswered: boolean }> = {
  invitation: { mail: 'invitation', onlyUnanswered: false },
  reminder: { mail: 'reminder', onlyUnanswered: true },
};

/** Each mail only from the status its invitation was read with, so the counts move from it. */
function mailsOf(job: SendJob, candidates: Candidate[], at: string): QueueMailInput[] {
  const rule = RULES[job.kind];
  return candidates.map(({ invitationId, emailStatus }) => ({
    messageId: `${invitationId}.${rule.mail}.${newId()}`,
    kind: rule.mail,
    eventId: job.eventId,
    invitationId,
    fromStatuses: [emailStatus],
    onlyUnanswered: rule.onlyUnanswered,
    // Run again after a crash, a page queues nobody a second reminder.
    notQueuedSince: job.kind === 'reminder' ? job.startedAt : undefined,
    at,
  }));
}

export type JobRun = 'done' | 'paused' | 'busy';

/**
 * Works on one job until it is done or `budgetMs` has passed; answers `busy` when another runner
 * holds it. The named list of a send is worked by position, the rest page by page of the event's
 * invitations, each page's mails queued in transactions of up to 25.
 */
export async function runSendJob(
  deps: SendJobsDeps,
  eventId: string,
  kind: SendJobKind,
  budgetMs: number,
  options: { inline?: boolean } = {},
): Promise<JobRun> {
  const started = Date.now();
  const pageSize = options.inline ? INLINE_PAGE : PAGE;
  const owner = newId();
  let job = await deps.jobs.claim(eventId, kind, owner, deps.now().toISOString(), LEASE_SECONDS);
  if (!job) return 'busy';
  let queued = job.queued;
  let total = job.total;
  // The background counts first, so the console can show "n of total"; the request does not wait for it.
  if (total === undefined && !job.invitationIds && !options.inline) {
    total = queued + (await deps.jobs.countCandidates(eventId, kind));
    if (!(await deps.jobs.saveProgress(job, owner, { queued, total, at: deps.now().toISOString() }))) return 'busy';
    job = { ...job, total };
  }
  let cursor = job.cursor;
  for (;;) {
    let candidates: Candidate[];
    let next: string | undefined;
    if (job.invitationIds) {
      // Named invitations are sent only from not_sent (a send job's rule).
      const from = Number(cursor ?? 0);
      candidates = job.invitationIds.slice(from, from + pageSize).map((invitationId) => ({ invitationId, emailStatus: 'not_sent' }));
      next = from + pageSize < job.invitationIds.length ? String(from + pageSize) : undefined;
    } else {
      const page = await deps.jobs.candidatesPage(eventId, kind, cursor, pageSize);
      candidates = page.items;
      next = page.next;
    }
    const mails = mailsOf(job, candidates, deps.now().toISOString());
    for (let i = 0; i < mails.length; i += QUEUE_BATCH * 4) {
      const counts = await Promise.all(
        Array.from({ length: 4 }, (_, n) => mails.slice(i + n * QUEUE_BATCH, i + (n + 1) * QUEUE_BATCH))
          .filter((batch) => batch.length > 0)
          .map((batch) => deps.jobs.queueBatch(batch)),
      );
      const added = counts.reduce((a, b) => a + b, 0);
      queued += added;
      if (added > 0) deps.afterQueued?.(added);
    }
    const at = deps.now().toISOString();
    if (!next) {
      await deps.jobs.finish(job, owner, { queued, total: queued, at });
      return 'done';
    }
    cursor = next;
    if (!(await deps.jobs.saveProgress(job, owner, { cursor, queued, at }))) return 'busy';
    if (Date.now() - started >= budgetMs) {
      await deps.jobs.release(job, owner);
      return 'paused';
    }
  }
}

/**
 * Starts a job (or finds the one of that kind still running: a second click queues nothing
 * twice) and works on it for up to `inlineBudgetMs` (0: leaves it all to the background at once).
 * `job.state` says whether it is done.
 */
export async function startSendJob(
  deps: SendJobsDeps,
  input: { eventId: string; kind: SendJobKind; invitationIds?: string[]; createdBy?: string },
  inlineBudgetMs: number,
): Promise<{ queued: number; job: SendJob }> {
  const at = deps.now().toISOString();
  const { started, job } = await deps.jobs.start({
    eventId: input.eventId,
    kind: input.kind,
    jobId: newId(),
    state: 'running',
    ...(input.invitationIds ? { invitationIds: [...new Set(input.invitationIds)] } : {}),
    queued: 0,
    startedAt: at,
    updatedAt: at,
    ...(input.createdBy ? { createdBy: input.createdBy } : {}),
  });
  if (!started) return { queued: 0, job };
  if (inlineBudgetMs <= 0) {
    deps.afterQueued?.(0);
    return { queued: 0, job };
  }
  const run = await runSendJob(deps, input.eventId, input.kind, inlineBudgetMs, { inline: true });
  const now = (await deps.jobs.find(input.eventId, input.kind)) ?? job;
  // Left for the background: wake it even if nothing was queued yet.
  if (run !== 'done') deps.afterQueued?.(0);
  return { queued: now.jobId === job.jobId ? now.queued : 0, job: now.jobId === job.jobId ? now : job };
}

/**
 * The runners' part: every running job, each for a share of `budgetMs`, until all are done or
 * the time is up. Answers how many were finished.
 */
export async function runDueSendJobs(deps: SendJobsDeps, budgetMs: number): Promise<number> {
  const started = Date.now();
  let finished = 0;
  for (const { eventId, kind } of await deps.jobs.listDue()) {
    const left = budgetMs - (Date.now() - started);
    if (left <= 0) break;
    if ((await runSendJob(deps, eventId, kind, left)) === 'done') finished += 1;
  }
  return finished;
}

/** A job as the API shows it. */
export function presentSendJob(job: SendJob) {
  return {
    jobId: job.jobId,
    kind: job.kind,
    state: job.state,
    queued: job.queued,
    ...(job.total !== undefined ? { total: job.total } : {}),
    startedAt: job.startedAt,
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
  };
}
