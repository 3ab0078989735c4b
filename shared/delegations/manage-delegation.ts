import type { Role } from '../auth/auth-schema.js';
import { can } from '../auth/permissions.js';
import { ConflictError, ForbiddenError, ValidationError } from '../errors.js';
import { EventNotFoundError, EventStateError } from '../events/event-errors.js';
import type { StoredEvent } from '../events/events-repository.js';
import { deleteInvitation } from '../invitations/delete-invitation.js';
import { InvitationNotFoundError, InviteeAddressTakenError } from '../invitations/invitation-errors.js';
import type { InvitationResponse } from '../invitations/invitation-schema.js';
import { EventNotOpenSignal, type NewInvitation, type StoredInvitation } from '../invitations/invitations-repository.js';
import { queueInvitationMail } from '../invitations/queue-invitation-mail.js';
import { updateInvitation } from '../invitations/update-invitation.js';
import { decideAccept, decideChange, findByLink } from '../registrations/answer-invitation.js';
import { closedReason, isFull, moveInvitation, type MoveOptions } from '../registrations/move-invitation.js';
import { promoteFromWaitlist } from '../registrations/promote-from-waitlist.js';
import { NotRegisteredError, RegistrationBusyError } from '../registrations/registration-errors.js';
import { validateDetails } from '../registrations/registration-schema.js';
import { DelegationVersionSignal, MemberChangedSignal, type DelegationDirection, type MemberLogistics } from './delegation-repository.js';
import { delegationRoleLabels, delegationRoles, memberRoleOf, type DelegationRole } from './delegation-roles.js';
import { compareProtocolOrder } from './protocol-order.js';
import { choiceValue, findChoice } from '../events/field-choices.js';
import type { MemberChanges, MemberInput } from './delegation-schema.js';
import type { DelegationsDeps } from './delegations-deps.js';
import {
  consentOffer,
  hasPassportData,
  maskPassportDetails,
  PASSPORT_CONSENT_VERSION,
  passportConsentText,
  passportWarnings,
  refusePassportDataAfterPurge,
  requireConsent,
  type ConsentChannel,
  type ConsentGiver,
  type PassportWarning,
} from './passport-data.js';

/**
 * A delegation: its head and members are invitations of a `delegation` event, each with their own
 * personal link. The head manages the members from their link; organisers from the console. A
 * member's own link shows only themself (the ordinary /api/r/<token>).
 */

export type Actor =
  | { kind: 'head'; head: StoredInvitation }
  /** `expectedVersion`: the list's version the organiser's page read; a save from an older one is refused. */
  | { kind: 'organiser'; userId: string; expectedVersion?: number };

export class NotADelegationError extends ConflictError {
  constructor() {
    super('not_a_delegation', {
      vi: 'Sự kiện này không phải là một đoàn; không có thành viên đoàn.',
      en: 'This event is not a delegation; it has no delegation members.',
    });
  }
}

export class NotDelegationHeadError extends ForbiddenError {
  constructor() {
    super({
      vi: 'Chỉ trưởng đoàn mới quản lý được danh sách đoàn.',
      en: 'Only the head of the delegation manages its members.',
    });
  }
}

export class DelegationHasMembersError extends ConflictError {
  constructor(count: number) {
    super(
      'delegation_has_members',
      {
        vi: 'Trưởng đoàn này còn thành viên trong đoàn. Hãy chuyển hoặc xóa các thành viên trước.',
        en: 'This head of delegation still has members. Move or remove them first.',
      },
      { members: count },
    );
  }
}

export class HeadNotFoundError extends ConflictError {
  constructor() {
    super('head_not_found', {
      vi: 'Không tìm thấy trưởng đoàn này trong sự kiện.',
      en: 'This head of delegation is not in the event.',
    });
  }
}

