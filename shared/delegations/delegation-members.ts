import { EventNotFoundError, EventStateError } from '../events/event-errors.js';
import type { StoredEvent } from '../events/events-repository.js';
import { InvitationNotFoundError } from '../invitations/invitation-errors.js';
import type { InvitationResponse } from '../invitations/invitation-schema.js';
import type { StoredInvitation } from '../invitations/invitations-repository.js';
import { findByLink } from '../registrations/answer-by-link.js';
import { closedReason, isFull, type MoveOptions } from '../registrations/move-invitation.js';
import { DelegationVersionSignal, type MemberLogistics } from './delegation-repository.js';
import { delegationRoleLabels, memberRoleOf, type DelegationRole } from './delegation-roles.js';
import { compareProtocolOrder } from './protocol-order.js';
import { choiceValue, findChoice } from '../events/field-choices.js';
import type { DelegationsDeps } from './delegations-deps.js';
import {
  maskPassportDetails,
  passportWarnings,
  type ConsentChannel,
  type ConsentGiver,
  type PassportWarning,
} from './passport-data.js';
import { NotADelegationError, NotDelegationHeadError, DelegationChangedError } from './delegation-errors.js';
import { contactOf } from '../invitations/present-invitation.js';

/**
 * A delegation: its head and members are invitations of a `delegation` event, each with their own
 * personal link. The head manages the members from their link; organisers from the console. A
 * member's own link shows only themself (the ordinary /api/r/<token>).
 *
 * What the delegation use cases (one per file beside this one) share: who acts, how a member is
 * shown, the checks and the list's version.
 */

export type Actor =
  | { kind: 'head'; head: StoredInvitation }
  /** `expectedVersion`: the list's version the organiser's page read; a save from an older one is refused. */
  | { kind: 'organiser'; userId: string; expectedVersion?: number };

export const REGISTERED: InvitationResponse[] = ['confirmed', 'waitlisted', 'pending'];
export const manageAction = { vi: 'sửa danh sách đoàn', en: 'change the delegation' };

export type DelegationMember = Pick<StoredInvitation, 'invitationId' | 'name' | 'email' | 'phone' | 'organisation' | 'position' | 'language'> & {
  role: DelegationRole;
  roleLabel: { vi: string; en: string };
  protocolRank?: number;
  headInvitationId?: string;
  response: InvitationResponse;
  emailStatus: string;
  details: Record<string, string>;
  consent?: { version: string; acceptedAt: string; by: ConsentGiver['kind']; channel?: ConsentChannel };
  /** The event's required fields this member has no value for yet (the page's readiness mark). */
  missing: string[];
  logistics?: MemberLogistics;
  warnings: PassportWarning[];
};

export function presentMember(invitation: StoredInvitation, event: StoredEvent, seesPassports: boolean): DelegationMember {
  const details = (invitation.details ?? {}) as Record<string, string>;
  const role = memberRoleOf(invitation);
  const missing = event.fields.filter((f) => f.required && !String(details[f.key] ?? '').trim()).map((f) => f.key);
  return {
    invitationId: invitation.invitationId,
    ...contactOf(invitation),
    role,
    roleLabel: delegationRoleLabels[role],
    protocolRank: invitation.protocolRank,
    headInvitationId: invitation.headInvitationId,
    response: invitation.response,
    emailStatus: invitation.emailStatus,
    details: seesPassports ? details : maskPassportDetails(details),
    ...(invitation.consent
      ? {
          consent: {
            version: invitation.consent.version,
            acceptedAt: invitation.consent.acceptedAt,
            by: invitation.consent.by.kind,
            ...(invitation.consent.by.kind === 'organiser' && invitation.consent.by.channel ? { channel: invitation.consent.by.channel } : {}),
          },
        }
      : {}),
    missing,
    ...(invitation.logistics ? { logistics: invitation.logistics } : {}),
    warnings: passportWarnings(event, details, { reveal: seesPassports }),
  };
}

/** Protocol order (protocol-order.ts): an explicit rank, then the role, then the given name. */
export function byProtocol(a: StoredInvitation, b: StoredInvitation): number {
  return compareProtocolOrder({ ...a, role: memberRoleOf(a) }, { ...b, role: memberRoleOf(b) });
}

export function assertDelegation(event: StoredEvent) {
  if (event.type !== 'delegation') throw new NotADelegationError();
}

/** A head answers like an invitee (until the deadline); organisers change drafts and published events. */
export function assertManageable(deps: DelegationsDeps, event: StoredEvent, actor: Actor) {
  assertDelegation(event);
  if (actor.kind === 'head') {
    const closed = closedReason(event, deps.now().toISOString(), true);
    if (closed) throw closed;
  } else if (event.status !== 'draft' && event.status !== 'published') {
    throw new EventStateError(event.status, manageAction);
  }
}

