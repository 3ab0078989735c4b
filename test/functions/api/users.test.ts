import { describe, expect, it } from 'vitest';
import { setPasswordDeliveryRecorder } from '../../../shared/auth/set-password-mail.js';
import { recordSesEvent } from '../../../shared/email/record-ses-event.js';
import { createTestContext } from '../../support/test-context.js';

function linkIn(text: string): string {
  const match = text.match(/https?:\/\/\S+#token=([\w-]+)/);
  if (!match) throw new Error(`no link in ${text}`);
  return match[1]!;
}

describe('users (admin)', () => {
  it('creates a colleague who sets a password from the emailed link, once', async () => {
    const ctx = await createTestContext();
    const admin = await ctx.as('admin');
    const created = await admin('POST', '/api/users', { body: { email: ' Lan.NT@Example.org ', name: 'Nguyễn Thị Lan', role: 'organiser' } });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ email: 'lan.nt@example.org', name: 'Nguyễn Thị Lan', role: 'organiser', disabled: false });
    // The link waits in the outbox like any mail; the sender sends it once, however many look.
    expect(ctx.mailer.to('lan.nt@example.org')).toHaveLength(0);
    expect(created.body.user.passwordLink).toMatchObject({ state: 'queued' });
    const [first, second] = await Promise.all([ctx.deliverQueuedMail(), ctx.deliverQueuedMail()]);
    expect([...first, ...second].filter((outcome) => outcome === 'sent')).toEqual(['sent']);
    // The admin sees that it went.
    expect((await admin('GET', `/api/users/${created.body.user.userId}`)).body.user.passwordLink).toMatchObject({ state: 'sent' });

    const mails = ctx.mailer.to('lan.nt@example.org');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('Hữu Nghị Events');
    expect(mails[0]!.text).toContain('http://localhost:3000/console/set-password#token=');
    const token = linkIn(mails[0]!.text);

    expect((await ctx.request('POST', '/api/auth/set-password', { body: { token, password: 'chosen password 1' } })).status).toBe(204);
    const again = await ctx.request('POST', '/api/auth/set-password', { body: { token, password: 'chosen password 2' } });
    expect(again.status).toBe(422);
    expect(again.body.error).toBe('invalid_link');
    expect((await ctx.request('POST', '/api/auth/login', { body: { email: 'lan.nt@example.org', password: 'chosen password 1' } })).status).toBe(200);
  });

  it('refuses a second account for the same address with 409', async () => {
    const ctx = await createTestContext();
    const admin = await ctx.as('admin');
    await admin('POST', '/api/users', { body: { email: 'dup@example.org', name: 'A', role: 'staff', password: 'long password 1' } });
    const second = await admin('POST', '/api/users', { body: { email: 'DUP@example.org', name: 'B', role: 'staff', password: 'long password 2' } });
    expect(second.status).toBe(409);
    expect(second.body.error).toBe('email_taken');
  });

  it('disabling a user ends their sessions at once and stops sign-in', async () => {
    const ctx = await createTestContext();
    const admin = await ctx.as('admin');
    const organiser = await ctx.as('organiser');
    expect((await organiser('GET', '/api/events')).status).toBe(200);
    const disabled = await admin('PATCH', `/api/users/${organiser.user.userId}`, { body: { disabled: true } });
    expect(disabled.status).toBe(200);
    expect(disabled.body.user.disabled).toBe(true);
    expect((await organiser('GET', '/api/events')).status).toBe(401);
    expect((await ctx.request('POST', '/api/auth/login', { body: { email: organiser.user.email, password: 'correct horse battery' } })).status).toBe(401);
  });

  it('changes a role, which takes effect on the next request', async () => {
    const ctx = await createTestContext();
    const admin = await ctx.as('admin');
    const staff = await ctx.as('staff');
    const event = { type: 'meeting', title: { vi: 'Họp' }, venue: 'Phòng họp', startsAt: '2026-12-01T08:00:00+07:00', endsAt: '2026-12-01T09:00:00+07:00' };
    expect((await staff('POST', '/api/events', { body: event })).status).toBe(403);
    await admin('PATCH', `/api/users/${staff.user.userId}`, { body: { role: 'organiser' } });
    expect((await staff('POST', '/api/events', { body: event })).status).toBe(201);
  });

  it('does not let an admin lock themself out', async () => {
    const ctx = await createTestContext();
    const admin = await ctx.as('admin');
    const response = await admin('PATCH', `/api/users/${admin.user.userId}`, { body: { disabled: true } });
    expect(response.status).toBe(422);
    expect(response.body.error).toBe('cannot_change_own_account');
  });

  it('lists users by address with a cursor, and 404s an unknown one', async () => {
    const ctx = await createTestContext();
    const admin = await ctx.as('admin');
    for (const name of ['b', 'a', 'c']) {
      await admin('POST', '/api/users', { body: { email: `${name}@list.test`, name, role: 'staff', password: 'long password 1' } });
    }
    const first = await admin('GET', '/api/users?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toBeTruthy();
    const rest = await admin('GET', `/api/users?limit=10&cursor=${first.body.nextCursor}`);
    const emails = [...first.body.items, ...rest.body.items].map((u: { email: string }) => u.email);
    expect(emails.filter((e: string) => e.endsWith('@list.test'))).toEqual(['a@list.test', 'b@list.test', 'c@list.test']);
    expect(rest.body.nextCursor).toBeUndefined();
    expect((await admin('GET', '/api/users/nobody')).status).toBe(404);
    expect((await admin('PATCH', '/api/users/nobody', { body: { name: 'x' } })).status).toBe(404);
  });

  it('sends a fresh set-password link on request', async () => {
    const ctx = await createTestContext();
    const admin = await ctx.as('admin');
    const staff = await ctx.createUser('staff');
    expect((await admin('POST', `/api/users/${staff.userId}/password-link`)).status).toBe(202);
    expect(await ctx.deliverQueuedMail()).toEqual(['sent']);
    expect(ctx.mailer.to(staff.email)).toHaveLength(1);
    // SES later reports a hard bounce: the admin sees the link failed, and the address is blocked.
    const ses = { outbox: ctx.deps.mail.outbox, now: () => new Date(), directMail: { set_password: setPasswordDeliveryRecorder(ctx.deps.auth.users) } };
    const bounce = { eventType: 'Bounce' as const, mail: { messageId: `test-${ctx.mailer.sent.length}` }, bounce: { bounceType: 'Permanent' as const, bounceSubType: 'General', bouncedRecipients: [{ emailAddress: staff.email }] } };
    expect(await recordSesEvent(ses, bounce)).toBe('updated');
    expect((await admin('GET', `/api/users/${staff.userId}`)).body.user.passwordLink).toMatchObject({ state: 'failed', reason: 'bounced: General' });
    expect(await ctx.deps.mail.outbox.findSuppression(staff.email)).toMatchObject({ reason: 'bounce' });
  });

  it('sends no link to a suppressed address, nor to an account disabled before its turn came', async () => {
    const ctx = await createTestContext();
    const admin = await ctx.as('admin');
    await ctx.deps.mail.outbox.suppress({ email: 'bounced@example.org', reason: 'bounce', at: new Date().toISOString() });
    expect((await admin('POST', '/api/users', { body: { email: 'bounced@example.org', name: 'Trần Văn Bảo', role: 'staff' } })).status).toBe(201);
    const leaving = await admin('POST', '/api/users', { body: { email: 'leaving@example.org', name: 'Lê Thị Hà', role: 'staff' } });
    expect((await admin('PATCH', `/api/users/${leaving.body.user.userId}`, { body: { disabled: true } })).status).toBe(200);
    expect((await ctx.deliverQueuedMail()).sort()).toEqual(['skipped', 'suppressed']);
    expect(ctx.mailer.sent).toHaveLength(0);
    const listed = (await admin('GET', '/api/users')).body.items as { email: string; passwordLink?: { state: string; reason?: string } }[];
    expect(listed.find((u) => u.email === 'bounced@example.org')?.passwordLink).toMatchObject({ state: 'skipped', reason: 'suppressed: bounce' });
    expect(listed.find((u) => u.email === 'leaving@example.org')?.passwordLink).toMatchObject({ state: 'skipped' });
    // Nothing is left to go later.
    expect(await ctx.deliverQueuedMail()).toEqual([]);
  });
});
