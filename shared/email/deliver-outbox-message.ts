import type { EventsRepository } from '../events/events-repository.js';
import type { StoredInvitation } from '../invitations/invitations-repository.js';
import type { CalendarSequences } from './calendar-sequences-repository.js';
import type { EventNoticesRepository } from './event-notices-repository.js';
import { isNoticeKind, isSeatKind, renderInvitationEmail, type EventNoticeDetails } from './invitation-templates.js';
import { isEventNoticeKind } from './mail-template-schema.js';
import type { Mailer } from './mailer.js';
import type { OutboxMessage, OutboxRepository } from './outbox-repository.js';
import { buildSeatAttachments, calendarAttachment, calendarUid, CHECK_IN_QR_CONTENT_ID } from './seat-attachments.js';
import { backoffSeconds, classifySendError, MAX_SEND_ATTEMPTS } from './send-errors.js';

export type MailDeliveryDeps = {
  outbox: OutboxRepository;
  events: Pick<EventsRepository, 'findById'>;
  findInvitation: (eventId: string, invitationId: string) => Promise<StoredInvitation | undefined>;
  /** The personal link for an invitation, `${PUBLIC_URL}/r/<token>`. */
  linkFor: (invitation: StoredInvitation) => Promise<string>;
  mailer: Mailer;
  /**
   * The door code of a seat; with it, a seat notice (confirmed, promoted, approved) carries the
   * code, its QR image and a calendar file. Without it, the notice goes out as plain text and HTML.
   */
  checkInCodeFor?: (eventId: string, invitationId: string) => string;
  now: () => Date;
  /** Event notices (cancelled, changed): their text, and what became of each person's mail. */
  notices?: Pick<EventNoticesRepository, 'findNotice' | 'settle'>;
  /** Each calendar file's SEQUENCE, higher than any sent before for its UID. */
  calendarSequences?: CalendarSequences;
  /** How long a claim holds before the message counts as interrupted; LEASE_SECONDS by default. */
  leaseSeconds?: number;
};

export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'suppressed' | 'skipped';

/** How long a claimed message is ours; SES answers in well under this. */
export const LEASE_SECONDS = 120;

/**
 * Sends one queued mail at most once. The message is claimed first; a claim that finds an earlier
 * claim unfinished (a crash between SES and our record) does not send again: SES may have sent it.
 */
export async function deliverOutboxMessage(deps: MailDeliveryDeps, message: OutboxMessage): Promise<DeliveryOutcome> {
  const now = () => deps.now().toISOString();
  const claimed = await deps.outbox.claim(message, now(), deps.leaseSeconds ?? LEASE_SECONDS);
  if (!claimed) return 'skipped';
  // A notice (an answer's mail) leaves the invitation's emailStatus alone: whatever goes wrong,
  // only the message is dropped.
  const notice = isNoticeKind(claimed.kind);
  // An event notice's person item tells the console how far the notice has gone.
  const settle = async (state: 'sent' | 'skipped' | 'failed', reason?: string) => {
    if (claimed.noticeId && deps.notices) await deps.notices.settle(claimed.eventId, claimed.noticeId, claimed.invitationId, state, now(), reason);
  };
  const giveUp = async (status: 'failed' | 'suppressed', reason: string) => {
    if (notice) await deps.outbox.drop(claimed.messageId);
    else await deps.outbox.completeUnsent(claimed, status, reason, now());
    await settle(status === 'suppressed' ? 'skipped' : 'failed', reason);
  };
  if (claimed.state === 'sending') {
    await giveUp('failed', 'interrupted: the sender stopped mid-send; resend if it did not arrive');
    return 'failed';
  }

  const invitation = await deps.findInvitation(claimed.eventId, claimed.invitationId);
  if (!invitation || (!notice && invitation.emailStatus !== 'queued') || !invitation.email) {
    await deps.outbox.drop(claimed.messageId);
    await settle('skipped', 'no address');
    return 'skipped';
  }
  const suppressed = await deps.outbox.findSuppression(invitation.email);
  if (suppressed) {
    await giveUp('suppressed', `suppressed: ${suppressed.reason}`);
    return 'suppressed';
  }
  const event = await deps.events.findById(claimed.eventId);
  // The cancellation notice is the one mail that goes for a cancelled event.
  if (!event || (event.status === 'cancelled' && claimed.kind !== 'event_cancelled')) {
    await giveUp('failed', 'event cancelled');
    return 'failed';
  }

  const checkInCode = isSeatKind(claimed.kind) ? deps.checkInCodeFor?.(claimed.eventId, claimed.invitationId) : undefined;
  const nextSequence = () => deps.calendarSequences?.next(calendarUid(claimed.eventId, claimed.invitationId));
  // Those with a seat hold the calendar entry: a notice updates it, or removes it on cancellation.
  const eventNotice = isEventNoticeKind(claimed.kind);
  const calendarMethod = eventNotice && invitation.response === 'confirmed' ? (claimed.kind === 'event_cancelled' ? 'CANCEL' : 'PUBLISH') : undefined;
  let noticeDetails: EventNoticeDetails | undefined;
  if (eventNotice) {
    const record = claimed.noticeId ? await deps.notices?.findNotice(claimed.eventId, claimed.noticeId) : undefined;
    noticeDetails = {
      reason: record?.reason,
      note: record?.note,
      previous: record?.previous,
      calendar: calendarMethod === 'CANCEL' ? 'cancel' : calendarMethod ? 'update' : undefined,
    };
  }
  const mail = renderInvitationEmail(
    {
      to: invitation.email,
      language: invitation.language,
      salutation: invitation.salutation,
      addressForm: event.addressForm,
      name: invitation.name,
      event,
      link: await deps.linkFor(invitation),
      replyTo: event.contact?.email,
      checkIn: checkInCode ? { code: checkInCode, qrContentId: CHECK_IN_QR_CONTENT_ID } : undefined,
      notice: noticeDetails,
    },
    event.mailTemplates,
    claimed.kind,
  );
  if (checkInCode) {
    mail.attachments = await buildSeatAttachments({
      eventId: claimed.eventId,
      invitationId: claimed.invitationId,
      language: invitation.language,
      event,
      checkInCode,
      now: deps.now(),
      sequence: await nextSequence(),
    });
  } else if (calendarMethod) {
    mail.attachments = [
      calendarAttachment({
        eventId: claimed.eventId,
        invitationId: claimed.invitationId,
        language: invitation.language,
        event,
        now: deps.now(),
        sequence: await nextSequence(),
        method: calendarMethod,
      }),
    ];
  }
  try {
    const { messageId } = await deps.mailer.send(mail);
    await deps.outbox.completeSent(claimed, messageId, now(), { notice });
    await settle('sent');
    return 'sent';
  } catch (error) {
    const failure = classifySendError(error);
    if (failure.retry && claimed.attempts + 1 < MAX_SEND_ATTEMPTS) {
      const due = new Date(deps.now().getTime() + backoffSeconds(claimed.attempts + 1, failure.reason.startsWith('throttled') ? 'throttled' : 'transient') * 1000).toISOString();
      await deps.outbox.retryLater(claimed, due, failure.reason);
      return 'retry';
    }
    await giveUp('failed', failure.reason);
    return 'failed';
  }
}
