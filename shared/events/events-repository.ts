import {
  BatchGetCommand,
  GetCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { failedConditionIndexes, isConditionFailure, writeIfHolds, transactionOn } from '../db/conditions.js';
import { inItemLane, tallyLaneKey } from '../db/item-lanes.js';
import { batchGetAll } from '../db/batch-get-all.js';
import { coalescedReads } from '../db/coalesced-reads.js';
import { countsOf, DOOR_SK, doorKey, eventKey, readEventWithTallies, TALLY_SK, tallyItems, tallyKey } from './event-tallies-repository.js';
import { decodeCursor, encodeCursor, invalidCursor, type Page } from '../db/pagination.js';
import type { Event, EventStatus, EventType, } from './event-schema.js';
import {
  EVENT_INDEX_KEY,
  LEGACY_EVENTS_LIST_PK,
  eventListPk,
  eventListSk,
  eventYearOf,
  titleWordsOf,
  yearOfEventListPk,
} from './event-listing-keys.js';
import { eventPartition } from '../db/keys.js';
import { queryPages } from '../db/query-all.js';
import { equalityFilters, filterExpression } from '../db/filters.js';

/** An event as stored: instants in UTC, `version` for optimistic edits. */
export type StoredEvent = Omit<Event, 'unitId' | 'timeZone' | 'openRegistration' | 'attachInvitationLetter'> & {
  /** Absent on events stored before units (and not yet upgraded): the union's. */
  unitId?: string;
  /** Absent on events stored before open registration existed: off. */
  openRegistration?: boolean;
  /** Absent on events stored before letters could be attached: off. */
  attachInvitationLetter?: boolean;
  version: number;
};

/** The attributes an edit may set or remove; counts and status change through their own paths. */
export type EventDetails = Omit<StoredEvent, 'eventId' | 'status' | 'counts' | 'createdAt' | 'createdBy' | 'version' | 'passportDataPurgedAt'>;

const listSk = eventListSk;
const EDITABLE_STATUSES = ['draft', 'published'];
const ANSWER_CACHE_MS = 2000;

/** The event with the counts of its tallies (event-tallies-repository.ts); never the stale counts of old items. */
function toEvent(item: Record<string, unknown>, tally?: Record<string, unknown>, door?: Record<string, unknown>): StoredEvent {
  const { pk: _pk, sk: _sk, listPk: _lp, listSk: _ls, counts: _oldCounts, titleWords: _tw, ...event } = item;
  return { ...(event as Omit<StoredEvent, 'counts'>), counts: countsOf(tally, door) };
}

export type EventListQuery = {
  limit: number;
  cursor?: string;
  type?: EventType;
  status?: EventStatus;
  endsAtOrAfter?: string;
  endsBefore?: string;
  /** The local year of the start. */
  year?: number;
  /** Folded words, each of which must begin a word of the title (either language). */
  titleWords?: string[];
  /** Only events of these units; an event stored without one is the union's (`rootUnitId`). */
  unitIds?: string[];
  rootUnitId?: string;
  descending?: boolean;
};

/** The listing attributes of an event item: its year's key, its place in it, its title words. */
const listingOf = (event: Pick<StoredEvent, 'eventId' | 'startsAt' | 'title'>) => ({
  listPk: eventListPk(eventYearOf(event.startsAt)),
  listSk: listSk(event.startsAt, event.eventId),
  titleWords: titleWordsOf(event.title),
});

const spanOf = (event: Pick<StoredEvent, 'startsAt' | 'endsAt'>) => Math.max(0, Date.parse(event.endsAt) - Date.parse(event.startsAt));

export function createEventsRepository(db: DynamoDBDocumentClient, tableName: string) {
  /** Records the event's year and, when it is the longest yet, its span (see event-listing-keys.ts). */
  async function noteInIndex(event: Pick<StoredEvent, 'startsAt' | 'endsAt'>): Promise<void> {
    const span = spanOf(event);
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: EVENT_INDEX_KEY,
        UpdateExpression: 'ADD years :year',
        ExpressionAttributeValues: { ':year': new Set([eventYearOf(event.startsAt)]) },
      }),
    );
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: EVENT_INDEX_KEY,
          UpdateExpression: 'SET longestSpanMs = :span',
          ConditionExpression: 'attribute_not_exists(longestSpanMs) OR longestSpanMs < :span',
          ExpressionAttributeValues: { ':span': span },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async function readIndex(): Promise<{ years: number[]; longestSpanMs: number }> {
    const result = await db.send(new GetCommand({ TableName: tableName, Key: EVENT_INDEX_KEY, ConsistentRead: true }));
    const years = result.Item?.years instanceof Set ? [...(result.Item.years as Set<number>)].map(Number) : [];
    return { years: years.sort((a, b) => a - b), longestSpanMs: Number(result.Item?.longestSpanMs ?? 0) };
  }

  let upgrade: Promise<number> | undefined;
  /**
   * Moves events written before listings were split by year (all under one `EVENTS` key) to their
   * year's key, with their title words. Idempotent: each move is conditioned on the old key, and
   * once nothing is left the check is one empty Query.
   */
  async function upgradeLegacyListing(): Promise<number> {
    let moved = 0;
    const pages = queryPages(db, {
      TableName: tableName,
      IndexName: 'listings',
      KeyConditionExpression: 'listPk = :legacy',
      ExpressionAttributeValues: { ':legacy': LEGACY_EVENTS_LIST_PK },
    });
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        const event = toEvent(item);
        await noteInIndex(event);
        const listing = listingOf(event);
        try {
          await db.send(
            new UpdateCommand({
              TableName: tableName,
              Key: eventKey(event.eventId),
              UpdateExpression: 'SET listPk = :listPk, listSk = :listSk, titleWords = :titleWords',
              ConditionExpression: 'listPk = :legacy',
              ExpressionAttributeValues: {
                ':listPk': listing.listPk,
                ':listSk': listing.listSk,
                ':titleWords': listing.titleWords,
                ':legacy': LEGACY_EVENTS_LIST_PK,
              },
            }),
          );
          moved += 1;
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }
    }
    return moved;
  }

  function upgradeOnce(): Promise<number> {
    upgrade ??= upgradeLegacyListing().catch((error) => {
      upgrade = undefined;
      throw error;
    });
    return upgrade;
  }


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
  // A rush reads the same event and tallies a thousand times at once: callers at the same moment
  // share one read, each a read begun after its call (shared/db/coalesced-reads.ts).
  const readWhole = coalescedReads(findById);
  const readTallies = coalescedReads(async (eventId) => {
    const result = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: [tallyKey(eventId), doorKey(eventId)], ConsistentRead: true } } }));
    return { items: result.Responses?.[tableName] ?? [], unprocessed: Boolean(result.UnprocessedKeys?.[tableName]?.Keys?.length) };
  });
  async function findForAnswer(eventId: string): Promise<StoredEvent | undefined> {
    const cached = answerCache.get(eventId);
    if (!cached || Date.now() - cached.at > ANSWER_CACHE_MS) return readWhole(eventId).then((event) => {
      if (event) answerCache.set(eventId, { at: Date.now(), item: event as unknown as Record<string, unknown> });
      if (answerCache.size > 1000) answerCache.delete(answerCache.keys().next().value!);
      return event;
    });
    const { items, unprocessed } = await readTallies(eventId);
    const tally = items.find((i) => i.sk === TALLY_SK);
    // An edit since (the tally carries the event's version) or an event stored the old way: read it whole.
    if (!tally || tally.eventVersion !== (cached.item as { version?: number }).version || unprocessed) {
      if (answerCache.get(eventId) === cached) answerCache.delete(eventId);
      return findForAnswer(eventId);
    }
    return { ...(cached.item as unknown as StoredEvent), status: tally.status as StoredEvent['status'], counts: countsOf(tally, items.find((i) => i.sk === DOOR_SK)) };
  }

  /** The counts of a page of events: their tallies in one BatchGet. */
  async function withCounts(items: Record<string, unknown>[]): Promise<StoredEvent[]> {
    if (items.length === 0) return [];
    const keys = items.flatMap((item) => [tallyKey(item.eventId as string), doorKey(item.eventId as string)]);
    const found = new Map<string, Record<string, unknown>>();
    for (const item of await batchGetAll(db, tableName, keys)) found.set(`${item.pk}|${item.sk}`, item);
    return items.map((item) => {
      const pk = eventPartition(item.eventId as string);
      // An event stored the old way, not read since: its own counts are still the right ones.
      const tally = found.get(`${pk}|${TALLY_SK}`) ?? (item.counts as Record<string, unknown> | undefined);
      const door = found.get(`${pk}|${DOOR_SK}`) ?? (item.counts as Record<string, unknown> | undefined);
      return toEvent(item, tally, door);
    });
  }

  return {
    /** Once per process (a Lambda's cold start, npm start): see upgradeLegacyListing. */
    upgradeLegacyListing: upgradeOnce,

    async insertEvent(event: StoredEvent): Promise<void> {
      // The index entry first: a year or span recorded for an event that then failed to be
      // written only makes a later read look at one more (empty) range.
      await noteInIndex(event);
      const { counts, ...stored } = event;
      await db.send(
        transactionOn(tableName, [
            {
              Put: {
                Item: { ...eventKey(event.eventId), ...stored, ...listingOf(event) },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...tallyItems(event.eventId, event, counts).map((Item) => ({ Put: { Item } })),
          ]),
      );
    },

    findById,
    findForAnswer,

    /**
     * The unit of an event, for the access check of every event route: only that attribute, read
     * eventually consistent (an event's unit changes by an explicit move only). `found: false`
     * when no such event.
     */
    async findUnitOf(eventId: string): Promise<{ found: boolean; unitId?: string }> {
      const result = await db.send(
        new GetCommand({ TableName: tableName, Key: eventKey(eventId), ProjectionExpression: 'pk, unitId' }),
      );
      return { found: Boolean(result.Item), unitId: result.Item?.unitId as string | undefined };
    },

    /** The move to units: an event stored without a unit becomes `unitId`'s, once. False if it had one. */
    async giveUnitIfNone(eventId: string, unitId: string): Promise<boolean> {
      return writeIfHolds(db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: eventKey(eventId),
          UpdateExpression: 'SET unitId = :unitId',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(unitId)',
          ExpressionAttributeValues: { ':unitId': unitId },
        }),
      ));
    },

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
        sets.push('listPk = :listPk', 'listSk = :listSk');
        values[':listPk'] = eventListPk(eventYearOf(set.startsAt));
        values[':listSk'] = listSk(set.startsAt, eventId);
      }
      if (set.title) {
        sets.push('titleWords = :titleWords');
        values[':titleWords'] = titleWordsOf(set.title);
      }
      if (set.startsAt || set.endsAt) {
        const current = await findById(eventId);
        if (current) await noteInIndex({ startsAt: set.startsAt ?? current.startsAt, endsAt: set.endsAt ?? current.endsAt });
      }
      for (const key of remove) names[`#${key}`] = key;
      const eventUpdate = {
        TableName: tableName,
        Key: eventKey(eventId),
        UpdateExpression: `SET ${sets.join(', ')}${remove.length ? ` REMOVE ${remove.map((k) => `#${k}`).join(', ')}` : ''}`,
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
          db.send(transactionOn(tableName, [{ Update: eventUpdate }, { Update: tallyUpdate }])),
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
      /** Why it was cancelled, as the organiser wrote it: kept with the event for everyone who looks. */
      cancelReason?: string,
    ): Promise<StoredEvent | undefined> {
      const fromValues = Object.fromEntries(from.map((status, i) => [`:from${i}`, status]));
      const reason = cancelReason ? { ':reason': cancelReason } : {};
      try {
        await inItemLane(tallyLaneKey(tableName, eventId), () =>
          db.send(
            transactionOn(tableName, [
                {
                  Update: {
                    Key: eventKey(eventId),
                    UpdateExpression: `SET #status = :to, updatedAt = :at, #version = #version + :one${cancelReason ? ', cancelReason = :reason' : ''}`,
                    ConditionExpression: `#status IN (${Object.keys(fromValues).join(', ')})`,
                    ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
                    ExpressionAttributeValues: { ...fromValues, ':to': to, ':at': at, ':one': 1, ...reason },
                  },
                },
                {
                  Update: {
                    Key: tallyKey(eventId),
                    UpdateExpression: 'SET #status = :to, eventVersion = if_not_exists(eventVersion, :zero) + :one',
                    ConditionExpression: 'attribute_exists(pk)',
                    ExpressionAttributeNames: { '#status': 'status' },
                    ExpressionAttributeValues: { ':to': to, ':zero': 0, ':one': 1 },
                  },
                },
              ]),
          ),
        );
      } catch (error) {
        if (failedConditionIndexes(error)?.length) return undefined;
        throw error;
      }
      return findById(eventId);
    },

    /**
     * Events in order of their start, one full page at a time. Each year is its own listing key;
     * `year`, `from` and `before` become the years read and a range of the sort key, so a read
     * touches only the events it may answer; type, status and title words are checked on those,
     * and the read goes on until the page is full (never a short page while more match).
     */
    async listByStart(query: EventListQuery): Promise<Page<StoredEvent>> {
      await upgradeOnce();
      const index = await readIndex();
      const filter = equalityFilters({ type: query.type, status: query.status });
      const { conditions: filters, names, values } = filter;
      if (query.unitIds) {
        // Nobody reaches no unit: an empty list is "nothing", never "no filter".
        const ids = query.unitIds.length ? query.unitIds.slice(0, 99) : ['-'];
        const within = `#unitId IN (${ids.map((_, i) => `:u${i}`).join(', ')})`;
        filters.push(query.rootUnitId && ids.includes(query.rootUnitId) ? `(${within} OR attribute_not_exists(#unitId))` : within);
        names['#unitId'] = 'unitId';
        for (const [i, id] of ids.entries()) values[`:u${i}`] = id;
      }
      query.titleWords?.forEach((word, i) => {
        filters.push(`contains(titleWords, :w${i})`);
        values[`:w${i}`] = ` ${word}`;
      });
      // An event still running at `from` started at most the longest span before it.
      let lowSk: string | undefined;
      let highSk: string | undefined;
      if (query.endsAtOrAfter) {
        filters.push('endsAt >= :from');
        values[':from'] = query.endsAtOrAfter;
        lowSk = new Date(Date.parse(query.endsAtOrAfter) - index.longestSpanMs).toISOString();
      }
      if (query.endsBefore) {
        // An event that ended before X started before it.
        filters.push('endsAt < :before');
        values[':before'] = query.endsBefore;
        highSk = query.endsBefore;
      }
      let years = index.years;
      if (query.year !== undefined) years = years.filter((y) => y === query.year);
      if (lowSk) years = years.filter((y) => y >= eventYearOf(lowSk!));
      if (highSk) years = years.filter((y) => y <= eventYearOf(highSk!));
      if (query.descending) years = [...years].reverse();

      let startKey: Record<string, unknown> | undefined = decodeCursor(query.cursor, ['pk', 'sk', 'listPk', 'listSk']);
      if (startKey) {
        const year = yearOfEventListPk(startKey.listPk);
        if (year === undefined) throw invalidCursor();
        years = years.filter((y) => (query.descending ? y <= year : y >= year));
        if (years[0] !== year) startKey = undefined;
      }

      const keyCondition = ['listPk = :listPk'];
      if (lowSk && highSk) {
        keyCondition.push('listSk BETWEEN :lowSk AND :highSk');
        values[':lowSk'] = lowSk;
        values[':highSk'] = highSk;
      } else if (lowSk) {
        keyCondition.push('listSk >= :lowSk');
        values[':lowSk'] = lowSk;
      } else if (highSk) {
        keyCondition.push('listSk < :highSk');
        values[':highSk'] = highSk;
      }

      const items: Record<string, unknown>[] = [];
      let lastKey: Record<string, unknown> | undefined;
      for (const [position, year] of years.entries()) {
        do {
          const result = await db.send(
            new QueryCommand({
              TableName: tableName,
              IndexName: 'listings',
              KeyConditionExpression: keyCondition.join(' AND '),
              ...filterExpression(filter),
              ExpressionAttributeValues: { ...values, ':listPk': eventListPk(year) },
              ScanIndexForward: !query.descending,
              ExclusiveStartKey: startKey,
              // Without filters one read is exactly the page; with them, read ahead in bigger steps.
              Limit: filters.length ? Math.max(query.limit - items.length, 50) : query.limit - items.length + 1,
            }),
          );
          const found = result.Items ?? [];
          for (const [i, item] of found.entries()) {
            if (items.length === query.limit) {
              // Full, and at least one more event follows: the next page starts after the last one.
              return { items: await withCounts(items), nextCursor: encodeCursor(lastKey) };
            }
            items.push(item);
            lastKey = { pk: item.pk, sk: item.sk, listPk: item.listPk, listSk: item.listSk };
            if (items.length === query.limit && i === found.length - 1 && !result.LastEvaluatedKey && position === years.length - 1) {
              return { items: await withCounts(items) };
            }
          }
          startKey = result.LastEvaluatedKey;
        } while (startKey);
      }
      return { items: await withCounts(items) };
    },
  };
}

export type EventsRepository = ReturnType<typeof createEventsRepository>;
