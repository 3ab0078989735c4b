import { EventNotFoundError } from '../events/event-errors.js';
import type { CheckInDeps } from './check-in-deps.js';
import { doorGroupOf, readDoorGroups } from './door-group-counts.js';

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
