import * as z from 'zod';
import { normalizeMultilineText, normalizeText } from '../text/vietnamese.js';

/**
 * What an event stores of its mail and what kinds of mail there are: plain schemas and lists,
 * without the default texts (invitation-templates.ts), so the console's event form can check an
 * event without loading every mail the product can write.
 */
/**
 * The invitation mail of an event, one template per language. An organiser may write their own
 * subject and body with these placeholders; each invitee gets the one in their language.
 */
export const placeholders = ['salutation', 'name', 'event', 'time', 'place', 'contact', 'link'] as const;
export type Placeholder = (typeof placeholders)[number];

export const mailTemplateSchema = z.strictObject({
  subject: z.string().min(1).max(300).transform(normalizeText),
  body: z.string().min(1).max(20000).transform(normalizeMultilineText),
});
export const mailTemplatesSchema = z.strictObject({ vi: mailTemplateSchema.optional(), en: mailTemplateSchema.optional() });
export type MailTemplate = z.infer<typeof mailTemplateSchema>;
export type MailTemplates = z.infer<typeof mailTemplatesSchema>;

/**
 * Mails about the invitation itself: they move the invitation's emailStatus. `confirm_address` is
 * the first mail of a person who registered on an open page: it asks them to confirm their address
 * through their link rather than inviting them.
 */
export const invitationMailKinds = ['invitation', 'reminder', 'confirm_address'] as const;
/**
 * Notices about an answer (registrations): sent beside the invitation mail, never changing its
 * emailStatus. Organisers cannot rewrite these yet; they use the defaults below.
 */
export const noticeKinds = ['confirmed', 'waitlisted', 'pending', 'promoted', 'approved', 'rejected', 'event_cancelled', 'event_changed'] as const;
/**
 * Notices about the event itself, to everyone who holds its link: it was cancelled, or its time or
 * place changed. Queued once per person (shared/email/event-notices-repository.ts).
 */
export const eventNoticeKinds = ['event_cancelled', 'event_changed'] as const satisfies readonly (typeof noticeKinds)[number][];
export type EventNoticeKind = (typeof eventNoticeKinds)[number];
export const isEventNoticeKind = (kind: string): kind is EventNoticeKind => (eventNoticeKinds as readonly string[]).includes(kind);
export const mailKinds = [...invitationMailKinds, ...noticeKinds] as const;
export type InvitationMailKind = (typeof invitationMailKinds)[number];
export type NoticeKind = (typeof noticeKinds)[number];
export type MailKind = (typeof mailKinds)[number];

export const isNoticeKind = (kind: MailKind): kind is NoticeKind => (noticeKinds as readonly string[]).includes(kind);
/** Notices that mean a seat: they carry the calendar file and the door code. */
export const seatKinds = ['confirmed', 'promoted', 'approved'] as const satisfies readonly NoticeKind[];
export type SeatKind = (typeof seatKinds)[number];
export const isSeatKind = (kind: MailKind): kind is SeatKind => (seatKinds as readonly string[]).includes(kind);

/** An event's own templates, per kind of mail and language; what is missing uses the default. */
export const eventMailTemplatesSchema = z.strictObject({
  invitation: mailTemplatesSchema.optional(),
  reminder: mailTemplatesSchema.optional(),
});
export type EventMailTemplates = z.infer<typeof eventMailTemplatesSchema>;
