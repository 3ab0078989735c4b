import { beforeAll, describe, expect, it } from 'vitest';
import { isPublicRoute } from '../../../functions/api/middleware/session.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';
import { createEvent } from './invitations-support.js';
import { pdfText } from '../../support/pdf-text.js';
import { delegationHead } from './delegation-support.js';

/**
 * Issue 25's cross-unit matrix on DynamoDB Local. Units: the union; two sibling associations
 * (Vietnam–Korea, Vietnam–France); a club under the Korea association (the child). Each has its
 * own organiser; the Mondulkiri delegation is the union's, with a passport on file. Every route
 * under /api/events/:eventId is walked with each account against each unit's event.
 */
type Caller = Awaited<ReturnType<TestContext['as']>>;
let ctx: TestContext;
let admin: Caller;
let korea: Caller; // the parent (of the club), and a sibling of france
let france: Caller;
let club: Caller; // the child
let unionOrganiser: Caller; // an account made before units: the union's
const unit = { korea: '', france: '', club: '' };
const event = { korea: '', france: '', club: '', mondulkiri: '' };
let eventRoutes: { method: string; path: string }[];

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.as('admin');
  const makeUnit = async (body: object) => {
    const response = await admin('POST', '/api/units', { body });
    expect(response.status).toBe(201);
    return response.body.unit.unitId as string;
  };
  unit.korea = await makeUnit({
    parentId: 'union',
    name: { vi: 'Hội hữu nghị Việt Nam – Hàn Quốc tỉnh Đắk Lắk', en: 'Đắk Lắk Vietnam–Korea Friendship Association' },
    shortName: 'Hội VN–Hàn Quốc',
    senderName: 'Hội hữu nghị Việt Nam – Hàn Quốc tỉnh Đắk Lắk',
  });
  unit.france = await makeUnit({ parentId: 'union', name: { vi: 'Hội hữu nghị Việt Nam – Pháp tỉnh Đắk Lắk' }, shortName: 'Hội VN–Pháp' });
  unit.club = await makeUnit({ parentId: unit.korea, name: { vi: 'Câu lạc bộ tiếng Hàn', en: 'Korean language club' }, shortName: 'CLB tiếng Hàn' });
  korea = await ctx.as('organiser', [{ unitId: unit.korea, role: 'organiser' }]);
  france = await ctx.as('organiser', [{ unitId: unit.france, role: 'organiser' }]);
  club = await ctx.as('organiser', [{ unitId: unit.club, role: 'organiser' }]);
  unionOrganiser = await ctx.as('organiser');

  event.korea = await createEvent(korea, { title: { vi: 'Giao lưu văn hóa Việt – Hàn' } });
  event.france = await createEvent(france, { title: { vi: 'Đêm văn hóa Pháp ngữ' } });
  event.club = await createEvent(club, { title: { vi: 'Buổi sinh hoạt câu lạc bộ tiếng Hàn' } });
  event.mondulkiri = await createEvent(unionOrganiser, {
    type: 'delegation',
    title: { vi: 'Đoàn công tác Mondulkiri', en: 'Visit to Mondulkiri' },
    venue: 'Sen Monorom, Mondulkiri, Campuchia',
    startsAt: '2027-03-10T08:00:00+07:00',
    endsAt: '2027-03-14T17:00:00+07:00',
  });
  expect((await unionOrganiser('POST', `/api/events/${event.mondulkiri}/publish`)).status).toBe(200);
  const head = await unionOrganiser('POST', `/api/events/${event.mondulkiri}/delegation/members`, {
    body: delegationHead,
  });
  expect(head.status).toBe(201);

  const seen = new Set<string>();
  eventRoutes = ctx.app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/events/:eventId') && !r.path.includes('*'))
    .map((r) => ({ method: r.method, path: r.path }))
    .filter((r) => !isPublicRoute(r.method, r.path.replace(/:(\w+)/g, 'x')))
    .filter((r) => (seen.has(`${r.method} ${r.path}`) ? false : (seen.add(`${r.method} ${r.path}`), true)));
}, 120_000);

const pathFor = (pattern: string, eventId: string) => pattern.replace(':eventId', eventId).replace(/:(\w+)/g, 'some-$1');

/** Each route with `eventId`, as `caller`: the routes that answered 404 event_not_found, and those that did not. */
async function walk(caller: Caller, eventId: string) {
  const hidden: string[] = [];
  const open: string[] = [];
  for (const route of eventRoutes) {
    const response = await caller(route.method, pathFor(route.path, eventId), route.method === 'GET' ? {} : { body: {} });
    const line = `${route.method} ${route.path}`;
    if (response.status === 404 && response.body?.error === 'event_not_found') hidden.push(line);
    else open.push(`${line} → ${response.status} ${response.body?.error ?? ''}`);
  }
  return { hidden, open };
}

