import { greetingEmail, greetingText } from './greeting-mail.js';
import { campaignOrFail, recipientOrFail } from './greeting-campaign-rules.js';
import type { PartnersDeps } from './partners-deps.js';

/** The mail as this recipient would receive it. */
export async function previewGreeting(deps: PartnersDeps, campaignId: string, contactId: string) {
  const campaign = await campaignOrFail(deps, campaignId);
  const recipient = await recipientOrFail(deps, campaignId, contactId);
  const text = greetingText(campaign, campaign.occasionName, recipient, deps.union);
  const mail = greetingEmail(recipient.email ?? '', text);
  return { to: recipient.email, language: text.language, subject: mail.subject, text: mail.text, html: mail.html };
}
