import * as z from 'zod';
import { EventNotFoundError } from '../events/event-errors.js';
import { compareVietnameseNames, sortByVietnameseName } from '../text/vietnamese.js';
import { DOOR_SETTLE_MS, type DoorChange, type DoorPerson } from './door-changes.js';
import type { AttendeeRecord } from './attendees-repository.js';
import type { CheckInDeps } from './check-in-deps.js';

/** `?since=`: the cursor the previous answer gave (an instant). */
export const doorChangesQuerySchema = z.strictObject({
  since: z.iso.datetime({ offset: true }),
});

/** `?limit=` of the door's first page: what one phone screen shows, a little more. */
export const doorFirstQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(60),
});

export type DoorList = { items: DoorPerson[]; cursor: string };
export type DoorFirstPage = { items: DoorPerson[] };
export type DoorChanges = { items: DoorChange[]; cursor: string };

const cursorAt = (now: Date) => new Date(now.getTime() - DOOR_SETTLE_MS).toISOString();

/**
 * The check-in page's list, read once when it opens: the confirmed people and walk-ins with only
 * what the door shows, in Vietnamese name order, and the cursor to ask for changes from.
 */
export async function readDoorList(deps: CheckInDeps, eventId: string): Promise<DoorList> {
  // Taken before the read: a change made while reading is answered again by the next poll.
  const cursor = cursorAt(deps.now());
  // Whether the event exists, asked beside the list (a small read, not the event's text).
  const [event, records] = await Promise.all([deps.events.findUnitOf(eventId), deps.attendees.listForDoor(eventId)]);
  if (!event.found) throw new EventNotFoundError();
  const present = records.filter((r) => r.response === 'confirmed' || r.walkIn);
  const items = sortByVietnameseName(present, (r) => r.name).map(doorPersonOf);
  return { items, cursor };
}

/**
 * The first people of the list in name order, read from the name listing in one or two small
 * reads: what the check-in page draws before the whole list (readDoorList) arrives. It carries no
 * cursor: changes are followed from the whole list's.
 */
export async function readDoorFirstPage(deps: CheckInDeps, eventId: string, limit: number): Promise<DoorFirstPage> {
  const [event, records] = await Promise.all([deps.events.findUnitOf(eventId), deps.attendees.listFirstForDoor(eventId, limit)]);
  if (!event.found) throw new EventNotFoundError();
  return { items: records.sort((a, b) => compareVietnameseNames(a.name, b.name)).map(doorPersonOf) };
}

function doorPersonOf(r: AttendeeRecord): DoorPerson {
  const person: DoorPerson = { registrationId: r.invitationId, name: r.name };
  if (r.organisation) person.organisation = r.organisation;
  if (r.position) person.position = r.position;
  if (r.group) person.group = r.group;
  if (r.checkedInAt) person.checkedInAt = r.checkedInAt;
  if (r.walkIn) person.walkIn = true;
  return person;
}

/**
 * What changed at the door since the cursor: check-ins and their undoing from every phone, walk-ins,
 * people who joined or left the confirmed list. Nothing changed: an empty list, a few bytes.
 */
export async function readDoorChanges(deps: CheckInDeps, eventId: string, since: string): Promise<DoorChanges> {
  const after = new Date(since).toISOString();
  const items = await deps.attendees.listDoorChangesAfter(eventId, after);
  const settled = cursorAt(deps.now());
  // biome-ignore lint/complexity/useMathMinMax: ISO strings, compared as text.
  return { items, cursor: settled > after ? settled : after };
}
