import { getContact } from './get-contact.js';
import type { HistoryEntry } from './partner-schema.js';
import type { PartnersDeps } from './partners-deps.js';
import { presentHistory } from './present-history.js';

/** What this person was invited to, how they answered, whether they came, the greetings they got; newest first. */
export async function contactHistory(deps: PartnersDeps, contactId: string): Promise<HistoryEntry[]> {
  await getContact(deps, contactId);
  return presentHistory(deps, await deps.partners.listHistoryOfContact(contactId));
}
