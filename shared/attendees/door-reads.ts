import { DOOR_SETTLE_MS, type DoorPerson } from './door-changes.js';
import type { AttendeeRecord } from './attendees-repository.js';

/** What the door's reads share: the cursor they hand out and a person as the door shows them. */
export const doorCursorAt = (now: Date) => new Date(now.getTime() - DOOR_SETTLE_MS).toISOString();

export function doorPersonOfRecord(r: AttendeeRecord): DoorPerson {
  const person: DoorPerson = { registrationId: r.invitationId, name: r.name };
  if (r.organisation) person.organisation = r.organisation;
  if (r.position) person.position = r.position;
  if (r.group) person.group = r.group;
  if (r.checkedInAt) person.checkedInAt = r.checkedInAt;
  if (r.walkIn) person.walkIn = true;
  return person;
}
