import type { StoredEvent } from '../events/events-repository.js';
import { InvitationNotFoundError } from '../invitations/invitation-errors.js';
import type { StoredInvitation } from '../invitations/invitations-repository.js';
import { queueInvitationMail } from '../invitations/queue-invitation-mail.js';
import { updateInvitation } from '../invitations/update-invitation.js';
import { decideAccept, decideChange } from '../registrations/answer-decisions.js';
import { moveInvitation } from '../registrations/move-invitation.js';
import { NotRegisteredError, RegistrationBusyError } from '../registrations/registration-errors.js';
import { validateDetails } from '../registrations/registration-schema.js';
import { MemberChangedSignal } from './delegation-repository.js';
import type { MemberChanges } from './delegation-schema.js';
import type { DelegationsDeps } from './delegations-deps.js';
import {
  consentOffer,
  refusePassportDataAfterPurge,
  requireConsent,
} from './passport-data.js';
import { REGISTERED, type Actor, type MemberResult, assertManageable, channelOf, cleanLogistics, eventOrFail, giverOf, memberOrFail, moveOptions, result, roleDetail, versioned } from './delegation-members.js';

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
