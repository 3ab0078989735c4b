import type { DirectMailHandler } from '../email/deliver-outbox-message.js';
import { defaultUnion, mailDocument, signerLines, type UnionSigner } from '../email/mail-layout.js';
import { escapeHtml, singleLine, type OutgoingEmail } from '../email/mailer.js';
import { salutationWord, type Salutation } from '../invitations/salutations.js';
import type { Campaign, GreetingsRepository, Recipient } from './greetings-repository.js';
import type { GreetingTemplate } from './partner-schema.js';

/**
 * The greeting letter: a template per language (vi, en, and the partner's own where the union has
 * one), with {{salutation}}, {{name}}, {{organisation}}, {{occasion}}, {{union}}. The same text
 * is mailed, previewed and printed.
 */
export const greetingPlaceholders = ['salutation', 'name', 'organisation', 'occasion', 'union'] as const;

export const defaultGreetingTemplates: Record<'vi' | 'en', GreetingTemplate> = {
  vi: {
    subject: 'Thư chúc mừng nhân dịp {{occasion}}',
    body:
      'Kính gửi {{salutation}} {{name}},\n\n' +
      'Nhân dịp {{occasion}}, {{union}} trân trọng gửi tới {{salutation}} và {{organisation}} lời chúc mừng tốt đẹp nhất.\n\n' +
      'Chúng tôi trân trọng mối quan hệ hữu nghị và hợp tác tốt đẹp giữa hai bên, và mong tiếp tục được đồng hành cùng {{salutation}} trong thời gian tới.\n\n' +
      'Trân trọng.',
  },
  en: {
    subject: 'Greetings on {{occasion}}',
    body:
      'Dear {{salutation}} {{name}},\n\n' +
      'On the occasion of {{occasion}}, the {{union}} extends its warmest greetings to you and to {{organisation}}.\n\n' +
      'We value our friendship and cooperation, and look forward to continuing it with you in the years to come.\n\n' +
      'Yours sincerely,',
  },
};

/** The template a recipient reads: their own language's, else English for a foreign partner, else Vietnamese. */
export function templateFor(campaign: Pick<Campaign, 'templates'>, language: string): { language: string; template: GreetingTemplate } {
  for (const candidate of [language, language === 'vi' ? 'vi' : 'en', 'vi']) {
    const template = campaign.templates[candidate] ?? defaultGreetingTemplates[candidate as 'vi' | 'en'];
    if (template) return { language: candidate, template };
  }
  return { language: 'vi', template: defaultGreetingTemplates.vi };
}

export type GreetingText = { language: string; subject: string; paragraphs: string[]; signer: string[] };

/** The letter for one recipient, placeholders filled; the signer is the union. */
export function greetingText(campaign: Pick<Campaign, 'templates' | 'title'>, occasionName: { vi: string; en: string }, recipient: Pick<Recipient, 'name' | 'language' | 'salutation' | 'organisationName'>, union: UnionSigner = defaultUnion): GreetingText {
  const { language, template } = templateFor(campaign, recipient.language);
  const ui: 'vi' | 'en' = language === 'vi' ? 'vi' : 'en';
  const values: Record<(typeof greetingPlaceholders)[number], string> = {
    salutation: salutationWord(recipient.salutation as Salutation | undefined, ui),
    name: recipient.name,
    organisation: recipient.organisationName ?? (ui === 'vi' ? 'Quý cơ quan' : 'your organisation'),
    occasion: occasionName[ui],
    union: union.name[ui] || union.name.vi,
  };
  const fill = (text: string) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in values ? values[key as keyof typeof values] : whole)).replace(/ {2,}/g, ' ');
  return {
    language,
    subject: singleLine(fill(template.subject)),
    paragraphs: fill(template.body).split(/\n{2,}/).map((p) => p.trim()).filter(Boolean),
    signer: signerLines(ui, union),
  };
}

export function greetingEmail(to: string, text: GreetingText): OutgoingEmail {
  const html = mailDocument({
    language: text.language === 'vi' ? 'vi' : 'en',
    title: text.subject,
    bodyHtml: [...text.paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`), `<p>${text.signer.map(escapeHtml).join('<br>')}</p>`].join(''),
  });
  return { to, subject: text.subject, text: [...text.paragraphs, text.signer.join('\n')].join('\n\n'), html };
}

/**
 * The greeting's side of the outbox (DirectMailHandler): the letter composed when its turn comes
 * (a recipient erased or no longer queued gets nothing), and its fate on the recipient.
 */
export function greetingMailHandler(deps: { greetings: GreetingsRepository; union?: UnionSigner }): DirectMailHandler {
  return {
    async compose(ref, to) {
      const [campaign, recipient] = await Promise.all([deps.greetings.findCampaign(ref.campaignId!), deps.greetings.findRecipient(ref.campaignId!, ref.contactId!)]);
      if (!campaign || !recipient || recipient.state !== 'queued') return undefined;
      return greetingEmail(to, greetingText(campaign, campaign.occasionName, recipient, deps.union));
    },
    async settle(ref, outcome, at, detail) {
      await deps.greetings.settleRecipient(ref.campaignId!, ref.contactId!, outcome, at, detail?.reason);
    },
    async recordDelivery(ref, status, at, detail) {
      await deps.greetings.recordDelivery(ref.campaignId!, ref.contactId!, status, at, detail);
    },
  };
}
