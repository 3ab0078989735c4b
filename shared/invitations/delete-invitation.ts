import { InvitationChangedError, InvitationNotFoundError } from './invitation-errors.js';
import type { InvitationsDeps } from './invitations-deps.js';
import { InvitationChangedSignal } from './invitations-repository.js';

/** Removes an invitee: the invitation, its address guard and its link go together. */
export async function deleteInvitation(deps: InvitationsDeps, eventId: string, invitationId: string): Promise<void> {
  // A link rotated between the read and the delete (an email going out) just means: read again.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const current = await deps.invitations.findById(eventId, invitationId);
    if (!current) throw new InvitationNotFoundError();
    try {
      await deps.invitations.deleteInvitation(current);
      return;
    } catch (error) {
      if (!(error instanceof InvitationChangedSignal)) throw error;
    }
  }
  throw new InvitationChangedError();
}
