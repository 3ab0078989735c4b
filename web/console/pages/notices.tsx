import { useEffect, useState } from 'preact/hooks';
import type { Event } from '../../../shared/events/event-schema.js';
import { ApiError } from '../../lib/api-client.js';
import { formatDateTime, formatRange } from '../../lib/datetime.js';
import { defineMessages, pickLocalized } from '../../lib/i18n.js';
import { MailPreview } from '../components/mail-preview.js';
import { ActionNotice, BackToEvent, EventNotFound, LoadErrorNotice, type ActionStatus } from '../components/page-notices.js';
import { PageHeading } from '../components/page-heading.js';
import { useApp, useCan, useText } from '../context.js';
import type { PageProps } from '../routes.js';
import { errorText } from '../../lib/error-text.js';

const messages = defineMessages({
  vi: {
    title: 'Thông báo cho khách mời',
    back: 'Về trang sự kiện',
    notFound: 'Không tìm thấy sự kiện này.',
    changeTitle: 'Thời gian hoặc địa điểm đã thay đổi',
    changeLead: 'Những người đã nhận đường dẫn vẫn giữ thông tin cũ (và có thể cả mục trong lịch). Hãy báo cho họ.',
    before: 'Trước đây',
    now: 'Bây giờ',
    reach: 'Thông báo gửi cho {count} người đã nhận đường dẫn; {seats} người đã có chỗ nhận thêm tệp lịch cập nhật. Địa chỉ bị chặn được bỏ qua.',
    note: 'Ghi chú gửi kèm (không bắt buộc)',
    notePlaceholder: 'Ví dụ: Do trùng lịch thi, buổi diễn đàn chuyển sang buổi chiều.',
    send: 'Gửi thông báo thay đổi',
    sending: 'Đang gửi…',
    skip: 'Không gửi',
    queued: 'Đã xếp {count} thư thông báo vào hàng gửi.',
    alreadySent: 'Thông báo cho thay đổi này đã được gửi; không ai nhận hai lần.',
    progressTitle: 'Các thông báo đã gửi',
    none: 'Chưa có thông báo nào.',
    'kind.event_cancelled': 'Thông báo hủy sự kiện',
    'kind.event_changed': 'Thông báo thay đổi thời gian, địa điểm',
    progress: 'Đã gửi {sent}/{total}',
    details: 'đang chờ {queued}, bỏ qua {skipped}, lỗi {failed}',
    reason: 'Lý do:',
    noteShown: 'Ghi chú:',
    at: 'Lúc {at}',
  },
  en: {
    title: 'Notices to invitees',
    back: 'Back to the event',
    notFound: 'This event was not found.',
    changeTitle: 'The time or place has changed',
    changeLead: 'Those who got the link still have the old details (and perhaps a calendar entry). Tell them.',
    before: 'Before',
    now: 'Now',
    reach: 'The notice goes to the {count} people who hold the link; the {seats} with a seat also get an updated calendar file. Blocked addresses are skipped.',
    note: 'A note to send with it (optional)',
    notePlaceholder: 'E.g. Because of the exams, the forum moves to the afternoon.',
    send: 'Send the change notice',
    sending: 'Sending…',
    skip: 'Do not send',
    queued: '{count} notices are queued to go.',
    alreadySent: 'The notice for this change has gone out already; nobody gets it twice.',
    progressTitle: 'Notices sent',
    none: 'No notice yet.',
    'kind.event_cancelled': 'Cancellation notice',
    'kind.event_changed': 'Change of time or place',
    progress: 'Sent {sent} of {total}',
    details: '{queued} waiting, {skipped} skipped, {failed} failed',
    reason: 'Reason:',
    noteShown: 'Note:',
    at: 'At {at}',
  },
});

type Progress = { total: number; queued: number; sent: number; skipped: number; failed: number };
type Notice = {
  noticeId: string;
  kind: 'event_cancelled' | 'event_changed';
  reason?: string;
  note?: string;
  createdAt: string;
  progress: Progress;
};

/** A change notice sent after the last change of time or place already told about it. */
const changeTold = (event: Event, notices: Notice[]) =>
  event.scheduleChange !== undefined &&
  notices.some((n) => n.kind === 'event_changed' && Date.parse(n.createdAt) >= Date.parse(event.scheduleChange!.at));

/**
 * The event's notices (docs/api/reference.md, "Event mail"): after a change of time or place of a published
 * event, the offer to tell everyone who holds the link, with a preview as a chosen invitee reads
 * it; then how far each notice has gone, refreshed while mail is still waiting.
 */
