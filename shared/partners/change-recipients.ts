import { campaignOrFail, recipientOf } from './greeting-campaign-rules.js';
import type { PartnersDeps } from './partners-deps.js';

/** Contacts added to a campaign, and drafts taken off it (a recipient already greeted stays). */
export async function changeRecipients(deps: PartnersDeps, campaignId: string, change: { add: string[]; remove: string[] }): Promise<{ added: number; removed: number }> {
  await campaignOrFail(deps, campaignId);
  const [contacts, organisations] = await Promise.all([deps.partners.findContacts(change.add), deps.partners.listOrganisations()]);
  const byId = new Map(organisations.map((o) => [o.organisationId, o]));
  const added = await deps.greetings.addRecipients(contacts.map((c) => recipientOf(campaignId, c, byId, deps.now().toISOString())));
  let removed = 0;
  for (const contactId of change.remove) if (await deps.greetings.removeDraftRecipient(campaignId, contactId)) removed += 1;
  return { added, removed };
}
