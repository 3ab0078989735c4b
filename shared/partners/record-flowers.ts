import { recipientOrFail } from './greeting-campaign-rules.js';
import type { PartnersDeps } from './partners-deps.js';

/** Flowers ordered for a recipient: recorded on the campaign and in the contact's history as a greeting. */
export async function recordFlowers(deps: PartnersDeps, campaignId: string, contactId: string, input: { orderedAt: string; cost?: number; orderedBy?: string; note?: string }, user: { userId: string; name: string }) {
  const recipient = await recipientOrFail(deps, campaignId, contactId);
  const flowers = { ...input, orderedBy: input.orderedBy ?? user.name, by: user.userId, at: deps.now().toISOString() };
  await deps.greetings.recordFlowers(campaignId, contactId, flowers);
  await deps.greetings.recordGreetingHistory(recipient, `${input.orderedAt}T01:00:00.000Z`);
  return { flowers };
}
