import * as z from 'zod';
import { normalizeEmail, normalizeText } from '../text/vietnamese.js';
import { parseSalutation, salutations, type Salutation } from './salutations.js';

/**
 * Invitees and invitations: what the API accepts and answers. Shared with web/, so the console
 * checks a row the same way the server does. Issue messages are problem codes (see
 * invitee-problems.ts), turned into Vietnamese or English sentences where they are shown.
 */

export const inviteeLanguages = ['vi', 'en'] as const;
export type InviteeLanguage = (typeof inviteeLanguages)[number];

export const emailStatuses = ['not_sent', 'queued', 'sent', 'delivered', 'bounced', 'complained', 'suppressed', 'failed'] as const;
export type EmailStatus = (typeof emailStatuses)[number];

export const invitationResponses = ['none', 'confirmed', 'waitlisted', 'pending', 'declined', 'withdrawn', 'rejected'] as const;
export type InvitationResponse = (typeof invitationResponses)[number];

export const NAME_MAX = 200;
export const TEXT_MAX = 300;
export const EMAIL_MAX = 254;

/**
 * A phone number as stored and compared: E.164 ("+84912345678"). Vietnamese numbers are written
 * "0912 345 678", "(024) 3825 1234", "+84 912.345.678" or "0084..."; Excel turns the column into
 * numbers and drops the leading zero ("912345678"), so 9 or 10 bare digits are read as Vietnamese
 * without their trunk zero. Undefined when the text is not a phone number.
 */
export function normalizePhone(value: string): string | undefined {
  const compact = value.normalize('NFKC').trim().replace(/[\s.\-()/]/gu, '');
  if (!/^\+?\d+$/.test(compact)) return undefined;
  let digits: string;
  if (compact.startsWith('+')) digits = compact.slice(1);
  else if (compact.startsWith('00')) digits = compact.slice(2);
  else if (compact.startsWith('0')) digits = `84${compact.slice(1)}`;
  else if (compact.startsWith('84') && compact.length >= 11) digits = compact;
  else if (compact.length === 9 || compact.length === 10) digits = `84${compact}`;
  else digits = compact;
  if (digits.startsWith('84') && (digits.length < 11 || digits.length > 12)) return undefined;
  return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : undefined;
}

/** Empty cells and JSON nulls mean "not given". */
const blankToUndefined = (value: unknown) =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;

const optionalText = (max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: 'text_invalid' })
      .transform(normalizeText)
      .pipe(z.string().max(max, { error: 'text_too_long' }))
      .optional(),
  );

const nameSchema = z.preprocess(
  blankToUndefined,
  z
    .string({ error: 'name_required' })
    .transform(normalizeText)
    .pipe(z.string().min(1, { error: 'name_required' }).max(NAME_MAX, { error: 'name_too_long' })),
);

const emailSchema = z.preprocess(
  (value) => {
    const v = blankToUndefined(value);
    return typeof v === 'string' ? normalizeEmail(v) : v;
  },
  z.email({ error: 'email_invalid' }).max(EMAIL_MAX, { error: 'email_invalid' }),
);

const phoneSchema = z.preprocess(
  (value) => (typeof value === 'number' ? String(value) : blankToUndefined(value)),
  z.string({ error: 'phone_invalid' }).transform((value, ctx) => {
    const phone = normalizePhone(value);
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: 'phone_invalid' });
      return z.NEVER;
    }
    return phone;
  }),
);

const languageSchema = z.preprocess((value) => {
  const v = blankToUndefined(value);
  return typeof v === 'string' ? v.trim().toLowerCase() : v;
}, z.enum(inviteeLanguages, { error: 'language_invalid' }));

/** "Ông", "Đồng chí", "Mr." or a code (`dong_chi`) to its code; anything else is refused. */
const salutationSchema = z.preprocess(
  (value) => {
    const v = blankToUndefined(value);
    return typeof v === 'string' ? (parseSalutation(v) ?? v) : v;
  },
  z.enum(salutations, { error: 'salutation_invalid' }),
);

/** The fields of an invitee, each checked on its own (delegation members reuse them). */
export const inviteeShape = {
  name: nameSchema,
  email: emailSchema.optional(),
  phone: phoneSchema.optional(),
  organisation: optionalText(TEXT_MAX),
  position: optionalText(TEXT_MAX),
  language: languageSchema.optional(),
  group: optionalText(TEXT_MAX),
  salutation: salutationSchema.optional(),
};

/** One invitee, from a JSON list or a CSV row: it needs an email address or a phone number. */
export const inviteeSchema = z.strictObject(inviteeShape, { error: 'invitee_invalid' }).superRefine((invitee, ctx) => {
  if (!invitee.email && !invitee.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'contact_missing' });
});
export type InviteeInput = z.input<typeof inviteeSchema>;
export type Invitee = z.output<typeof inviteeSchema>;

