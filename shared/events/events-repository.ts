import {
  BatchGetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { failedConditionIndexes, isConditionFailure } from '../db/conditions.js';
import { inItemLane, tallyLaneKey } from '../db/item-lanes.js';
import { jitteredBackoff } from '../db/write-conflicts.js';
import { countsOf, DOOR_SK, doorKey, eventKey, readEventWithTallies, TALLY_SK, tallyItems, tallyKey } from './event-tally.js';
import { decodeCursor, encodeCursor, type Page } from '../db/pagination.js';
import type { EventMailTemplates } from '../email/invitation-templates.js';
import type { AddressForm, EventCounts, EventStatus, EventType, Field, ScheduleChange } from './event-schema.js';

/** An event as stored: instants in UTC, `version` for optimistic edits. */
export type StoredEvent = {
  eventId: string;
  type: EventType;
  title: { vi: string; en?: string };
  description?: { vi?: string; en?: string };
  agenda?: { vi?: string; en?: string };
  venue: string;
  venueMapUrl?: string;
  contact?: { name: string; email?: string; phone?: string };
  startsAt: string;
  endsAt: string;
  capacity?: number;
  registrationClosesAt?: string;
  requiresApproval: boolean;
  /** Absent on events stored before open registration existed: off. */
  openRegistration?: boolean;
  fields: Field[];
  mailTemplates?: EventMailTemplates;
  addressForm?: AddressForm;
  /** Set by an edit of a published event's time or place (UTC instants). */
  scheduleChange?: ScheduleChange;
  status: EventStatus;
  counts: EventCounts;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  version: number;
  /** When a delegation's passport data was purged (shared/delegations/purge-passport-data.ts). */
  passportDataPurgedAt?: string;
};

/** The attributes an edit may set or remove; counts and status change through their own paths. */
export type EventDetails = Omit<StoredEvent, 'eventId' | 'status' | 'counts' | 'createdAt' | 'createdBy' | 'version' | 'passportDataPurgedAt'>;

const listSk = (startsAt: string, eventId: string) => `${startsAt}#${eventId}`;
const EDITABLE_STATUSES = ['draft', 'published'];
const ANSWER_CACHE_MS = 2000;

/** The event with the counts of its tallies (event-tally.ts); never the stale counts of old items. */
function toEvent(item: Record<string, unknown>, tally?: Record<string, unknown>, door?: Record<string, unknown>): StoredEvent {
  const { pk: _pk, sk: _sk, listPk: _lp, listSk: _ls, counts: _oldCounts, ...event } = item;
  return { ...(event as Omit<StoredEvent, 'counts'>), counts: countsOf(tally, door) };
}

export type EventListQuery = {
  limit: number;
  cursor?: string;
  type?: EventType;
  status?: EventStatus;
  endsAtOrAfter?: string;
  endsBefore?: string;
  descending?: boolean;
};

export function createEventsRepository(db: DynamoDBDocumentClient, tableName: string) {
  async function findById(eventId: string): Promise<StoredEvent | undefined> {
    const found = await readEventWithTallies(db, tableName, eventId);
    return found.event ? toEvent(found.event, found.tally, found.door) : undefined;
  }

  /**
   * The event as an answer reads it: its text and fields from a copy at most ANSWER_CACHE_MS old
   * (an event of 100 KB read by each of a thousand answers costs 25 read units each time), its
   * counts fresh from the tallies. Nothing here decides a rule: status, deadline and seats are
   * conditions on the tally in the answer's own transaction.
   */
  const answerCache = new Map<string, { at: number; item: Record<string, unknown> }>();
  async function findForAnswer(eventId: string): Promise<StoredEvent | undefined> {
    const cached = answerCache.get(eventId);
    if (!cached || Date.now() - cached.at > ANSWER_CACHE_MS) return findById(eventId).then((event) => {
      if (event) answerCache.set(eventId, { at: Date.now(), item: event as unknown as Record<string, unknown> });
      if (answerCache.size > 1000) answerCache.delete(answerCache.keys().next().value!);
      return event;
    });
    const result = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: [tallyKey(eventId), doorKey(eventId)], ConsistentRead: true } } }));
    const items = result.Responses?.[tableName] ?? [];
    const tally = items.find((i) => i.sk === TALLY_SK);
    // An edit since (the tally carries the event's version) or an event stored the old way: read it whole.
    if (!tally || tally.eventVersion !== (cached.item as { version?: number }).version || result.UnprocessedKeys?.[tableName]?.Keys?.length) {
      answerCache.delete(eventId);
      return findForAnswer(eventId);
    }
    return { ...(cached.item as unknown as StoredEvent), status: tally.status as StoredEvent['status'], counts: countsOf(tally, items.find((i) => i.sk === DOOR_SK)) };
  }

  /** The counts of a page of events: their tallies in one BatchGet. */
  async function withCounts(items: Record<string, unknown>[]): Promise<StoredEvent[]> {
    if (items.length === 0) return [];
    const keys = items.flatMap((item) => [tallyKey(item.eventId as string), doorKey(item.eventId as string)]);
    const found = new Map<string, Record<string, unknown>>();
    for (let i = 0; i < keys.length; i += 100) {
      let pending: Record<string, unknown>[] = keys.slice(i, i + 100);
      for (let attempt = 1; pending.length > 0; attempt += 1) {
        const result = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }));
        for (const item of result.Responses?.[tableName] ?? []) found.set(`${item.pk}|${item.sk}`, item);
        pending = (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as Record<string, unknown>[];
        if (pending.length > 0) await jitteredBackoff(attempt, 20, 1000);
      }
    }
    return items.map((item) => {
      const pk = `EVENT#${item.eventId as string}`;
      // An event stored the old way, not read since: its own counts are still the right ones.
      const tally = found.get(`${pk}|${TALLY_SK}`) ?? (item.counts as Record<string, unknown> | undefined);
      const door = found.get(`${pk}|${DOOR_SK}`) ?? (item.counts as Record<string, unknown> | undefined);
      return toEvent(item, tally, door);
    });
  }

  return {
    async insertEvent(event: StoredEvent): Promise<void> {
      const { counts, ...stored } = event;
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: { ...eventKey(event.eventId), ...stored, listPk: 'EVENTS', listSk: listSk(event.startsAt, event.eventId) },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...tallyItems(event.eventId, event, counts).map((Item) => ({ Put: { TableName: tableName, Item } })),
          ],
        }),
      );
    },

    findById,
    findForAnswer,

    /**
     * Writes an edit if nobody changed the event since it was read (same version) and it is still
     * editable. An edit of the capacity or the deadline changes the tally's copies in the same
     * transaction, where the capacity must still hold everyone confirmed. Answers the new event,
     * or undefined when a condition failed (the caller reads again to say which).
     */
    async updateDetails(
      eventId: string,
      expectedVersion: number,
      set: Partial<EventDetails>,
      remove: (keyof EventDetails)[],
    ): Promise<StoredEvent | undefined> {
      const names: Record<string, string> = { '#version': 'version', '#status': 'status' };
      const values: Record<string, unknown> = {
        ':expected': expectedVersion,
        ':one': 1,
        ':draft': EDITABLE_STATUSES[0],
        ':published': EDITABLE_STATUSES[1],
      };
      const sets = ['#version = #version + :one'];
      for (const [key, value] of Object.entries(set)) {
        if (value === undefined) continue;
        names[`#${key}`] = key;
        values[`:${key}`] = value;
        sets.push(`#${key} = :${key}`);
      }
      if (set.startsAt) {
        sets.push('listSk = :listSk');
        values[':listSk'] = listSk(set.startsAt, eventId);
      }
      for (const key of remove) names[`#${key}`] = key;
      const eventUpdate = {
        TableName: tableName,
        Key: eventKey(eventId),
        UpdateExpression: `SET ${sets.join(', ')}` + (remove.length ? ` REMOVE ${remove.map((k) => `#${k}`).join(', ')}` : ''),
        ConditionExpression: '#version = :expected AND #status IN (:draft, :published)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      };

      // The gate the answers' transactions read lives on the tally: move it with the event.
      const gateSets: string[] = [];
      const gateRemoves: string[] = [];
      const gateValues: Record<string, unknown> = {};
      let gateCondition = 'attribute_exists(pk)';
      if (typeof set.capacity === 'number') {
        gateSets.push('#capacity = :capacity', 'seatsLeft = :capacity - confirmed');
        gateValues[':capacity'] = set.capacity;
        gateCondition += ' AND confirmed <= :capacity';
      } else if (remove.includes('capacity')) gateRemoves.push('#capacity');
      if (set.registrationClosesAt) {
        gateSets.push('registrationClosesAt = :closes');
        gateValues[':closes'] = set.registrationClosesAt;
      } else if (remove.includes('registrationClosesAt')) gateRemoves.push('registrationClosesAt');

      // The version the event will have: an answer's cached copy of the event is good while it matches.
      gateSets.push('eventVersion = :eventVersion');
      gateValues[':eventVersion'] = expectedVersion + 1;
      const usesCapacity = [...gateSets, ...gateRemoves].some((part) => part.includes('#capacity'));
      const tallyUpdate = {
        TableName: tableName,
        Key: tallyKey(eventId),
        UpdateExpression: [gateSets.length ? `SET ${gateSets.join(', ')}` : '', gateRemoves.length ? `REMOVE ${gateRemoves.join(', ')}` : '']
          .filter(Boolean)
          .join(' '),
        ConditionExpression: gateCondition,
        ...(usesCapacity ? { ExpressionAttributeNames: { '#capacity': 'capacity' } } : {}),
        ...(Object.keys(gateValues).length ? { ExpressionAttributeValues: gateValues } : {}),
      };
      try {
        await inItemLane(tallyLaneKey(tableName, eventId), () =>
          db.send(new TransactWriteCommand({ TransactItems: [{ Update: eventUpdate }, { Update: tallyUpdate }] as never })),
        );
      } catch (error) {
        if (failedConditionIndexes(error)?.length) return undefined;
        throw error;
      }
      return findById(eventId);
    },

    /** Moves the status (and the tally's copy) only from one of `from`; undefined when the event was in another. */
    async transitionStatus(
      eventId: string,
      from: EventStatus[],
      to: EventStatus,
      at: string,
    ): Promise<StoredEvent | undefined> {
      const fromValues = Object.fromEntries(from.map((status, i) => [`:from${i}`, status]));
      try {
        await inItemLane(tallyLaneKey(tableName, eventId), () =>
          db.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Update: {
                    TableName: tableName,
                    Key: eventKey(eventId),
                    UpdateExpression: 'SET #status = :to, updatedAt = :at, #version = #version + :one',
                    ConditionExpression: `#status IN (${Object.keys(fromValues).join(', ')})`,
                    ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
                    ExpressionAttributeValues: { ...fromValues, ':to': to, ':at': at, ':one': 1 },
                  },
                },
                {
                  Update: {
                    TableName: tableName,
                    Key: tallyKey(eventId),
                    UpdateExpression: 'SET #status = :to, eventVersion = if_not_exists(eventVersion, :zero) + :one',
                    ConditionExpression: 'attribute_exists(pk)',
                    ExpressionAttributeNames: { '#status': 'status' },
                    ExpressionAttributeValues: { ':to': to, ':zero': 0, ':one': 1 },
                  },
                },
              ],
            }),
          ),
        );
      } catch (error) {
        if (failedConditionIndexes(error)?.length) return undefined;
        throw error;
      }
      return findById(eventId);
    },

    /** Events in order of their start, one page at a time; filters never turn into a Scan. */
    async listByStart(query: EventListQuery): Promise<Page<StoredEvent>> {
      const filters: string[] = [];
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ':events': 'EVENTS' };
      if (query.type) {
        filters.push('#type = :type');
        names['#type'] = 'type';
        values[':type'] = query.type;
      }
      if (query.status) {
        filters.push('#status = :status');
        names['#status'] = 'status';
        values[':status'] = query.status;
      }
      if (query.endsAtOrAfter) {
        filters.push('endsAt >= :from');
        values[':from'] = query.endsAtOrAfter;
      }
      if (query.endsBefore) {
        filters.push('endsAt < :before');
        values[':before'] = query.endsBefore;
      }
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'listings',
          KeyConditionExpression: 'listPk = :events',
          FilterExpression: filters.length ? filters.join(' AND ') : undefined,
          ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
          ExpressionAttributeValues: values,
          ScanIndexForward: !query.descending,
          Limit: query.limit,
          ExclusiveStartKey: decodeCursor(query.cursor, ['pk', 'sk', 'listPk', 'listSk'], { listPk: 'EVENTS' }),
        }),
      );
      return { items: await withCounts(result.Items ?? []), nextCursor: encodeCursor(result.LastEvaluatedKey) };
    },
  };
}

export type EventsRepository = ReturnType<typeof createEventsRepository>;
