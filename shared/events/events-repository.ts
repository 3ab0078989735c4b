import {
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '../db/conditions.js';
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

const eventKey = (eventId: string) => ({ pk: `EVENT#${eventId}`, sk: 'EVENT' });
const listSk = (startsAt: string, eventId: string) => `${startsAt}#${eventId}`;
const EDITABLE_STATUSES = ['draft', 'published'];

function toEvent(item: Record<string, unknown>): StoredEvent {
  const { pk: _pk, sk: _sk, listPk: _lp, listSk: _ls, ...event } = item;
  return event as StoredEvent;
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
  return {
    async insertEvent(event: StoredEvent): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...eventKey(event.eventId), ...event, listPk: 'EVENTS', listSk: listSk(event.startsAt, event.eventId) },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    async findById(eventId: string): Promise<StoredEvent | undefined> {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: eventKey(eventId), ConsistentRead: true }));
      return result.Item ? toEvent(result.Item) : undefined;
    },

    /**
     * Writes an edit if nobody changed the event since it was read (same version), it is still
     * editable, and a capacity, if any, still holds everyone confirmed. Answers the new event,
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
      let condition = '#version = :expected AND #status IN (:draft, :published)';
      if (typeof set.capacity === 'number') {
        condition += ' AND counts.confirmed <= :capacity';
      }
      try {
        const result = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: eventKey(eventId),
            UpdateExpression:
              `SET ${sets.join(', ')}` + (remove.length ? ` REMOVE ${remove.map((k) => `#${k}`).join(', ')}` : ''),
            ConditionExpression: condition,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        );
        return toEvent(result.Attributes!);
      } catch (error) {
        if (isConditionFailure(error)) return undefined;
        throw error;
      }
    },

    /** Moves the status only from one of `from`; undefined when the event was in another. */
    async transitionStatus(
      eventId: string,
      from: EventStatus[],
      to: EventStatus,
      at: string,
    ): Promise<StoredEvent | undefined> {
      const fromValues = Object.fromEntries(from.map((status, i) => [`:from${i}`, status]));
      try {
        const result = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: eventKey(eventId),
            UpdateExpression: 'SET #status = :to, updatedAt = :at, #version = #version + :one',
            ConditionExpression: `#status IN (${Object.keys(fromValues).join(', ')})`,
            ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
            ExpressionAttributeValues: { ...fromValues, ':to': to, ':at': at, ':one': 1 },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return toEvent(result.Attributes!);
      } catch (error) {
        if (isConditionFailure(error)) return undefined;
        throw error;
      }
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
          ExclusiveStartKey: decodeCursor(query.cursor, ['pk', 'sk', 'listPk', 'listSk']),
        }),
      );
      return { items: (result.Items ?? []).map(toEvent), nextCursor: encodeCursor(result.LastEvaluatedKey) };
    },
  };
}

export type EventsRepository = ReturnType<typeof createEventsRepository>;