describe('lists, search and figures', () => {
  const titles = async (caller: Caller, query = '') =>
    ((await caller('GET', `/api/events${query}`)).body.items as { eventId: string }[]).map((e) => e.eventId).sort();

  it('lists each account only the events of its units and those beneath', async () => {
    expect(await titles(korea)).toEqual([event.korea, event.club].sort());
    expect(await titles(france)).toEqual([event.france]);
    expect(await titles(club)).toEqual([event.club]);
    expect(await titles(admin)).toEqual(Object.values(event).sort());
    expect(await titles(unionOrganiser)).toEqual(Object.values(event).sort());
  });

  it('filters by unit for those who hold several, never widening what they reach', async () => {
    expect(await titles(korea, `?unitId=${unit.club}`)).toEqual([event.club]);
    expect(await titles(korea, `?unitId=${unit.france}`)).toEqual([]);
    expect(await titles(admin, `?unitId=${unit.korea}`)).toEqual([event.korea, event.club].sort());
  });

  it('finds nothing of another unit by searching its title', async () => {
    expect(await titles(france, '?q=giao luu van hoa')).toEqual([]);
    expect(await titles(korea, '?q=giao luu van hoa')).toEqual([event.korea]);
    expect(await titles(korea, '?q=mondulkiri')).toEqual([]);
  });

  it('counts only the reader’s units in the year’s figures', async () => {
    for (const eventId of [event.korea, event.france]) expect((await admin('POST', `/api/events/${eventId}/publish`)).status).toBe(200);
    const ids = async (caller: Caller) =>
      ((await caller('GET', '/api/reports/years/2026')).body.report.events as { eventId: string }[]).map((e) => e.eventId);
    expect(await ids(france)).toEqual([event.france]);
    expect((await ids(admin)).sort()).toEqual([event.korea, event.france].sort());
  });

  it('copies no invitee list out of another unit’s event', async () => {
    const copied = await france('POST', `/api/events/${event.france}/invitations/copy`, { body: { fromEventId: event.mondulkiri } });
    expect(copied.status).toBe(404);
    expect(copied.body.error).toBe('event_not_found');
  });
});

describe('placing and moving events', () => {
  it('puts a secretary’s new event in the one unit they hold, without asking', async () => {
    const created = await korea('POST', '/api/events', { body: { type: 'meeting', title: { vi: 'Họp ban chấp hành' }, venue: 'Buôn Ma Thuột', startsAt: '2026-12-20T08:00:00+07:00', endsAt: '2026-12-20T10:00:00+07:00' } });
    expect(created.status).toBe(201);
    expect(created.body.event.unitId).toBe(unit.korea);
    const unionEvent = await admin('GET', `/api/events/${event.mondulkiri}`);
    expect(unionEvent.body.event.unitId).toBe('union');
  });

  it('refuses an event created in, or moved to, a unit the account does not hold; admins move anything', async () => {
    const refused = await france('POST', '/api/events', { body: { type: 'meeting', title: { vi: 'Họp' }, venue: 'Buôn Ma Thuột', startsAt: '2026-12-20T08:00:00+07:00', endsAt: '2026-12-20T10:00:00+07:00', unitId: unit.korea } });
    expect([refused.status, refused.body.error]).toEqual([403, 'unit_not_held']);
    const moved = await france('PATCH', `/api/events/${event.france}`, { body: { unitId: unit.korea } });
    expect([moved.status, moved.body.error]).toEqual([403, 'unit_not_held']);
    const intoClub = await korea('PATCH', `/api/events/${event.korea}`, { body: { unitId: unit.club } });
    expect([intoClub.status, intoClub.body.event.unitId]).toEqual([200, unit.club]);
    const back = await admin('PATCH', `/api/events/${event.korea}`, { body: { unitId: unit.korea } });
    expect([back.status, back.body.event.unitId]).toEqual([200, unit.korea]);
  });

  it('lets staff of a unit read its events but not change them', async () => {
    const staff = await ctx.as('staff', [{ unitId: unit.korea, role: 'staff' }]);
    expect((await staff('GET', `/api/events/${event.club}`)).status).toBe(200);
    expect((await staff('PATCH', `/api/events/${event.club}`, { body: { venue: 'Khác' } })).status).toBe(403);
    expect((await staff('GET', `/api/events/${event.france}`)).status).toBe(404);
  });
});

