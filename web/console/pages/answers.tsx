import { useEffect, useState } from 'preact/hooks';
import type { Event } from '../../../shared/events/event-schema.js';
import type { InvitationCounts } from '../../../shared/invitations/invitation-schema.js';
import type { AnswerTimeline } from '../../../shared/registrations/answer-timeline-schema.js';
import { ApiError } from '../../lib/api-client.js';
import { formatDateTime } from '../../lib/datetime.js';
import { defineMessages, inBoth, pickLocalized, textIn, type LocalizedText } from '../../lib/i18n.js';
import { AnswersChart } from '../components/answers-chart.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { StatusBadge } from '../components/event-badges.js';
import { invitationLabels } from '../components/invitation-labels.js';
import { OnBehalfDialog, type OnBehalfDone } from '../components/on-behalf-dialog.js';
import { onBehalfLabels, } from '../components/on-behalf-mark.js';
import { ActionNotice, BackToEvent, EventNotFound, LoadErrorNotice, type ActionStatus } from '../components/page-notices.js';
import { PageHeading } from '../components/page-heading.js';
import { useApp, useCan, useText } from '../context.js';
import { PendingApprovals, WaitingList, type Pending, type Waiting } from '../components/answer-lists.js';
import type { PageProps } from '../routes.js';
import { errorText } from '../../lib/error-text.js';

const messages = defineMessages({
  vi: {
    title: 'Trả lời của khách mời',
    back: 'Về trang sự kiện',
    notFound: 'Không tìm thấy sự kiện này.',
    actions: 'Thao tác',
    onBehalf: 'Ghi nhận trả lời thay',
    invitations: 'Danh sách khách mời',
    notOpen: 'Sự kiện không ở trạng thái đã công bố: không thể duyệt hay ghi nhận trả lời.',
    countsTitle: 'Số liệu theo câu trả lời',
    capacity: 'Sức chứa',
    noLimit: 'Không giới hạn',
    seatsLeft: 'Còn {count} chỗ trống',
    full: 'Đã hết chỗ',
    'count.confirmed': 'Xác nhận tham dự',
    'count.waitlisted': 'Danh sách chờ',
    'count.pending': 'Chờ duyệt',
    'count.declined': 'Từ chối',
    'count.withdrawn': 'Đã rút',
    'count.rejected': 'Không được duyệt',
    'count.none': 'Chưa trả lời',
    approve: 'Duyệt',
    reject: 'Không duyệt',
    rejectTitle: 'Không duyệt {count} người?',
    rejectText: 'Mỗi người sẽ nhận thư báo không được duyệt, kèm lý do nếu bạn ghi.',
    reason: 'Lý do (không bắt buộc)',
    approved: 'Đã duyệt {count} người.',
    approvedWaitlisted: '{count} người vào danh sách chờ vì đã hết chỗ.',
    rejected: 'Đã không duyệt {count} người.',
    failedSome: 'Không xử lý được: {list}.',
    'error.not_pending': 'không còn chờ duyệt',
    'error.invitation_not_found': 'không tìm thấy',
    'error.other': 'lỗi {code}',
    chartTitle: 'Trả lời theo thời gian',
    chartSince: 'Từ khi gửi thư mời đầu tiên ({at}).',
    recorded: 'Đã ghi nhận thay {name}: {response} ({channel}).',
  },
  en: {
    title: 'Answers',
    back: 'Back to the event',
    notFound: 'This event was not found.',
    actions: 'Actions',
    onBehalf: 'Record an answer on behalf',
    invitations: 'Invitees',
    notOpen: 'The event is not published: answers cannot be reviewed or recorded.',
    countsTitle: 'Counts by answer',
    capacity: 'Capacity',
    noLimit: 'No limit',
    seatsLeft: '{count} seats left',
    full: 'Full',
    'count.confirmed': 'Confirmed',
    'count.waitlisted': 'Waiting list',
    'count.pending': 'Awaiting approval',
    'count.declined': 'Declined',
    'count.withdrawn': 'Withdrawn',
    'count.rejected': 'Not accepted',
    'count.none': 'Not answered',
    approve: 'Approve',
    reject: 'Reject',
    rejectTitle: 'Reject {count}?',
    rejectText: 'Each is told by mail that they were not accepted, with the reason if you give one.',
    reason: 'Reason (optional)',
    approved: '{count} approved.',
    approvedWaitlisted: '{count} put on the waiting list: the event is full.',
    rejected: '{count} rejected.',
    failedSome: 'Not done: {list}.',
    'error.not_pending': 'no longer awaiting approval',
    'error.invitation_not_found': 'not found',
    'error.other': 'error {code}',
    chartTitle: 'Answers over time',
    chartSince: 'Since the first invitation went out ({at}).',
    recorded: 'Recorded for {name}: {response} ({channel}).',
  },
});

