import { newId } from '../auth/secret-tokens.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { EventNotFoundError } from '../events/event-errors.js';
import type { WalkInInput } from './attendee-schema.js';
import type { AttendeesDeps } from './list-attendees.js';
import { normalizeCheckInCode, type CheckInCodes } from './check-in-codes.js';
import { doorGroupOf, readDoorGroups } from './door-group-counts.js';

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

/**
 * Live counts for the door: present of confirmed, in all and per group. Read from the event's
 * tallies (one Query of small items); an event from before the per-group counts is counted once
 * from its list and the counts written under a condition that nothing moved meanwhile.
 */
export async function doorCounts(deps: CheckInDeps, eventId: string) {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const { tally, door } = await deps.attendees.readDoorTallies(eventId);
    if (!tally || !door) {
      // No such event, or one stored before the tallies (reading it writes them).
      if (attempt > 0 || !(await deps.events.findById(eventId))) throw new EventNotFoundError();
      continue;
    }
    if (door.groupsCounted) {
      const groups = readDoorGroups(door);
      return {
        confirmed: groups.reduce((sum, g) => sum + g.confirmed, 0),
        checkedIn: groups.reduce((sum, g) => sum + g.checkedIn, 0),
        groups,
      };
    }
    const counted = await countFromList(deps, eventId);
    if (await deps.attendees.writeDoorGroupsOnce(eventId, door, new Map(counted.groups.map((g) => [g.group, g])))) return counted;
    if (attempt === 2) return counted;
  }
  throw new EventNotFoundError();
}

async function countFromList(deps: CheckInDeps, eventId: string) {
  const present = (await deps.attendees.listForDoor(eventId)).filter((r) => r.response === 'confirmed' || r.walkIn);
  const groups = new Map<string, { confirmed: number; checkedIn: number }>();
  for (const r of present) {
    const key = doorGroupOf(r);
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
