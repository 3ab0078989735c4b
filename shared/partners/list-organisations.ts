import type { Organisation } from './partner-schema.js';
import type { PartnersDeps } from './partners-deps.js';

/** Organisations in name order (Vietnamese alphabet), filtered by kind, country or tag. */
export async function listOrganisations(deps: PartnersDeps, filter: { kind?: string; country?: string; tag?: string } = {}): Promise<Organisation[]> {
  const all = await deps.partners.listOrganisations();
  return all
    .filter((o) => (!filter.kind || o.kind === filter.kind) && (!filter.country || o.country === filter.country) && (!filter.tag || o.tags.includes(filter.tag)))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
