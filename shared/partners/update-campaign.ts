import { campaignOrFail } from './greeting-campaign-rules.js';
import type { Campaign } from './greetings-repository.js';
import type { GreetingTemplate } from './partner-schema.js';
import type { PartnersDeps } from './partners-deps.js';

export async function updateCampaign(deps: PartnersDeps, campaignId: string, patch: { title?: string; templates?: Record<string, GreetingTemplate>; sendOn?: string | null }): Promise<Campaign> {
  const campaign = await campaignOrFail(deps, campaignId);
  const updated: Campaign = { ...campaign, ...(patch.title ? { title: patch.title } : {}), ...(patch.templates ? { templates: patch.templates } : {}), updatedAt: deps.now().toISOString() };
  if (patch.sendOn === null) delete updated.sendOn;
  else if (patch.sendOn) updated.sendOn = patch.sendOn;
  await deps.greetings.updateCampaign(updated);
  return updated;
}
