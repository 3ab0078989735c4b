import * as z from 'zod';
import { consentInputSchema } from '../delegations/passport-data.js';
import type { Field } from '../events/event-schema.js';
import { choiceValue, findChoice } from '../events/field-choices.js';
import { normalizePhone } from '../invitations/invitation-schema.js';
import { normalizeText } from '../text/vietnamese.js';
import { DetailsInvalidError, type DetailsIssue } from './registration-errors.js';

/**
 * What an answer carries (docs/api/API.md, "Answering an invitation"). Shared with web/: the answer page
 * checks details the same way the server does.
 */
const DETAIL_TEXT_MAX = 500;
const REASON_MAX = 1000;

/** A value per field key; null in a change removes it. Types are checked against the event's fields. */
export const detailsSchema = z.record(z.string().max(40), z.union([z.string().max(DETAIL_TEXT_MAX), z.null()]));
export type DetailsInput = z.infer<typeof detailsSchema>;

const reasonSchema = z.string().max(REASON_MAX).transform(normalizeText);

/** `consent`: the person agreed to the processing of passport data (needed with passport fields). */
export const acceptBodySchema = z.strictObject({ details: detailsSchema.optional(), consent: consentInputSchema.optional() });
export const changeDetailsBodySchema = z.strictObject({ details: detailsSchema, consent: consentInputSchema.optional() });
export const declineBodySchema = z.strictObject({ reason: reasonSchema.optional() });
export const withdrawBodySchema = z.strictObject({});

export const answerChannels = ['phone', 'in_person', 'other'] as const;
export type AnswerChannel = (typeof answerChannels)[number];

export const onBehalfBodySchema = z.strictObject({
  action: z.enum(['accept', 'decline', 'withdraw']),
  details: detailsSchema.optional(),
  reason: reasonSchema.optional(),
  channel: z.enum(answerChannels),
  /** The organiser attests the person's consent to the processing of passport data. */
  consent: consentInputSchema.optional(),
});
export type OnBehalfInput = z.infer<typeof onBehalfBodySchema>;

const invitationIds = z.array(z.string().min(1).max(100)).min(1).max(500);
export const approveBodySchema = z.strictObject({ invitationIds });
export const rejectBodySchema = z.strictObject({ invitationIds, reason: reasonSchema.optional() });

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const emailShape = z.email();

/**
 * Checks details against the event's fields and answers them normalised (NFC text, E.164 phone,
 * lower-case email). Keys the event does not ask for are refused; with `requireAll`, so is a
 * missing required field. Throws DetailsInvalidError listing every problem at once.
 */
export function validateDetails(fields: Field[], details: Record<string, unknown>, options: { requireAll: boolean }): Record<string, string> {
  const issues: DetailsIssue[] = [];
  const result: Record<string, string> = {};
  const known = new Map(fields.map((f) => [f.key, f]));
  for (const key of Object.keys(details)) {
    if (!known.has(key)) issues.push({ field: key, problem: 'unknown_field' });
  }
  for (const field of fields) {
    const raw = details[field.key];
    const text = typeof raw === 'string' ? normalizeText(raw) : undefined;
    if (raw !== undefined && raw !== null && typeof raw !== 'string') {
      issues.push({ field: field.key, problem: 'invalid_text' });
      continue;
    }
    if (!text) {
      if (field.required && options.requireAll) issues.push({ field: field.key, problem: 'required' });
      continue;
    }
    switch (field.type) {
      case 'text':
        if (text.length > DETAIL_TEXT_MAX) issues.push({ field: field.key, problem: 'invalid_text' });
        else result[field.key] = text;
        break;
      case 'date':
        if (!isCalendarDate(text)) issues.push({ field: field.key, problem: 'invalid_date' });
        else result[field.key] = text;
        break;
      case 'choice': {
        // A code, or the text of an older answer or import: stored as the code either way.
        const choice = findChoice(field.choices, text);
        if (!choice) issues.push({ field: field.key, problem: 'invalid_choice' });
        else result[field.key] = choiceValue(choice);
        break;
      }
      case 'phone': {
        const phone = normalizePhone(text);
        if (!phone) issues.push({ field: field.key, problem: 'invalid_phone' });
        else result[field.key] = phone;
        break;
      }
      case 'email': {
        const email = text.toLowerCase();
        if (!emailShape.safeParse(email).success) issues.push({ field: field.key, problem: 'invalid_email' });
        else result[field.key] = email;
        break;
      }
    }
  }
  if (issues.length > 0) throw new DetailsInvalidError(issues);
  return result;
}
