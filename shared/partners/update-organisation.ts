import { getOrganisation } from './get-organisation.js';
import type { Organisation, OrganisationInput } from './partner-schema.js';
import { PartnerChangedError } from './partners-errors.js';
import type { PartnersDeps } from './partners-deps.js';

export async function updateOrganisation(deps: PartnersDeps, organisationId: string, patch: Partial<Omit<OrganisationInput, 'foundingDay'>> & { foundingDay?: string | null }): Promise<Organisation> {
  const current = await getOrganisation(deps, organisationId);
  const { foundingDay, ...rest } = patch;
  const updated: Organisation = { ...current, ...rest, updatedAt: deps.now().toISOString() };
  if (foundingDay === null) delete updated.foundingDay;
  else if (foundingDay) updated.foundingDay = foundingDay;
  if (!(await deps.partners.replaceOrganisation(updated, current.updatedAt))) throw new PartnerChangedError();
  return updated;
}