describe('official papers of a unit’s event', () => {
  it('names the association as the issuing body, under the union', async () => {
    const eventId = await createEvent(korea, { title: { vi: 'Hội thảo giao lưu Việt – Hàn' } });
    await korea('POST', `/api/events/${eventId}/invitations`, { body: { invitees: [{ name: 'Park Ji-sung', email: 'park@example.org' }] } });
    expect((await korea('POST', `/api/events/${eventId}/letters`, { body: {} })).status).toBe(200);
    const response = await ctx.app.request(`/api/events/${eventId}/letters/pdf?language=vi`, { headers: { cookie: korea.cookie } });
    expect(response.status).toBe(200);
    const text = pdfText(new Uint8Array(await response.arrayBuffer())).toUpperCase();
    const union = text.indexOf('LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ');
    const association = text.indexOf('HỘI HỮU NGHỊ VIỆT NAM – HÀN QUỐC');
    expect(union).toBeGreaterThanOrEqual(0);
    expect(association).toBeGreaterThan(union);
  });
});

describe('units and memberships', () => {
  it('lets only admins create, rename and retire units; a retired unit takes no new event', async () => {
    expect((await korea('POST', '/api/units', { body: { parentId: 'union', name: { vi: 'Hội mới' }, shortName: 'Mới' } })).status).toBe(403);
    const listed = await korea('GET', '/api/units');
    expect(listed.body.items[0].unitId).toBe('union');
    const retired = await admin('PATCH', `/api/units/${unit.france}`, { body: { retired: true } });
    expect([retired.status, retired.body.unit.retired]).toEqual([200, true]);
    const refused = await france('POST', '/api/events', { body: { type: 'meeting', title: { vi: 'Họp' }, venue: 'Buôn Ma Thuột', startsAt: '2026-12-20T08:00:00+07:00', endsAt: '2026-12-20T10:00:00+07:00' } });
    expect([refused.status, refused.body.error]).toEqual([422, 'unit_retired']);
    expect((await france('GET', `/api/events/${event.france}`)).status).toBe(200);
    expect((await admin('PATCH', '/api/units/union', { body: { retired: true } })).body.error).toBe('unit_is_root');
  });

  it('creates and changes accounts with roles per unit', async () => {
    const created = await admin('POST', '/api/users', {
      body: { email: 'thu.ky@example.org', name: 'Trần Thị Thu', memberships: [{ unitId: unit.club, role: 'organiser' }], password: 'mật khẩu đủ dài 123' },
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ role: 'organiser', memberships: [{ unitId: unit.club, role: 'organiser' }] });
    const changed = await admin('PATCH', `/api/users/${created.body.user.userId}`, { body: { memberships: [{ unitId: unit.korea, role: 'staff' }] } });
    expect(changed.body.user).toMatchObject({ role: 'staff', memberships: [{ unitId: unit.korea, role: 'staff' }] });
    const unknown = await admin('PATCH', `/api/users/${created.body.user.userId}`, { body: { memberships: [{ unitId: 'no-such-unit', role: 'staff' }] } });
    expect([unknown.status, unknown.body.error]).toEqual([404, 'unit_not_found']);
    const legacy = await admin('POST', '/api/users', { body: { email: 'cu@example.org', name: 'Lê Văn Cũ', role: 'staff', password: 'mật khẩu đủ dài 123' } });
    expect(legacy.body.user.memberships).toEqual([{ unitId: 'union', role: 'staff' }]);
  });
});

// Last: the walk posts to every route (publish, cancel, close…), so it leaves the events changed.
describe('every event route, across units', () => {
  it('walks a real number of routes', () => {
    expect(eventRoutes.length).toBeGreaterThan(40);
  });

  it('hides a sibling association’s event behind 404 event_not_found on every route', async () => {
    const { open } = await walk(france, event.korea);
    expect(open).toEqual([]);
  });

  it('hides the parent association’s event from the club (a role reaches down, never up)', async () => {
    const { open } = await walk(club, event.korea);
    expect(open).toEqual([]);
  });

  it('opens the club’s event to the parent association on every route', async () => {
    const { hidden } = await walk(korea, event.club);
    expect(hidden).toEqual([]);
  });

  it('opens every unit’s event to an admin and to the union’s organiser', async () => {
    for (const caller of [admin, unionOrganiser]) {
      for (const eventId of [event.korea, event.club, event.france]) {
        expect((await walk(caller, eventId)).hidden).toEqual([]);
      }
    }
  });

  it('keeps the Mondulkiri delegation’s passport data from an association’s secretary', async () => {
    const { open } = await walk(korea, event.mondulkiri);
    expect(open).toEqual([]);
    const roster = await korea('GET', `/api/events/${event.mondulkiri}/delegation`);
    expect(roster.status).toBe(404);
    expect(JSON.stringify(roster.body)).not.toContain('C1234567');
    const union = await unionOrganiser('GET', `/api/events/${event.mondulkiri}/delegation`);
    expect(JSON.stringify(union.body)).toContain('C1234567');
  });
});
