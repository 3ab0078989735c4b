import type { Campaign, Recipient } from './greetings-repository.js';
import { listOccasions } from './list-occasions.js';
import { occurrenceOf, type Occurrence } from './occasions.js';
import type { Contact, Organisation } from './partner-schema.js';
import { CampaignNotFoundError, OccasionNotFoundError, RecipientNotFoundError } from './partners-errors.js';
import type { PartnersDeps } from './partners-deps.js';

/**
 * What the greetings campaigns' use cases (one per file beside this one: create, read, edit,
 * recipients, preview, send, flowers, print) share: the campaign, its occasion's date that year,
 * and a recipient, looked up or refused.
 */

export async function campaignOrFail(deps: Pick<PartnersDeps, 'greetings'>, campaignId: string): Promise<Campaign> {
  const campaign = await deps.greetings.findCampaign(campaignId);
  if (!campaign) throw new CampaignNotFoundError();
  return campaign;
}

export async function recipientOrFail(deps: Pick<PartnersDeps, 'greetings'>, campaignId: string, contactId: string): Promise<Recipient> {
  const recipient = await deps.greetings.findRecipient(campaignId, contactId);
  if (!recipient) throw new RecipientNotFoundError();
  return recipient;
}

export async function occurrenceFor(deps: Pick<PartnersDeps, 'partners' | 'now'>, occasionId: string, year: number): Promise<Occurrence> {
  const [occasions, organisations] = await Promise.all([listOccasions(deps), deps.partners.listOrganisations()]);
  const occurrence = occurrenceOf(occasionId, year, occasions, organisations);
  if (!occurrence) throw new OccasionNotFoundError();
  return occurrence;
}

export function recipientOf(campaignId: string, contact: Contact, organisations: Map<string, Organisation>, at: string): Recipient {
  const org = contact.organisationId ? organisations.get(contact.organisationId) : undefined;
  return {
    campaignId,
    contactId: contact.contactId,
    name: contact.name,
    ...(contact.email ? { email: contact.email } : {}),
    language: contact.language,
    ...(contact.salutation ? { salutation: contact.salutation } : {}),
    ...(org ? { organisationId: org.organisationId, organisationName: org.name } : {}),
    state: 'draft',
    at,
  };
}
