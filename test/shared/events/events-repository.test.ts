import { beforeAll, describe, expect, it } from 'vitest';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../../shared/aws/dynamodb-client.js';
import { createEventsRepository, type StoredEvent } from '../../../shared/events/events-repository.js';
import { createTestTable } from '../../support/test-context.js';

let events: ReturnType<typeof createEventsRepository>;
let db: ReturnType<typeof createDocumentClient>;
let tableName: string;

const event = (eventId: string, startsAt: string, extra: Partial<StoredEvent> = {}): StoredEvent => ({
  eventId,
  type: 'meeting',
  title: { vi: `Sự kiện ${eventId}` },
  venue: 'Buôn Ma Thuột',
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + 3600_000).toISOString(),
  requiresApproval: false,
  fields: [],
  status: 'draft',
  counts: { invited: 0, confirmed: 0, waitlisted: 0, pending: 0, declined: 0, checkedIn: 0 },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'u1',
  version: 1,
  ...extra,
});

beforeAll(async () => {
  const table = await createTestTable();
  tableName = table.tableName;
  db = createDocumentClient({ region: 'local', endpoint: table.endpoint });
  events = createEventsRepository(db, tableName);
});

describe('events repository (DynamoDB Local)', () => {
  it('lists events in order of their start, paginated, with filters', async () => {
    await events.insertEvent(event('e3', '2015-12-10T01:00:00.000Z', { type: 'ngo_conference' }));
    await events.insertEvent(event('e1', '2015-03-26T01:00:00.000Z', { type: 'youth_forum' }));
    await events.insertEvent(event('e2', '2015-06-16T00:30:00.000Z', { type: 'training', status: 'published' }));

    const first = await events.listByStart({ limit: 2 });
    expect(first.items.map((e) => e.eventId)).toEqual(['e1', 'e2']);
    const second = await events.listByStart({ limit: 2, cursor: first.nextCursor });
    expect(second.items.map((e) => e.eventId)).toEqual(['e3']);

    expect((await events.listByStart({ limit: 10, descending: true })).items.map((e) => e.eventId)).toEqual(['e3', 'e2', 'e1']);
    expect((await events.listByStart({ limit: 10, type: 'training' })).items.map((e) => e.eventId)).toEqual(['e2']);
    expect((await events.listByStart({ limit: 10, status: 'published' })).items.map((e) => e.eventId)).toEqual(['e2']);
    expect((await events.listByStart({ limit: 10, endsAtOrAfter: '2015-07-01T00:00:00.000Z' })).items.map((e) => e.eventId)).toEqual(['e3']);
  });

  it('lets only one of two edits made from the same version win', async () => {
    await events.insertEvent(event('race', '2016-01-01T01:00:00.000Z'));
    const [a, b] = await Promise.all([
      events.updateDetails('race', 1, { venue: 'A', updatedAt: 'x' }, []),
      events.updateDetails('race', 1, { venue: 'B', updatedAt: 'y' }, []),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect((await events.findById('race'))?.version).toBe(2);
  });

  it('refuses a capacity below the number already confirmed, in the write itself', async () => {
    await events.insertEvent(event('cap', '2016-02-01T01:00:00.000Z', { capacity: 10 }));
    // Seats confirmed by registrations change the tally without changing the event's version.
    await db.send(new UpdateCommand({ TableName: tableName, Key: { pk: 'EVENT#cap', sk: 'EVENT#TALLY' }, UpdateExpression: 'SET confirmed = :n', ExpressionAttributeValues: { ':n': 8 } }));
    expect(await events.updateDetails('cap', 1, { capacity: 7 }, [])).toBeUndefined();
    expect((await events.updateDetails('cap', 1, { capacity: 8 }, []))?.capacity).toBe(8);
  });

  it('moves the status only from the allowed states', async () => {
    await events.insertEvent(event('status', '2016-03-01T01:00:00.000Z'));
    expect((await events.transitionStatus('status', ['draft'], 'published', 'now'))?.status).toBe('published');
    expect(await events.transitionStatus('status', ['draft'], 'published', 'now')).toBeUndefined();
    expect((await events.transitionStatus('status', ['draft', 'published'], 'cancelled', 'now'))?.status).toBe('cancelled');
    expect(await events.updateDetails('status', 3, { venue: 'late' }, [])).toBeUndefined();
  });
});
