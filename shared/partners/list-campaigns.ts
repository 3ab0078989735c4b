import type { Campaign } from './greetings-repository.js';
import type { PartnersDeps } from './partners-deps.js';

export async function listCampaigns(deps: PartnersDeps): Promise<Campaign[]> {
  return deps.greetings.listCampaigns();
}
