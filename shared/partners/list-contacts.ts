import { compareVietnameseNames } from '../text/vietnamese.js';
import { selectContacts } from './directory-rules.js';
import type { Contact, DirectoryFilter } from './partner-schema.js';
import type { PartnersDeps } from './partners-deps.js';

/** Contacts in the order of an official list: by given name (Vietnamese given name last). */
export async function listContacts(deps: PartnersDeps, filter: DirectoryFilter & { q?: string } = {}): Promise<Contact[]> {
  const [contacts, organisations] = await Promise.all([deps.partners.listContacts(), deps.partners.listOrganisations()]);
  return selectContacts(contacts, organisations, filter).sort((a, b) => compareVietnameseNames(a.name, b.name));
}
