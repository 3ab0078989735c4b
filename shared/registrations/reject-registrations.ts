import type { Decide } from './move-invitation.js';
import { reviewEach } from './registration-review.js';
import { NotPendingError } from './registration-errors.js';
import type { RegistrationsDeps } from './registrations-deps.js';

/** Rejecting a pending, waitlisted or even confirmed answer; a confirmed seat goes to the list. */
const decideReject =
  (reason: string | undefined): Decide =>
  (invitation) => {
    if (invitation.response === 'rejected') return { change: false };
    if (!['pending', 'waitlisted', 'confirmed'].includes(invitation.response)) throw new NotPendingError(invitation.response);
    return { change: true, to: 'rejected', reason: reason || undefined, notice: 'rejected' };
  };

export async function rejectRegistrations(deps: RegistrationsDeps, eventId: string, invitationIds: string[], reason?: string) {
  return { results: await reviewEach(deps, eventId, invitationIds, decideReject(reason)) };
}
