import { InvitationNotFoundError } from '../invitations/invitation-errors.js';
import type { DelegationsDeps } from './delegations-deps.js';
import { assertDelegation, eventOrFail } from './delegation-members.js';

/**
 * A member's personal link, for the organiser to copy into a chat or a letter (the head's link
 * manages the delegation). The same link the invitation mail carries; not a new one.
 */
export async function memberLink(deps: DelegationsDeps, eventId: string, invitationId: string) {
  const event = await eventOrFail(deps, eventId);
  assertDelegation(event);
  const member = await deps.invitations.findById(eventId, invitationId);
  if (!member) throw new InvitationNotFoundError();
  return { url: `${deps.publicUrl}/r/${deps.invitations.linkTokenOf(member)}` };
}
