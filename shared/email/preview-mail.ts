import type { MailPreviewInput } from './mail-preview-schema.js';
import { renderPreviewedMail, type MailPreviewDeps } from './render-mail-preview.js';

export type MailPreview = { to: string; language: 'vi' | 'en'; subject: string; text: string; html: string; attachments: string[] };

/** The mail as the invitee would see it, answered to the console (render-mail-preview.ts). */
export async function previewMail(deps: MailPreviewDeps, eventId: string, input: MailPreviewInput): Promise<MailPreview> {
  const { mail, language, attachments } = await renderPreviewedMail(deps, eventId, input);
  return { to: mail.to, language, subject: mail.subject, text: mail.text, html: mail.html, attachments };
}
