import { consentOffer, refusePassportDataAfterPurge } from '../delegations/passport-data.js';
import { decideAccept, decideDecline, decideWithdraw } from './answer-decisions.js';
import { moveInvitation } from './move-invitation.js';
import { invitationOrFail, eventTakingAnswersOrFail } from './registration-review.js';
import type { AnswerChannel, OnBehalfInput } from './registration-schema.js';
import type { RegistrationsDeps } from './registrations-deps.js';

/**
 * An answer given by phone or in person, recorded by an organiser and marked as such. The
 * deadline does not bind organisers, and required details may follow later.
 */
export async function answerOnBehalf(
  deps: RegistrationsDeps,
  eventId: string,
  invitationId: string,
  input: OnBehalfInput,
  userId: string,
): Promise<{ response: string }> {
  const event = await eventTakingAnswersOrFail(deps, eventId);
  const invitation = await invitationOrFail(deps, eventId, invitationId);
  const channel: AnswerChannel = input.channel;
  if (input.action === 'accept') refusePassportDataAfterPurge(input.details, event, deps.now(), deps.passportRetentionDays);
  const consent = consentOffer(input.consent, { kind: 'organiser', userId }, deps.now());
  const decide =
    input.action === 'accept'
      ? decideAccept(event, input.details, false, consent)
      : input.action === 'decline'
        ? decideDecline(input.reason)
        : decideWithdraw();
  const moved = await moveInvitation(deps, invitation, { enforceDeadline: false, answeredBy: { userId, channel } }, decide);
  return { response: moved.response };
}