export const MAX_INVITEES_PER_IMPORT = 20_000;

/**
 * `POST .../invitations` with JSON. Each invitee is checked on its own by the import, so that a
 * bad row never stops the good ones; here only the envelope is checked.
 */
export const importInviteesBodySchema = z.strictObject({
  invitees: z.array(z.unknown()).min(1).max(MAX_INVITEES_PER_IMPORT),
});

/** `PATCH .../invitations/:id`: any subset; null removes an optional value. */
export const updateInvitationSchema = z
  .strictObject({
    name: nameSchema.optional(),
    email: emailSchema.nullish(),
    phone: phoneSchema.nullish(),
    organisation: optionalText(TEXT_MAX).nullable(),
    position: optionalText(TEXT_MAX).nullable(),
    language: languageSchema.optional(),
    group: optionalText(TEXT_MAX).nullable(),
    salutation: salutationSchema.nullish(),
  })
  .refine((body) => Object.keys(body).length > 0, { error: 'nothing_to_change' });
export type UpdateInvitationInput = z.output<typeof updateInvitationSchema>;

export const copyInviteesSchema = z.strictObject({
  fromEventId: z.string().min(1).max(100),
  excludeDeclined: z.boolean().optional(),
});
export type CopyInviteesInput = z.output<typeof copyInviteesSchema>;

const booleanParam = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** `?preview=true` (or `?dryRun=true`): check and report, write nothing. */
export const importQuerySchema = z.strictObject({
  preview: booleanParam.optional(),
  dryRun: booleanParam.optional(),
});

export const listInvitationsQuerySchema = z.strictObject({
  emailStatus: z.enum(emailStatuses).optional(),
  response: z.enum(invitationResponses).optional(),
  group: z.string().max(TEXT_MAX).transform(normalizeText).optional(),
  /** Search as you type, ranked by how the name matches (shared/text/name-search.ts). */
  q: z.string().max(200).optional(),
  /** A given name or its first letters: the list (in name order) starts there ("H" → Hà, Hải…). */
  from: z.string().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  cursor: z.string().max(2000).optional(),
});
export type ListInvitationsQuery = z.output<typeof listInvitationsQuerySchema>;

/** An invitation as the API answers it (times in Asia/Ho_Chi_Minh). */
export type Invitation = {
  /** With a search (`q`): where it matched; `organisation`, `email`, `phone` rank after names. */
  matchedOn?: 'name' | 'organisation' | 'email' | 'phone';
  invitationId: string;
  eventId: string;
  name: string;
  email?: string;
  phone?: string;
  organisation?: string;
  position?: string;
  language: InviteeLanguage;
  group?: string;
  /** How the invitee is addressed (salutations.ts); absent: the event's form of address. */
  salutation?: Salutation;
  emailStatus: EmailStatus;
  /** Why the last mail failed, bounced or was suppressed, as the organiser reads it. */
  emailError?: string;
  response: InvitationResponse;
  createdAt: string;
  updatedAt: string;
  invitedAt?: string;
  remindedAt?: string;
  /** When the answer last changed. */
  answeredAt?: string;
  /** Present when an organiser recorded the answer on the invitee's behalf, and how it came. */
  answeredBy?: { userId: string; channel: 'phone' | 'in_person' | 'other' };
};

export type ImportDuplicate = { row?: number; email?: string; phone?: string; reason: 'in_list' | 'already_invited' };
export type ImportError = { row?: number; field?: string; message: string };
/**
 * `walk_in`: came to the door unannounced, so no invitation to copy; `no_address`: a delegation
 * member entered with neither email nor phone, whom an invitation could not reach.
 */
export type CopySkipped = { invitationId: string; name: string; reason: 'walk_in' | 'no_address'; message: string };
export type ImportResult = {
  created: number;
  duplicates: ImportDuplicate[];
  errors: ImportError[];
  /** Copy only: people of the earlier event that cannot be invited again, and why. */
  skipped?: CopySkipped[];
  /** Present (true) when nothing was written. */
  preview?: boolean;
};

export type InvitationCounts = {
  total: number;
  emailStatus: Record<EmailStatus, number>;
  response: Record<InvitationResponse, number>;
  groups: { group: string; count: number }[];
  /**
   * The event's send jobs (one per kind at most: invitation, reminder): `running` while mail is
   * still being queued in the background, `queued` so far, `total` once counted.
   */
  sending?: { jobId: string; kind: 'invitation' | 'reminder'; state: 'running' | 'done'; queued: number; total?: number; startedAt: string; finishedAt?: string }[];
};
