import { beforeAll, describe, expect, it } from 'vitest';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../../shared/aws/dynamodb-client.js';
import { createEventsRepository, type StoredEvent } from '../../../shared/events/events-repository.js';
import type { EventType } from '../../../shared/events/event-schema.js';
import { listEvents } from '../../../shared/events/list-events.js';
import { createTestTable } from '../../support/test-context.js';

/**
 * Ten years of the union's events in one table (issue 23): every filter answers full pages in
 * order, whatever the number of events before or after the ones asked for.
 */
const TYPES: EventType[] = ['youth_forum', 'training', 'ngo_conference', 'delegation', 'meeting', 'other'];
const DAY = 86_400_000;

const event = (eventId: string, startsAt: string, extra: Partial<StoredEvent> = {}): StoredEvent => ({
  eventId,
  type: 'meeting',
  title: { vi: `Họp ${eventId}` },
  venue: 'Buôn Ma Thuột',
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + 4 * 3600_000).toISOString(),
  requiresApproval: false,
  fields: [],
  status: 'published',
  counts: { invited: 0, confirmed: 0, waitlisted: 0, pending: 0, declined: 0, checkedIn: 0 },
  createdAt: '2016-01-01T00:00:00.000Z',
  updatedAt: '2016-01-01T00:00:00.000Z',
  createdBy: 'u1',
  version: 1,
  ...extra,
});

let events: ReturnType<typeof createEventsRepository>;
let db: ReturnType<typeof createDocumentClient>;
let tableName: string;
const all: StoredEvent[] = [];
/** "Now" of these tests: 147 events lie before it, 3 after. */
const NOW = '2026-03-01T00:00:00.000Z';

beforeAll(async () => {
  const table = await createTestTable();
  tableName = table.tableName;
  db = createDocumentClient({ region: 'local', endpoint: table.endpoint });
  events = createEventsRepository(db, tableName);
  // 150 events from 2016 to 2026, every 25.5 days; one in ten a youth forum, every seventh a training.
  for (let i = 0; i < 150; i += 1) {
    const startsAt = new Date(Date.parse('2016-01-10T01:00:00.000Z') + i * 25.5 * DAY).toISOString();
    all.push(
      event(`e${String(i).padStart(3, '0')}`, startsAt, {
        type: i % 7 === 3 ? 'training' : TYPES[i % TYPES.length]!,
        status: i % 11 === 0 ? 'cancelled' : 'published',
        title:
          i === 61
            ? { vi: 'Diễn đàn Thanh niên Việt Nam – Campuchia', en: 'Viet Nam – Cambodia Youth Forum' }
            : { vi: `Sự kiện số ${i}`, en: `Event number ${i}` },
      }),
    );
  }
  // A three-week course that started before NOW and is still running: "upcoming" must show it.
  all.push(event('long', '2026-02-20T01:00:00.000Z', { endsAt: '2026-03-12T10:00:00.000Z', type: 'training', title: { vi: 'Khoá tập huấn dài' } }));
  await Promise.all(all.map((e) => events.insertEvent(e)));
}, 120_000);

const ids = (list: { eventId: string }[]) => list.map((e) => e.eventId);
const byStart = (a: StoredEvent, b: StoredEvent) => a.startsAt.localeCompare(b.startsAt);

async function readAll(query: Parameters<typeof events.listByStart>[0]): Promise<{ pages: number[]; items: StoredEvent[] }> {
  const pages: number[] = [];
  const items: StoredEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await events.listByStart({ ...query, cursor });
    pages.push(page.items.length);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return { pages, items };
}

