import { newId } from '../auth/secret-tokens.js';
import type { InvitationMailKind } from '../email/invitation-templates.js';
import type { OutboxRepository } from '../email/outbox-repository.js';
import type { StoredInvitation } from './invitations-repository.js';

/**
 * Queues the invitation mail (with the personal link) of one invitation not sent yet, as
 * sendInvitations does for each: only from `not_sent`, so a retry queues nothing twice. For the
 * invitations created one at a time: a delegation member, or (kind `confirm_address`) a person
 * registering on an open page.
 */
export async function queueInvitationMail(
  deps: { outbox: Pick<OutboxRepository, 'queueMail'>; now: () => Date; afterQueued?: (count: number) => void },
  invitation: Pick<StoredInvitation, 'eventId' | 'invitationId' | 'email'>,
  fromStatuses: StoredInvitation['emailStatus'][] = ['not_sent'],
  kind: Exclude<InvitationMailKind, 'reminder'> = 'invitation',
): Promise<boolean> {
  if (!invitation.email) return false;
  const queued = await deps.outbox.queueMail({
    messageId: `${invitation.invitationId}.${kind}.${newId()}`,
    kind,
    eventId: invitation.eventId,
    invitationId: invitation.invitationId,
    fromStatuses,
    at: deps.now().toISOString(),
  });
  if (queued) deps.afterQueued?.(1);
  return queued;
}
