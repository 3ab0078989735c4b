import type { Language } from '../errors.js';
import { importInvitees } from '../invitations/import-invitees.js';
import type { ImportResult } from '../invitations/invitation-schema.js';
import { selectContacts } from './directory-rules.js';
import { invitationLanguageOf, type DirectoryFilter } from './partner-schema.js';
import type { PartnersDeps } from './partners-deps.js';

/**
 * An event's invitee list drawn from the directory (by contacts chosen, kind, country,
 * organisation or tag), beside CSV import and copying: the same import with its checks and
 * duplicates, then each invitation linked to its contact, so the contact's history stays true.
 * Someone already invited by the same address is linked too: it is the same person.
 */
export async function inviteFromDirectory(deps: PartnersDeps, eventId: string, filter: DirectoryFilter, options: { language: Language; preview?: boolean }): Promise<ImportResult & { linked: number }> {
  const [contacts, organisations] = await Promise.all([deps.partners.listContacts(), deps.partners.listOrganisations()]);
  const chosen = selectContacts(contacts, organisations, filter).filter((c) => c.email || c.phone);
  const orgName = new Map(organisations.map((o) => [o.organisationId, o.name]));
  const result = await importInvitees(deps.invitationsDeps, {
    eventId,
    language: options.language,
    preview: options.preview,
    rows: chosen.map((c, i) => ({
      row: i + 1,
      input: {
        name: c.name,
        ...(c.email ? { email: c.email } : {}),
        ...(c.phone ? { phone: c.phone } : {}),
        ...(c.organisationId && orgName.get(c.organisationId) ? { organisation: orgName.get(c.organisationId) } : {}),
        ...(c.position ? { position: c.position } : {}),
        ...(c.salutation ? { salutation: c.salutation } : {}),
        language: invitationLanguageOf(c.language),
      },
    })),
  });
  if (options.preview) return { ...result, linked: 0 };
  let linked = 0;
  const at = deps.now().toISOString();
  for (const contact of chosen) {
    const invitation = await deps.invitationsDeps.invitations.findByAddress(eventId, contact.email ? { email: contact.email } : { phone: contact.phone! });
    if (!invitation) continue;
    if (await deps.partners.linkInvitation({ kind: 'invitation', at, contactId: contact.contactId, organisationId: contact.organisationId, eventId, invitationId: invitation.invitationId })) linked += 1;
  }
  return { ...result, linked };
}
