import * as z from 'zod';
import { mailTemplatesSchema } from './mail-template-schema.js';

/**
 * What a mail preview asks for (render-mail-preview.ts), apart from the rendering: the API validates
 * requests with it at every start, while the mail texts it previews load with the first preview.
 */
export const previewKinds = ['invitation', 'reminder', 'event_cancelled', 'event_changed'] as const;
export type PreviewKind = (typeof previewKinds)[number];

export const mailPreviewSchema = z.strictObject({
  kind: z.enum(previewKinds),
  language: z.enum(['vi', 'en']).optional(),
  /** Whose details fill the mail; absent: a sample invitee. */
  invitationId: z.string().min(1).max(100).optional(),
  /** The templates as the form holds them (unsaved); absent: the event's own. */
  templates: mailTemplatesSchema.optional(),
  reason: z.string().max(1000).transform((v) => v.normalize('NFC').trim()).optional(),
  note: z.string().max(1000).transform((v) => v.normalize('NFC').trim()).optional(),
});
export type MailPreviewInput = z.output<typeof mailPreviewSchema>;
