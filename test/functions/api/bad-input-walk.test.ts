import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../../shared/db/pagination.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';
import { createEvent } from './invitations-support.js';

/**
 * Walks every route the app registers (app.routes) as an admin, with malformed, oversized,
 * wrongly typed and foreign ids, bodies and query strings: a reachable input is a 4xx, never a
 * 5xx. A route added later is walked too.
 */
let ctx: TestContext;
let admin: Awaited<ReturnType<TestContext['as']>>;
let real: Record<string, string>;
let routes: { method: string; path: string }[];

const trip = {
  type: 'delegation',
  title: { vi: 'Đoàn công tác Mondulkiri', en: 'Visit to Mondulkiri' },
  venue: 'Sen Monorom, Mondulkiri',
  startsAt: '2099-03-10T08:00:00+07:00',
  endsAt: '2099-03-14T17:00:00+07:00',
};

/** An event with an invitee and a walk-in; a delegation with a head and a driver without address. */
async function copySources() {
  const eventId = await createEvent(admin, { startsAt: '2099-06-16T07:30:00+07:00', endsAt: '2099-06-16T16:30:00+07:00' });
  await admin('POST', `/api/events/${eventId}/invitations`, { body: { invitees: [{ name: 'Lê Văn Nam', email: 'nam@example.org' }] } });
  await admin('POST', `/api/events/${eventId}/publish`);
  const walkIn = await admin('POST', `/api/events/${eventId}/attendees/walk-ins`, { body: { walkInId: 'walkin-0001', name: 'Khách vãng lai' } });
  const delegationId = await createEvent(admin, trip);
  const member = await admin('POST', `/api/events/${delegationId}/delegation/members`, { body: { name: 'Y Ngông Niê Kdăm', role: 'head', email: 'head@example.org' } });
  await admin('POST', `/api/events/${delegationId}/delegation/members`, { body: { name: 'Trần Văn Tài', role: 'driver', headInvitationId: member.body.member.invitationId } });
  return { eventId, delegationId, walkIn };
}

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.as('admin');
  const { eventId, delegationId, walkIn } = await copySources();
  const [invitation] = (await admin('GET', `/api/events/${eventId}/invitations`)).body.items;
  const stored = (await ctx.deps.invitations.invitations.findById(eventId, invitation.invitationId))!;
  real = {
    eventId,
    delegationId,
    invitationId: invitation.invitationId,
    registrationId: walkIn.body.registrationId,
    userId: admin.user.userId,
    token: ctx.deps.invitations.invitations.linkTokenOf(stored),
  };
  const seen = new Set<string>();
  routes = ctx.app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !r.path.includes('*'))
    .filter((r) => !['/api/auth/logout'].includes(r.path))
    .filter((r) => (seen.has(`${r.method} ${r.path}`) ? false : (seen.add(`${r.method} ${r.path}`), true)));
});

/** Values put in place of every path parameter. */
function idVariants(): Record<string, string>[] {
  const params = ['eventId', 'invitationId', 'registrationId', 'userId', 'token'];
  const all = (value: (name: string) => string) => Object.fromEntries(params.map((p) => [p, value(p)]));
  return [
    real,
    all(() => 'x'.repeat(2100)),
    all(() => encodeURIComponent('é'.repeat(700))),
    all(() => '%E0%A4%A'),
    all(() => '%00%1B%E2%80%AE'),
    all(() => '..%2F..%2Fetc'),
    all(() => "'\"<>{}"),
    // Foreign ids: each parameter given an id of another kind.
    { eventId: real.userId!, invitationId: real.eventId!, registrationId: real.invitationId!, userId: real.eventId!, token: real.invitationId! },
    { ...real, eventId: real.delegationId!, token: `${real.token!.slice(0, 42)}A` },
    { ...real, invitationId: real.registrationId!, registrationId: `INV#${real.invitationId}` },
  ];
}

const wrongTypes = {
  name: 5, email: ['a'], phone: {}, title: 'x', venue: 12, startsAt: 3, endsAt: true, type: [], capacity: 'ten',
  invitees: 'x', invitationIds: [5, null], fromEventId: 7, password: 9, newPassword: [], currentPassword: {},
  role: 'king', details: 'x', consent: 'yes', code: 42, walkInId: {}, action: 1, channel: [], reason: 5,
  status: 9, fields: 'x', language: 'xx', protocolRank: 'first', headInvitationId: 3, template: 5, subject: 1,
  token: 7, organisation: false, position: [], group: 8, excludeDeclined: 'no', openRegistration: 'yes',
};
const deepWrong = Object.fromEntries(Object.entries(wrongTypes).map(([k]) => [k, { nested: [{ deeper: 'x'.repeat(2100) }] }]));
const oversized = Object.fromEntries(Object.keys(wrongTypes).map((k) => [k, 'Ω'.repeat(20_000)]));

