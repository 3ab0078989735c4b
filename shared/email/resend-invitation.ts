import type { StoredInvitation } from '../invitations/invitations-repository.js';
import { InvitationNotResendableError, queueEach, sendableEvent, type QueueMailsDeps } from './queue-mails.js';

/** Sending one invitation again is an explicit act; it is refused while one is still waiting. */
export async function resendInvitation(deps: QueueMailsDeps, invitation: StoredInvitation): Promise<{ queued: number }> {
  await sendableEvent(deps, invitation.eventId);
  const queued = await queueEach(deps, invitation.eventId, [invitation], 'invitation', ['not_sent', 'sent', 'delivered', 'failed'], false);
  if (queued === 0) throw new InvitationNotResendableError(invitation.emailStatus);
  return { queued };
}
