import { passportWarnings, type PassportWarning } from '../delegations/passport-data.js';
import type { StoredEvent } from '../events/events-repository.js';
import { invitationByLink } from '../invitations/invitation-by-link.js';
import type { StoredInvitation } from '../invitations/invitations-repository.js';
import { closedReason, type MoveOptions } from './move-invitation.js';
import type { RegistrationsDeps } from './registrations-deps.js';

/**
 * What the invitee's answers from their personal link share (accept, decline, withdraw, change
 * details, one file each beside this one): the link's invitation, the open check, the warnings.
 */

/** The invitation behind a personal link, with its event (invitation-by-link.ts). */
export function findByLink(deps: RegistrationsDeps, token: string, clientAddress: string): Promise<{ invitation: StoredInvitation; event: StoredEvent }> {
  return invitationByLink(deps, token, clientAddress);
}

/** Throws when the event takes no answers now; the transaction's conditions check it again. */
export function assertOpen(deps: RegistrationsDeps, event: StoredEvent, enforceDeadline: boolean) {
  const closed = closedReason(event, deps.now().toISOString(), enforceDeadline);
  if (closed) throw closed;
}

/** Passport warnings, present only when there are some. */
export function withWarnings<T extends object>(answer: T, event: StoredEvent, details: Record<string, unknown> | undefined): T & { warnings?: PassportWarning[] } {
  const warnings = passportWarnings(event, details);
  return warnings.length ? { ...answer, warnings } : answer;
}

/** The invitee's answers keep to the deadline. */
export const byInvitee: MoveOptions = { enforceDeadline: true };
