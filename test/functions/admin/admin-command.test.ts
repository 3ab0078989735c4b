import { describe, expect, it, vi } from 'vitest';
import { runAdminCommand } from '../../../functions/admin/admin-command.js';
import { ensureFirstAdmin } from '../../../shared/auth/ensure-first-admin.js';
import type { Mailer } from '../../../shared/email/mailer.js';
import { createTestContext } from '../../support/test-context.js';

/** The command as an operator runs it, pointed at DynamoDB Local and the test's table. */
async function admin(ctx: { tableName: string; config: { dynamodbEndpoint?: string } }, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdminCommand(
    ['--stage', 'prod', '--endpoint', ctx.config.dynamodbEndpoint!, '--table', ctx.tableName, '--public-url', 'https://events.test', ...args],
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    { HUU_NGHI_OFFLINE: '1' },
  );
  const link = out.join('\n').match(/https:\/\/events\.test\/console\/set-password#token=(\S+)/);
  return { code, out: out.join('\n'), err: err.join('\n'), token: link?.[1] };
}

const NEW_PASSWORD = 'a long new password 2026';

describe('npm run admin (DynamoDB Local)', () => {
  it('creates the first admin without SES and prints a one-time link that sets the password', async () => {
    const ctx = await createTestContext();
    const created = await admin(ctx, 'create', 'Chu.Tich@HuuNghi.example.vn');
    expect(created.code).toBe(0);
    expect(created.out).toContain('Created the admin chu.tich@huunghi.example.vn');
    expect(created.token).toBeDefined();
    // Nothing was mailed: the link is only in the terminal.
    expect(ctx.mailer.sent).toHaveLength(0);

    const set = await ctx.request('POST', '/api/auth/set-password', { body: { token: created.token, password: NEW_PASSWORD } });
    expect(set.status).toBe(204);
    const cookie = await ctx.signIn('chu.tich@huunghi.example.vn', NEW_PASSWORD);
    const me = await ctx.request('GET', '/api/auth/me', { cookie });
    expect(me.body.user).toMatchObject({ email: 'chu.tich@huunghi.example.vn', role: 'admin' });
    // The link works once.
    const again = await ctx.request('POST', '/api/auth/set-password', { body: { token: created.token, password: 'another long password' } });
    expect(again.status).not.toBe(204);
    // It was the first admin: a cold start with ADMIN_EMAIL creates nobody else.
    expect(await ensureFirstAdmin(ctx.deps.auth, { email: 'other@huunghi.example.vn' }, 'email-link')).toMatchObject({ created: false });
    expect(await ctx.deps.auth.users.findByEmail('other@huunghi.example.vn')).toBeUndefined();
  });

  it('refuses to create an account twice and resets an existing one with a new link instead', async () => {
    const ctx = await createTestContext();
    expect((await admin(ctx, 'create', 'admin@huunghi.example.vn')).code).toBe(0);
    const twice = await admin(ctx, 'create', 'admin@huunghi.example.vn');
    expect(twice.code).toBe(1);
    expect(twice.err).toContain('already has an account: use `reset admin@huunghi.example.vn`');

    const reset = await admin(ctx, 'reset', 'admin@huunghi.example.vn');
    expect(reset.code).toBe(0);
    expect((await ctx.request('POST', '/api/auth/set-password', { body: { token: reset.token, password: NEW_PASSWORD } })).status).toBe(204);
    await expect(ctx.signIn('admin@huunghi.example.vn', NEW_PASSWORD)).resolves.toMatch(/=/);

    const unknown = await admin(ctx, 'reset', 'nobody@huunghi.example.vn');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No account has the address nobody@huunghi.example.vn');
  });

  it('explains its usage and refuses a stage without settings', async () => {
    const ctx = await createTestContext();
    expect((await admin(ctx, 'promote', 'x@huunghi.example.vn')).err).toContain('Usage: npm run admin -- --stage <name> create|reset <email>');
    const out: string[] = [];
    const code = await runAdminCommand(['--stage', 'nowhere', 'create', 'x@huunghi.example.vn'], { out: (l) => out.push(l), err: (l) => out.push(l) });
    expect(code).toBe(1);
    expect(out.join('\n')).toContain('infra/stages/nowhere.json does not exist');
  });
});

describe('first admin at cold start (DynamoDB Local)', () => {
  it('retries the set-password mail until it goes, and again when the link expired, until the admin has a password', async () => {
    let now = new Date('2026-12-01T00:00:00Z');
    const ctx = await createTestContext({ now: () => now });
    const sent: string[] = [];
    let sesReady = false;
    const mailer: Mailer = {
      isReachable: async () => sesReady,
      async send(mail) {
        if (!sesReady) throw Object.assign(new Error('Email address is not verified.'), { name: 'MessageRejected' });
        sent.push(mail.to);
        return { messageId: `m-${sent.length}` };
      },
    };
    const deps = { ...ctx.deps.auth, mailer };
    const admin = { email: 'admin@huunghi.example.vn' };

    // A new account: SES refuses. The admin exists, but nothing says a link went out, so each
    // cold start tries again (without failing its requests).
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await ensureFirstAdmin(deps, admin, 'email-link')).toEqual({ created: true, email: 'admin@huunghi.example.vn', linkSent: false });
    expect(await ensureFirstAdmin(deps, admin, 'email-link')).toEqual({ created: false, linkSent: false });
    expect(sent).toEqual([]);
    expect(errors.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/first admin set-password mail not sent.*Email address is not verified/);
    errors.mockRestore();

    // SES verified: the next cold start mails the link, once however many start together.
    sesReady = true;
    const starts = await Promise.all(Array.from({ length: 4 }, () => ensureFirstAdmin(deps, admin, 'email-link')));
    expect(starts.filter((r) => r.linkSent)).toHaveLength(1);
    expect(sent).toEqual(['admin@huunghi.example.vn']);
    expect(await ensureFirstAdmin(deps, admin, 'email-link')).toEqual({ created: false, linkSent: false });

    // Unused for longer than the link lasts: a new one goes.
    now = new Date('2026-12-04T01:00:00Z');
    expect(await ensureFirstAdmin(deps, admin, 'email-link')).toEqual({ created: false, linkSent: true });
    expect(sent).toHaveLength(2);

    // Once the admin has a password, no more mail.
    const user = await ctx.deps.auth.users.findByEmail('admin@huunghi.example.vn');
    await ctx.deps.auth.users.setPasswordHash(user!.userId, await ctx.deps.auth.passwords.hash(NEW_PASSWORD), now.toISOString());
    now = new Date('2026-12-10T00:00:00Z');
    expect(await ensureFirstAdmin(deps, admin, 'email-link')).toEqual({ created: false, linkSent: false });
    expect(sent).toHaveLength(2);
  });
});
