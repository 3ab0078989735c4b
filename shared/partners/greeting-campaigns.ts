import type { Occasion } from './partners-repository.js';
import { defaultPapersSettings } from '../papers/papers-settings-schema.js';
import { slugOf } from '../text/file-name.js';
import { compareVietnameseNames } from '../text/vietnamese.js';
import type { Campaign, Recipient } from './greetings-repository.js';
import { defaultGreetingTemplates, greetingEmail, greetingText } from './greeting-mail.js';
import { campaignIdOf, contactsConcerned, defaultOccasions, localDay, morningOf, occurrenceOf, occurrencesBetween, type Occurrence } from './occasions.js';
import type { CampaignInput, Contact, GreetingTemplate, OccasionInput, Organisation, RecipientState } from './partner-schema.js';
import { CampaignNotFoundError, OccasionNotFoundError, RecipientNotFoundError } from './partners-errors.js';
import type { PartnersDeps } from './partners-deps.js';

/** Greetings campaigns for the occasions calendar: recipients, letter, preview, sending, flowers, print. */

/** The calendar's table, seeded once with the national days the union greets (occasions.ts). */
export async function listOccasions(deps: Pick<PartnersDeps, 'partners' | 'now'>): Promise<Occasion[]> {
  if (!(await deps.partners.wasSeeded())) {
    const at = deps.now().toISOString();
    for (const occasion of defaultOccasions) await deps.partners.putOccasion({ ...occasion, createdAt: at }, { onlyIfNew: true });
    await deps.partners.markSeeded();
  }
  return deps.partners.listOccasions();
}

/**
 * Adds an occasion (no id) or replaces one of the table, the seeded national days included. A new
 * national day is `nd-<country>` unless the country has one already; it never replaces another.
 */
export async function saveOccasion(deps: PartnersDeps, occasionId: string | undefined, input: OccasionInput): Promise<Occasion> {
  await listOccasions(deps);
  if (occasionId) {
    const existing = await deps.partners.findOccasion(occasionId);
    if (!existing) throw new OccasionNotFoundError();
    const { tag: _tag, ...kept } = existing;
    const occasion: Occasion = { ...kept, ...input, occasionId, createdAt: existing.createdAt };
    await deps.partners.putOccasion(occasion);
    return occasion;
  }
  const at = deps.now().toISOString();
  const suffix = () => Math.random().toString(36).slice(2, 8);
  const preferred = input.country ? `nd-${input.country.toLowerCase()}` : `day-${input.day}-${suffix()}`;
  for (const id of [preferred, `${preferred}-${suffix()}`, `${preferred}-${suffix()}`]) {
    const occasion: Occasion = { ...input, occasionId: id, createdAt: at };
    if (await deps.partners.putOccasion(occasion, { onlyIfNew: true })) return occasion;
  }
  throw new Error('No free occasion id after three tries');
}

export async function deleteOccasion(deps: PartnersDeps, occasionId: string): Promise<void> {
  if (!(await deps.partners.findOccasion(occasionId))) throw new OccasionNotFoundError();
  await deps.partners.deleteOccasion(occasionId);
}

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

async function occurrenceFor(deps: Pick<PartnersDeps, 'partners' | 'now'>, occasionId: string, year: number): Promise<Occurrence> {
  const [occasions, organisations] = await Promise.all([listOccasions(deps), deps.partners.listOrganisations()]);
  const occurrence = occurrenceOf(occasionId, year, occasions, organisations);
  if (!occurrence) throw new OccasionNotFoundError();
  return occurrence;
}

