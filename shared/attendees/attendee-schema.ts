import * as z from 'zod';
import { normalizeText } from '../text/vietnamese.js';

/** What a list can show, beyond the name (docs/api/API.md "Attendees"; issue 9's chosen columns). */
export const attendeeColumns = ['organisation', 'position', 'group', 'phone', 'email', 'response', 'checkedInAt'] as const;
export type AttendeeColumn = (typeof attendeeColumns)[number];

const csvList = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .max(500)
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)));

export const listAttendeesQuerySchema = z.strictObject({
  /** Confirmed people always; waitlisted and pending on request. */
  include: csvList(['waitlisted', 'pending']).optional(),
  /** Vietnamese order by given name (default), by organisation, or by protocol rank. */
  sort: z.enum(['name', 'organisation', 'rank']).optional(),
  /** Group the list (and count per group) by organisation or by the invitee's group. */
  groupBy: z.enum(['organisation', 'group']).optional(),
  columns: csvList(attendeeColumns).optional(),
  /**
   * Also the answers' details (event fields). `true`: every detail, passport data masked for
   * staff. `passport`: an explicit request for passport data, refused to staff with a 403.
   */
  details: z
    .enum(['true', 'false', 'passport'])
    .transform((v) => (v === 'passport' ? ('passport' as const) : v === 'true'))
    .optional(),
  format: z.enum(['json', 'csv', 'xlsx']).optional(),
  /** Search by name, ranked as shared/text/name-search.ts says; organisation, email, phone after. */
  q: z.string().max(200).optional(),
  /** Pages as the invitations (docs/api/API.md); without `limit` the whole list, as exports and print read it. */
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  cursor: z.string().max(2000).optional(),
});
export type ListAttendeesQuery = z.output<typeof listAttendeesQuerySchema>;

const text = (max: number) => z.string().max(max).transform(normalizeText);

/** A person added at the door; the id comes from the phone so a retried tap adds one person. */
export const walkInSchema = z.strictObject({
  walkInId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional(),
  name: text(200).pipe(z.string().min(1)),
  organisation: text(300).optional(),
  position: text(300).optional(),
  group: text(300).optional(),
});
export type WalkInInput = z.output<typeof walkInSchema>;

export const checkInByCodeSchema = z.strictObject({ code: z.string().min(4).max(64) });

export type Attendee = {
  registrationId: string;
  name: string;
  organisation?: string;
  position?: string;
  group?: string;
  phone?: string;
  email?: string;
  response: string;
  checkedInAt?: string;
  walkIn?: boolean;
  details?: Record<string, string>;
  rank?: number;
  /** With a search (`q`): where it matched. */
  matchedOn?: 'name' | 'organisation' | 'email' | 'phone';
};
