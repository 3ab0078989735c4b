import { requireConsent, type PersonalDataConsent } from '../delegations/passport-data.js';
import type { StoredEvent } from '../events/events-repository.js';
import type { InvitationResponse } from '../invitations/invitation-schema.js';
import type { Decide } from './move-invitation.js';
import { NotRegisteredError, RegistrationRejectedError } from './registration-errors.js';
import { validateDetails, type DetailsInput } from './registration-schema.js';

/**
 * What each answer decides from the invitation as it stands; move-invitation.ts writes it. Pure:
 * the invitee's answers, an organiser's on their behalf and a head of delegation's all decide here.
 */

/** Answers that hold a registration: details can change, withdrawing frees the place. */
export const REGISTERED: InvitationResponse[] = ['confirmed', 'waitlisted', 'pending'];

/** Merges a change into the stored details: a value sets, null removes. */
function merged(stored: Record<string, unknown> | undefined, change: DetailsInput | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(change ?? {})) {
    if (value === null) delete result[key];
    else result[key] = value;
  }
  return result;
}

/**
 * Accepting: confirmed while there is a seat, waitlisted when the event is full, pending when it
 * needs approval. Accepting again answers the current response and changes nothing. Passport data
 * is taken only with a consent (this one, or one given before).
 */
export function decideAccept(
  event: StoredEvent,
  detailsInput: DetailsInput | undefined,
  requireAll: boolean,
  consent?: PersonalDataConsent,
): Decide {
  return (invitation, { full }) => {
    if (REGISTERED.includes(invitation.response)) return { change: false };
    if (invitation.response === 'rejected') throw new RegistrationRejectedError();
    const details = validateDetails(event.fields, merged(invitation.details, detailsInput), { requireAll });
    const given = requireConsent(details, consent, invitation.consent);
    const extra = given ? { details, consent: given } : { details };
    if (event.requiresApproval) return { change: true, to: 'pending', ...extra, notice: 'pending' };
    if (full) return { change: true, to: 'waitlisted', ...extra, notice: 'waitlisted' };
    return { change: true, to: 'confirmed', ...extra, notice: 'confirmed' };
  };
}

export function decideDecline(reason: string | undefined): Decide {
  return (invitation) => {
    if (invitation.response === 'declined') return { change: false };
    if (invitation.response === 'rejected') throw new RegistrationRejectedError();
    return { change: true, to: 'declined', reason: reason || undefined };
  };
}

export function decideWithdraw(): Decide {
  return (invitation) => {
    if (invitation.response === 'withdrawn') return { change: false };
    if (!REGISTERED.includes(invitation.response)) throw new NotRegisteredError(invitation.response);
    return { change: true, to: 'withdrawn' };
  };
}

export function decideChange(event: StoredEvent, detailsInput: DetailsInput, consent?: PersonalDataConsent, requireAll = true): Decide {
  return (invitation) => {
    if (!REGISTERED.includes(invitation.response)) throw new NotRegisteredError(invitation.response);
    const details = validateDetails(event.fields, merged(invitation.details, detailsInput), { requireAll });
    const given = requireConsent(detailsInput, consent, invitation.consent);
    return { change: true, to: invitation.response, details, ...(given ? { consent: given } : {}) };
  };
}
