import type { HistoryEntry } from './partner-schema.js';
import type { PartnersDeps } from './partners-deps.js';
import type { StoredHistory } from './partners-repository.js';

/** History entries as the console shows them: each invitation's event, answer and presence; each greeting's state. */
export async function presentHistory(deps: PartnersDeps, entries: StoredHistory[]): Promise<HistoryEntry[]> {
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
