import { consentOffer, refusePassportDataAfterPurge, type ConsentInput } from '../delegations/passport-data.js';
import { assertOpen, byInvitee, findByLink, withWarnings } from './answer-by-link.js';
import { decideChange } from './answer-decisions.js';
import { moveInvitation } from './move-invitation.js';
import type { DetailsInput } from './registration-schema.js';
import type { RegistrationsDeps } from './registrations-deps.js';

/** Changes the details of a registration until the deadline; the response stays as it is. */
export async function changeDetails(
  deps: RegistrationsDeps,
  token: string,
  clientAddress: string,
  details: DetailsInput,
  consent?: ConsentInput,
) {
  const { invitation, event } = await findByLink(deps, token, clientAddress);
  assertOpen(deps, event, true);
  refusePassportDataAfterPurge(details, event, deps.now(), deps.passportRetentionDays);
  const offered = consentOffer(consent, { kind: 'self' }, deps.now());
  const result = await moveInvitation(deps, invitation, byInvitee, decideChange(event, details, offered));
  return withWarnings({ response: result.response, details: result.details ?? {} }, event, result.details);
}
