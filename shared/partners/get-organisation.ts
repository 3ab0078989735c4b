import type { Organisation } from './partner-schema.js';
import { OrganisationNotFoundError } from './partners-errors.js';
import type { PartnersDeps } from './partners-deps.js';

export async function getOrganisation(deps: Pick<PartnersDeps, 'partners'>, organisationId: string): Promise<Organisation> {
  const organisation = await deps.partners.findOrganisation(organisationId);
  if (!organisation) throw new OrganisationNotFoundError();
  return organisation;
}
