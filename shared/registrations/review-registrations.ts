import type { Role } from '../auth/auth-schema.js';
import { can } from '../auth/permissions.js';
import { consentOffer, hasPassportData, maskPassportDetails, refusePassportDataAfterPurge } from '../delegations/passport-data.js';
import { EventNotFoundError } from '../events/event-errors.js';
import type { StoredEvent } from '../events/events-repository.js';
import { InvitationNotFoundError } from '../invitations/invitation-errors.js';
import { DomainError } from '../errors.js';
import { decideAccept, decideDecline, decideWithdraw } from './answer-invitation.js';
import { closedReason, moveInvitation, type Decide } from './move-invitation.js';
import { NotPendingError } from './registration-errors.js';
import type { AnswerChannel, OnBehalfInput } from './registration-schema.js';
import type { RegistrationsDeps } from './registrations-deps.js';

export type ReviewResult = { invitationId: string; response: string } | { invitationId: string; error: string };

async function eventOrFail(deps: RegistrationsDeps, eventId: string): Promise<StoredEvent> {
  const event = await deps.events.findById(eventId);
  if (!event) throw new EventNotFoundError();
  return event;
}

/** Approving a pending answer: confirmed while there is a seat, otherwise waitlisted. */
const decideApprove: Decide = (invitation, { full }) => {
  if (invitation.response === 'confirmed' || invitation.response === 'waitlisted') return { change: false };
  if (invitation.response !== 'pending') throw new NotPendingError(invitation.response);
  return full ? { change: true, to: 'waitlisted', notice: 'waitlisted' } : { change: true, to: 'confirmed', notice: 'approved' };
};

/** Rejecting a pending, waitlisted or even confirmed answer; a confirmed seat goes to the list. */
const decideReject =
  (reason: string | undefined): Decide =>
  (invitation) => {
    if (invitation.response === 'rejected') return { change: false };
    if (!['pending', 'waitlisted', 'confirmed'].includes(invitation.response)) throw new NotPendingError(invitation.response);
    return { change: true, to: 'rejected', reason: reason || undefined, notice: 'rejected' };
  };

/** One by one (each its own transaction), so one refusal never undoes the others. */
async function reviewEach(deps: RegistrationsDeps, eventId: string, invitationIds: string[], decide: Decide): Promise<ReviewResult[]> {
  const event = await eventOrFail(deps, eventId);
  const closed = closedReason(event, deps.now().toISOString(), false);
  if (closed) throw closed;
  const results: ReviewResult[] = [];
  for (const invitationId of [...new Set(invitationIds)]) {
    try {
      const invitation = await deps.invitations.findById(eventId, invitationId);
      if (!invitation) throw new InvitationNotFoundError();
      const moved = await moveInvitation(deps, invitation, { enforceDeadline: false, keepAnsweredBy: true }, decide);
      results.push({ invitationId, response: moved.response });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ invitationId, error: error.code });
    }
  }
  return results;
}

export async function approveRegistrations(deps: RegistrationsDeps, eventId: string, invitationIds: string[]) {
  return { results: await reviewEach(deps, eventId, invitationIds, decideApprove) };
}

export async function rejectRegistrations(deps: RegistrationsDeps, eventId: string, invitationIds: string[], reason?: string) {
  return { results: await reviewEach(deps, eventId, invitationIds, decideReject(reason)) };
}

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
  const event = await eventOrFail(deps, eventId);
  const closed = closedReason(event, deps.now().toISOString(), false);
  if (closed) throw closed;
  const invitation = await deps.invitations.findById(eventId, invitationId);
  if (!invitation) throw new InvitationNotFoundError();
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

/** The waiting list in order, with who is on it. */
export async function listWaitlist(deps: RegistrationsDeps, eventId: string) {
  await eventOrFail(deps, eventId);
  const entries = await deps.registrations.listWaitlist(eventId);
  const items = await Promise.all(
    entries.map(async (entry, index) => {
      const invitation = await deps.invitations.findById(eventId, entry.invitationId);
      return {
        position: index + 1,
        invitationId: entry.invitationId,
        waitlistedAt: entry.waitlistedAt,
        name: invitation?.name,
        organisation: invitation?.organisation,
        email: invitation?.email,
      };
    }),
  );
  return { items };
}

/**
 * Answers waiting for approval, oldest first. Their details may hold passport data: masked for
 * staff, and an organiser's read of it is logged (Decree 13/2023).
 */
export async function listPending(
  deps: RegistrationsDeps,
  eventId: string,
  reader?: { userId: string; role: Role },
) {
  await eventOrFail(deps, eventId);
  const pending = await deps.registrations.listByResponse(eventId, 'pending');
  pending.sort((a, b) => (a.answeredAt ?? '').localeCompare(b.answeredAt ?? ''));
  const seesPassports = reader ? can(reader.role, 'passports:read') : false;
  const shown = pending.filter((i) => hasPassportData(i.details)).length;
  if (seesPassports && shown > 0 && reader) {
    await deps.personalDataLog?.recordRead({ eventId, userId: reader.userId, at: deps.now().toISOString(), what: 'pending registrations with passport data', count: shown });
  }
  return {
    items: pending.map((i) => ({
      invitationId: i.invitationId,
      name: i.name,
      organisation: i.organisation,
      position: i.position,
      email: i.email,
      answeredAt: i.answeredAt,
      details: seesPassports ? (i.details ?? {}) : maskPassportDetails((i.details ?? {}) as Record<string, string>),
      ...(i.answeredBy ? { answeredBy: i.answeredBy } : {}),
    })),
  };
}
