import { checkOrganisation } from './directory-rules.js';
import { getContact } from './get-contact.js';
import type { Contact, ContactInput } from './partner-schema.js';
import { PartnerChangedError } from './partners-errors.js';
import type { PartnersDeps } from './partners-deps.js';

/** Edits a contact; a change of organisation keeps the one they left, so their history stays true. */
export async function updateContact(deps: PartnersDeps, contactId: string, patch: Partial<Omit<ContactInput, 'organisationId'>> & { organisationId?: string | null }): Promise<Contact> {
  const current = await getContact(deps, contactId);
  const at = deps.now().toISOString();
  const { organisationId, ...rest } = patch;
  const updated: Contact = { ...current, ...rest, updatedAt: at };
  if (organisationId !== undefined && organisationId !== current.organisationId) {
    await checkOrganisation(deps, organisationId ?? undefined);
    if (current.organisationId) updated.formerOrganisations = [{ organisationId: current.organisationId, until: at }, ...(current.formerOrganisations ?? [])];
    if (organisationId) updated.organisationId = organisationId;
    else delete updated.organisationId;
  }
  if (!(await deps.partners.replaceContact(updated, current.updatedAt))) throw new PartnerChangedError();
  return updated;
}
