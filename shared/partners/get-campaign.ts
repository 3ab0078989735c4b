import { compareVietnameseNames } from '../text/vietnamese.js';
import { campaignOrFail, occurrenceFor } from './greeting-campaign-rules.js';
import type { RecipientState } from './partner-schema.js';
import type { PartnersDeps } from './partners-deps.js';

export type CampaignProgress = Record<RecipientState, number> & { total: number };

/** A campaign with its occasion's date that year, its recipients in name order, and how far it got. */
export async function getCampaign(deps: PartnersDeps, campaignId: string) {
  const campaign = await campaignOrFail(deps, campaignId);
  const occurrence = await occurrenceFor(deps, campaign.occasionId, campaign.year).catch(() => undefined);
  const recipients = (await deps.greetings.listRecipients(campaignId)).sort((a, b) => compareVietnameseNames(a.name, b.name));
  const progress: CampaignProgress = { total: recipients.length, draft: 0, queued: 0, sent: 0, delivered: 0, skipped: 0, failed: 0, bounced: 0, complained: 0 };
  for (const r of recipients) progress[r.state] += 1;
  return { campaign, occasion: occurrence, recipients, progress };
}
