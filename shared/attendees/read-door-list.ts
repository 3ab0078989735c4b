import { EventNotFoundError } from '../events/event-errors.js';
import { sortByVietnameseName } from '../text/vietnamese.js';
import type { DoorPerson } from './door-changes.js';
import type { CheckInDeps } from './check-in-deps.js';
import { doorCursorAt, doorPersonOfRecord } from './door-reads.js';

export type DoorList = { items: DoorPerson[]; cursor: string };

/**
 * The check-in page's list, read once when it opens: the confirmed people and walk-ins with only
 * what the door shows, in Vietnamese name order, and the cursor to ask for changes from.
 */
export async function readDoorList(deps: CheckInDeps, eventId: string): Promise<DoorList> {
  // Taken before the read: a change made while reading is answered again by the next poll.
  const cursor = doorCursorAt(deps.now());
  // Whether the event exists, asked beside the list (a small read, not the event's text).
  const [event, records] = await Promise.all([deps.events.findUnitOf(eventId), deps.attendees.listForDoor(eventId)]);
  if (!event.found) throw new EventNotFoundError();
  const present = records.filter((r) => r.response === 'confirmed' || r.walkIn);
  const items = sortByVietnameseName(present, (r) => r.name).map(doorPersonOfRecord);
  return { items, cursor };
}