describe('the events listing at ten years of events (DynamoDB Local)', () => {
  it('answers the next events first although 147 lie in the past, the running course included', async () => {
    const page = await events.listByStart({ limit: 20, endsAtOrAfter: NOW });
    const expected = all.filter((e) => e.endsAt >= NOW).sort(byStart);
    expect(ids(page.items)).toEqual(ids(expected));
    expect(ids(page.items)).toContain('long');
    expect(page.nextCursor).toBeUndefined();
  });

  it('answers full pages, in order, for every filter', async () => {
    const cases: { query: Omit<Parameters<typeof events.listByStart>[0], 'limit'>; expected: StoredEvent[] }[] = [
      { query: { descending: true, endsBefore: '2020-01-01T00:00:00.000Z' }, expected: all.filter((e) => e.endsAt < '2020-01-01T00:00:00.000Z').sort(byStart).reverse() },
      { query: { type: 'training' }, expected: all.filter((e) => e.type === 'training').sort(byStart) },
      { query: { status: 'cancelled', descending: true }, expected: all.filter((e) => e.status === 'cancelled').sort(byStart).reverse() },
      { query: { year: 2019 }, expected: all.filter((e) => e.startsAt.startsWith('2019')).sort(byStart) },
      { query: { endsAtOrAfter: '2017-06-01T00:00:00.000Z', endsBefore: '2019-06-01T00:00:00.000Z', type: 'youth_forum' }, expected: all.filter((e) => e.type === 'youth_forum' && e.endsAt >= '2017-06-01T00:00:00.000Z' && e.endsAt < '2019-06-01T00:00:00.000Z').sort(byStart) },
    ];
    for (const { query, expected } of cases) {
      expect(expected.length).toBeGreaterThan(3);
      const { pages, items } = await readAll({ ...query, limit: 3 });
      expect(ids(items)).toEqual(ids(expected));
      // Every page but the last is full; no empty last page when the count divides by three.
      expect(pages.slice(0, -1).every((n) => n === 3)).toBe(true);
      expect(pages.at(-1)).toBeGreaterThan(0);
    }
  });

  it('finds an event by words of its title in either language, accents optional, and by year', async () => {
    const deps = { events, now: () => new Date(NOW) };
    const vi = await listEvents(deps, { limit: 10, q: 'dien dan thanh nien' });
    expect(ids(vi.items)).toEqual(['e061']);
    expect(ids((await listEvents(deps, { limit: 10, q: 'Youth forum', year: 2020 })).items)).toEqual(['e061']);
    expect(ids((await listEvents(deps, { limit: 10, q: 'thanh nien', year: 2021 })).items)).toEqual([]);
    // Word beginnings, not pieces of words: "hanh" is not a word of "Thanh".
    expect(ids((await listEvents(deps, { limit: 10, q: 'hanh nien' })).items)).toEqual([]);
  });

  it('spreads events over one listing key per year', async () => {
    const result = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'listings',
        KeyConditionExpression: 'listPk = :pk',
        ExpressionAttributeValues: { ':pk': 'EVENTS#2019' },
      }),
    );
    expect(result.Items?.length).toBe(all.filter((e) => e.startsAt.startsWith('2019')).length);
  });
});

describe('events written before listings were split by year', () => {
  it('appear in the listing after the upgrade, which changes nothing the second time', async () => {
    const table = await createTestTable();
    const oldDb = createDocumentClient({ region: 'local', endpoint: table.endpoint });
    const legacy = [event('old1', '2015-03-26T01:00:00.000Z', { title: { vi: 'Diễn đàn thanh niên 2015' } }), event('old2', '2015-11-20T01:00:00.000Z')];
    for (const e of legacy) {
      // As the earlier repository wrote them: one EVENTS key, no title words.
      await oldDb.send(new PutCommand({ TableName: table.tableName, Item: { pk: `EVENT#${e.eventId}`, sk: 'EVENT', ...e, listPk: 'EVENTS', listSk: `${e.startsAt}#${e.eventId}` } }));
    }
    const repository = createEventsRepository(oldDb, table.tableName);
    await repository.insertEvent(event('new1', '2016-05-01T01:00:00.000Z'));
    expect(ids((await repository.listByStart({ limit: 10 })).items)).toEqual(['old1', 'old2', 'new1']);
    expect(ids((await listEvents({ events: repository, now: () => new Date() }, { limit: 10, q: 'dien dan', year: 2015 })).items)).toEqual(['old1']);
    // Another process (a new cold start) finds nothing left to move.
    expect(await createEventsRepository(oldDb, table.tableName).upgradeLegacyListing()).toBe(0);
  });
});
