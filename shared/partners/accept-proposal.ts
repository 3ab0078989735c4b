import { newId } from '../auth/secret-tokens.js';
import type { Contact } from './partner-schema.js';
import { InvitationAlreadyLinkedError } from './partners-errors.js';
import type { PartnersDeps } from './partners-deps.js';

/**
 * One contact for these invitations (a proposal accepted whole, or the part the organiser kept
 * together): made from the newest invitation's details, each invitation linked and entered in
 * the contact's history. An invitation linked meanwhile is refused (409), nothing else undone.
 */
export async function acceptProposal(deps: PartnersDeps, input: { invitations: { eventId: string; invitationId: string }[]; organisationId?: string }): Promise<{ contact: Contact; linked: number }> {
  const links = await deps.partners.findInvitationLinks(input.invitations);
  if (links.size > 0) throw new InvitationAlreadyLinkedError([...links.entries()].map(([key, contactId]) => ({ eventId: key.split('#')[0]!, invitationId: key.split('#')[1]!, contactId })));
  const found = (await Promise.all(input.invitations.map((i) => deps.invitationsDeps.invitations.findById(i.eventId, i.invitationId)))).filter((i) => i !== undefined);
  if (found.length === 0) throw new InvitationAlreadyLinkedError([]);
  const newest = [...found].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0]!;
  const at = deps.now().toISOString();
  const contact: Contact = {
    contactId: newId(),
    name: newest.name,
    ...(newest.salutation ? { salutation: newest.salutation } : {}),
    ...(newest.position ? { position: newest.position } : {}),
    ...(input.organisationId ? { organisationId: input.organisationId } : {}),
    ...(found.find((i) => i.email)?.email ? { email: found.find((i) => i.email)!.email } : {}),
    ...(found.find((i) => i.phone)?.phone ? { phone: found.find((i) => i.phone)!.phone } : {}),
    language: newest.language,
    tags: [],
    createdAt: at,
    updatedAt: at,
  };
  await deps.partners.insertContact(contact);
  let linked = 0;
  for (const invitation of found) {
    const entryAt = invitation.invitedAt ?? invitation.createdAt;
    if (await deps.partners.linkInvitation({ kind: 'invitation', at: entryAt, contactId: contact.contactId, organisationId: contact.organisationId, eventId: invitation.eventId, invitationId: invitation.invitationId })) linked += 1;
  }
  return { contact, linked };
}
