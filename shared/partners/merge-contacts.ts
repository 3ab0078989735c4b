import { getContact } from './get-contact.js';
import type { Contact } from './partner-schema.js';
import { MergeSameContactError, PartnerChangedError } from './partners-errors.js';
import type { PartnersDeps } from './partners-deps.js';

/**
 * Two records of one person become one: `fromContactId`'s history moves to `contactId` entry by
 * entry (each with its invitation link), missing details are filled from it, then it goes. Run
 * again after an interruption, it finishes: nothing of the history is lost on the way.
 */
export async function mergeContacts(deps: PartnersDeps, contactId: string, fromContactId: string): Promise<{ contact: Contact; moved: number }> {
  if (contactId === fromContactId) throw new MergeSameContactError();
  const [into, from] = await Promise.all([getContact(deps, contactId), getContact(deps, fromContactId)]);
  const moved = await deps.partners.moveHistory(fromContactId, contactId);
  const filled: Contact = {
    ...into,
    email: into.email ?? from.email,
    phone: into.phone ?? from.phone,
    position: into.position ?? from.position,
    salutation: into.salutation ?? from.salutation,
    organisationId: into.organisationId ?? from.organisationId,
    tags: [...new Set([...into.tags, ...from.tags])],
    formerOrganisations: [...(into.formerOrganisations ?? []), ...(from.formerOrganisations ?? []), ...(from.organisationId && from.organisationId !== (into.organisationId ?? from.organisationId) ? [{ organisationId: from.organisationId, until: deps.now().toISOString() }] : [])],
    updatedAt: deps.now().toISOString(),
  };
  if (!filled.formerOrganisations?.length) delete filled.formerOrganisations;
  for (const key of Object.keys(filled) as (keyof Contact)[]) if (filled[key] === undefined) delete filled[key];
  if (!(await deps.partners.replaceContact(filled, into.updatedAt))) throw new PartnerChangedError();
  await deps.partners.deleteContact(fromContactId);
  return { contact: filled, moved };
}
