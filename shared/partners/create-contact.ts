import { newId } from '../auth/secret-tokens.js';
import { checkOrganisation } from './directory-rules.js';
import type { Contact, ContactInput } from './partner-schema.js';
import type { PartnersDeps } from './partners-deps.js';

export async function createContact(deps: PartnersDeps, input: ContactInput): Promise<Contact> {
  await checkOrganisation(deps, input.organisationId);
  const at = deps.now().toISOString();
  const contact: Contact = { ...input, contactId: newId(), createdAt: at, updatedAt: at };
  await deps.partners.insertContact(contact);
  return contact;
}
