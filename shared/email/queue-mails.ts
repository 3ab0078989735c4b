import { newId } from '../auth/secret-tokens.js';
import { ConflictError } from '../errors.js';
import type { EventsRepository } from '../events/events-repository.js';
import { EventNotFoundError } from '../events/event-errors.js';
import type { EmailStatus } from '../invitations/invitation-schema.js';
import type { StoredInvitation } from '../invitations/invitations-repository.js';
import type { MailKind } from './invitation-templates.js';
import type { OutboxRepository } from './outbox-repository.js';

export type QueueMailsDeps = {
  outbox: OutboxRepository;
  events: Pick<EventsRepository, 'findById'>;
  listInvitations: (eventId: string) => Promise<StoredInvitation[]>;
  now: () => Date;
  /** Wakes the local sender at once; the cloud's queue needs no nudge. */
  afterQueued?: (count: number) => void;
};

export class EventNotSendableError extends ConflictError {
  constructor(status: string) {
    super(
      'event_not_published',
      {
        vi: 'Chỉ gửi thư mời cho sự kiện đã công bố (chưa hủy, chưa kết thúc).',
        en: 'Invitations go out only for a published event (not cancelled or closed).',
      },
      { status },
    );
  }
}

export class InvitationNotResendableError extends ConflictError {
  constructor(emailStatus: string) {
    super(
      'invitation_not_resendable',
      {
        vi: 'Thư mời này đang chờ gửi, hoặc địa chỉ đã bị chặn, hoặc khách mời không có email.',
        en: 'This invitation is already waiting to go, its address is suppressed, or it has no email.',
      },
      { emailStatus },
    );
  }
}

const batchSize = 16;

async function queueEach(
  deps: QueueMailsDeps,
  eventId: string,
  invitations: StoredInvitation[],
  kind: MailKind,
  fromStatuses: EmailStatus[],
  onlyUnanswered: boolean,
): Promise<number> {
  let queued = 0;
  for (let i = 0; i < invitations.length; i += batchSize) {
    const results = await Promise.all(
      invitations.slice(i, i + batchSize).map((invitation) =>
        deps.outbox.queueMail({
          messageId: `${invitation.invitationId}.${kind}.${newId()}`,
          kind,
          eventId,
          invitationId: invitation.invitationId,
          fromStatuses,
          onlyUnanswered,
          at: deps.now().toISOString(),
        }),
      ),
    );
    queued += results.filter(Boolean).length;
  }
  if (queued > 0) deps.afterQueued?.(queued);
  return queued;
}

async function sendableEvent(deps: QueueMailsDeps, eventId: string) {
  const event = await deps.events.findById(eventId);
  if (!event) throw new EventNotFoundError();
  if (event.status !== 'published') throw new EventNotSendableError(event.status);
  return event;
}

/**
 * Queues the invitation mail of every invitation not sent yet (or of those named). Each is queued
 * only from `not_sent`, in a transaction, so a second click or a retry queues nothing again.
 */
export async function sendInvitations(deps: QueueMailsDeps, eventId: string, invitationIds?: string[]): Promise<{ queued: number }> {
  await sendableEvent(deps, eventId);
  const all = await deps.listInvitations(eventId);
  const wanted = invitationIds ? new Set(invitationIds) : undefined;
  const candidates = all.filter((i) => i.email && i.emailStatus === 'not_sent' && (!wanted || wanted.has(i.invitationId)));
  return { queued: await queueEach(deps, eventId, candidates, 'invitation', ['not_sent'], false) };
}

/** Sending one invitation again is an explicit act; it is refused while one is still waiting. */
export async function resendInvitation(deps: QueueMailsDeps, invitation: StoredInvitation): Promise<{ queued: number }> {
  await sendableEvent(deps, invitation.eventId);
  const queued = await queueEach(deps, invitation.eventId, [invitation], 'invitation', ['not_sent', 'sent', 'delivered', 'failed'], false);
  if (queued === 0) throw new InvitationNotResendableError(invitation.emailStatus);
  return { queued };
}

/** A reminder to each invitee who was mailed and has not answered; nobody else. */
export async function remindUnanswered(deps: QueueMailsDeps, eventId: string): Promise<{ queued: number }> {
  await sendableEvent(deps, eventId);
  const all = await deps.listInvitations(eventId);
  const candidates = all.filter((i) => i.email && i.response === 'none' && (i.emailStatus === 'sent' || i.emailStatus === 'delivered'));
  return { queued: await queueEach(deps, eventId, candidates, 'reminder', ['sent', 'delivered'], true) };
}
