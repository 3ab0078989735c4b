import { newId } from '../auth/secret-tokens.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { EventNotFoundError } from '../events/event-errors.js';
import type { WalkInInput } from './attendee-schema.js';
import type { AttendeesDeps } from './list-attendees.js';
import { normalizeCheckInCode, type CheckInCodes } from './check-in-codes.js';

export type CheckInDeps = AttendeesDeps & { codes: CheckInCodes };

export class AttendeeNotFoundError extends NotFoundError {
  constructor() {
    super('attendee_not_found', { vi: 'Không tìm thấy người này trong danh sách.', en: 'This person is not on the list.' });
  }
}

export class NotConfirmedError extends ConflictError {
  constructor(response: string) {
    super(
      'not_confirmed',
      { vi: 'Người này chưa được xác nhận tham dự.', en: 'This person is not confirmed to attend.' },
      { response },
    );
  }
}

export class EventNotOpenForCheckInError extends ConflictError {
  constructor() {
    super('event_not_open', { vi: 'Sự kiện chưa công bố hoặc đã hủy.', en: 'The event is not published, or it was cancelled.' });
  }
}

export type CheckInResult = { registrationId: string; name: string; checkedInAt: string; alreadyCheckedIn: boolean };

/**
 * One tap marks a person present. Twice is harmless: the answer says when the first was. Staff at
 * several phones may tap the same person; the transaction counts them once.
 */
export async function checkIn(deps: CheckInDeps, eventId: string, registrationId: string, by: string): Promise<CheckInResult> {
  const at = deps.now().toISOString();
  const outcome = await deps.attendees.checkIn(eventId, registrationId, at, by);
  const record = await deps.attendees.findRecord(eventId, registrationId);
  if (!record) throw new AttendeeNotFoundError();
  if (outcome === 'already' && !record.checkedInAt) throw new NotConfirmedError(record.response);
  return { registrationId, name: record.name, checkedInAt: record.checkedInAt ?? at, alreadyCheckedIn: outcome === 'already' };
}

export async function undoCheckIn(deps: CheckInDeps, eventId: string, registrationId: string): Promise<{ undone: boolean }> {
  return { undone: await deps.attendees.undoCheckIn(eventId, registrationId, deps.now().toISOString()) };
}

/** The code of the confirmation mail's QR (or typed from it). */
export async function checkInByCode(deps: CheckInDeps, eventId: string, code: string, by: string): Promise<CheckInResult> {
  const wanted = normalizeCheckInCode(code);
  const records = await deps.attendees.listWithDetails(eventId);
  const match = records.find((r) => deps.codes.codeFor(eventId, r.invitationId) === wanted);
  if (!match) throw new AttendeeNotFoundError();
  return checkIn(deps, eventId, match.invitationId, by);
}

/** A walk-in: confirmed and present at once; a retried request with the same id adds nobody. */
export async function addWalkIn(deps: CheckInDeps, eventId: string, input: WalkInInput, by: string): Promise<CheckInResult> {
  const event = await deps.events.findById(eventId);
  if (!event) throw new EventNotFoundError();
  const at = deps.now().toISOString();
  const invitationId = input.walkInId ? `walkin-${input.walkInId}` : `walkin-${newId()}`;
  const outcome = await deps.attendees.insertWalkIn({
    invitationId,
    eventId,
    name: input.name,
    organisation: input.organisation,
    position: input.position,
    group: input.group,
    language: 'vi',
    emailStatus: 'not_sent',
    response: 'confirmed',
    createdAt: at,
    updatedAt: at,
    searchText: '',
    tokenHash: `walk-in:${invitationId}`,
    walkIn: true,
    checkedInAt: at,
    checkedInBy: by,
  });
  if (outcome === 'event_not_open') throw new EventNotOpenForCheckInError();
  const record = (await deps.attendees.findRecord(eventId, invitationId))!;
  return { registrationId: invitationId, name: record.name, checkedInAt: record.checkedInAt ?? at, alreadyCheckedIn: outcome === 'exists' };
}

/** Live counts for the door: present of confirmed, in all and per group. */
export async function doorCounts(deps: CheckInDeps, eventId: string) {
  const event = await deps.events.findById(eventId);
  if (!event) throw new EventNotFoundError();
  const present = (await deps.attendees.listWithDetails(eventId)).filter((r) => r.response === 'confirmed' || r.walkIn);
  const groups = new Map<string, { confirmed: number; checkedIn: number }>();
  for (const r of present) {
    const key = r.group ?? r.organisation ?? '';
    const entry = groups.get(key) ?? { confirmed: 0, checkedIn: 0 };
    entry.confirmed += 1;
    if (r.checkedInAt) entry.checkedIn += 1;
    groups.set(key, entry);
  }
  return {
    confirmed: present.length,
    checkedIn: present.filter((r) => r.checkedInAt).length,
    groups: [...groups.entries()].map(([group, v]) => ({ group, ...v })),
  };
}
