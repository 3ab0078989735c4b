import { defaultPapersSettings } from '../papers/papers-settings-schema.js';
import { slugOf } from '../text/file-name.js';
import { getCampaign } from './get-campaign.js';
import { greetingText } from './greeting-mail.js';
import { RecipientNotFoundError } from './partners-errors.js';
import type { PartnersDeps } from './partners-deps.js';

/** The letters on the union's letterhead, one A4 page each, in name order; recorded as given. */
export async function printGreetingLetters(deps: PartnersDeps, campaignId: string, contactIds?: string[]): Promise<{ pdf: Uint8Array; fileName: string }> {
  const { campaign, recipients } = await getCampaign(deps, campaignId);
  const chosen = contactIds ? recipients.filter((r) => contactIds.includes(r.contactId)) : recipients;
  if (chosen.length === 0) throw new RecipientNotFoundError();
  const { renderGreetingLetters } = await import('./render-greeting-letters.js');
  const settings = (await deps.papers.findSettings()) ?? defaultPapersSettings;
  const at = deps.now().toISOString();
  const pdf = await renderGreetingLetters(settings, chosen.map((r) => greetingText(campaign, campaign.occasionName, r, deps.union)), campaign.title, at);
  for (const r of chosen) {
    await deps.greetings.markLetterPrinted(campaignId, r.contactId, at);
    await deps.greetings.recordGreetingHistory(r, at);
  }
  return { pdf, fileName: `thu-chuc-mung-${slugOf(campaign.title)}.pdf` };
}
