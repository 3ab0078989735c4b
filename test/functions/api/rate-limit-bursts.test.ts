import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openRegistrationLimit } from '../../../shared/registrations/open-registration.js';
import { linkMissLimit } from '../../../shared/invitations/invitation-by-link.js';
import { signInLimits } from '../../../shared/auth/sign-in.js';
import { createTestContext, TEST_PASSWORD } from '../../support/test-context.js';
import { forum, outboxOf, testClock } from './answering-support.js';
import { createEvent } from './invitations-support.js';

const statusesOf = (responses: { status: number }[]) => {
  const counted: Record<number, number> = {};
  for (const r of responses) counted[r.status] = (counted[r.status] ?? 0) + 1;
  return counted;
};

/**
 * Bursts sent all at once, as an attacker would: each limit counts first (an atomic add answering
 * the new count) and decides after, so parallel requests get no more through than a sequence.
 */
describe('rate limits under a burst of parallel requests', () => {
  it('lets through at most the limit of 30 parallel open registrations from one address, and mails no more', async () => {
    const ctx = await createTestContext({ now: testClock() });
    const organiser = await ctx.as('organiser');
    const eventId = await createEvent(organiser, { ...forum, openRegistration: true });
    expect((await organiser('POST', `/api/events/${eventId}/publish`)).status).toBe(200);

    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        ctx.request('POST', `/api/events/${eventId}/register`, {
          body: { name: `Người lạ ${i}`, email: `victim${i}@example.com` },
          headers: { 'x-test-client-address': '203.0.113.66' },
        }),
      ),
    );
    const statuses = statusesOf(burst);
    expect(statuses[202]).toBe(openRegistrationLimit.limit);
    expect(statuses[429]).toBe(30 - openRegistrationLimit.limit);
    expect((await outboxOf(ctx, eventId)).length).toBe(openRegistrationLimit.limit);
  });

  it('answers 429 to most of 40 parallel wrong passwords on one account from one address', async () => {
    const ctx = await createTestContext();
    const user = await ctx.createUser('admin');
    const burst = await Promise.all(
      Array.from({ length: 40 }, () =>
        ctx.request('POST', '/api/auth/login', {
          body: { email: user.email, password: 'a wrong guess' },
          headers: { 'x-test-client-address': '198.51.100.40' },
        }),
      ),
    );
    const statuses = statusesOf(burst);
    expect(statuses[401]).toBe(signInLimits.perAccountAndAddress.limit);
    expect(statuses[429]).toBe(40 - signInLimits.perAccountAndAddress.limit);
  });

  it('answers 429 to 80 parallel link misses past the limit', async () => {
    const ctx = await createTestContext();
    const burst = await Promise.all(
      Array.from({ length: 80 }, () =>
        ctx.request('GET', `/api/r/${randomBytes(32).toString('base64url')}`, { headers: { 'x-test-client-address': '198.51.100.80' } }),
      ),
    );
    const statuses = statusesOf(burst);
    expect(statuses[404]).toBe(linkMissLimit.limit);
    expect(statuses[429]).toBe(80 - linkMissLimit.limit);
  });
});

describe('sign-in limits that slow an attacker without locking the owner out', () => {
  it('lets the owner sign in from their own address while another address is refused', async () => {
    const ctx = await createTestContext();
    const owner = await ctx.createUser('admin');
    const attempt = (password: string, address: string) =>
      ctx.request('POST', '/api/auth/login', { body: { email: owner.email, password }, headers: { 'x-test-client-address': address } });
    for (let i = 0; i < signInLimits.perAccountAndAddress.limit; i += 1) expect((await attempt('guess', '192.0.2.200')).status).toBe(401);
    expect((await attempt('guess', '192.0.2.200')).status).toBe(429);
    // Even the right password is refused from the attacker's address for now ...
    expect((await attempt(TEST_PASSWORD, '192.0.2.200')).status).toBe(429);
    // ... but the owner, from theirs, signs in.
    expect((await attempt(TEST_PASSWORD, '203.0.113.5')).status).toBe(200);
  });

  it('slows guesses from many addresses to a few a minute on one account, and the owner waits at most that minute', async () => {
    const clock = testClock('2027-01-10T03:00:05.000Z');
    const ctx = await createTestContext({ now: clock });
    const owner = await ctx.createUser('admin');
    const attempt = (password: string, address: string) =>
      ctx.request('POST', '/api/auth/login', { body: { email: owner.email, password }, headers: { 'x-test-client-address': address } });
    for (let i = 0; i < signInLimits.perAccount.limit; i += 1) expect((await attempt('guess', `192.0.2.${i + 1}`)).status).toBe(401);
    const slowed = await attempt('guess', '192.0.2.99');
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    clock.set('2027-01-10T03:01:01.000Z');
    expect((await attempt(TEST_PASSWORD, '203.0.113.5')).status).toBe(200);
  });

  it('does not count a right password: the owner signs in as often as they like', async () => {
    const ctx = await createTestContext();
    const owner = await ctx.createUser('organiser');
    for (let i = 0; i < signInLimits.perAccountAndAddress.limit + 2; i += 1) {
      expect((await ctx.request('POST', '/api/auth/login', { body: { email: owner.email, password: TEST_PASSWORD } })).status).toBe(200);
    }
  });
});
