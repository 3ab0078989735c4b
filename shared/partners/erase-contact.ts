import { getContact } from './get-contact.js';
import type { PartnersDeps } from './partners-deps.js';

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
