import { newId } from '../auth/secret-tokens.js';
import { compareVietnameseNames } from '../text/vietnamese.js';
import { contactsConcerned } from './occasions.js';
import type { Contact, ContactInput, DirectoryFilter, HistoryEntry, Organisation, OrganisationInput } from './partner-schema.js';
import { ContactNotFoundError, MergeSameContactError, OrganisationNotFoundError, PartnerChangedError } from './partners-errors.js';
import type { PartnersDeps } from './partners-deps.js';
import type { StoredHistory } from './partners-repository.js';

/** Organisations and contacts: create, edit, list in name order, and their history. */

export async function createOrganisation(deps: PartnersDeps, input: OrganisationInput): Promise<Organisation> {
  const at = deps.now().toISOString();
  const organisation: Organisation = { ...input, organisationId: newId(), createdAt: at, updatedAt: at };
  await deps.partners.insertOrganisation(organisation);
  return organisation;
}

export async function getOrganisation(deps: PartnersDeps, organisationId: string): Promise<Organisation> {
  const organisation = await deps.partners.findOrganisation(organisationId);
  if (!organisation) throw new OrganisationNotFoundError();
  return organisation;
}

export async function updateOrganisation(deps: PartnersDeps, organisationId: string, patch: Partial<Omit<OrganisationInput, 'foundingDay'>> & { foundingDay?: string | null }): Promise<Organisation> {
  const current = await getOrganisation(deps, organisationId);
  const { foundingDay, ...rest } = patch;
  const updated: Organisation = { ...current, ...rest, updatedAt: deps.now().toISOString() };
  if (foundingDay === null) delete updated.foundingDay;
  else if (foundingDay) updated.foundingDay = foundingDay;
  if (!(await deps.partners.replaceOrganisation(updated, current.updatedAt))) throw new PartnerChangedError();
  return updated;
}

