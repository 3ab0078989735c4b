import { assertOpen, byInvitee, findByLink } from './answer-by-link.js';
import { decideWithdraw } from './answer-decisions.js';
import { moveInvitation } from './move-invitation.js';
import type { RegistrationsDeps } from './registrations-deps.js';

export async function withdrawInvitation(deps: RegistrationsDeps, token: string, clientAddress: string) {
  const { invitation, event } = await findByLink(deps, token, clientAddress);
  if (invitation.response !== 'withdrawn') assertOpen(deps, event, true);
  const result = await moveInvitation(deps, invitation, byInvitee, decideWithdraw());
  return { response: result.response };
}
