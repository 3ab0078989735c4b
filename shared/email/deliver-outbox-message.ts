import type { EventsRepository, StoredEvent } from '../events/events-repository.js';
import type { StoredInvitation } from '../invitations/invitations-repository.js';
import type { CalendarSequences } from './calendar-sequences-repository.js';
import type { EventNoticesRepository } from './event-notices-repository.js';
import { isNoticeKind, isSeatKind, renderInvitationEmail, type EventNoticeDetails } from './invitation-templates.js';
import { defaultUnion, type UnionSigner } from './mail-layout.js';
import type { Unit } from '../units/unit-schema.js';
import { mailIdentityOf } from '../units/unit-signer.js';
import { isEventNoticeKind } from './mail-template-schema.js';
import type { EmailAttachment, Mailer } from './mailer.js';
import type { Pacer } from './pacer.js';
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
  /** Signs mail whose event names no contact (AppConfig.union); the default union when absent. */
  union?: UnionSigner;
  /** The unit running an event (shared/units): its sender name and signature go on the mail. */
  unitFor?: (unitId: string | undefined) => Promise<Unit | undefined>;
  /** Event notices (cancelled, changed): their text, and what became of each person's mail. */
  notices?: Pick<EventNoticesRepository, 'findNotice' | 'settle'>;
  /** Each calendar file's SEQUENCE, higher than any sent before for its UID. */
  calendarSequences?: CalendarSequences;
  /**
   * The invitee's giấy mời as a PDF, numbered now if it has no number yet; an invitation mail
   * carries it when its event asks for it (attachInvitationLetter).
   */
  letterFor?: (event: StoredEvent, invitation: StoredInvitation) => Promise<{ reference: string; attachment: EmailAttachment }>;
  /** How long a claim holds before the message counts as interrupted; LEASE_SECONDS by default. */
  leaseSeconds?: number;
  /**
   * SES's rate, shared by every send of the process: a slot is waited for before the lease is
   * taken, so no message is held while it waits its turn.
   */
  pacer?: Pacer;
};

export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'suppressed' | 'skipped';

/** How long a claimed message is ours; SES answers in well under this. */
export const LEASE_SECONDS = 120;

const INTERRUPTED = 'interrupted: the sender stopped while SES had the mail; resend if it did not arrive';

/**
 * Sends one queued mail at most once. Everything that can be done without SES is done first (the
 * invitation read, the suppression list, the rendering); then the caller waits for its pacing
 * slot, and only then takes the message's lease, right before the call to SES. SES's answer is
 * recorded on the message before anything else. So after a crash the only messages whose fate is
 * unknown are those whose call was in flight: a lease found without an answer is marked
 * interrupted (never sent again on a guess), and a lease found with SES's answer is completed as
 * sent, so a resend never mails someone SES had already accepted a mail for.
 */