/** Organisations in name order (Vietnamese alphabet), filtered by kind, country or tag. */
export async function listOrganisations(deps: PartnersDeps, filter: { kind?: string; country?: string; tag?: string } = {}): Promise<Organisation[]> {
  const all = await deps.partners.listOrganisations();
  return all
    .filter((o) => (!filter.kind || o.kind === filter.kind) && (!filter.country || o.country === filter.country) && (!filter.tag || o.tags.includes(filter.tag)))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

async function checkOrganisation(deps: PartnersDeps, organisationId: string | undefined) {
  if (organisationId && !(await deps.partners.findOrganisation(organisationId))) throw new OrganisationNotFoundError();
}

export async function createContact(deps: PartnersDeps, input: ContactInput): Promise<Contact> {
  await checkOrganisation(deps, input.organisationId);
  const at = deps.now().toISOString();
  const contact: Contact = { ...input, contactId: newId(), createdAt: at, updatedAt: at };
  await deps.partners.insertContact(contact);
  return contact;
}

export async function getContact(deps: PartnersDeps, contactId: string): Promise<Contact> {
  const contact = await deps.partners.findContact(contactId);
  if (!contact) throw new ContactNotFoundError();
  return contact;
}

/** Edits a contact; a change of organisation keeps the one they left, so their history stays true. */
export async function updateContact(deps: PartnersDeps, contactId: string, patch: Partial<Omit<ContactInput, 'organisationId'>> & { organisationId?: string | null }): Promise<Contact> {
  const current = await getContact(deps, contactId);
  const at = deps.now().toISOString();
  const { organisationId, ...rest } = patch;
  const updated: Contact = { ...current, ...rest, updatedAt: at };
  if (organisationId !== undefined && organisationId !== current.organisationId) {
    await checkOrganisation(deps, organisationId ?? undefined);
    if (current.organisationId) updated.formerOrganisations = [{ organisationId: current.organisationId, until: at }, ...(current.formerOrganisations ?? [])];
    if (organisationId) updated.organisationId = organisationId;
    else delete updated.organisationId;
  }
  if (!(await deps.partners.replaceContact(updated, current.updatedAt))) throw new PartnerChangedError();
  return updated;
}

/** Contacts in the order of an official list: by given name (Vietnamese given name last). */
export async function listContacts(deps: PartnersDeps, filter: DirectoryFilter & { q?: string } = {}): Promise<Contact[]> {
  const [contacts, organisations] = await Promise.all([deps.partners.listContacts(), deps.partners.listOrganisations()]);
  return selectContacts(contacts, organisations, filter).sort((a, b) => compareVietnameseNames(a.name, b.name));
}

/** The contacts a filter names: by id, organisation, its kind or country, or a tag of either. */
export function selectContacts(contacts: Contact[], organisations: Organisation[], filter: DirectoryFilter & { q?: string }): Contact[] {
  const byId = new Map(organisations.map((o) => [o.organisationId, o]));
  const ids = filter.contactIds ? new Set(filter.contactIds) : undefined;
  const q = filter.q?.normalize('NFC').toLocaleLowerCase('vi').trim();
  return contacts.filter((c) => {
    const org = c.organisationId ? byId.get(c.organisationId) : undefined;
    if (ids && !ids.has(c.contactId)) return false;
    if (filter.organisationId && c.organisationId !== filter.organisationId) return false;
    if (filter.kind && org?.kind !== filter.kind) return false;
    if (filter.country && !(org && contactsConcerned({ kind: 'national_day', country: filter.country }, [c], [org]).length)) return false;
    if (filter.tag && !c.tags.includes(filter.tag) && !org?.tags.includes(filter.tag)) return false;
    if (q && !`${c.name} ${c.email ?? ''} ${org?.name ?? ''}`.toLocaleLowerCase('vi').includes(q)) return false;
    return true;
  });
}

/** History entries as the console shows them: each invitation's event, answer and presence; each greeting's state. */
async function presentHistory(deps: PartnersDeps, entries: StoredHistory[]): Promise<HistoryEntry[]> {
  const events = new Map<string, Awaited<ReturnType<PartnersDeps['invitationsDeps']['events']['findById']>>>();
  const out: HistoryEntry[] = [];
  for (const entry of entries) {
    if (entry.kind === 'invitation') {
      if (!events.has(entry.eventId)) events.set(entry.eventId, await deps.invitationsDeps.events.findById(entry.eventId));
      const event = events.get(entry.eventId);
      const invitation = await deps.invitationsDeps.invitations.findById(entry.eventId, entry.invitationId);
      out.push({
        kind: 'invitation',
        at: entry.at,
        contactId: entry.contactId,
        organisationId: entry.organisationId,
        eventId: entry.eventId,
        invitationId: entry.invitationId,
        ...(event ? { event: { title: event.title.vi, startsAt: event.startsAt, type: event.type } } : {}),
        ...(invitation ? { response: invitation.response, checkedIn: Boolean((invitation as { checkedInAt?: string }).checkedInAt) } : { gone: true }),
      });
    } else {
      const [campaign, recipient] = await Promise.all([deps.greetings.findCampaign(entry.campaignId), deps.greetings.findRecipient(entry.campaignId, entry.recipientContactId)]);
      out.push({
        kind: 'greeting',
        at: entry.at,
        contactId: entry.contactId,
        organisationId: entry.organisationId,
        campaignId: entry.campaignId,
        title: campaign?.title,
        state: recipient?.state,
        flowers: Boolean(recipient?.flowers),
      });
    }
  }
  return out;
}

/** What this person was invited to, how they answered, whether they came, the greetings they got; newest first. */
export async function contactHistory(deps: PartnersDeps, contactId: string): Promise<HistoryEntry[]> {
  await getContact(deps, contactId);
  return presentHistory(deps, await deps.partners.listHistoryOfContact(contactId));
}

export async function organisationHistory(deps: PartnersDeps, organisationId: string): Promise<HistoryEntry[]> {
  await getOrganisation(deps, organisationId);
  return presentHistory(deps, await deps.partners.listHistoryOfOrganisation(organisationId));
}

/**
 * Two records of one person become one: `fromContactId`'s history moves to `contactId` entry by
 * entry (each with its invitation link), missing details are filled from it, then it goes. Run
 * again after an interruption, it finishes: nothing of the history is lost on the way.
 */
export async function mergeContacts(deps: PartnersDeps, contactId: string, fromContactId: string): Promise<{ contact: Contact; moved: number }> {
  if (contactId === fromContactId) throw new MergeSameContactError();
  const [into, from] = await Promise.all([getContact(deps, contactId), getContact(deps, fromContactId)]);
  const moved = await deps.partners.moveHistory(fromContactId, contactId);
  const filled: Contact = {
    ...into,
    email: into.email ?? from.email,
    phone: into.phone ?? from.phone,
    position: into.position ?? from.position,
    salutation: into.salutation ?? from.salutation,
    organisationId: into.organisationId ?? from.organisationId,
    tags: [...new Set([...into.tags, ...from.tags])],
    formerOrganisations: [...(into.formerOrganisations ?? []), ...(from.formerOrganisations ?? []), ...(from.organisationId && from.organisationId !== (into.organisationId ?? from.organisationId) ? [{ organisationId: from.organisationId, until: deps.now().toISOString() }] : [])],
    updatedAt: deps.now().toISOString(),
  };
  if (!filled.formerOrganisations?.length) delete filled.formerOrganisations;
  for (const key of Object.keys(filled) as (keyof Contact)[]) if (filled[key] === undefined) delete filled[key];
  if (!(await deps.partners.replaceContact(filled, into.updatedAt))) throw new PartnerChangedError();
  await deps.partners.deleteContact(fromContactId);
  return { contact: filled, moved };
}

/**
 * Erasure on request (Decree 13/2023): the contact, their history and links, and their name and
 * address in campaigns go; the directory keeps how many invitations they had, how often they
 * came and how many greetings they got, as counts only. The event lists are the events' own.
 */
export async function eraseContact(deps: PartnersDeps, contactId: string): Promise<{ erased: true }> {
  await getContact(deps, contactId);
  const entries = await deps.partners.listHistoryOfContact(contactId);
  let attended = 0;
  let invitations = 0;
  let greetings = 0;
  for (const entry of entries) {
    if (entry.kind === 'invitation') {
      invitations += 1;
      const invitation = await deps.invitationsDeps.invitations.findById(entry.eventId, entry.invitationId);
      if ((invitation as { checkedInAt?: string } | undefined)?.checkedInAt) attended += 1;
    } else {
      greetings += 1;
      await deps.greetings.deleteRecipient(entry.campaignId, entry.recipientContactId);
    }
  }
  // Recipients not yet greeted (drafts) have no history entry: every campaign is looked at.
  for (const campaign of await deps.greetings.listCampaigns()) await deps.greetings.deleteRecipient(campaign.campaignId, contactId);
  await deps.partners.eraseContact(contactId, { invitations, attended, greetings });
  return { erased: true };
}
