import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '../db/conditions.js';
import type { EventCounts, EventStatus } from './event-schema.js';
import { eventPartition, eventSk, keys } from '../db/keys.js';

/**
 * An event's counts live in two small items of its own partition, beside the event, projected by
 * no index (no listPk), so an answer or a check-in never rewrites the event's text (up to
 * 350 KB in two languages) nor the event list's index:
 *
 *   EVENT#<eventId>  EVENT          the event (title, texts, templates, fields, ...)
 *   EVENT#<eventId>  EVENT#TALLY    status, registrationClosesAt, capacity (copies the answer's
 *                                   conditions read, written with the event in one transaction),
 *                                   eventVersion (the event's version: a cached copy is current),
 *                                   seatsLeft (capacity − confirmed), invited, confirmed,
 *                                   waitlisted, pending, declined
 *   EVENT#<eventId>  EVENT#DOOR     checkedIn: the door's taps never contend with the answers
 *
 * Their sort keys begin with `EVENT`, so one Query reads the event and both tallies. Events
 * written before the tallies kept `counts` inside the event item; the first read of such an event
 * writes its tallies from those counts (`migrateTallies`), once, under a condition.
 */
export const TALLY_SK = eventSk.tally;
export const DOOR_SK = eventSk.door;

export const eventKey = keys.event;
export const tallyKey = keys.tally;
export const doorKey = keys.door;

/** The counters kept on the tally, per response; other responses are not counted. */
export const TALLIED_RESPONSES = ['confirmed', 'waitlisted', 'pending', 'declined'] as const;
/**
 * Counted on the tally too since the invitation counts (shared/invitations/invitation-counts.ts):
 * with these every response is counted, and `responsesCounted` says the tally holds them all.
 * Written `if_not_exists(…, 0) + d`, so an older tally without them takes a move.
 */
export const MORE_TALLIED_RESPONSES = ['none', 'withdrawn', 'rejected'] as const;

export type EventGate = { status: EventStatus; registrationClosesAt?: string; capacity?: number; version?: number };
type OldCounts = Partial<EventCounts> | undefined;

/** The two tally items of an event, as first written (a new event, or one migrated). */
export function tallyItems(eventId: string, gate: EventGate, counts: OldCounts) {
  const confirmed = counts?.confirmed ?? 0;
  // A new event (nobody invited yet) has every response counted from the start; one with counts
  // from before gets the rest counted on its first read of the invitation counts.
  const fresh = !counts?.invited && !confirmed;
  return [
    {
      ...tallyKey(eventId),
      type: 'eventTally',
      status: gate.status,
      ...(gate.registrationClosesAt ? { registrationClosesAt: gate.registrationClosesAt } : {}),
      ...(gate.capacity !== undefined ? { capacity: gate.capacity } : {}),
      seatsLeft: (gate.capacity ?? 0) - confirmed,
      eventVersion: gate.version ?? 1,
      invited: counts?.invited ?? 0,
      confirmed,
      waitlisted: counts?.waitlisted ?? 0,
      pending: counts?.pending ?? 0,
      declined: counts?.declined ?? 0,
      ...(fresh ? { none: 0, withdrawn: 0, rejected: 0, responsesCounted: true } : {}),
    },
    { ...doorKey(eventId), type: 'eventDoorTally', checkedIn: counts?.checkedIn ?? 0, ...(fresh ? { groupsCounted: true } : {}) },
    ...(fresh ? [{ ...keys.counts(eventId), type: 'invitationCounts', v: 0, counted: true }] : []),
  ];
}

/** The counts an event shows, from its tallies. */
export function countsOf(tally: Record<string, unknown> | undefined, door: Record<string, unknown> | undefined): EventCounts {
  const n = (item: Record<string, unknown> | undefined, key: string) => Math.max(0, Number(item?.[key] ?? 0));
  return {
    invited: n(tally, 'invited'),
    confirmed: n(tally, 'confirmed'),
    waitlisted: n(tally, 'waitlisted'),
    pending: n(tally, 'pending'),
    declined: n(tally, 'declined'),
    checkedIn: n(door, 'checkedIn'),
  };
}

/**
 * Writes the tallies of an event stored the old way, from the counts inside its item. Each only
 * where none exists: two readers migrating at once write once. Nothing writes those old counts
 * any more, so they are final.
 */
export async function migrateTallies(db: DynamoDBDocumentClient, tableName: string, eventItem: Record<string, unknown>): Promise<void> {
  const eventId = eventItem.eventId as string;
  const items = tallyItems(eventId, eventItem as unknown as EventGate, eventItem.counts as OldCounts);
  await Promise.all(
    items.map(async (Item) => {
      try {
        await db.send(new PutCommand({ TableName: tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' }));
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }),
  );
}

export type EventWithTallies = { event?: Record<string, unknown>; tally?: Record<string, unknown>; door?: Record<string, unknown> };

/** The event and its tallies in one Query; migrates an event stored the old way on the way. */
export async function readEventWithTallies(db: DynamoDBDocumentClient, tableName: string, eventId: string): Promise<EventWithTallies> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const result = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :event)',
        ExpressionAttributeValues: { ':pk': eventPartition(eventId), ':event': eventSk.event },
        ConsistentRead: true,
      }),
    );
    const found: EventWithTallies = {};
    for (const item of result.Items ?? []) {
      if (item.sk === 'EVENT') found.event = item;
      else if (item.sk === TALLY_SK) found.tally = item;
      else if (item.sk === DOOR_SK) found.door = item;
    }
    if (!found.event || (found.tally && found.door) || attempt > 0) return found;
    await migrateTallies(db, tableName, found.event);
  }
  return {};
}

/** Makes sure an event's tallies exist before a write that needs them (old data). */
export async function ensureTallies(db: DynamoDBDocumentClient, tableName: string, eventId: string): Promise<boolean> {
  const { event, tally } = await readEventWithTallies(db, tableName, eventId);
  return Boolean(event && tally);
}
