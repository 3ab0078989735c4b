import { DomainError } from '../errors.js';
import type { StoredEvent } from '../events/events-repository.js';
import { findEventOrFail } from '../events/get-event.js';
import { InvitationNotFoundError } from '../invitations/invitation-errors.js';
import type { StoredInvitation } from '../invitations/invitations-repository.js';
import { closedReason, moveInvitation, type Decide } from './move-invitation.js';
import type { RegistrationsDeps } from './registrations-deps.js';

/**
 * What the organiser's answers share (approve, reject, answer on behalf, one file each beside
 * this one): the event that takes answers and the invitation, looked up or refused, and a review
 * of many answers one by one.
 */

export type ReviewResult = { invitationId: string; response: string } | { invitationId: string; error: string };

/** The event, refused when it takes no answers now; an organiser is not bound by the deadline. */
export async function eventTakingAnswersOrFail(deps: RegistrationsDeps, eventId: string): Promise<StoredEvent> {
  const event = await findEventOrFail(deps, eventId);
  const closed = closedReason(event, deps.now().toISOString(), false);
  if (closed) throw closed;
  return event;
}

export async function invitationOrFail(deps: RegistrationsDeps, eventId: string, invitationId: string): Promise<StoredInvitation> {
  const invitation = await deps.invitations.findById(eventId, invitationId);
  if (!invitation) throw new InvitationNotFoundError();
  return invitation;
}

/** One by one (each its own transaction), so one refusal never undoes the others. */
export async function reviewEach(deps: RegistrationsDeps, eventId: string, invitationIds: string[], decide: Decide): Promise<ReviewResult[]> {
  await eventTakingAnswersOrFail(deps, eventId);
  const results: ReviewResult[] = [];
  for (const invitationId of [...new Set(invitationIds)]) {
    try {
      const invitation = await invitationOrFail(deps, eventId, invitationId);
      const moved = await moveInvitation(deps, invitation, { enforceDeadline: false, keepAnsweredBy: true }, decide);
      results.push({ invitationId, response: moved.response });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ invitationId, error: error.code });
    }
  }
  return results;
}
