import { newId } from '../auth/secret-tokens.js';
import type { Organisation, OrganisationInput } from './partner-schema.js';
import type { PartnersDeps } from './partners-deps.js';

export async function createOrganisation(deps: PartnersDeps, input: OrganisationInput): Promise<Organisation> {
  const at = deps.now().toISOString();
  const organisation: Organisation = { ...input, organisationId: newId(), createdAt: at, updatedAt: at };
  await deps.partners.insertOrganisation(organisation);
  return organisation;
}