export async function deliverOutboxMessage(deps: MailDeliveryDeps, message: OutboxMessage): Promise<DeliveryOutcome> {
  const now = () => deps.now().toISOString();
  const leaseSeconds = deps.leaseSeconds ?? LEASE_SECONDS;
  // A notice (an answer's mail) leaves the invitation's emailStatus alone: whatever goes wrong,
  // only the message is dropped.
  const notice = isNoticeKind(message.kind);
  // An event notice's person item tells the console how far the notice has gone.
  const settle = async (state: 'sent' | 'skipped' | 'failed', reason?: string) => {
    if (message.noticeId && deps.notices) await deps.notices.settle(message.eventId, message.noticeId, message.invitationId, state, now(), reason);
  };
  const giveUp = async (owned: OutboxMessage, status: 'failed' | 'suppressed', reason: string) => {
    if (notice) await deps.outbox.drop(owned.messageId);
    else await deps.outbox.completeUnsent(owned, status, reason, now());
    await settle(status === 'suppressed' ? 'skipped' : 'failed', reason);
  };

  if (message.state !== 'pending') {
    // An earlier sender's lease ran out: settle what it left, under a lease of our own.
    const claimed = await deps.outbox.claim(message, now(), leaseSeconds);
    if (!claimed) return 'skipped';
    if (claimed.sesMessageId) {
      await deps.outbox.completeSent(claimed, claimed.sesMessageId, now(), { notice });
      await settle('sent');
      return 'sent';
    }
    await giveUp(claimed, 'failed', INTERRUPTED);
    return 'failed';
  }

  const invitation = await deps.findInvitation(message.eventId, message.invitationId);
  if (!invitation || (!notice && invitation.emailStatus !== 'queued') || !invitation.email) {
    await deps.outbox.drop(message.messageId);
    await settle('skipped', 'no address');
    return 'skipped';
  }
  const suppressed = await deps.outbox.findSuppression(invitation.email);
  if (suppressed) {
    await giveUp(message, 'suppressed', `suppressed: ${suppressed.reason}`);
    return 'suppressed';
  }
  const event = await deps.events.findById(message.eventId);
  // The cancellation notice is the one mail that goes for a cancelled event.
  if (!event || (event.status === 'cancelled' && message.kind !== 'event_cancelled')) {
    await giveUp(message, 'failed', 'event cancelled');
    return 'failed';
  }

  const checkInCode = isSeatKind(message.kind) ? deps.checkInCodeFor?.(message.eventId, message.invitationId) : undefined;
  const nextSequence = () => deps.calendarSequences?.next(calendarUid(message.eventId, message.invitationId));
  // Those with a seat hold the calendar entry: a notice updates it, or removes it on cancellation.
  const eventNotice = isEventNoticeKind(message.kind);
  const calendarMethod = eventNotice && invitation.response === 'confirmed' ? (message.kind === 'event_cancelled' ? 'CANCEL' : 'PUBLISH') : undefined;
  let noticeDetails: EventNoticeDetails | undefined;
  if (eventNotice) {
    const record = message.noticeId ? await deps.notices?.findNotice(message.eventId, message.noticeId) : undefined;
    noticeDetails = {
      reason: record?.reason,
      note: record?.note,
      previous: record?.previous,
      calendar: calendarMethod === 'CANCEL' ? 'cancel' : calendarMethod ? 'update' : undefined,
    };
  }
  const identity = mailIdentityOf(await deps.unitFor?.(event.unitId), deps.union ?? defaultUnion);
  const letter = message.kind === 'invitation' && event.attachInvitationLetter ? await deps.letterFor?.(event, invitation) : undefined;
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
      union: identity.signer,
      host: identity.host,
      notice: noticeDetails,
      letterReference: letter?.reference,
    },
    event.mailTemplates,
    message.kind,
  );
  if (identity.fromName) mail.fromName = identity.fromName;
  if (checkInCode) {
    mail.attachments = await buildSeatAttachments({
      eventId: message.eventId,
      invitationId: message.invitationId,
      language: invitation.language,
      event,
      checkInCode,
      now: deps.now(),
      sequence: await nextSequence(),
    });
  } else if (calendarMethod) {
    mail.attachments = [
      calendarAttachment({
        eventId: message.eventId,
        invitationId: message.invitationId,
        language: invitation.language,
        event,
        now: deps.now(),
        sequence: await nextSequence(),
        method: calendarMethod,
      }),
    ];
  } else if (letter) {
    mail.attachments = [letter.attachment];
  }

  await deps.pacer?.wait();
  const claimed = await deps.outbox.claim(message, now(), leaseSeconds);
  if (!claimed) {
    // Another sender has it: the slot was not used.
    deps.pacer?.giveBack();
    return 'skipped';
  }
  let sesMessageId: string;
  try {
    ({ messageId: sesMessageId } = await deps.mailer.send(mail));
  } catch (error) {
    const failure = classifySendError(error);
    if (failure.reason.startsWith('throttled')) deps.pacer?.giveBack();
    if (failure.retry && claimed.attempts + 1 < MAX_SEND_ATTEMPTS) {
      const due = new Date(deps.now().getTime() + backoffSeconds(claimed.attempts + 1, failure.reason.startsWith('throttled') ? 'throttled' : 'transient') * 1000).toISOString();
      await deps.outbox.retryLater(claimed, due, failure.reason);
      return 'retry';
    }
    await giveUp(claimed, 'failed', failure.reason);
    return 'failed';
  }
  // SES has the mail: first of all, say so. Whatever fails after this, the mail is not sent again.
  await deps.outbox.recordAccepted(claimed.messageId, sesMessageId);
  await deps.outbox.completeSent(claimed, sesMessageId, now(), { notice });
  await settle('sent');
  return 'sent';
}
