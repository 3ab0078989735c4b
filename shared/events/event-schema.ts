import * as z from 'zod';
import { eventMailTemplatesSchema, type EventMailTemplates } from '../email/mail-template-schema.js';
import { normalizeMultilineText, normalizeText } from '../text/vietnamese.js';
import { unitIdSchema } from '../units/unit-schema.js';
import { editSchema } from '../edit-schema.js';

export const eventTypes = ['youth_forum', 'training', 'ngo_conference', 'delegation', 'meeting', 'other'] as const;
export type EventType = (typeof eventTypes)[number];
export const eventStatuses = ['draft', 'published', 'cancelled', 'closed'] as const;
export type EventStatus = (typeof eventStatuses)[number];
export const addressForms = ['formal', 'informal'] as const;
export type AddressForm = (typeof addressForms)[number];
export const fieldTypes = ['text', 'date', 'choice', 'phone', 'email'] as const;

const text = (max: number) => z.string().max(max).transform(normalizeText);
const requiredText = (max: number) => text(max).pipe(z.string().min(1));
/** Multi-line text keeps its line breaks (normalizeMultilineText). */
const longText = (max: number) => z.string().max(max).transform(normalizeMultilineText);

export const localizedTitleSchema = z.strictObject({ vi: requiredText(300), en: text(300).optional() });
export const localizedTextSchema = z.strictObject({ vi: longText(20000).optional(), en: longText(20000).optional() });

/** An instant with its offset (or Z): "2015-11-20T08:00:00+07:00". */
export const instantSchema = z.iso.datetime({ offset: true });

/** A choice: a stable code and its label in each language; a bare string is an older event's. */
export const choiceSchema = z.union([
  requiredText(200),
  z.strictObject({ value: requiredText(200), label: z.strictObject({ vi: requiredText(200), en: text(200).optional() }) }),
]);

export const fieldSchema = z
  .strictObject({
    key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, 'A letter, then letters, digits or _ (at most 40)'),
    label: z.strictObject({ vi: requiredText(200), en: text(200).optional() }),
    type: z.enum(fieldTypes),
    required: z.boolean().optional(),
    choices: z.array(choiceSchema).min(1).max(50).optional(),
  })
  .superRefine((field, ctx) => {
    if (field.type === 'choice' && !field.choices?.length) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'A choice field needs its choices' });
    }
    if (field.type !== 'choice' && field.choices) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'Only a choice field has choices' });
    }
    const values = (field.choices ?? []).map((choice) => (typeof choice === 'string' ? choice : choice.value));
    if (new Set(values).size !== values.length) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'Each choice appears once' });
    }
  });
export type Field = z.infer<typeof fieldSchema>;

export const contactSchema = z.strictObject({
  name: requiredText(200),
  email: z.email().optional(),
  phone: z.string().regex(/^[+0-9 ().-]{6,20}$/, 'A phone number').optional(),
});

const eventBodyShape = {
  type: z.enum(eventTypes),
  title: localizedTitleSchema,
  description: localizedTextSchema.optional(),
  agenda: localizedTextSchema.optional(),
  venue: requiredText(500),
  venueMapUrl: z.url({ protocol: /^https$/ }).optional(),
  contact: contactSchema.optional(),
  startsAt: instantSchema,
  endsAt: instantSchema,
  capacity: z.int().min(1).max(100000).optional(),
  registrationClosesAt: instantSchema.optional(),
  requiresApproval: z.boolean().optional(),
  /** A public page where anyone may register (a youth forum open to all students); off unless set. */
  openRegistration: z.boolean().optional(),
  /** Each invitation mail carries the invitee's giấy mời as a PDF, numbered when it is sent; off unless set. */
  attachInvitationLetter: z.boolean().optional(),
  fields: z.array(fieldSchema).max(40).optional(),
  mailTemplates: eventMailTemplatesSchema.optional(),
  /**
   * How an invitee without a salutation of their own is addressed: `formal` (Ông/Bà, the default
   * for every type) or `informal` (bạn, a student forum where the organiser chooses it).
   */
  addressForm: z.enum(addressForms).optional(),
  /** The unit that runs it (shared/units): the union by default, or the one unit its organiser holds. */
  unitId: unitIdSchema.optional(),
};

