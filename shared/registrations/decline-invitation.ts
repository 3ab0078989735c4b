import { assertOpen, byInvitee, findByLink } from './answer-by-link.js';
import { decideDecline } from './answer-decisions.js';
import { moveInvitation } from './move-invitation.js';
import type { RegistrationsDeps } from './registrations-deps.js';

export async function declineInvitation(deps: RegistrationsDeps, token: string, clientAddress: string, reason?: string) {
  const { invitation, event } = await findByLink(deps, token, clientAddress);
  if (invitation.response !== 'declined') assertOpen(deps, event, true);
  const result = await moveInvitation(deps, invitation, byInvitee, decideDecline(reason));
  return { response: result.response };
}
