import { compareVietnameseNames } from '../text/vietnamese.js';
import type { Recipient } from './greetings-repository.js';
import { listOccasions } from './list-occasions.js';
import { contactsConcerned, localDay, occurrencesBetween, type Occurrence } from './occasions.js';
import type { RecipientState } from './partner-schema.js';
import type { PartnersDeps } from './partners-deps.js';

const greetedStates: RecipientState[] = ['queued', 'sent', 'delivered'];
const isGreeted = (r: Recipient) => greetedStates.includes(r.state) || Boolean(r.flowers) || Boolean(r.letterPrintedAt);

export type UpcomingOccasion = Occurrence & { concerned: number; greeted: number; notGreeted: { contactId: string; name: string }[]; campaignExists: boolean };

/** What falls in the next `days` days, and who it concerns that has not been greeted yet. */
export async function upcomingOccasions(deps: PartnersDeps, days = 30): Promise<UpcomingOccasion[]> {
  const [occasions, organisations, contacts] = await Promise.all([listOccasions(deps), deps.partners.listOrganisations(), deps.partners.listContacts()]);
  const out: UpcomingOccasion[] = [];
  for (const occurrence of occurrencesBetween(localDay(deps.now()), days, occasions, organisations)) {
    const concerned = contactsConcerned(occurrence, contacts, organisations).sort((a, b) => compareVietnameseNames(a.name, b.name));
    const campaign = await deps.greetings.findCampaign(occurrence.campaignId);
    const greeted = new Set(campaign ? (await deps.greetings.listRecipients(campaign.campaignId)).filter(isGreeted).map((r) => r.contactId) : []);
    const notGreeted = concerned.filter((c) => !greeted.has(c.contactId)).map((c) => ({ contactId: c.contactId, name: c.name }));
    out.push({ ...occurrence, concerned: concerned.length, greeted: concerned.length - notGreeted.length, notGreeted, campaignExists: Boolean(campaign) });
  }
  return out;
}