const bodies: { name: string; init: { body?: unknown; raw?: string; headers?: Record<string, string> } }[] = [
  { name: 'none', init: {} },
  { name: 'empty object', init: { body: {} } },
  { name: 'malformed JSON', init: { raw: '{"name": ', headers: { 'content-type': 'application/json' } } },
  { name: 'array', init: { body: [1, 2] } },
  { name: 'null', init: { raw: 'null', headers: { 'content-type': 'application/json' } } },
  { name: 'number', init: { raw: '5', headers: { 'content-type': 'application/json' } } },
  { name: 'wrong types', init: { body: wrongTypes } },
  { name: 'deeply wrong', init: { body: deepWrong } },
  { name: 'oversized fields', init: { body: oversized } },
  { name: 'over the body limit', init: { raw: JSON.stringify({ name: 'x'.repeat(300 * 1024) }), headers: { 'content-type': 'application/json' } } },
  { name: 'text', init: { raw: 'name=x', headers: { 'content-type': 'text/plain' } } },
  { name: 'CSV garbage', init: { raw: '\u0000\u0001,"unclosed\n', headers: { 'content-type': 'text/csv' } } },
];

function queries(): string[] {
  const foreignCursor = encodeCursor({ pk: `EVENT#${real.eventId}`, sk: 'EVENT', listPk: 'EVENTS', listSk: '2099' });
  const usersCursor = encodeCursor({ pk: `USER#${real.userId}`, sk: 'USER', listPk: 'USERS', listSk: 'a' });
  return [
    '',
    `?cursor=${foreignCursor}`,
    `?cursor=${usersCursor}`,
    `?cursor=${encodeCursor({ pk: '', sk: '', listPk: '', listSk: '' })}`,
    '?cursor=%%%',
    `?cursor=${randomBytes(600).toString('base64url')}`,
    '?limit=abc&sort=nope&format=pdf&details=maybe&include=x&columns=zzz&groupBy=q&preview=2',
    `?q=${'Ω'.repeat(3000)}&from=31/02/2026&before=yesterday&response=maybe&status=x&type=party`,
    '?limit=-1&limit=99999',
  ];
}

function fill(path: string, ids: Record<string, string>) {
  return path.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? `some-${name}`);
}

describe('walking every route with bad input', () => {
  it('answers no 5xx to malformed, oversized, wrongly typed and foreign ids, bodies and queries', async () => {
    const failures: string[] = [];
    let requests = 0;
    const order = (m: string) => (m === 'GET' ? 0 : m === 'DELETE' ? 2 : 1);
    for (const route of [...routes].sort((a, b) => order(a.method) - order(b.method))) {
      for (const ids of idVariants()) {
        const path = fill(route.path, ids);
        const variants = route.method === 'GET' ? queries().map((q) => ({ name: `query ${q.slice(0, 40)}`, path: path + q, init: {} })) : bodies.map((b) => ({ name: b.name, path, init: b.init }));
        for (const variant of variants) {
          requests += 1;
          const response = await admin(route.method, variant.path, variant.init);
          if (response.status >= 500) failures.push(`${route.method} ${route.path} [${variant.name}, ${variant.path.slice(0, 80)}] → ${response.status} ${JSON.stringify(response.body).slice(0, 120)}`);
        }
      }
    }
    expect(requests).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  }, 600_000);
});

describe('inputs that used to answer 500', () => {
  it('copies from an event with walk-ins and members without email or phone, skipping them with a reason', async () => {
    const { eventId, delegationId } = await copySources();
    const target = await createEvent(admin, { startsAt: '2099-07-16T07:30:00+07:00', endsAt: '2099-07-16T16:30:00+07:00' });
    const fromWalkIns = await admin('POST', `/api/events/${target}/invitations/copy`, { body: { fromEventId: eventId } });
    expect(fromWalkIns.status).toBe(200);
    expect(fromWalkIns.body.created).toBe(1);
    expect(fromWalkIns.body.skipped).toEqual([expect.objectContaining({ reason: 'walk_in', name: 'Khách vãng lai', message: expect.any(String) })]);

    const fromDelegation = await admin('POST', `/api/events/${target}/invitations/copy`, { body: { fromEventId: delegationId }, headers: { 'accept-language': 'en' } });
    expect(fromDelegation.status).toBe(200);
    expect(fromDelegation.body.created).toBe(1);
    expect(fromDelegation.body.skipped).toEqual([expect.objectContaining({ reason: 'no_address', name: 'Trần Văn Tài', message: 'No email address or phone number to send an invitation to.' })]);
  });

  it('answers 400 invalid_cursor to a cursor from another list', async () => {
    const eventsCursor = encodeCursor({ pk: `EVENT#${real.eventId}`, sk: 'EVENT', listPk: 'EVENTS', listSk: '2099-06-16' });
    const usersCursor = encodeCursor({ pk: `USER#${real.userId}`, sk: 'USER', listPk: 'USERS', listSk: 'admin' });
    for (const [path, cursor] of [['/api/users', eventsCursor], ['/api/events', usersCursor], [`/api/events/${real.eventId}/invitations`, eventsCursor]] as const) {
      const response = await admin('GET', `${path}?cursor=${cursor}`);
      expect(response.status, path).toBe(400);
      expect(response.body.error).toBe('invalid_cursor');
    }
  });

  it('answers 404 to an id of 2,100 characters', async () => {
    const long = 'x'.repeat(2100);
    for (const path of [`/api/events/${long}`, `/api/users/${long}`, `/api/events/${real.eventId}/invitations/${long}`, `/api/r/${long}`]) {
      const response = await admin('GET', path);
      expect(response.status, path.slice(0, 40)).toBe(404);
    }
  });
});
