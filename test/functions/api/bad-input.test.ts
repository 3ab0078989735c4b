import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganiserContext, type Caller, type TestContext } from '../../support/test-context.js';
import { heldOn } from '../../support/event-times.js';

const event = {
  type: 'training',
  title: { vi: 'Tập huấn' },
  venue: 'Hội trường',
  ...heldOn('2026-06-16', '07:30', '16:30'),
};

let ctx: TestContext;
let organiser: Caller;
let eventId: string;

beforeAll(async () => {
  ({ ctx, organiser } = await createOrganiserContext());
  eventId = (await organiser('POST', '/api/events', { body: event })).body.event.eventId;
});

/** Every error: the docs/api/API.md shape, a human sentence, no stack, no AWS wording. */
function expectErrorShape(body: any) {
  expect(body).toEqual(expect.objectContaining({ error: expect.any(String), message: expect.any(String) }));
  expect(Object.keys(body).every((k) => ['error', 'message', 'details'].includes(k))).toBe(true);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|Exception|DynamoDB|stack/);
}

describe('bad input is a 4xx in the error shape, never a 500', () => {
  it.each([
    ['malformed JSON', { raw: '{"type": "training",', headers: { 'content-type': 'application/json' } }, 400],
    ['an array for an object', { body: [event] }, 400],
    ['a string for an object', { body: 'training' }, 400],
    ['null', { body: null, raw: 'null', headers: { 'content-type': 'application/json' } }, 400],
    ['wrong types', { body: { ...event, title: 5, capacity: '10' } }, 400],
    ['unknown fields', { body: { ...event, colour: 'red' } }, 400],
    ['missing fields', { body: { type: 'training' } }, 400],
    ['an end before the start', { body: { ...event, endsAt: '2026-06-16T07:00:00+07:00' } }, 400],
    ['capacity 0', { body: { ...event, capacity: 0 } }, 400],
    ['capacity -1', { body: { ...event, capacity: -1 } }, 400],
    ['an unknown type', { body: { ...event, type: 'party' } }, 400],
    ['a date that is not a date', { body: { ...event, startsAt: '31/02/2026' } }, 400],
    ['a body that is not JSON', { raw: 'type=training', headers: { 'content-type': 'text/plain' } }, 400],
    ['a 1 MB body', { raw: JSON.stringify({ ...event, venue: 'x'.repeat(1024 * 1024) }), headers: { 'content-type': 'application/json' } }, 413],
  ])('POST /api/events with %s → %i', async (_name, init, status) => {
    const response = await organiser('POST', '/api/events', init as never);
    expect(response.status).toBe(status);
    expectErrorShape(response.body);
  });

  it('explains each problem in the reader’s language', async () => {
    const vi = await organiser('POST', '/api/events', { body: { ...event, capacity: 0 } });
    expect(vi.body.details[0].message).toMatch(/Quá nhỏ/);
    const en = await organiser('POST', '/api/events', { body: { ...event, capacity: 0 }, headers: { 'accept-language': 'en' } });
    expect(en.body.details[0].message).toMatch(/Too small/);
    expect(en.body.message).toBe('The request is not valid.');
  });

  it('names the offending field in the details', async () => {
    const response = await organiser('POST', '/api/events', { body: { ...event, capacity: 0 } });
    expect(response.body.error).toBe('validation_failed');
    expect(response.body.details).toEqual([expect.objectContaining({ path: 'capacity' })]);
  });

  it.each([
    ['GET', '/api/events/unknown-id'],
    ['PATCH', '/api/events/unknown-id'],
    ['POST', '/api/events/unknown-id/publish'],
    ['POST', '/api/events/unknown-id/cancel'],
  ])('%s %s → 404', async (method, path) => {
    const response = await organiser(method, path, method === 'PATCH' ? { body: { venue: 'X' } } : {});
    expect(response.status).toBe(404);
    expectErrorShape(response.body);
  });

  it.each([
    ['an empty edit', { body: {} }],
    ['an edit with an unknown field', { body: { colour: 'red' } }],
    ['an edit with capacity 0', { body: { capacity: 0 } }],
  ])('PATCH with %s → 400', async (_name, init) => {
    const response = await organiser('PATCH', `/api/events/${eventId}`, init);
    expect(response.status).toBe(400);
    expectErrorShape(response.body);
  });

  it.each([
    '/api/events?limit=0',
    '/api/events?limit=5000',
    '/api/events?limit=abc',
    '/api/events?cursor=not-a-cursor',
    `/api/events?cursor=${Buffer.from('{"pk":1}').toString('base64url')}`,
    '/api/events?type=party',
    '/api/events?unknown=1',
  ])('GET %s → 400', async (path) => {
    const response = await organiser('GET', path);
    expect(response.status).toBe(400);
    expectErrorShape(response.body);
  });

  it('answers 404 in the error shape for an unknown API path', async () => {
    const response = await organiser('GET', '/api/nothing-here');
    expect(response.status).toBe(404);
    expectErrorShape(response.body);
  });

  it('refuses a sign-in without the fields it needs', async () => {
    const response = await ctx.request('POST', '/api/auth/login', { body: { email: 'not an address' } });
    expect(response.status).toBe(400);
    expectErrorShape(response.body);
  });

  it('refuses a write sent from another site (CSRF) but not from the product’s own pages', async () => {
    const foreign = await organiser('POST', '/api/events', { body: event, headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expectErrorShape(foreign.body);
    const own = await organiser('POST', '/api/events', { body: event, headers: { origin: 'http://localhost:3000' } });
    expect(own.status).toBe(201);
  });
});
