import type { NoticeKind } from '../email/invitation-templates.js';
import type { PersonalDataConsent } from '../delegations/passport-data.js';
import type { StoredEvent } from '../events/events-repository.js';
import type { InvitationResponse } from '../invitations/invitation-schema.js';
import { InvitationNotFoundError } from '../invitations/invitation-errors.js';
import type { StoredInvitation } from '../invitations/invitations-repository.js';
import { schedulePromotion } from './promote-from-waitlist.js';
import { EventCancelledError, RegistrationBusyError, RegistrationClosedError } from './registration-errors.js';
import type { RegistrationsDeps } from './registrations-deps.js';
import type { AnsweredBy } from './registrations-repository.js';

/** What an answer does to an invitation as it is now; `full` once the event said it has no seat. */
export type Decision =
  | { change: false }
  | {
      change: true;
      to: InvitationResponse;
      details?: Record<string, string>;
      reason?: string;
      notice?: NoticeKind;
      consent?: PersonalDataConsent;
    };

export type Decide = (invitation: StoredInvitation, situation: { full: boolean }) => Decision;

export type MoveOptions = {
  /** The invitee answers by their link: only until the deadline. */
  enforceDeadline: boolean;
  /** An organiser recorded it (by phone, in person); undefined keeps the one before for moves the organiser makes. */
  answeredBy?: AnsweredBy;
  keepAnsweredBy?: boolean;
  /**
   * The event was full when read: try the waiting list first. Safe for fairness: whoever joins
   * the list runs the promoter after, which gives any seat freed meanwhile to the head.
   */
  startFull?: boolean;
};

const MAX_ATTEMPTS = 60;

/** Why the event refused: cancelled, closed, past its deadline; undefined when it is only full. */
export function closedReason(event: StoredEvent | undefined, at: string, enforceDeadline: boolean): Error | undefined {
  if (!event) return new RegistrationClosedError();
  if (event.status === 'cancelled') return new EventCancelledError();
  if (event.status !== 'published') return new RegistrationClosedError({ status: event.status });
  if (enforceDeadline && event.registrationClosesAt && event.registrationClosesAt <= at) {
    return new RegistrationClosedError({ registrationClosesAt: event.registrationClosesAt });
  }
  return undefined;
}

/** No seat for a newcomer: all taken, or people wait who come first. */
export const isFull = (event: StoredEvent) =>
  event.capacity !== undefined && (event.counts.confirmed >= event.capacity || event.counts.waitlisted > 0);

/**
 * Applies a decision in one transaction, deciding again whenever the invitation changed under it
 * (a second tab, a double tap: the second finds the answer given and changes nothing), and with
 * `full` when the capacity condition failed. A seat freed or a place on the waiting list taken
 * runs the promoter at once, so no seat stays free while someone waits.
 */
export async function moveInvitation(
  deps: RegistrationsDeps,
  start: StoredInvitation,
  options: MoveOptions,
  decide: Decide,
): Promise<StoredInvitation> {
  let invitation = start;
  let full = options.startFull ?? false;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const decision = decide(invitation, { full });
    if (!decision.change) return invitation;
    const at = deps.now().toISOString();
    const outcome = await deps.registrations.transition({
      invitation,
      to: decision.to,
      at,
      seat: decision.to === 'confirmed' && invitation.response !== 'confirmed',
      enforceDeadline: options.enforceDeadline,
      details: decision.details,
      answeredBy: options.answeredBy ?? (options.keepAnsweredBy ? invitation.answeredBy : undefined),
      reason: decision.reason,
      notice: decision.notice,
      consent: decision.consent,
    });
    if (outcome.ok) {
      const from = invitation.response;
      if (decision.notice && invitation.email) deps.afterQueued?.(1);
      if (from === 'confirmed' && decision.to !== 'confirmed') {
        // A freed seat goes to the head of the list.
        await schedulePromotion(deps, invitation.eventId);
      } else if (decision.to === 'waitlisted' && from !== 'waitlisted') {
        // A new place on the list may find a seat freed while it was being written: one small
        // read of the tally says whether there is work (in a rush on a full event, there is none).
        const tally = await deps.registrations.readTally(invitation.eventId);
        if (tally && (tally.capacity === undefined || tally.seatsLeft > 0)) await schedulePromotion(deps, invitation.eventId);
      }
      return outcome.invitation;
    }
    if (outcome.failed === 'invitation') {
      const now = await deps.invitations.findById(invitation.eventId, invitation.invitationId);
      if (!now) throw new InvitationNotFoundError();
      invitation = now;
      continue;
    }
    if (outcome.failed === 'full') {
      full = true;
      continue;
    }
    if (outcome.failed === 'event') {
      const event = await deps.events.findById(invitation.eventId);
      const closed = closedReason(event, at, options.enforceDeadline);
      if (closed) throw closed;
      if (isFull(event!)) full = true;
      continue;
    }
    // 'conflict': the tally stayed held by other processes for the repository's whole patience.
    throw new RegistrationBusyError();
  }
  throw new RegistrationBusyError();
}
