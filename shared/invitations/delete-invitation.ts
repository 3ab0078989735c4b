import { jitteredBackoff } from '../db/write-conflicts.js';
import { InvitationChangedError, InvitationNotFoundError } from './invitation-errors.js';
import type { InvitationsDeps } from './invitations-deps.js';
import { InvitationChangedSignal } from './invitations-repository.js';

/**
 * Removes an invitee: the invitation, its address guard, its link, its registration and its place
 * on the waiting list go together, counted out of the event in the same transaction. A confirmed
 * seat freed that way goes at once to the first on the waiting list, as after a withdrawal.
 */
export async function deleteInvitation(deps: InvitationsDeps, eventId: string, invitationId: string): Promise<void> {
  // A link rotated or an answer given between the read and the delete just means: read again.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const current = await deps.invitations.findById(eventId, invitationId);
    if (!current) throw new InvitationNotFoundError();
    try {
      await deps.invitations.deleteInvitation(current);
    } catch (error) {
      if (!(error instanceof InvitationChangedSignal)) throw error;
      await jitteredBackoff(attempt + 1, 20, 500);
      continue;
    }
    if (current.response === 'confirmed') await deps.afterSeatFreed?.(eventId);
    return;
  }
  throw new InvitationChangedError();
}
