import { deleteInvitation } from '../invitations/delete-invitation.js';
import { InvitationNotFoundError } from '../invitations/invitation-errors.js';
import { promoteFromWaitlist } from '../registrations/promote-from-waitlist.js';
import type { DelegationsDeps } from './delegations-deps.js';
import { type Actor, assertManageable, eventOrFail, memberOrFail, membersOf, versioned } from './delegation-members.js';
import { DelegationHasMembersError } from './delegation-errors.js';

/**
 * Removes a member: the invitation, its link and its registration record (with any passport data)
 * go, and a seat they held is freed in the same transaction (and goes to the waiting list). A head who still
 * has members stays until they are moved or removed.
 */
export async function removeMember(deps: DelegationsDeps, eventId: string, invitationId: string, actor: Actor): Promise<void> {
  const event = await eventOrFail(deps, eventId);
  assertManageable(deps, event, actor);
  const member = await memberOrFail(deps, event, invitationId, actor);
  if (actor.kind === 'head' && member.invitationId === actor.head.invitationId) throw new InvitationNotFoundError();
  if (member.delegationRole === 'head') {
    const members = await membersOf(deps, eventId, member.invitationId);
    if (members.length > 0) throw new DelegationHasMembersError(members.length);
  }
  // One transaction: the invitation, its link, its registration record and the seat it held.
  await versioned(deps, eventId, actor, () => deleteInvitation({ ...deps, afterSeatFreed: async (id) => void (await promoteFromWaitlist(deps, id)) }, eventId, invitationId));
}