type ReviewResult = { invitationId: string; response?: string; error?: string };
type Status = ActionStatus;
type Data = { event: Event; counts: InvitationCounts; pending: Pending[]; waiting: Waiting[]; timeline: AnswerTimeline };

const countKeys = ['confirmed', 'waitlisted', 'pending', 'declined', 'withdrawn', 'rejected', 'none'] as const;

/**
 * The organiser's side of answering (issue #7): counts by answer against the capacity, pending
 * approvals decided one by one or in bulk, the waiting list in order, answers recorded on an
 * invitee's behalf, and a chart of answers over time. Everything is read again after each action.
 */
export function AnswersPage({ params }: PageProps) {
  const { api, language, announce } = useApp();
  const can = useCan();
  const t = useText(messages);
  const eventId = params.eventId!;
  const base = `/api/events/${encodeURIComponent(eventId)}`;
  const [data, setData] = useState<Data>();
  const [notFound, setNotFound] = useState(false);
  const [loadError, setLoadError] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState<string[]>();
  const [reason, setReason] = useState('');
  const [recording, setRecording] = useState(false);

  async function refresh() {
    try {
      const [event, counts, pending, waiting, timeline] = await Promise.all([
        api.get<{ event: Event }>(base).then((a) => a.event),
        api.get<{ counts: InvitationCounts }>(`${base}/invitations/counts`).then((a) => a.counts),
        api.get<{ items: Pending[] }>(`${base}/registrations/pending`).then((a) => a.items),
        api.get<{ items: Waiting[] }>(`${base}/registrations/waitlist`).then((a) => a.items),
        api.get<{ timeline: AnswerTimeline }>(`${base}/registrations/timeline`).then((a) => a.timeline),
      ]);
      setData({ event, counts, pending, waiting, timeline });
      // What was selected and is no longer pending cannot stay selected.
      setSelected((current) => new Set([...current].filter((id) => pending.some((p) => p.invitationId === id))));
      setLoadError(undefined);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 404) setNotFound(true);
      else setLoadError(errorText(failure));
    }
  }

  useEffect(() => void refresh(), [eventId]);

  const report = (kind: Status['kind'], text: string | LocalizedText) => {
    setStatus({ kind, text });
    if (kind === 'success') announce(textIn(text, language));
  };

  /** One sentence per outcome, in both languages so it follows a language switch. */
  function summarize(results: ReviewResult[], names: Map<string, string>, verb: 'approved' | 'rejected'): LocalizedText {
    const done = results.filter((r) => r.response === (verb === 'approved' ? 'confirmed' : 'rejected')).length;
    const waitlisted = verb === 'approved' ? results.filter((r) => r.response === 'waitlisted').length : 0;
    const failed = results.filter((r) => r.error);
    const sentence = (lang: 'vi' | 'en') => {
      const tr = (key: keyof typeof messages.vi, p?: Record<string, string | number>) => inBoth(messages, key, p)[lang];
      // "0 approved" says nothing when everyone went to the waiting list or failed.
      const parts = done > 0 || (!waitlisted && failed.length === 0) ? [tr(verb, { count: done })] : [];
      if (waitlisted) parts.push(tr('approvedWaitlisted', { count: waitlisted }));
      if (failed.length) {
        const list = failed
          .map((f) => {
            const known = f.error === 'not_pending' || f.error === 'invitation_not_found';
            const why = known ? tr(`error.${f.error as 'not_pending' | 'invitation_not_found'}`) : tr('error.other', { code: f.error ?? '' });
            return `${names.get(f.invitationId) ?? f.invitationId} (${why})`;
          })
          .join(', ');
        parts.push(tr('failedSome', { list }));
      }
      return parts.join(' ');
    };
    return { vi: sentence('vi'), en: sentence('en') };
  }

  async function review(kind: 'approve' | 'reject', invitationIds: string[], why?: string) {
    if (invitationIds.length === 0) return;
    setBusy(true);
    setStatus(undefined);
    const names = new Map((data?.pending ?? []).map((p) => [p.invitationId, p.name]));
    try {
      const body = kind === 'reject' && why?.trim() ? { invitationIds, reason: why.trim() } : { invitationIds };
      const { results } = await api.post<{ results: ReviewResult[] }>(`${base}/registrations/${kind}`, body);
      const text = summarize(results, names, kind === 'approve' ? 'approved' : 'rejected');
      report(results.some((r) => r.error) ? 'error' : 'success', text);
      setRejecting(undefined);
      setReason('');
    } catch (failure) {
      report('error', errorText(failure));
    } finally {
      setBusy(false);
      await refresh();
    }
  }

  function recorded(done: OnBehalfDone) {
    const tl = (lang: 'vi' | 'en') => invitationLabels[lang][`response.${done.response}`];
    report(
      'success',
      inBoth(messages, 'recorded', (lang) => ({ name: done.invitation.name, response: tl(lang), channel: onBehalfLabels[lang][`channel.${done.channel}`] })),
    );
    void refresh();
  }

  if (notFound) return <EventNotFound heading={t('title')} message={t('notFound')} />;

  const event = data?.event;
  const title = event ? pickLocalized(event.title, language) : undefined;
  const mayWrite = can('registrations:write');
  const open = event?.status === 'published';
  const acts = mayWrite && open;
  const pending = data?.pending ?? [];
  const full = event?.capacity !== undefined && event.counts.confirmed >= event.capacity;

  return (
    <section class="answers-page">
      <BackToEvent eventId={eventId} title={title} fallback={t('back')} />
      <PageHeading text={t('title')}>{event && <StatusBadge status={event.status} />}</PageHeading>
      <ActionNotice status={status} />
      <LoadErrorNotice message={loadError} onRetry={() => void refresh()} />
      {!data && !loadError && (
        <p class="loading" role="status">
          {t('common.loading')}
        </p>
      )}

      {data && event && (
        <>
          <div class="toolbar" role="group" aria-label={t('actions')}>
            {acts && (
              <button type="button" class="button primary" onClick={() => setRecording(true)}>
                {t('onBehalf')}
              </button>
            )}
            {can('invitations:read') && (
              <a class="button" href={`/console/events/${encodeURIComponent(eventId)}/invitations`}>
                {t('invitations')}
              </a>
            )}
          </div>
          {mayWrite && !open && <p class="notice">{t('notOpen')}</p>}

          <section class="card" aria-labelledby="answer-counts-title">
            <h2 id="answer-counts-title">{t('countsTitle')}</h2>
            <dl class="stats answer-stats">
              <div class="capacity">
                <dt>{t('capacity')}</dt>
                <dd>{event.capacity ?? t('noLimit')}</dd>
                {event.capacity !== undefined && (
                  <dd class="seats-left">{full ? t('full') : t('seatsLeft', { count: event.capacity - event.counts.confirmed })}</dd>
                )}
              </div>
              {countKeys.map((key) => (
                <div key={key} class={`count-${key}`}>
                  <dt>{t(`count.${key}`)}</dt>
                  <dd>{data.counts.response[key]}</dd>
                </div>
              ))}
            </dl>
          </section>

          {(event.requiresApproval || pending.length > 0) && (
            <PendingApprovals
              pending={pending}
              acts={Boolean(acts)}
              busy={busy}
              full={full}
              selected={selected}
              onSelected={setSelected}
              onApprove={(ids) => void review('approve', ids)}
              onReject={setRejecting}
            />
          )}

          <WaitingList waiting={data.waiting} />

          <section class="card" aria-labelledby="chart-title">
            <h2 id="chart-title">{t('chartTitle')}</h2>
            {data.timeline.firstInvitedAt && <p class="hint">{t('chartSince', { at: formatDateTime(data.timeline.firstInvitedAt) })}</p>}
            <AnswersChart timeline={data.timeline} />
          </section>

          <ConfirmDialog
            open={rejecting !== undefined}
            title={t('rejectTitle', { count: rejecting?.length ?? 0 })}
            confirmLabel={t('reject')}
            danger
            busy={busy}
            onConfirm={() => rejecting && void review('reject', rejecting, reason)}
            onClose={() => {
              setRejecting(undefined);
              setReason('');
            }}
          >
            <p>{t('rejectText')}</p>
            <div class="field">
              <label for="reject-reason">{t('reason')}</label>
              <textarea id="reject-reason" rows={3} maxLength={1000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
            </div>
          </ConfirmDialog>

          {recording && <OnBehalfDialog eventId={eventId} onDone={recorded} onClose={() => setRecording(false)} />}
        </>
      )}
    </section>
  );
}
