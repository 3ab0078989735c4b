import type { Attendee } from '../../shared/attendees/attendee-schema.js';
import type { DoorChange, DoorPerson } from '../../shared/attendees/door-changes.js';
import type { DoorChanges } from '../../shared/attendees/read-door-changes.js';
import type { DoorFirstPage } from '../../shared/attendees/read-door-first-page.js';
import type { DoorList } from '../../shared/attendees/read-door-list.js';
import type { ApiClient } from '../lib/api-client.js';

/**
 * The check-in page's copy of the confirmed list: read once when the page opens (compressed),
 * then kept current with the changes other phones make, asked for by a cursor, so a phone on a
 * data plan reads a few hundred bytes per poll and nothing more when nothing happens.
 */
export type DoorCounts = { confirmed: number; checkedIn: number; groups: { group: string; confirmed: number; checkedIn: number }[] };

const asAttendee = (person: DoorPerson): Attendee => ({ ...person, response: 'confirmed' });

/** Applies changes in the order they happened; applying one twice changes nothing. */
export function applyDoorChanges(people: Attendee[], changes: DoorChange[]): Attendee[] {
  if (changes.length === 0) return people;
  const byId = new Map(people.map((p) => [p.registrationId, p]));
  const added: Attendee[] = [];
  for (const change of changes) {
    const current = byId.get(change.registrationId);
    if (change.what === 'present' && current) byId.set(change.registrationId, { ...current, checkedInAt: change.checkedInAt });
    else if (change.what === 'absent' && current) byId.set(change.registrationId, { ...current, checkedInAt: undefined });
    else if (change.what === 'left') byId.delete(change.registrationId);
    else if (change.what === 'joined' && change.person) {
      const person = asAttendee(change.person);
      if (!current) added.push(person);
      byId.set(change.registrationId, { ...person, checkedInAt: person.checkedInAt ?? current?.checkedInAt });
    }
  }
  // Kept in the order the list came in; newcomers (walk-ins) first, as a tap adds them.
  const kept = people.filter((p) => byId.has(p.registrationId)).map((p) => byId.get(p.registrationId)!);
  return [...added.map((p) => byId.get(p.registrationId)!).filter(Boolean), ...kept];
}

/** Present of confirmed, in all and per group (or organisation), counted from the list itself. */
export function doorCountsOf(people: Attendee[]): DoorCounts {
  const groups = new Map<string, { confirmed: number; checkedIn: number }>();
  let checkedIn = 0;
  for (const p of people) {
    const key = p.group ?? p.organisation ?? '';
    const entry = groups.get(key) ?? { confirmed: 0, checkedIn: 0 };
    entry.confirmed += 1;
    if (p.checkedInAt) {
      entry.checkedIn += 1;
      checkedIn += 1;
    }
    groups.set(key, entry);
  }
  return { confirmed: people.length, checkedIn, groups: [...groups.entries()].map(([group, v]) => ({ group, ...v })) };
}

/**
 * One read: the whole list when there is no cursor yet, else the changes since it; `update` turns
 * the page's current list into the new one (applied when the answer comes, to the list as it is then).
 */
export async function readDoor(
  api: ApiClient,
  base: string,
  cursor: string | undefined,
): Promise<{ update: (current: Attendee[] | undefined) => Attendee[]; cursor: string }> {
  if (!cursor) {
    const list = await api.get<DoorList>(`${base}/attendees/door`);
    // Thousands of people: read (parsed) in one task, put in place and drawn from the next, so
    // neither is a long task on a busy phone.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const people = list.items.map(asAttendee);
    return { update: () => people, cursor: list.cursor };
  }
  const changes = await api.get<DoorChanges>(`${base}/attendees/door/changes`, { since: cursor });
  return { update: (current) => applyDoorChanges(current ?? [], changes.items), cursor: changes.cursor };
}

/**
 * The first screen of the list (a few dozen people in name order), read from a small request
 * so the first "Có mặt" button is drawn before the whole list, which may be thousands, arrives.
 */
export async function readDoorFirst(api: ApiClient, base: string, limit: number): Promise<Attendee[]> {
  const page = await api.get<DoorFirstPage>(`${base}/attendees/door/first`, { limit: String(limit) });
  return page.items.map(asAttendee);
}

const earlyReads = new Map<string, Promise<Attendee[] | undefined>>();

/**
 * The first screen's read, started as soon as the check-in page's code arrives: the console
 * fetches that code while it asks who is signed in, so the two reads go side by side instead of
 * one after the other. Signed out or failed: nothing, and the page reads it as usual.
 */
export function readDoorFirstEarly(eventId: string, limit: number): void {
  if (earlyReads.has(eventId)) return;
  const read = fetch(`/api/events/${encodeURIComponent(eventId)}/attendees/door/first?limit=${limit}`, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  })
    .then((response) => (response.ok ? (response.json() as Promise<DoorFirstPage>) : undefined))
    .then((page) => page?.items.map(asAttendee))
    .catch(() => undefined);
  earlyReads.set(eventId, read);
}

/** The early read for this event, once (a later opening of the page reads afresh). */
export function takeDoorFirstEarly(eventId: string): Promise<Attendee[] | undefined> | undefined {
  const read = earlyReads.get(eventId);
  earlyReads.delete(eventId);
  return read;
}
