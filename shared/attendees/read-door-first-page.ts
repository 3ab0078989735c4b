import * as z from 'zod';
import { EventNotFoundError } from '../events/event-errors.js';
import { compareVietnameseNames } from '../text/vietnamese.js';
import type { DoorPerson } from './door-changes.js';
import type { CheckInDeps } from './check-in-deps.js';
import { doorPersonOfRecord } from './door-reads.js';

/** `?limit=` of the door's first page: what one phone screen shows, a little more. */
export const doorFirstQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(60),
});

export type DoorFirstPage = { items: DoorPerson[] };

/**
 * The first people of the list in name order, read from the name listing in one or two small
 * reads: what the check-in page draws before the whole list (readDoorList) arrives. It carries no
 * cursor: changes are followed from the whole list's.
 */
export async function readDoorFirstPage(deps: CheckInDeps, eventId: string, limit: number): Promise<DoorFirstPage> {
  const [event, records] = await Promise.all([deps.events.findUnitOf(eventId), deps.attendees.listFirstForDoor(eventId, limit)]);
  if (!event.found) throw new EventNotFoundError();
  return { items: records.sort((a, b) => compareVietnameseNames(a.name, b.name)).map(doorPersonOfRecord) };
}
