import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentedRoutes } from '../../../functions/api/openapi/openapi-document.js';
import { allRouteDocs } from '../../../functions/api/openapi/route-docs/all.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

/**
 * The API described from the code (docs/api/conventions.md): every route carries a description,
 * the document passes a real OpenAPI 3.1 validator, and the reference page loads its viewer.
 * Answers are held to their documented schema in every route test (test-context.ts).
 */
let ctx: TestContext;
let document: any;

beforeAll(async () => {
  ctx = await createTestContext();
  const response = await ctx.request('GET', '/api/openapi.json');
  expect(response.status).toBe(200);
  document = response.body;
});
afterAll(() => undefined);

describe('GET /api/openapi.json', () => {
  it('describes every /api route the app registers (walks app.routes)', () => {
    const routes = documentedRoutes(ctx.app.routes);
    expect(routes.length).toBeGreaterThan(60);
    const undescribed = routes.filter((r) => !r.doc.route?.description.trim() || !r.doc.route.summary.trim()).map((r) => `${r.method} ${r.path}`);
    expect(undescribed).toEqual([]);
    const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(routes.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`).sort());
  });

  it('describes no route the app does not have: a line of route-docs/ whose route moved or went fails', () => {
    const registered = new Set(documentedRoutes(ctx.app.routes).map((r) => `${r.method} ${r.path}`));
    expect(Object.keys(allRouteDocs).filter((key) => !registered.has(key))).toEqual([]);
  });

  it('passes the OpenAPI 3.1 schema validator', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('takes request bodies and query parameters from the zod schemas that validate them', () => {
    const createEvent = document.paths['/api/events'].post;
    const body = createEvent.requestBody.content['application/json'].schema;
    expect(body.properties.title).toBeDefined();
    expect(body.additionalProperties).toBe(false);
    const listEvents = document.paths['/api/events'].get;
    expect(listEvents.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['status', 'limit', 'cursor']));
    const invitation = document.paths['/api/events/{eventId}/invitations/{invitationId}'].get;
    expect(invitation.parameters.filter((p: { in: string }) => p.in === 'path').map((p: { name: string }) => p.name)).toEqual(['eventId', 'invitationId']);
  });

  it('marks the public routes as needing no session, and the rest as needing one', () => {
    expect(document.security).toEqual([{ session: [] }]);
    expect(document.paths['/api/r/{token}/accept'].post.security).toEqual([]);
    expect(document.paths['/api/auth/login'].post.security).toEqual([]);
    expect(document.paths['/api/events'].post.security).toBeUndefined();
  });

  it('is public: a reader needs no session to read the reference', async () => {
    const response = await ctx.app.request('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('answers against their documented schema', () => {
  it('holds answers to the document, and fails one that is not what it promises', async () => {
    const admin = await ctx.as('admin');
    // Every ctx.request is checked (test-context.ts); these pass only if the answers match.
    expect((await admin('GET', '/api/auth/me')).status).toBe(200);
    const created = await admin('POST', '/api/events', {
      body: { type: 'meeting', title: { vi: 'Gặp mặt hữu nghị' }, venue: 'Buôn Ma Thuột', startsAt: '2026-03-26T08:00:00+07:00', endsAt: '2026-03-26T11:00:00+07:00' },
    });
    expect(created.status).toBe(201);
    expect((await admin('GET', `/api/events/${created.body.event.eventId}`)).status).toBe(200);
    expect((await admin('GET', '/api/events')).status).toBe(200);
    expect((await admin('GET', '/api/users')).status).toBe(200);
    expect((await admin('GET', `/api/events/${created.body.event.eventId}/attendees/counts`)).status).toBe(200);
    expect((await admin('GET', `/api/events/${created.body.event.eventId}/registrations/timeline`)).status).toBe(200);
    expect((await admin('GET', '/api/events/no-such-event')).status).toBe(404);

    // The checker itself: an answer the document does not allow is refused.
    const { answerChecker } = await import('../../support/openapi-check.js');
    const check = answerChecker(ctx.app.routes);
    expect(() => check('GET', '/api/auth/me', 200, 'application/json', { user: { userId: 'u1' } })).toThrow(/not what \/api\/openapi.json documents/);
    expect(() => check('GET', '/api/events/e1', 404, 'application/json', { error: 'not_found' })).toThrow(/message/);
  });
});

describe('GET /api/docs', () => {
  it('is a page that loads the viewer from the web build, and only that page does', async () => {
    const response = await ctx.app.request('/api/docs');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<script src="/api-docs/swagger-ui-bundle.js"></script>');
    expect(html).toContain('href="/api/openapi.json"');
    // No CDN: everything the page loads comes from this origin.
    expect(html).not.toMatch(/(src|href)="https?:/);
  });
});
