import { campaignOrFail } from './greeting-campaign-rules.js';
import { morningOf } from './occasions.js';
import type { PartnersDeps } from './partners-deps.js';

/**
 * Queues the greeting of every recipient still a draft with an address, due at 08:00 on the
 * campaign's day (at once when that is past, or when the organiser sends it now). Each recipient's condition makes a double click or
 * a retry queue nobody twice.
 */
export async function sendCampaign(deps: PartnersDeps, campaignId: string, options: { now?: boolean } = {}): Promise<{ queued: number; alreadyQueued: number; withoutEmail: number; dueAt: string }> {
  const campaign = await campaignOrFail(deps, campaignId);
  const now = deps.now().toISOString();
  const morning = campaign.sendOn && !options.now ? morningOf(campaign.sendOn) : now;
  // biome-ignore lint/complexity/useMathMinMax: ISO instants, compared as strings
  const dueAt = morning > now ? morning : now;
  let queued = 0;
  let alreadyQueued = 0;
  let withoutEmail = 0;
  for (const recipient of await deps.greetings.listRecipients(campaignId)) {
    if (!recipient.email) {
      withoutEmail += 1;
      continue;
    }
    if (recipient.state !== 'draft') {
      alreadyQueued += 1;
      continue;
    }
    if (await deps.greetings.queueGreeting({ ...recipient, email: recipient.email }, now, dueAt)) queued += 1;
    else alreadyQueued += 1;
  }
  if (queued > 0) {
    await deps.greetings.updateCampaign({ ...campaign, sentAt: campaign.sentAt ?? now, updatedAt: now });
    deps.afterQueued?.(queued);
  }
  return { queued, alreadyQueued, withoutEmail, dueAt };
}
