import * as z from 'zod';
import { type inviteeLanguages, inviteeShape } from '../invitations/invitation-schema.js';
import { normalizeMultilineText, normalizeText } from '../text/vietnamese.js';

/**
 * The partners directory (issue 19): organisations and contacts that outlive events, the occasions
 * that matter to them, and greetings campaigns. Shared by the API (validation at the edge) and the
 * console (its forms).
 */

const text = (max: number) => z.string().max(max).transform(normalizeText);
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((v) => normalizeText(v) || undefined)
    .optional();
const multiline = (max: number) => z.string().max(max).transform(normalizeMultilineText);

import { organisationKinds } from './organisation-kinds.js';

export { organisationKinds, type OrganisationKind } from './organisation-kinds.js';

/** A country as ISO 3166-1 alpha-2 ("RU", "FR", "KR"); national days are keyed by it. */
export const countrySchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, { error: 'country_invalid' })
  .transform((v) => v.toUpperCase());

/** A day of the year, "MM-DD" (12-06 for 12 June). */
export const monthDaySchema = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'day_invalid' })
  .refine((v) => !Number.isNaN(Date.parse(`2024-${v}T00:00:00Z`)) && new Date(`2024-${v}T00:00:00Z`).toISOString().slice(5, 10) === v, { error: 'day_invalid' });

/** A language a partner reads: an ISO 639-1 code ("vi", "en", "ru", "fr", "ko"). */
export const partnerLanguageSchema = z
  .string()
  .trim()
  .regex(/^[a-z]{2}$/, { error: 'language_invalid' });

const tagsSchema = z.array(text(60).pipe(z.string().min(1))).max(30);

const organisationShape = {
  name: text(300).pipe(z.string().min(1)),
  kind: z.enum(organisationKinds),
  country: countrySchema.optional(),
  address: optionalText(500),
  languages: z.array(partnerLanguageSchema).max(10),
  website: z.url({ protocol: /^https?$/ }).max(500).optional(),
  foundingDay: monthDaySchema.optional(),
  notes: multiline(4000).optional(),
  tags: tagsSchema,
};
export const organisationInputSchema = z.strictObject({ ...organisationShape, languages: organisationShape.languages.default([]), tags: tagsSchema.default([]) });
export type OrganisationInput = z.output<typeof organisationInputSchema>;
/** A PATCH: only what is sent changes (no defaults here); `foundingDay: null` removes the organisation's day. */
export const organisationPatchSchema = z.strictObject({ ...organisationShape, foundingDay: monthDaySchema.nullable() }).partial();

const contactShape = {
  name: text(200).pipe(z.string().min(1)),
  salutation: inviteeShape.salutation,
  position: optionalText(300),
  organisationId: z.string().min(1).max(64).optional(),
  email: inviteeShape.email,
  phone: inviteeShape.phone,
  language: partnerLanguageSchema,
  tags: tagsSchema,
  notes: multiline(4000).optional(),
};
export const contactInputSchema = z.strictObject({ ...contactShape, language: partnerLanguageSchema.default('vi'), tags: tagsSchema.default([]) });
export type ContactInput = z.output<typeof contactInputSchema>;
/** A PATCH: only what is sent changes; `organisationId: null` leaves the organisation (kept in formerOrganisations). */
export const contactPatchSchema = z.strictObject({ ...contactShape, organisationId: z.string().min(1).max(64).nullable() }).partial();

export const occasionInputSchema = z.strictObject({
  name: z.strictObject({ vi: text(200).pipe(z.string().min(1)), en: text(200).pipe(z.string().min(1)) }),
  country: countrySchema.optional(),
  /** Whom the day concerns when it is no country's: organisations carrying this tag (ASEAN). */
  tag: optionalText(60),
  day: monthDaySchema,
});
export type OccasionInput = z.output<typeof occasionInputSchema>;

export const greetingTemplateSchema = z.strictObject({ subject: text(200).pipe(z.string().min(1)), body: multiline(10000).pipe(z.string().min(1)) });
export type GreetingTemplate = z.output<typeof greetingTemplateSchema>;
/** Templates by language code: vi and en, and the partner's own language where the union has one. */
export const greetingTemplatesSchema = z.record(partnerLanguageSchema, greetingTemplateSchema);

export const campaignInputSchema = z.strictObject({
  /** An occasion of the calendar: `nd-ru`, `org-<organisationId>`, `tet`, or an edited occasion's id. */
  occasionId: z.string().min(1).max(100),
  year: z.number().int().min(2000).max(2100),
  title: optionalText(300),
  templates: greetingTemplatesSchema.optional(),
  /** The day the mail goes out (Asia/Ho_Chi_Minh, 08:00); absent: as soon as it is sent. */
  sendOn: z.iso.date().optional(),
  /** Start from these contacts; absent: last year's recipients of the same occasion, else the occasion's country. */
  contactIds: z.array(z.string().min(1).max(64)).max(2000).optional(),
});
export type CampaignInput = z.output<typeof campaignInputSchema>;

export const campaignPatchSchema = z.strictObject({
  title: optionalText(300),
  templates: greetingTemplatesSchema.optional(),
  sendOn: z.iso.date().nullable().optional(),
});

export const recipientsChangeSchema = z.strictObject({
  add: z.array(z.string().min(1).max(64)).max(2000).default([]),
  remove: z.array(z.string().min(1).max(64)).max(2000).default([]),
});

export const flowersSchema = z.strictObject({
  orderedAt: z.iso.date(),
  cost: z.number().int().min(0).max(1_000_000_000).optional(),
  /** Who ordered them; absent: the person recording it. */
  orderedBy: optionalText(200),
  note: optionalText(500),
});

export const mergeContactsSchema = z.strictObject({ fromContactId: z.string().min(1).max(64) });

/** The organiser's decision on a proposal: one contact for these invitations (accept or merge). */
export const acceptProposalSchema = z.strictObject({
  invitations: z.array(z.strictObject({ eventId: z.string().min(1).max(64), invitationId: z.string().min(1).max(64) })).min(1).max(200),
  organisationId: z.string().min(1).max(64).optional(),
});

export const directoryFilterSchema = z.strictObject({
  contactIds: z.array(z.string().min(1).max(64)).max(2000).optional(),
  kind: z.enum(organisationKinds).optional(),
  country: countrySchema.optional(),
  organisationId: z.string().min(1).max(64).optional(),
  tag: text(60).optional(),
});
export type DirectoryFilter = z.output<typeof directoryFilterSchema>;

/** The languages an invitation can be written in; a partner reading another gets English. */
export const invitationLanguageOf = (language: string): (typeof inviteeLanguages)[number] => (language === 'vi' ? 'vi' : 'en');

export type Organisation = OrganisationInput & { organisationId: string; createdAt: string; updatedAt: string };
export type Contact = Omit<ContactInput, 'organisationId'> & {
  contactId: string;
  organisationId?: string;
  /** Organisations the contact left, newest first: the history stays true after a move. */
  formerOrganisations?: { organisationId: string; until: string }[];
  createdAt: string;
  updatedAt: string;
};

export type HistoryEntry =
  | { kind: 'invitation'; at: string; contactId: string; organisationId?: string; eventId: string; invitationId: string; event?: { title: string; startsAt: string; type: string }; response?: string; checkedIn?: boolean; gone?: boolean }
  | { kind: 'greeting'; at: string; contactId: string; organisationId?: string; campaignId: string; title?: string; state?: string; flowers?: boolean };

export const recipientStates = ['draft', 'queued', 'sent', 'delivered', 'skipped', 'failed', 'bounced', 'complained'] as const;
export type RecipientState = (typeof recipientStates)[number];