function recipientOf(campaignId: string, contact: Contact, organisations: Map<string, Organisation>, at: string): Recipient {
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

export type CampaignProgress = Record<RecipientState, number> & { total: number };

export async function getCampaign(deps: PartnersDeps, campaignId: string) {
  const campaign = await deps.greetings.findCampaign(campaignId);
  if (!campaign) throw new CampaignNotFoundError();
  const occurrence = await occurrenceFor(deps, campaign.occasionId, campaign.year).catch(() => undefined);
  const recipients = (await deps.greetings.listRecipients(campaignId)).sort((a, b) => compareVietnameseNames(a.name, b.name));
  const progress: CampaignProgress = { total: recipients.length, draft: 0, queued: 0, sent: 0, delivered: 0, skipped: 0, failed: 0, bounced: 0, complained: 0 };
  for (const r of recipients) progress[r.state] += 1;
  return { campaign, occasion: occurrence, recipients, progress };
}

export async function listCampaigns(deps: PartnersDeps): Promise<Campaign[]> {
  return deps.greetings.listCampaigns();
}

export async function updateCampaign(deps: PartnersDeps, campaignId: string, patch: { title?: string; templates?: Record<string, GreetingTemplate>; sendOn?: string | null }): Promise<Campaign> {
  const campaign = await deps.greetings.findCampaign(campaignId);
  if (!campaign) throw new CampaignNotFoundError();
  const updated: Campaign = { ...campaign, ...(patch.title ? { title: patch.title } : {}), ...(patch.templates ? { templates: patch.templates } : {}), updatedAt: deps.now().toISOString() };
  if (patch.sendOn === null) delete updated.sendOn;
  else if (patch.sendOn) updated.sendOn = patch.sendOn;
  await deps.greetings.updateCampaign(updated);
  return updated;
}

export async function changeRecipients(deps: PartnersDeps, campaignId: string, change: { add: string[]; remove: string[] }): Promise<{ added: number; removed: number }> {
  const campaign = await deps.greetings.findCampaign(campaignId);
  if (!campaign) throw new CampaignNotFoundError();
  const [contacts, organisations] = await Promise.all([deps.partners.findContacts(change.add), deps.partners.listOrganisations()]);
  const byId = new Map(organisations.map((o) => [o.organisationId, o]));
  const added = await deps.greetings.addRecipients(contacts.map((c) => recipientOf(campaignId, c, byId, deps.now().toISOString())));
  let removed = 0;
  for (const contactId of change.remove) if (await deps.greetings.removeDraftRecipient(campaignId, contactId)) removed += 1;
  return { added, removed };
}

async function occasionNameOf(_deps: Pick<PartnersDeps, 'partners' | 'now'>, campaign: Campaign) {
  return campaign.occasionName;
}

/** The mail as this recipient would receive it. */
export async function previewGreeting(deps: PartnersDeps, campaignId: string, contactId: string) {
  const campaign = await deps.greetings.findCampaign(campaignId);
  if (!campaign) throw new CampaignNotFoundError();
  const recipient = await deps.greetings.findRecipient(campaignId, contactId);
  if (!recipient) throw new RecipientNotFoundError();
  const text = greetingText(campaign, await occasionNameOf(deps, campaign), recipient, deps.union);
  const mail = greetingEmail(recipient.email ?? '', text);
  return { to: recipient.email, language: text.language, subject: mail.subject, text: mail.text, html: mail.html };
}


/**
 * Queues the greeting of every recipient still a draft with an address, due at 08:00 on the
 * campaign's day (at once when that is past, or when the organiser sends it now). Each recipient's condition makes a double click or
 * a retry queue nobody twice.
 */
export async function sendCampaign(deps: PartnersDeps, campaignId: string, options: { now?: boolean } = {}): Promise<{ queued: number; alreadyQueued: number; withoutEmail: number; dueAt: string }> {
  const campaign = await deps.greetings.findCampaign(campaignId);
  if (!campaign) throw new CampaignNotFoundError();
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

export async function recordFlowers(deps: PartnersDeps, campaignId: string, contactId: string, input: { orderedAt: string; cost?: number; orderedBy?: string; note?: string }, user: { userId: string; name: string }) {
  const recipient = await deps.greetings.findRecipient(campaignId, contactId);
  if (!recipient) throw new RecipientNotFoundError();
  const flowers = { ...input, orderedBy: input.orderedBy ?? user.name, by: user.userId, at: deps.now().toISOString() };
  await deps.greetings.recordFlowers(campaignId, contactId, flowers);
  await deps.greetings.recordGreetingHistory(recipient, `${input.orderedAt}T01:00:00.000Z`);
  return { flowers };
}

/** The letters on the union's letterhead, one A4 page each, in name order; recorded as given. */
export async function printGreetingLetters(deps: PartnersDeps, campaignId: string, contactIds?: string[]): Promise<{ pdf: Uint8Array; fileName: string }> {
  const { campaign, recipients } = await getCampaign(deps, campaignId);
  const chosen = contactIds ? recipients.filter((r) => contactIds.includes(r.contactId)) : recipients;
  if (chosen.length === 0) throw new RecipientNotFoundError();
  const occasionName = await occasionNameOf(deps, campaign);
  const { renderGreetingLetters } = await import('./render-greeting-letters.js');
  const settings = (await deps.papers.findSettings()) ?? defaultPapersSettings;
  const at = deps.now().toISOString();
  const pdf = await renderGreetingLetters(settings, chosen.map((r) => greetingText(campaign, occasionName, r, deps.union)), campaign.title, at);
  for (const r of chosen) {
    await deps.greetings.markLetterPrinted(campaignId, r.contactId, at);
    await deps.greetings.recordGreetingHistory(r, at);
  }
  return { pdf, fileName: `thu-chuc-mung-${slugOf(campaign.title)}.pdf` };
}
