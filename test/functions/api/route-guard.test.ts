import { beforeAll, describe, expect, it } from 'vitest';
import { isPublicRoute } from '../../../functions/api/middleware/session.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

/**
 * Walks every route the app registers, so a route added later cannot slip through: without a
 * session each non-public route answers 401, and staff get 403 on every write they are not
 * explicitly allowed (docs/api/API.md: staff read events and lists, print, and check people in).
 */
const staffMayWrite = [/^\/api\/auth\/(logout|password)$/, /\/check-in$/, /\/check-ins?(\/|$)/, /\/walk-ins$/];

let ctx: TestContext;
let routes: { method: string; path: string }[];

beforeAll(async () => {
  ctx = await createTestContext();
  const seen = new Set<string>();
  routes = ctx.app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !r.path.includes('*'))
    .map((r) => ({ method: r.method, path: r.path.replace(/:(\w+)/g, 'some-$1') }))
    .filter((r) => (seen.has(`${r.method} ${r.path}`) ? false : (seen.add(`${r.method} ${r.path}`), true)));
});

describe('every registered route', () => {
  it('includes the routes of docs/api/API.md', () => {
    const names = routes.map((r) => `${r.method} ${r.path}`);
    for (const expected of [
      'POST /api/auth/login',
      'GET /api/auth/me',
      'POST /api/users',
      'PATCH /api/users/some-userId',
      'POST /api/events',
      'GET /api/events',
      'PATCH /api/events/some-eventId',
      'POST /api/events/some-eventId/publish',
      'POST /api/events/some-eventId/cancel',
    ]) {
      expect(names).toContain(expected);
    }
  });

  it('answers 401 without a session, except the public ones', async () => {
    const open: string[] = [];
    for (const route of routes) {
      if (isPublicRoute(route.method, route.path)) continue;
      const response = await ctx.request(route.method, route.path, route.method === 'GET' ? {} : { body: {} });
      if (response.status !== 401) open.push(`${route.method} ${route.path} → ${response.status}`);
      else expect(response.body.error).toBe('unauthenticated');
    }
    expect(open).toEqual([]);
  });

  it('answers 403 to staff on every write they are not allowed', async () => {
    const staff = await ctx.as('staff');
    const allowed: string[] = [];
    for (const route of routes) {
      if (route.method === 'GET' || isPublicRoute(route.method, route.path)) continue;
      if (staffMayWrite.some((pattern) => pattern.test(route.path))) continue;
      const response = await staff(route.method, route.path, { body: {} });
      if (response.status !== 403) allowed.push(`${route.method} ${route.path} → ${response.status}`);
    }
    expect(allowed).toEqual([]);
  });

  it('answers 403 to staff and organisers on every user route', async () => {
    for (const role of ['staff', 'organiser'] as const) {
      const caller = await ctx.as(role);
      for (const route of routes.filter((r) => r.path.startsWith('/api/users'))) {
        const response = await caller(route.method, route.path, route.method === 'GET' ? {} : { body: {} });
        expect(`${role} ${route.method} ${route.path} → ${response.status}`).toBe(`${role} ${route.method} ${route.path} → 403`);
      }
    }
  });
});
