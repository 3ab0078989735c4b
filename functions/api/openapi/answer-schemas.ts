import * as z from 'zod';
import { roleSchema } from '../../../shared/auth/auth-schema.js';
import { membershipSchema } from '../../../shared/units/unit-schema.js';
import { eventStatuses, eventTypes } from '../../../shared/events/event-schema.js';
import { answerTimelineSchema } from '../../../shared/registrations/answer-timeline-schema.js';

/**
 * The answers /api/openapi.json describes with a schema, and route tests hold answers to
 * (test/functions/api/openapi.test.ts). Objects that may grow are loose: a field added later is
 * no break of the contract (docs/api/API.md: extend, never break).
 */

const localIso = z.string().meta({ description: 'A time in Asia/Ho_Chi_Minh with its offset: 2026-03-26T08:00:00+07:00' });

export const healthAnswer = z.strictObject({ ok: z.boolean(), database: z.boolean(), mail: z.boolean() });

export const userSchema = z
  .strictObject({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    /** The roles held per unit (the union, an association, a club); admins hold every unit. */
    memberships: z.array(membershipSchema),
    disabled: z.boolean(),
    language: z.enum(['vi', 'en']),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** What became of the last set-password mail: queued, sent, skipped (address blocked, account disabled) or failed. */
    passwordLink: z.strictObject({ state: z.enum(['queued', 'sent', 'skipped', 'failed']), at: z.string(), reason: z.string().optional() }).optional(),
  })
  .meta({ id: 'User' });

export const oneUserAnswer = z.strictObject({ user: userSchema });
export const signedInAnswer = z.strictObject({ user: userSchema, expiresAt: z.string() });
export const usersPageAnswer = z.strictObject({ items: z.array(userSchema), nextCursor: z.string().optional() });
export const createdUserAnswer = z.looseObject({ user: userSchema });

const eventCounts = z.strictObject({
  invited: z.number().int(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  pending: z.number().int(),
  declined: z.number().int(),
  checkedIn: z.number().int(),
});

export const eventSchema = z
  .looseObject({
    eventId: z.string(),
    unitId: z.string().meta({ description: 'The unit the event belongs to: the union, an association or a club' }),
    type: z.enum(eventTypes),
    title: z.looseObject({ vi: z.string(), en: z.string().optional() }),
    venue: z.string(),
    startsAt: localIso,
    endsAt: localIso,
    timeZone: z.literal('Asia/Ho_Chi_Minh'),
    requiresApproval: z.boolean(),
    openRegistration: z.boolean(),
    attachInvitationLetter: z.boolean().meta({ description: 'Each invitation mail carries its invitee’s giấy mời as a PDF' }),
    fields: z.array(z.looseObject({ key: z.string() })),
    status: z.enum(eventStatuses),
    cancelReason: z.string().optional().meta({ description: 'Why a cancelled event was cancelled, when the organiser said' }),
    counts: eventCounts,
    createdAt: localIso,
    updatedAt: localIso,
    createdBy: z.string(),
  })
  .meta({ id: 'Event' });

export const oneEventAnswer = z.looseObject({ event: eventSchema });
export const eventsPageAnswer = z.strictObject({ items: z.array(eventSchema), nextCursor: z.string().optional() });

export const doorCountsAnswer = z.looseObject({
  confirmed: z.number().int(),
  checkedIn: z.number().int(),
  groups: z.array(z.strictObject({ group: z.string(), confirmed: z.number().int(), checkedIn: z.number().int() })),
});

export const timelineAnswer = z.strictObject({ timeline: answerTimelineSchema });

/** A page of any list: its items and, when there is more, the cursor for the next. */
export const pageAnswer = z.looseObject({ items: z.array(z.unknown()), nextCursor: z.string().optional() });
