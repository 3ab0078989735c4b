import { getOrganisation } from './get-organisation.js';
import { contactsConcerned } from './occasions.js';
import type { Contact, DirectoryFilter, Organisation } from './partner-schema.js';
import type { PartnersDeps } from './partners-deps.js';

/** What the directory's use cases (one per file beside this one) share: a contact's organisation must exist, and which contacts a filter names. */

/** A contact's organisation, when it names one, is in the directory. */
export async function checkOrganisation(deps: Pick<PartnersDeps, 'partners'>, organisationId: string | undefined): Promise<void> {
  if (organisationId) await getOrganisation(deps, organisationId);
}

/** The contacts a filter names: by id, organisation, its kind or country, or a tag of either. */
export function selectContacts(contacts: Contact[], organisations: Organisation[], filter: DirectoryFilter & { q?: string }): Contact[] {
  const byId = new Map(organisations.map((o) => [o.organisationId, o]));
  const ids = filter.contactIds ? new Set(filter.contactIds) : undefined;
  const q = filter.q?.normalize('NFC').toLocaleLowerCase('vi').trim();
  return contacts.filter((c) => {
    const org = c.organisationId ? byId.get(c.organisationId) : undefined;
    if (ids && !ids.has(c.contactId)) return false;
    if (filter.organisationId && c.organisationId !== filter.organisationId) return false;
    if (filter.kind && org?.kind !== filter.kind) return false;
    if (filter.country && !(org && contactsConcerned({ kind: 'national_day', country: filter.country }, [c], [org]).length)) return false;
    if (filter.tag && !c.tags.includes(filter.tag) && !org?.tags.includes(filter.tag)) return false;
    if (q && !`${c.name} ${c.email ?? ''} ${org?.name ?? ''}`.toLocaleLowerCase('vi').includes(q)) return false;
    return true;
  });
}
