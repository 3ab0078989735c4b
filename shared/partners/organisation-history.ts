import { getOrganisation } from './get-organisation.js';
import type { HistoryEntry } from './partner-schema.js';
import type { PartnersDeps } from './partners-deps.js';
import { presentHistory } from './present-history.js';

/** The organisation's history: its people's entries while they were with it, newest first. */
export async function organisationHistory(deps: PartnersDeps, organisationId: string): Promise<HistoryEntry[]> {
  await getOrganisation(deps, organisationId);
  return presentHistory(deps, await deps.partners.listHistoryOfOrganisation(organisationId));
}