export class DelegationChangedError extends ConflictError {
  constructor(version: number) {
    super(
      'delegation_changed',
      {
        vi: 'Người khác vừa thay đổi danh sách đoàn trước bạn. Danh sách mới nhất đã được tải lại; hãy xem lại rồi lưu lần nữa.',
        en: 'Someone else changed the delegation first. The current list has been loaded; check it and save again.',
      },
      { version },
    );
  }
}

const REGISTERED: InvitationResponse[] = ['confirmed', 'waitlisted', 'pending'];
const manageAction = { vi: 'sửa danh sách đoàn', en: 'change the delegation' };

export type DelegationMember = {
  invitationId: string;
  name: string;
  email?: string;
  phone?: string;
  organisation?: string;
  position?: string;
  language: string;
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
    name: invitation.name,
    email: invitation.email,
    phone: invitation.phone,
    organisation: invitation.organisation,
    position: invitation.position,
    language: invitation.language,
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
function byProtocol(a: StoredInvitation, b: StoredInvitation): number {
  return compareProtocolOrder({ ...a, role: memberRoleOf(a) }, { ...b, role: memberRoleOf(b) });
}

function assertDelegation(event: StoredEvent) {
  if (event.type !== 'delegation') throw new NotADelegationError();
}

/** A head answers like an invitee (until the deadline); organisers change drafts and published events. */
function assertManageable(deps: DelegationsDeps, event: StoredEvent, actor: Actor) {
  assertDelegation(event);
  if (actor.kind === 'head') {
    const closed = closedReason(event, deps.now().toISOString(), true);
    if (closed) throw closed;
  } else if (event.status !== 'draft' && event.status !== 'published') {
    throw new EventStateError(event.status, manageAction);
  }
}

const giverOf = (actor: Actor, channel?: ConsentChannel): ConsentGiver =>
  actor.kind === 'head'
    ? { kind: 'head', invitationId: actor.head.invitationId }
    : { kind: 'organiser', userId: actor.userId, ...(channel ? { channel } : {}) };

/**
 * Every change of the list goes through here: an organiser's save first claims the next version
 * from the one their page read (two organisers saving from the same list: the second is told),
 * and after it lands the version moves once more, so nobody keeps a version newer than the list
 * they read (delegation-repository.ts). The head's link names no version; it only moves it.
 */
async function versioned<T>(deps: DelegationsDeps, eventId: string, actor: Actor, save: () => Promise<T>): Promise<T> {
  if (actor.kind === 'organiser' && actor.expectedVersion !== undefined) {
    try {
      await deps.delegations.claimVersion(eventId, actor.expectedVersion, deps.now().toISOString());
    } catch (error) {
      if (error instanceof DelegationVersionSignal) throw new DelegationChangedError((await deps.delegations.readSettings(eventId)).version);
      throw error;
    }
  }
  try {
    return await save();
  } finally {
    await deps.delegations.bumpVersion(eventId, deps.now().toISOString());
  }
}

const moveOptions = (actor: Actor, event: StoredEvent): MoveOptions =>
  actor.kind === 'head'
    ? { enforceDeadline: true, startFull: isFull(event) }
    : { enforceDeadline: false, answeredBy: { userId: actor.userId, channel: 'other' }, startFull: isFull(event) };

/** The role's label in the event's own `delegationRole` field, when it has one with that choice. */
function roleDetail(event: StoredEvent, role: DelegationRole): Record<string, string> {
  const field = event.fields.find((f) => f.key === 'delegationRole');
  const label = delegationRoleLabels[role].vi;
  const choice = field?.type === 'choice' ? findChoice(field.choices, label) : undefined;
  return choice ? { delegationRole: choiceValue(choice) } : {};
}

const channelOf = (consent: { channel?: ConsentChannel } | undefined) => consent?.channel;

/** Logistics without its empty values; nothing left: none at all. */
function cleanLogistics(logistics: MemberLogistics | null | undefined): MemberLogistics | null {
  if (!logistics) return null;
  const kept = Object.fromEntries(Object.entries(logistics).filter(([, value]) => typeof value === 'string' && value.trim() !== ''));
  return Object.keys(kept).length ? kept : null;
}

async function eventOrFail(deps: DelegationsDeps, eventId: string): Promise<StoredEvent> {
  const event = await deps.events.findById(eventId);
  if (!event) throw new EventNotFoundError();
  return event;
}

async function memberOrFail(deps: DelegationsDeps, event: StoredEvent, invitationId: string, actor: Actor): Promise<StoredInvitation> {
  const member = await deps.invitations.findById(event.eventId, invitationId);
  // A head reaches only their own members; anyone else's is as unknown as a made-up id.
  if (!member || (actor.kind === 'head' && member.headInvitationId !== actor.head.invitationId)) throw new InvitationNotFoundError();
  return member;
}

async function membersOf(deps: DelegationsDeps, eventId: string, headInvitationId: string): Promise<StoredInvitation[]> {
  const all = await deps.invitations.listAllByEvent(eventId);
  return all.filter((i) => i.headInvitationId === headInvitationId).sort(byProtocol);
}

/** The head of a delegation behind a personal link; any other link may not manage one. */
export async function findHeadByLink(deps: DelegationsDeps, token: string, clientAddress: string) {
  const { invitation, event } = await findByLink(deps, token, clientAddress);
  if (invitation.delegationRole !== 'head' || event.type !== 'delegation') throw new NotDelegationHeadError();
  return { head: invitation, event };
}

/**
 * What the head sees: the trip, themself in full, and every member of their delegation with
 * passport data masked (shown only to organisers), each member's passport warnings, and the
 * consent text the head attests when entering a member's passport.
 */
export async function getDelegationForHead(deps: DelegationsDeps, token: string, clientAddress: string) {
  const { head, event } = await findHeadByLink(deps, token, clientAddress);
  const members = await membersOf(deps, event.eventId, head.invitationId);
  return {
    event: {
      eventId: event.eventId,
      title: event.title,
      venue: event.venue,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      status: event.status,
      registrationClosesAt: event.registrationClosesAt,
    },
    head: presentMember(head, event, true),
    members: members.map((m) => presentMember(m, event, false)),
    fields: event.fields,
    roles: delegationRoles.filter((r) => r !== 'head').map((role) => ({ role, label: delegationRoleLabels[role] })),
    passportConsent: { version: PASSPORT_CONSENT_VERSION, text: passportConsentText(deps.passportRetentionDays).onBehalf },
  };
}

export type MemberResult = { member: DelegationMember; warnings?: PassportWarning[] };

function result(member: StoredInvitation, event: StoredEvent): MemberResult {
  // The writer just gave these values: the answer masks them anyway, and warns without them.
  const warnings = passportWarnings(event, member.details, { reveal: true });
  return { member: presentMember(member, event, false), ...(warnings.length ? { warnings } : {}) };
}

/**
 * Adds a member. With details (or, from the head, without an email: nobody else could answer for
 * them) the member is registered at once, under the event's capacity, waiting-list and approval
 * rules; the head must give every required field, an organiser may complete them later. Passport
 * data needs the consent. A member with an email gets their own invitation mail and link.
 */
export async function addMember(deps: DelegationsDeps, eventId: string, input: MemberInput, actor: Actor): Promise<MemberResult> {
  const event = await eventOrFail(deps, eventId);
  assertManageable(deps, event, actor);

  let headInvitationId: string | undefined;
  if (actor.kind === 'head') headInvitationId = actor.head.invitationId;
  else if (input.role !== 'head' && input.headInvitationId) {
    const head = await deps.invitations.findById(eventId, input.headInvitationId);
    if (head?.delegationRole !== 'head') throw new HeadNotFoundError();
    headInvitationId = head.invitationId;
  }

  const consent = consentOffer(input.consent, giverOf(actor, channelOf(input.consent)), deps.now());
  const register = event.status === 'published' && (input.details !== undefined || (actor.kind === 'head' && !input.email));
  const requireAll = actor.kind === 'head';
  const details = { ...roleDetail(event, input.role), ...input.details };
  // Checked before anything is written: a refused member leaves nothing behind.
  const checked = validateDetails(event.fields, details, { requireAll: register && requireAll });
  refusePassportDataAfterPurge(checked, event, deps.now(), deps.passportRetentionDays);
  requireConsent(checked, consent, undefined);

  const now = deps.now().toISOString();
  const head = actor.kind === 'head' ? actor.head : undefined;
  const fresh: NewInvitation = {
    eventId,
    name: input.name,
    email: input.email,
    phone: input.phone,
    organisation: input.organisation ?? head?.organisation,
    position: input.position,
    language: input.language ?? head?.language ?? 'vi',
    group: input.group ?? head?.group,
    emailStatus: 'not_sent',
    response: 'none',
    createdAt: now,
    updatedAt: now,
    delegationRole: input.role,
    protocolRank: input.protocolRank,
    headInvitationId,
    logistics: actor.kind === 'organiser' ? cleanLogistics(input.logistics) ?? undefined : undefined,
    addedBy: actor.kind === 'head' ? { kind: 'head', invitationId: actor.head.invitationId } : { kind: 'organiser', userId: actor.userId },
    // Not registering yet (a draft event, or the member answers themself): kept for their answer.
    ...(!register && Object.keys(checked).length > 0 ? { details: checked, ...(consent ? { consent } : {}) } : {}),
  };
  for (const key of Object.keys(fresh) as (keyof NewInvitation)[]) if (fresh[key] === undefined) delete fresh[key];

  return versioned(deps, eventId, actor, () => insertMember(deps, event, fresh, input, { register, details, requireAll, consent }, actor));
}

async function insertMember(
  deps: DelegationsDeps,
  event: StoredEvent,
  fresh: NewInvitation,
  input: MemberInput,
  plan: { register: boolean; details: Parameters<typeof decideAccept>[1]; requireAll: boolean; consent: ReturnType<typeof consentOffer> },
  actor: Actor,
): Promise<MemberResult> {
  const { eventId } = event;
  const { register, details, requireAll, consent } = plan;
  let outcome;
  try {
    outcome = await deps.invitations.insertInvitations(eventId, [fresh]);
  } catch (error) {
    if (error instanceof EventNotOpenSignal) throw new EventStateError((await eventOrFail(deps, eventId)).status, manageAction);
    throw error;
  }
  if (outcome.duplicates.length > 0) throw new InviteeAddressTakenError({ email: input.email, phone: input.phone });
  if (outcome.created.length === 0) throw new RegistrationBusyError();

  let member = (await deps.invitations.findById(eventId, outcome.created[0]!.invitationId))!;
  if (register) {
    member = await moveInvitation(deps, member, moveOptions(actor, event), decideAccept(event, details, requireAll, consent));
  }
  if (member.email && event.status === 'published' && (await queueInvitationMail(deps, member))) {
    member = (await deps.invitations.findById(eventId, member.invitationId)) ?? member;
  }
  return result(member, event);
}

/**
 * Changes a member: contact and name (a changed address revokes the old link), role and rank,
 * details. Details of a registered member change under the same rules as the member's own change;
 * a member who has not answered is registered by the change (by the head, or an organiser on a
 * published event), or their details kept for later (a draft). Declined and withdrawn members
 * decided for themselves: their details stay theirs to change.
 */
export async function updateMember(
  deps: DelegationsDeps,
  eventId: string,
  invitationId: string,
  changes: MemberChanges,
  actor: Actor,
): Promise<MemberResult> {
  const event = await eventOrFail(deps, eventId);
  assertManageable(deps, event, actor);
  const member = await memberOrFail(deps, event, invitationId, actor);
  if (actor.kind === 'head' && member.invitationId === actor.head.invitationId) throw new InvitationNotFoundError();

  const consent = consentOffer(changes.consent, giverOf(actor, channelOf(changes.consent)), deps.now());
  refusePassportDataAfterPurge(changes.details ?? undefined, event, deps.now(), deps.passportRetentionDays);
  if (changes.details) requireConsent(changes.details, consent, member.consent);
  return versioned(deps, eventId, actor, () => changeMember(deps, event, member, changes, consent, actor));
}

async function changeMember(
  deps: DelegationsDeps,
  event: StoredEvent,
  current: StoredInvitation,
  changes: MemberChanges,
  consent: ReturnType<typeof consentOffer>,
  actor: Actor,
): Promise<MemberResult> {
  const { eventId } = event;
  const { invitationId } = current;
  let member = current;

  const contact = {
    name: changes.name,
    email: changes.email,
    phone: changes.phone,
    organisation: changes.organisation,
    position: changes.position,
    language: changes.language,
  };
  const hadEmail = member.email;
  if (Object.values(contact).some((v) => v !== undefined)) {
    await updateInvitation(deps, eventId, invitationId, contact);
  }
  if (changes.role !== undefined || changes.protocolRank !== undefined) {
    const placed = await deps.delegations.updateMemberPlace(
      eventId,
      invitationId,
      { delegationRole: changes.role, protocolRank: changes.protocolRank },
      deps.now().toISOString(),
    );
    if (!placed) throw new InvitationNotFoundError();
  }
  if (actor.kind === 'organiser' && changes.logistics !== undefined) {
    const kept = await deps.delegations.setLogistics(eventId, invitationId, cleanLogistics(changes.logistics), deps.now().toISOString());
    if (!kept) throw new InvitationNotFoundError();
  }

  member = await memberOrFail(deps, event, invitationId, actor);
  // A new role shows in the details' role field too, where the member has details to show it in.
  const roleChange = changes.role && (changes.details || member.details) ? roleDetail(event, changes.role) : {};
  const details = changes.details || Object.keys(roleChange).length ? { ...roleChange, ...changes.details } : undefined;
  if (details) {
    const requireAll = actor.kind === 'head';
    if (REGISTERED.includes(member.response)) {
      member = await moveInvitation(deps, member, { ...moveOptions(actor, event), startFull: false }, decideChange(event, details, consent, requireAll));
    } else if (member.response !== 'none') {
      throw new NotRegisteredError(member.response);
    } else if (event.status === 'published') {
      member = await moveInvitation(deps, member, moveOptions(actor, event), decideAccept(event, details, requireAll, consent));
    } else {
      const merged = validateDetails(event.fields, { ...member.details, ...details }, { requireAll: false });
      requireConsent(merged, consent, member.consent);
      try {
        await deps.delegations.setPendingDetails(member, merged, consent, deps.now().toISOString());
      } catch (error) {
        if (error instanceof MemberChangedSignal) throw new RegistrationBusyError();
        throw error;
      }
      member = await memberOrFail(deps, event, invitationId, actor);
    }
  }
  if (!hadEmail && member.email && member.emailStatus === 'not_sent' && event.status === 'published' && (await queueInvitationMail(deps, member))) {
    member = await memberOrFail(deps, event, invitationId, actor);
  }
  return result(member, event);
}

/**
 * Removes a member: the invitation, its link and its registration record (with any passport data)
 * go, and a seat they held is freed in the same transaction (and goes to the waiting list). A head who still
 * has members stays until they are moved or removed.
 */
export async function removeMember(deps: DelegationsDeps, eventId: string, invitationId: string, actor: Actor): Promise<void> {
  const event = await eventOrFail(deps, eventId);
  assertManageable(deps, event, actor);
  const member = await memberOrFail(deps, event, invitationId, actor);
  if (actor.kind === 'head' && member.invitationId === actor.head.invitationId) throw new InvitationNotFoundError();
  if (member.delegationRole === 'head') {
    const members = await membersOf(deps, eventId, member.invitationId);
    if (members.length > 0) throw new DelegationHasMembersError(members.length);
  }
  // One transaction: the invitation, its link, its registration record and the seat it held.
  await versioned(deps, eventId, actor, () => deleteInvitation({ ...deps, afterSeatFreed: async (id) => void (await promoteFromWaitlist(deps, id)) }, eventId, invitationId));
}

/**
 * The delegation of an event for the console: every invitee is a member (docs/design.md, "One delegation,
 * one list"), whichever way they came, in protocol order, with the list's version (read first:
 * a save from it fails if anything changed after) and direction. Passport data is shown to
 * organisers and admins, masked for staff; an organiser's read of it is logged (who, when).
 */
export async function listDelegationRoster(deps: DelegationsDeps, eventId: string, reader: { userId: string; role: Role }) {
  const event = await eventOrFail(deps, eventId);
  assertDelegation(event);
  const settings = await deps.delegations.readSettings(eventId);
  const members = (await deps.invitations.listAllByEvent(eventId)).sort(byProtocol);
  const seesPassports = can(reader.role, 'passports:read');
  const shown = members.filter((m) => hasPassportData(m.details)).length;
  if (seesPassports && shown > 0) {
    await deps.personalDataLog.recordRead({
      eventId,
      userId: reader.userId,
      at: deps.now().toISOString(),
      what: 'delegation roster with passport data',
      count: shown,
    });
  }
  return {
    items: members.map((m) => presentMember(m, event, seesPassports)),
    version: settings.version,
    direction: settings.direction,
    /** What an organiser shows before entering passport data on someone's behalf. */
    passportConsent: { version: PASSPORT_CONSENT_VERSION, text: passportConsentText(deps.passportRetentionDays).onBehalf },
  };
}

/**
 * A new protocol order from the organiser's page: ranks 1, 2, 3... in the order given, all at once
 * and only from the version the page read. The order names every member once; one added or
 * removed meanwhile makes it stale (the version moved), and the page is shown the current list.
 */
export async function reorderMembers(
  deps: DelegationsDeps,
  eventId: string,
  invitationIds: string[],
  actor: Extract<Actor, { kind: 'organiser' }>,
  reader: { userId: string; role: Role },
) {
  const event = await eventOrFail(deps, eventId);
  assertManageable(deps, event, actor);
  if (new Set(invitationIds).size !== invitationIds.length) {
    throw new ValidationError({ vi: 'Mỗi thành viên chỉ có một vị trí.', en: 'Each member has one place only.' }, [
      { path: 'invitationIds', code: 'duplicate', message: 'Each member has one place only' },
    ]);
  }
  try {
    await deps.delegations.saveProtocolOrder(eventId, actor.expectedVersion, invitationIds, deps.now().toISOString());
  } catch (error) {
    if (error instanceof DelegationVersionSignal) throw new DelegationChangedError((await deps.delegations.readSettings(eventId)).version);
    throw error;
  }
  return listDelegationRoster(deps, eventId, reader);
}

/** Outgoing or incoming: an incoming delegation's page also keeps each member's logistics. */
export async function setDelegationDirection(
  deps: DelegationsDeps,
  eventId: string,
  direction: DelegationDirection,
  actor: Extract<Actor, { kind: 'organiser' }>,
) {
  const event = await eventOrFail(deps, eventId);
  assertDelegation(event);
  try {
    await deps.delegations.claimVersion(eventId, actor.expectedVersion, deps.now().toISOString(), direction);
  } catch (error) {
    if (error instanceof DelegationVersionSignal) throw new DelegationChangedError((await deps.delegations.readSettings(eventId)).version);
    throw error;
  }
  return deps.delegations.readSettings(eventId);
}

/**
 * A member's personal link, for the organiser to copy into a chat or a letter (the head's link
 * manages the delegation). The same link the invitation mail carries; not a new one.
 */
export async function memberLink(deps: DelegationsDeps, eventId: string, invitationId: string) {
  const event = await eventOrFail(deps, eventId);
  assertDelegation(event);
  const member = await deps.invitations.findById(eventId, invitationId);
  if (!member) throw new InvitationNotFoundError();
  return { url: `${deps.publicUrl}/r/${deps.invitations.linkTokenOf(member)}` };
}
