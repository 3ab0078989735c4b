import { ConflictError } from '../errors.js';
import { EventNotFoundError } from '../events/event-errors.js';
import type { StoredEvent } from '../events/events-repository.js';
import type { EventNoticeKind } from './mail-template-schema.js';
import type { EventNoticeDeps } from './event-notice-deps.js';
import { noticeRecipients } from './notice-recipients.js';
import { presentEventNotice, type EventNoticeView } from './present-event-notice.js';

export class NoticeNotApplicableError extends ConflictError {
  constructor(kind: EventNoticeKind, status: string) {
    super(
      'notice_not_applicable',
      kind === 'event_cancelled'
        ? { vi: 'Chỉ gửi thông báo hủy cho sự kiện đã hủy.', en: 'A cancellation notice goes out only for a cancelled event.' }
        : {
            vi: 'Chỉ gửi thông báo thay đổi khi thời gian hoặc địa điểm của sự kiện đã công bố vừa thay đổi.',
            en: 'A change notice goes out only after the time or place of a published event changed.',
          },
      { status },
    );
  }
}

/**
 * The notice's id names what it tells about, so asking twice for the same cancellation or the same
 * change finds the same notice and mails nobody twice; a later change is a new notice.
 */
function noticeIdFor(kind: EventNoticeKind, event: StoredEvent): string | undefined {
  if (kind === 'event_cancelled') return event.status === 'cancelled' ? 'cancelled' : undefined;
  if (event.status !== 'published' || !event.scheduleChange) return undefined;
  return `changed-${event.scheduleChange.at.replace(/\D/g, '')}`;
}

const batchSize = 16;

/**
 * Queues the notice to every recipient not queued for it before. Answers the notice, its progress
 * and how many were queued by this call (0 on a retry).
 */
export async function sendEventNotice(
  deps: EventNoticeDeps,
  eventId: string,
  input: { kind: EventNoticeKind; reason?: string; note?: string; userId: string },
): Promise<{ notice: EventNoticeView; queued: number }> {
  const event = await deps.events.findById(eventId);
  if (!event) throw new EventNotFoundError();
  const noticeId = noticeIdFor(input.kind, event);
  if (!noticeId) throw new NoticeNotApplicableError(input.kind, event.status);
  const now = deps.now().toISOString();
  const notice = await deps.notices.ensureNotice({
    eventId,
    noticeId,
    kind: input.kind,
    ...(input.reason ? { reason: input.reason } : {}),
    ...(input.note ? { note: input.note } : {}),
    ...(input.kind === 'event_changed' && event.scheduleChange ? { previous: event.scheduleChange.previous } : {}),
    createdAt: now,
    createdBy: input.userId,
  });
  const recipients = noticeRecipients(await deps.listInvitations(eventId));
  let queued = 0;
  for (let i = 0; i < recipients.length; i += batchSize) {
    const results = await Promise.all(recipients.slice(i, i + batchSize).map((r) => deps.notices.queueFor(notice, r.invitationId, now)));
    queued += results.filter(Boolean).length;
  }
  if (queued > 0) deps.afterQueued?.(queued);
  return { notice: presentEventNotice(notice, await deps.notices.progressOf(eventId, noticeId)), queued };
}