export const giverOf = (actor: Actor, channel?: ConsentChannel): ConsentGiver =>
  actor.kind === 'head'
    ? { kind: 'head', invitationId: actor.head.invitationId }
    : { kind: 'organiser', userId: actor.userId, ...(channel ? { channel } : {}) };

/**
 * Every change of the list goes through here: an organiser's save first claims the next version
 * from the one their page read (two organisers saving from the same list: the second is told),
 * and after it lands the version moves once more, so nobody keeps a version newer than the list
 * they read (delegation-repository.ts). The head's link names no version; it only moves it.
 */
export async function versioned<T>(deps: DelegationsDeps, eventId: string, actor: Actor, save: () => Promise<T>): Promise<T> {
  if (actor.kind === 'organiser' && actor.expectedVersion !== undefined) {
    try {
      await deps.delegations.claimVersion(eventId, actor.expectedVersion, deps.now().toISOString());
    } catch (error) {
      await versionChanged(deps, eventId, error);
    }
  }
  try {
    return await save();
  } finally {
    await deps.delegations.bumpVersion(eventId, deps.now().toISOString());
  }
}

export const moveOptions = (actor: Actor, event: StoredEvent): MoveOptions =>
  actor.kind === 'head'
    ? { enforceDeadline: true, startFull: isFull(event) }
    : { enforceDeadline: false, answeredBy: { userId: actor.userId, channel: 'other' }, startFull: isFull(event) };

/** The role's label in the event's own `delegationRole` field, when it has one with that choice. */
export function roleDetail(event: StoredEvent, role: DelegationRole): Record<string, string> {
  const field = event.fields.find((f) => f.key === 'delegationRole');
  const label = delegationRoleLabels[role].vi;
  const choice = field?.type === 'choice' ? findChoice(field.choices, label) : undefined;
  return choice ? { delegationRole: choiceValue(choice) } : {};
}

export const channelOf = (consent: { channel?: ConsentChannel } | undefined) => consent?.channel;

/** Logistics without its empty values; nothing left: none at all. */
export function cleanLogistics(logistics: MemberLogistics | null | undefined): MemberLogistics | null {
  if (!logistics) return null;
  const kept = Object.fromEntries(Object.entries(logistics).filter(([, value]) => typeof value === 'string' && value.trim() !== ''));
  return Object.keys(kept).length ? kept : null;
}

export async function eventOrFail(deps: DelegationsDeps, eventId: string): Promise<StoredEvent> {
  const event = await deps.events.findById(eventId);
  if (!event) throw new EventNotFoundError();
  return event;
}

export async function memberOrFail(deps: DelegationsDeps, event: StoredEvent, invitationId: string, actor: Actor): Promise<StoredInvitation> {
  const member = await deps.invitations.findById(event.eventId, invitationId);
  // A head reaches only their own members; anyone else's is as unknown as a made-up id.
  if (!member || (actor.kind === 'head' && member.headInvitationId !== actor.head.invitationId)) throw new InvitationNotFoundError();
  return member;
}

export async function membersOf(deps: DelegationsDeps, eventId: string, headInvitationId: string): Promise<StoredInvitation[]> {
  const all = await deps.invitations.listAllByEvent(eventId);
  return all.filter((i) => i.headInvitationId === headInvitationId).sort(byProtocol);
}

/** The head of a delegation behind a personal link; any other link may not manage one. */
export async function findHeadByLink(deps: DelegationsDeps, token: string, clientAddress: string) {
  const { invitation, event } = await findByLink(deps, token, clientAddress);
  if (invitation.delegationRole !== 'head' || event.type !== 'delegation') throw new NotDelegationHeadError();
  return { head: invitation, event };
}

export type MemberResult = { member: DelegationMember; warnings?: PassportWarning[] };

export function result(member: StoredInvitation, event: StoredEvent): MemberResult {
  // The writer just gave these values: the answer masks them anyway, and warns without them.
  const warnings = passportWarnings(event, member.details, { reveal: true });
  return { member: presentMember(member, event, false), ...(warnings.length ? { warnings } : {}) };
}

/** A save refused because the list's version moved: the organiser is told the current one. */
export async function versionChanged(deps: DelegationsDeps, eventId: string, error: unknown): Promise<never> {
  if (error instanceof DelegationVersionSignal) throw new DelegationChangedError((await deps.delegations.readSettings(eventId)).version);
  throw error;
}
