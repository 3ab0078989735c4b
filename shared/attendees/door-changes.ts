import { eventPartition, eventSk } from '../db/keys.js';
/**
 * What changed at the door, as small items beside the event (plain data: no DynamoDB here). The
 * check-in page loads the list once and then asks only for these, so a phone on a data plan reads
 * a few hundred bytes per poll instead of the whole list.
 *
 *   EVENT#<eventId>  DOOR#<at>#<invitationId>#<what>   registrationId, what, checkedInAt?, person?
 *
 * Written in the same transaction as the change (a check-in, its undo, a walk-in, an answer that
 * enters or leaves the confirmed list); DynamoDB deletes them a week later (expiresAt).
 */
export type DoorChangeKind = 'present' | 'absent' | 'joined' | 'left';

export type DoorPerson = {
  registrationId: string;
  name: string;
  organisation?: string;
  position?: string;
  group?: string;
  checkedInAt?: string;
  walkIn?: boolean;
};

export type DoorChange = {
  registrationId: string;
  at: string;
  what: DoorChangeKind;
  /** `present`: when. */
  checkedInAt?: string;
  /** `joined`: who. */
  person?: DoorPerson;
};

export const DOOR_CHANGE_PREFIX = eventSk.doorChangePrefix;
const KEEP_SECONDS = 7 * 86_400;

/**
 * How long a change may take to become visible in its order: two writers' clocks differ a little
 * and a transaction stamped earlier may commit later. The cursor handed out stays this far behind
 * "now", so such a change is still read next time; applying a change twice changes nothing.
 */
export const DOOR_SETTLE_MS = 10_000;

export function doorChangeItem(eventId: string, change: DoorChange): Record<string, unknown> {
  const person = change.person ? Object.fromEntries(Object.entries(change.person).filter(([, v]) => v !== undefined)) : undefined;
  return {
    pk: eventPartition(eventId),
    sk: `${DOOR_CHANGE_PREFIX}${change.at}#${change.registrationId}#${change.what}`,
    type: 'doorChange',
    registrationId: change.registrationId,
    at: change.at,
    what: change.what,
    ...(change.checkedInAt ? { checkedInAt: change.checkedInAt } : {}),
    ...(person ? { person } : {}),
    expiresAt: Math.floor(Date.parse(change.at) / 1000) + KEEP_SECONDS,
  };
}

/** Someone entering the confirmed list, as the door shows them. */
export function doorPersonOf(record: DoorPerson & Record<string, unknown>): DoorPerson {
  return {
    registrationId: record.registrationId,
    name: record.name,
    organisation: record.organisation,
    position: record.position,
    group: record.group,
    checkedInAt: record.checkedInAt,
    walkIn: record.walkIn,
  };
}
