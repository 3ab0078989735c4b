import { describe, expect, it } from 'vitest';
import { createTestContext, TEST_PASSWORD } from '../../support/test-context.js';

describe('signing in and out', () => {
  it('signs in with a session cookie that is HttpOnly, SameSite and expires', async () => {
    const ctx = await createTestContext();
    const user = await ctx.createUser('organiser');
    const response = await ctx.request('POST', '/api/auth/login', { body: { email: user.email, password: TEST_PASSWORD } });
    expect(response.status).toBe(200);
    expect(response.body.user).toEqual(expect.objectContaining({ userId: user.userId, email: user.email, role: 'organiser' }));
    expect(response.body.user).not.toHaveProperty('passwordHash');
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=43\d\d\d/);
    expect(cookie).toMatch(/Path=\//);
  });

  it('sets a Secure __Host- cookie when served over HTTPS', async () => {
    const ctx = await createTestContext({ env: { PUBLIC_URL: 'https://events.example.org' } });
    const user = await ctx.createUser('staff');
    const response = await ctx.request('POST', '/api/auth/login', { body: { email: user.email, password: TEST_PASSWORD } });
    expect(response.headers.get('set-cookie')).toMatch(/^__Host-hn_session=.*Secure/i);
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('accepts the address in any case and with spaces', async () => {
    const ctx = await createTestContext();
    const user = await ctx.createUser('staff', 'mixed.case@example.org');
    const response = await ctx.request('POST', '/api/auth/login', { body: { email: '  Mixed.Case@Example.ORG ', password: TEST_PASSWORD } });
    expect(response.status).toBe(200);
    expect(response.body.user.userId).toBe(user.userId);
  });

  it('answers the same 401 for a wrong password and an unknown address', async () => {
    const ctx = await createTestContext();
    const user = await ctx.createUser('staff');
    const wrong = await ctx.request('POST', '/api/auth/login', { body: { email: user.email, password: 'not the password' } });
    const unknown = await ctx.request('POST', '/api/auth/login', { body: { email: 'nobody@example.org', password: 'not the password' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error).toBe('invalid_credentials');
  });

  it('answers me while signed in, and 401 after sign-out, because the server ended the session', async () => {
    const ctx = await createTestContext();
    const organiser = await ctx.as('organiser');
    expect((await organiser('GET', '/api/auth/me')).body.user.userId).toBe(organiser.user.userId);
    const logout = await organiser('POST', '/api/auth/logout');
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    // The old cookie, replayed, no longer opens anything.
    expect((await organiser('GET', '/api/auth/me')).status).toBe(401);
  });

  it('refuses an expired session', async () => {
    let now = new Date('2026-03-01T08:00:00Z');
    const ctx = await createTestContext({ now: () => now });
    const staff = await ctx.as('staff');
    expect((await staff('GET', '/api/auth/me')).status).toBe(200);
    now = new Date(now.getTime() + 13 * 3600 * 1000);
    expect((await staff('GET', '/api/auth/me')).status).toBe(401);
  });

  it('limits failed sign-ins per account and per address, then answers 429 with Retry-After', async () => {
    const ctx = await createTestContext();
    const user = await ctx.createUser('organiser');
    const attempt = (password: string, address = '198.51.100.7') =>
      ctx.request('POST', '/api/auth/login', {
        body: { email: user.email, password },
        headers: { 'x-test-client-address': address },
      });
    for (let i = 0; i < 8; i++) expect((await attempt('wrong password')).status).toBe(401);
    const blocked = await attempt(TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toBe('too_many_requests');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);

    // Per address: one client trying many accounts is stopped too.
    const others = await Promise.all(Array.from({ length: 3 }, () => ctx.createUser('staff')));
    let last = 0;
    for (let i = 0; i < 21; i++) {
      const target = others[i % others.length]!;
      last = (
        await ctx.request('POST', '/api/auth/login', {
          body: { email: target.email, password: 'guess' },
          headers: { 'x-test-client-address': '192.0.2.55' },
        })
      ).status;
    }
    expect(last).toBe(429);
  });

  it('lets a user change their own password: the old one stops working, other sessions end', async () => {
    const ctx = await createTestContext();
    const user = await ctx.createUser('staff');
    const here = await ctx.signIn(user.email);
    const elsewhere = await ctx.signIn(user.email);
    const wrong = await ctx.request('POST', '/api/auth/password', { cookie: here, body: { currentPassword: 'nope', newPassword: 'a brand new password' } });
    expect(wrong.status).toBe(422);
    const changed = await ctx.request('POST', '/api/auth/password', { cookie: here, body: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' } });
    expect(changed.status).toBe(204);
    expect((await ctx.request('GET', '/api/auth/me', { cookie: here })).status).toBe(200);
    expect((await ctx.request('GET', '/api/auth/me', { cookie: elsewhere })).status).toBe(401);
    expect((await ctx.request('POST', '/api/auth/login', { body: { email: user.email, password: TEST_PASSWORD } })).status).toBe(401);
    expect((await ctx.request('POST', '/api/auth/login', { body: { email: user.email, password: 'a brand new password' } })).status).toBe(200);
  });

  it('never stores a password in clear', async () => {
    const ctx = await createTestContext();
    const user = await ctx.createUser('staff');
    const stored = await ctx.deps.auth.users.findById(user.userId);
    expect(stored?.passwordHash).toMatch(/^scrypt\$\d+\$8\$1\$/);
    expect(stored?.passwordHash).not.toContain(TEST_PASSWORD);
  });
});
