import {
  consentOffer,
  passportWarnings,
  requireConsent,
  type ConsentInput,
  type PersonalDataConsent,
  type PassportWarning,
  refusePassportDataAfterPurge,
} from '../delegations/passport-data.js';
import type { StoredEvent } from '../events/events-repository.js';
import type { InvitationResponse } from '../invitations/invitation-schema.js';
import { InvitationLinkNotFoundError } from '../invitations/invitation-errors.js';
import type { StoredInvitation } from '../invitations/invitations-repository.js';
import { linkMissLimit } from '../invitations/open-invitation.js';
import { closedReason, isFull, moveInvitation, type Decide, type MoveOptions } from './move-invitation.js';
import { NotRegisteredError, RegistrationRejectedError } from './registration-errors.js';
import { validateDetails, type DetailsInput } from './registration-schema.js';
import type { RegistrationsDeps } from './registrations-deps.js';

/** Answers that hold a registration: details can change, withdrawing frees the place. */
const REGISTERED: InvitationResponse[] = ['confirmed', 'waitlisted', 'pending'];

type Found = { invitation: StoredInvitation; event: StoredEvent };

/**
 * The invitation behind a personal link, with its event. Unknown, malformed and revoked tokens
 * get the same 404, and only misses count towards the client's limit (as in open-invitation.ts).
 */
export async function findByLink(deps: RegistrationsDeps, token: string, clientAddress: string): Promise<Found> {
  const invitation = await deps.invitations.findByLink(token);
  const event = invitation ? await deps.events.findForAnswer(invitation.eventId) : undefined;
  if (!invitation || !event) {
    await deps.rateLimiter.take(linkMissLimit, clientAddress);
    throw new InvitationLinkNotFoundError();
  }
  return { invitation, event };
}

/** Throws when the event takes no answers now; the transaction's conditions check it again. */
function assertOpen(deps: RegistrationsDeps, event: StoredEvent, enforceDeadline: boolean) {
  const closed = closedReason(event, deps.now().toISOString(), enforceDeadline);
  if (closed) throw closed;
}

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

/** Passport warnings, present only when there are some. */
export function withWarnings<T extends object>(answer: T, event: StoredEvent, details: Record<string, unknown> | undefined): T & { warnings?: PassportWarning[] } {
  const warnings = passportWarnings(event, details);
  return warnings.length ? { ...answer, warnings } : answer;
}

const byInvitee: MoveOptions = { enforceDeadline: true };

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

export async function declineInvitation(deps: RegistrationsDeps, token: string, clientAddress: string, reason?: string) {
  const { invitation, event } = await findByLink(deps, token, clientAddress);
  if (invitation.response !== 'declined') assertOpen(deps, event, true);
  const result = await moveInvitation(deps, invitation, byInvitee, decideDecline(reason));
  return { response: result.response };
}

export async function withdrawInvitation(deps: RegistrationsDeps, token: string, clientAddress: string) {
  const { invitation, event } = await findByLink(deps, token, clientAddress);
  if (invitation.response !== 'withdrawn') assertOpen(deps, event, true);
  const result = await moveInvitation(deps, invitation, byInvitee, decideWithdraw());
  return { response: result.response };
}

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