/** Rules that span fields; shared by create, by an edit (checked on the result), and by web/. */
function checkEventRules(
  event: { startsAt: string; endsAt: string; registrationClosesAt?: string | null; fields?: Field[] },
  ctx: z.RefinementCtx,
) {
  if (Date.parse(event.endsAt) <= Date.parse(event.startsAt)) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The event must end after it starts' });
  }
  if (event.registrationClosesAt && Date.parse(event.registrationClosesAt) > Date.parse(event.endsAt)) {
    ctx.addIssue({
      code: 'custom',
      path: ['registrationClosesAt'],
      message: 'Registration must close before the event ends',
    });
  }
  const keys = new Set<string>();
  event.fields?.forEach((field, index) => {
    if (keys.has(field.key)) {
      ctx.addIssue({ code: 'custom', path: ['fields', index, 'key'], message: `Field key ${field.key} is used twice` });
    }
    keys.add(field.key);
  });
}

export const createEventSchema = z.strictObject(eventBodyShape).superRefine(checkEventRules);
export type CreateEventInput = z.infer<typeof createEventSchema>;

/** An edit: any subset of the fields (`unitId` moves the event to another unit the account organises for); null removes an optional one (no capacity limit, ...). */
export const updateEventSchema = editSchema(eventBodyShape, ['description', 'agenda', 'venueMapUrl', 'contact', 'capacity', 'registrationClosesAt', 'mailTemplates']);
export type UpdateEventInput = z.infer<typeof updateEventSchema>;

/** The merged result of an edit must still keep the rules of a new event. */
export const eventRulesSchema = z
  .object({
    startsAt: z.string(),
    endsAt: z.string(),
    registrationClosesAt: z.string().nullish(),
    fields: z.array(fieldSchema).optional(),
  })
  .superRefine(checkEventRules);

export const listEventsQuerySchema = z.strictObject({
  type: z.enum(eventTypes).optional(),
  status: z.enum(eventStatuses).optional(),
  /** Only events that end at or after this instant (the console's "upcoming"). */
  from: instantSchema.optional(),
  /** Only events that ended before this instant (the console's "past"). */
  before: instantSchema.optional(),
  order: z.enum(['asc', 'desc']).optional(),
  /** Words of the title in either language, accents optional ("dien dan thanh nien"). */
  q: z.string().max(200).optional(),
  /** The year the event starts in (local time). */
  year: z.coerce.number().int().min(1990).max(2200).optional(),
  /** Events of this unit and the units beneath it (of those the account reaches). */
  unitId: unitIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  cursor: z.string().max(2000).optional(),
});

export type EventCounts = {
  invited: number;
  confirmed: number;
  waitlisted: number;
  pending: number;
  declined: number;
  checkedIn: number;
};

/** An event as the API answers it: times in Asia/Ho_Chi_Minh with their offset. */
export type Event = {
  eventId: string;
  /** The unit that runs it; the union for events made before units. */
  unitId: string;
  type: EventType;
  title: { vi: string; en?: string };
  description?: { vi?: string; en?: string };
  agenda?: { vi?: string; en?: string };
  venue: string;
  venueMapUrl?: string;
  contact?: { name: string; email?: string; phone?: string };
  startsAt: string;
  endsAt: string;
  timeZone: string;
  capacity?: number;
  registrationClosesAt?: string;
  requiresApproval: boolean;
  openRegistration: boolean;
  attachInvitationLetter: boolean;
  fields: Field[];
  mailTemplates?: EventMailTemplates;
  /** Absent: formal. */
  addressForm?: AddressForm;
  /** The last change of time or place of a published event (its notice is offered once). */
  scheduleChange?: ScheduleChange;
  status: EventStatus;
  /** Why a cancelled event was cancelled, when the organiser said. */
  cancelReason?: string;
  counts: EventCounts;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  /** A delegation whose passport data was purged after the trip (Decree 13/2023). */
  passportDataPurgedAt?: string;
};

/** What a change of time or place replaced, kept so that its notice can say what changed. */
export type ScheduleChange = { at: string; previous: { startsAt: string; endsAt: string; venue: string } };
