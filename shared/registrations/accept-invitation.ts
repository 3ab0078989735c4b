import { consentOffer, refusePassportDataAfterPurge, type ConsentInput } from '../delegations/passport-data.js';
import { assertOpen, byInvitee, findByLink, withWarnings } from './answer-by-link.js';
import { decideAccept, REGISTERED } from './answer-decisions.js';
import { isFull, moveInvitation } from './move-invitation.js';
import type { DetailsInput } from './registration-schema.js';
import type { RegistrationsDeps } from './registrations-deps.js';

export async function acceptInvitation(
  deps: RegistrationsDeps,
  token: string,
  clientAddress: string,
  details?: DetailsInput,
  consent?: ConsentInput,
) {
  const { invitation, event } = await findByLink(deps, token, clientAddress);
  // Accepting again changes nothing, whatever the date: the answer stands as it is.
  if (!REGISTERED.includes(invitation.response)) assertOpen(deps, event, true);
  refusePassportDataAfterPurge(details, event, deps.now(), deps.passportRetentionDays);
  const offered = consentOffer(consent, { kind: 'self' }, deps.now());
  const result = await moveInvitation(deps, invitation, { ...byInvitee, startFull: isFull(event) }, decideAccept(event, details, true, offered));
  return withWarnings({ response: result.response }, event, result.details);
}
