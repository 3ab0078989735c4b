import type { Contact } from './partner-schema.js';
import { ContactNotFoundError } from './partners-errors.js';
import type { PartnersDeps } from './partners-deps.js';

export async function getContact(deps: Pick<PartnersDeps, 'partners'>, contactId: string): Promise<Contact> {
  const contact = await deps.partners.findContact(contactId);
  if (!contact) throw new ContactNotFoundError();
  return contact;
}
