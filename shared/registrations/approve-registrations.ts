import type { Decide } from './move-invitation.js';
import { reviewEach } from './registration-review.js';
import { NotPendingError } from './registration-errors.js';
import type { RegistrationsDeps } from './registrations-deps.js';

/** Approving a pending answer: confirmed while there is a seat, otherwise waitlisted. */
const decideApprove: Decide = (invitation, { full }) => {
  if (invitation.response === 'confirmed' || invitation.response === 'waitlisted') return { change: false };
  if (invitation.response !== 'pending') throw new NotPendingError(invitation.response);
  return full ? { change: true, to: 'waitlisted', notice: 'waitlisted' } : { change: true, to: 'confirmed', notice: 'approved' };
};

export async function approveRegistrations(deps: RegistrationsDeps, eventId: string, invitationIds: string[]) {
  return { results: await reviewEach(deps, eventId, invitationIds, decideApprove) };
}
