import { describe, expect, it } from 'vitest';
import { createPasswordHasher } from '../../../shared/auth/password-hashing.js';
import { ServiceBusyError } from '../../../shared/errors.js';
import { createTestContext, TEST_PASSWORD } from '../../support/test-context.js';

describe('password hashing under a flood', () => {
  it('runs a bounded number at once, lets a few wait, and refuses the rest at once', async () => {
    const hasher = createPasswordHasher(2 ** 12, { concurrent: 2, queued: 3, maxWaitMs: 60_000 });
    const stored = await hasher.hash('the right one');
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => hasher.verify('a guess', stored)));
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<boolean>).value)).toEqual([false, false, false, false, false]);
    expect(refused).toHaveLength(5);
    for (const o of refused) expect((o as PromiseRejectedResult).reason).toBeInstanceOf(ServiceBusyError);
    // Once the flood is over, hashing answers again.
    expect(await hasher.verify('the right one', stored)).toBe(true);
  });

  it('answers 503 with Retry-After to sign-ins beyond the bound, which do not count against the account, while other pages answer', async () => {
    const ctx = await createTestContext({ hashingBounds: { concurrent: 1, queued: 1, maxWaitMs: 60_000 } });
    const staff = await ctx.as('staff');
    const target = await ctx.createUser('admin');
    const flood = Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        ctx.request('POST', '/api/auth/login', { body: { email: target.email, password: 'guess' }, headers: { 'x-test-client-address': `198.51.100.${i + 1}` } }),
      ),
    );
    const page = await staff('GET', '/api/auth/me');
    const answers = await flood;
    expect(page.status).toBe(200);
    const busy = answers.filter((a) => a.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status === 401).length).toBeGreaterThan(0);
    for (const a of busy) {
      expect(a.body.error).toBe('service_busy');
      expect(Number(a.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(answers.every((a) => a.status === 401 || a.status === 503)).toBe(true);
    // The refused ones were not guesses: the owner still signs in.
    expect((await ctx.request('POST', '/api/auth/login', { body: { email: target.email, password: TEST_PASSWORD } })).status).toBe(200);
  });
});
