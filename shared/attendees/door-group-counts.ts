import { addDelta, counterMoves, type CounterDeltas } from '../db/counter-deltas.js';

/**
 * The door's counts per group (plain data: no DynamoDB here), kept on the event's door tally
 * (`EVENT#DOOR`, shared/events/event-tallies-repository.ts) beside `checkedIn`, so `GET …/attendees/counts`
 * reads one item instead of every invitation:
 *
 *   c:<group> confirmed people of the group, p:<group> those of them checked in, v (moved by every
 *   write of these), groupsCounted (true once they hold everyone)
 *
 * A person's group at the door is their group, else their organisation, else "". The answers'
 * transactions move `c:`, the check-ins `p:`, walk-ins, removals and changes of group both.
 * An event from before these counters is counted once from its list (door-counts.ts).
 */
export const doorGroupOf = (person: { group?: string; organisation?: string }) => person.group ?? person.organisation ?? '';
export const confirmedCounter = (group: string) => `c:${group}`;
export const presentCounter = (group: string) => `p:${group}`;

/** A person at the door before and after a change (undefined: not on the door's list). */
export type DoorState = { group: string; confirmed: boolean; present: boolean };

export function doorStateOf(person: { group?: string; organisation?: string; response?: string; walkIn?: boolean; checkedInAt?: string }): DoorState {
  const confirmed = person.response === 'confirmed' || Boolean(person.walkIn);
  return { group: doorGroupOf(person), confirmed, present: confirmed && Boolean(person.checkedInAt) };
}

export function doorMove(deltas: CounterDeltas, from: DoorState | undefined, to: DoorState | undefined): CounterDeltas {
  if (from?.confirmed) addDelta(deltas, confirmedCounter(from.group), -1);
  if (to?.confirmed) addDelta(deltas, confirmedCounter(to.group), 1);
  if (from?.present) addDelta(deltas, presentCounter(from.group), -1);
  if (to?.present) addDelta(deltas, presentCounter(to.group), 1);
  return deltas;
}

/** The SET clauses that apply `deltas` to the door tally, to join an Update of it; empty when nothing moves. */
export function doorGroupMoves(deltas: CounterDeltas, prefix = 'dg') {
  return counterMoves(deltas, prefix);
}

/** The per-group counts read back from the door tally. */
export function readDoorGroups(door: Record<string, unknown>): { group: string; confirmed: number; checkedIn: number }[] {
  const groups = new Map<string, { confirmed: number; checkedIn: number }>();
  for (const [key, value] of Object.entries(door)) {
    if (typeof value !== 'number' || !(key.startsWith('c:') || key.startsWith('p:'))) continue;
    const entry = groups.get(key.slice(2)) ?? { confirmed: 0, checkedIn: 0 };
    if (key.startsWith('c:')) entry.confirmed = value;
    else entry.checkedIn = value;
    groups.set(key.slice(2), entry);
  }
  return [...groups]
    .filter(([, v]) => v.confirmed > 0 || v.checkedIn > 0)
    .map(([group, v]) => ({ group, confirmed: Math.max(0, v.confirmed), checkedIn: Math.max(0, v.checkedIn) }));
}
