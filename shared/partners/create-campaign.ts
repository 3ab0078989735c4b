import { campaignIdOf, contactsConcerned } from './occasions.js';
import { defaultGreetingTemplates } from './greeting-mail.js';
import { occurrenceFor, recipientOf } from './greeting-campaign-rules.js';
import type { Campaign } from './greetings-repository.js';
import type { CampaignInput, Contact } from './partner-schema.js';
import type { PartnersDeps } from './partners-deps.js';

/**
 * The campaign of an occasion and year, made once (a second call answers the first). Its
 * recipients: the contacts given, else last year's recipients of the same occasion (still in the
 * directory), else everyone the occasion concerns.
 */
export async function createCampaign(deps: PartnersDeps, input: CampaignInput, userId: string): Promise<{ campaign: Campaign; created: boolean }> {
  const occurrence = await occurrenceFor(deps, input.occasionId, input.year);
  const at = deps.now().toISOString();
  const campaignId = campaignIdOf(occurrence.occasionId, occurrence.year);
  const previous = await deps.greetings.findCampaign(campaignIdOf(occurrence.occasionId, occurrence.year - 1));
  const campaign: Campaign = {
    campaignId,
    occasionId: occurrence.occasionId,
    year: occurrence.year,
    title: input.title ?? `${occurrence.name.vi} ${occurrence.year}`,
    occasionName: occurrence.name,
    templates: input.templates ?? previous?.templates ?? { ...defaultGreetingTemplates },
    ...(input.sendOn ? { sendOn: input.sendOn } : { sendOn: occurrence.date }),
    createdAt: at,
    createdBy: userId,
    updatedAt: at,
  };
  const result = await deps.greetings.ensureCampaign(campaign);
  if (!result.created) return result;
  const [contacts, organisations] = await Promise.all([deps.partners.listContacts(), deps.partners.listOrganisations()]);
  let chosen: Contact[];
  if (input.contactIds) chosen = contacts.filter((c) => input.contactIds!.includes(c.contactId));
  else if (previous) {
    const before = new Set((await deps.greetings.listRecipients(previous.campaignId)).map((r) => r.contactId));
    chosen = contacts.filter((c) => before.has(c.contactId));
  } else chosen = contactsConcerned(occurrence, contacts, organisations);
  const byId = new Map(organisations.map((o) => [o.organisationId, o]));
  await deps.greetings.addRecipients(chosen.map((c) => recipientOf(campaignId, c, byId, at)));
  return result;
}
