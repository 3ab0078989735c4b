import { EventStateError } from '../events/event-errors.js';
import type { StoredEvent } from '../events/events-repository.js';
import { InviteeAddressTakenError } from '../invitations/invitation-errors.js';
import { EventNotOpenSignal, type NewInvitation } from '../invitations/invitations-repository.js';
import { queueInvitationMail } from '../invitations/queue-invitation-mail.js';
import { decideAccept } from '../registrations/answer-decisions.js';
import { moveInvitation } from '../registrations/move-invitation.js';
import { RegistrationBusyError } from '../registrations/registration-errors.js';
import { validateDetails } from '../registrations/registration-schema.js';
import type { MemberInput } from './delegation-schema.js';
import type { DelegationsDeps } from './delegations-deps.js';
import {
  consentOffer,
  refusePassportDataAfterPurge,
  requireConsent,
} from './passport-data.js';
import { type Actor, type MemberResult, assertManageable, channelOf, cleanLogistics, eventOrFail, giverOf, manageAction, moveOptions, result, roleDetail, versioned } from './delegation-members.js';
import { HeadNotFoundError } from './delegation-errors.js';

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
