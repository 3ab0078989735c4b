import type { Invitation, UpdateInvitationInput } from './invitation-schema.js';
import {
  InvitationChangedError,
  InvitationNotFoundError,
  InviteeAddressTakenError,
  InviteeContactMissingError,
} from './invitation-errors.js';
import type { InvitationsDeps } from './invitations-deps.js';
import { AddressTakenSignal, InvitationChangedSignal, type InvitationChanges } from './invitations-repository.js';
import { presentInvitation } from './present-invitation.js';

const optionalKeys = ['email', 'phone', 'organisation', 'position', 'group', 'salutation'] as const;

/**
 * Fixes a name or an address. A changed email or phone revokes the invitee's link and makes a new
 * one: the old link may sit in a mailbox that is not theirs. The new link reaches the invitee with
 * the next email (the sender mints a fresh one at send time anyway).
 */
export async function updateInvitation(
  deps: InvitationsDeps,
  eventId: string,
  invitationId: string,
  input: UpdateInvitationInput,
): Promise<{ invitation: Invitation; token?: string }> {
  const current = await deps.invitations.findById(eventId, invitationId);
  if (!current) throw new InvitationNotFoundError();

  const changes: InvitationChanges = { set: {}, remove: [] };
  if (input.name !== undefined && input.name !== current.name) changes.set.name = input.name;
  if (input.language !== undefined && input.language !== current.language) changes.set.language = input.language;
  for (const key of optionalKeys) {
    const value = input[key];
    if (value === null && current[key] !== undefined) changes.remove.push(key);
    else if (value !== undefined && value !== null && value !== current[key]) (changes.set as Record<string, unknown>)[key] = value;
  }
  const next = { ...current, ...changes.set };
  for (const key of changes.remove) delete next[key];
  // A delegation member may have neither (entered by their head or an organiser).
  if (!next.email && !next.phone && !current.delegationRole) throw new InviteeContactMissingError();
  if (Object.keys(changes.set).length === 0 && changes.remove.length === 0) {
    return { invitation: presentInvitation(current) };
  }
  const addressChanged = next.email !== current.email || next.phone !== current.phone;

  try {
    const updated = await deps.invitations.updateInvitation(current, changes, deps.now().toISOString(), {
      replaceLink: addressChanged,
    });
    return { invitation: presentInvitation(updated.invitation), token: updated.token };
  } catch (error) {
    if (error instanceof AddressTakenSignal) throw new InviteeAddressTakenError({ email: next.email, phone: next.phone });
    if (error instanceof InvitationChangedSignal) {
      if (!(await deps.invitations.findById(eventId, invitationId))) throw new InvitationNotFoundError();
      throw new InvitationChangedError();
    }
    throw error;
  }
}