export function NoticesPage({ params }: PageProps) {
  const { api, language, announce } = useApp();
  const can = useCan();
  const t = useText(messages);
  const eventId = params.eventId!;
  const base = `/api/events/${encodeURIComponent(eventId)}`;
  const [event, setEvent] = useState<Event>();
  const [notices, setNotices] = useState<Notice[]>();
  const [reach, setReach] = useState<{ recipients: number; withSeat: number }>();
  const [notFound, setNotFound] = useState(false);
  const [loadError, setLoadError] = useState<string>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<ActionStatus>();
  const [dismissed, setDismissed] = useState(false);

  async function load() {
    setLoadError(undefined);
    try {
      const [{ event: loaded }, list] = await Promise.all([api.get<{ event: Event }>(base), api.get<{ items: Notice[] }>(`${base}/notices`)]);
      setEvent(loaded);
      setNotices(list.items);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 404) setNotFound(true);
      else setLoadError(errorText(failure));
    }
  }
  useEffect(() => void load(), [base]);
  useEffect(() => {
    api.get<{ recipients: number; withSeat: number }>(`${base}/notices/recipients`).then(setReach, () => undefined);
  }, [base]);
  // While mail is waiting, the progress moves: read it again every two seconds.
  const waiting = notices?.some((n) => n.progress.queued > 0);
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => {
      api.get<{ items: Notice[] }>(`${base}/notices`).then((list) => setNotices(list.items), () => undefined);
    }, 2000);
    return () => clearInterval(timer);
  }, [waiting, base]);

  async function send() {
    setBusy(true);
    setStatus(undefined);
    try {
      const answer = await api.post<{ notice: Notice; queued: number }>(`${base}/notices`, { kind: 'event_changed', ...(note.trim() ? { note } : {}) });
      const text = answer.queued > 0 ? t('queued', { count: answer.queued }) : t('alreadySent');
      setStatus({ kind: 'success', text });
      announce(text);
      setDismissed(true);
      await load();
    } catch (failure) {
      setStatus({ kind: 'error', text: errorText(failure) });
    } finally {
      setBusy(false);
    }
  }

  if (notFound) return <EventNotFound heading={t('title')} message={t('notFound')} />;
  const title = event ? pickLocalized(event.title, language) : undefined;
  const pendingChange =
    event?.status === 'published' && event.scheduleChange && notices && !changeTold(event, notices) && !dismissed;

  return (
    <section class="notices-page">
      <BackToEvent eventId={eventId} title={title} fallback={t('back')} />
      <PageHeading text={t('title')} />
      <ActionNotice status={status} />
      <LoadErrorNotice message={loadError} onRetry={() => void load()} />
      {!event || !notices ? (
        !loadError && (
          <p class="loading" role="status">
            {t('common.loading')}
          </p>
        )
      ) : (
        <>
          {pendingChange && can('events:write') && event.scheduleChange && (
            <section class="card change-card" aria-labelledby="change-title">
              <h2 id="change-title">{t('changeTitle')}</h2>
              <p class="lead">{t('changeLead')}</p>
              <dl class="facts change-facts">
                <div>
                  <dt>{t('before')}</dt>
                  <dd>
                    <del>
                      {formatRange(event.scheduleChange.previous.startsAt, event.scheduleChange.previous.endsAt)} · {event.scheduleChange.previous.venue}
                    </del>
                  </dd>
                </div>
                <div>
                  <dt>{t('now')}</dt>
                  <dd>
                    <ins>
                      {formatRange(event.startsAt, event.endsAt)} · {event.venue}
                    </ins>
                  </dd>
                </div>
              </dl>
              {reach && <p class="hint">{t('reach', { count: reach.recipients, seats: reach.withSeat })}</p>}
              <div class="field">
                <label for="change-note">{t('note')}</label>
                <textarea id="change-note" rows={3} maxLength={1000} placeholder={t('notePlaceholder')} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
              </div>
              <MailPreview eventId={eventId} kind="event_changed" note={note} />
              <div class="actions">
                <button type="button" class="button primary" disabled={busy} onClick={() => void send()}>
                  {busy ? t('sending') : t('send')}
                </button>
                <button type="button" class="button" disabled={busy} onClick={() => setDismissed(true)}>
                  {t('skip')}
                </button>
              </div>
            </section>
          )}

          <section class="card" aria-labelledby="progress-title">
            <h2 id="progress-title">{t('progressTitle')}</h2>
            {notices.length === 0 ? (
              <p class="empty">{t('none')}</p>
            ) : (
              <ul class="notice-list">
                {notices.map((n) => (
                  <li key={n.noticeId}>
                    <h3>{t(`kind.${n.kind}`)}</h3>
                    <p class="hint">{t('at', { at: formatDateTime(n.createdAt) })}</p>
                    {n.reason && (
                      <p>
                        <span class="muted">{t('reason')}</span> {n.reason}
                      </p>
                    )}
                    {n.note && (
                      <p>
                        <span class="muted">{t('noteShown')}</span> {n.note}
                      </p>
                    )}
                    <label for={`progress-${n.noticeId}`}>{t('progress', { sent: n.progress.sent, total: n.progress.total })}</label>{' '}
                    <progress id={`progress-${n.noticeId}`} max={Math.max(1, n.progress.total)} value={n.progress.total - n.progress.queued} />
                    <p class="hint" role="status">
                      {t('details', { queued: n.progress.queued, skipped: n.progress.skipped, failed: n.progress.failed })}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </section>
  );
}
