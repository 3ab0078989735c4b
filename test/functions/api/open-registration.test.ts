import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/test-context.js';
import { countsOf, forum, outboxOf, testClock } from './answering-support.js';
import { createEvent } from './invitations-support.js';

/** A youth forum open to all students, published. */
async function openForum(overrides: Record<string, unknown> = {}) {
  const ctx = await createTestContext({ now: testClock() });
  const organiser = await ctx.as('organiser');
  const eventId = await createEvent(organiser, { ...forum, openRegistration: true, ...overrides });
  expect((await organiser('POST', `/api/events/${eventId}/publish`)).status).toBe(200);
  return { ctx, organiser, eventId };
}

let address = 0;
/** Each person from their own address, so only the rate-limit test meets the limit. */
const register = (ctx: TestContext, eventId: string, body: Record<string, unknown>, from = `198.51.100.${(address += 1) % 250}`) =>
  ctx.request('POST', `/api/events/${eventId}/register`, { body, headers: { 'x-test-client-address': from } });

async function linkOf(ctx: TestContext, eventId: string, email: string) {
  const invitation = await ctx.deps.invitations.invitations.findByAddress(eventId, { email });
  return invitation ? { invitation, token: ctx.deps.invitations.invitations.linkTokenOf(invitation) } : undefined;
}

describe('open registration', () => {
  it('is off by default: no public page, no registration', async () => {
    const ctx = await createTestContext({ now: testClock() });
    const organiser = await ctx.as('organiser');
    const eventId = await createEvent(organiser, forum);
    expect((await organiser('GET', `/api/events/${eventId}`)).body.event.openRegistration).toBe(false);
    await organiser('POST', `/api/events/${eventId}/publish`);
    expect((await ctx.request('GET', `/api/events/${eventId}/public`)).status).toBe(404);
    const refused = await register(ctx, eventId, { name: 'Nguyễn Văn An', email: 'an@example.edu.vn' });
    expect(refused.status).toBe(404);
    expect(refused.body.error).toBe('event_not_found');
    expect(await countsOf(ctx, eventId)).toMatchObject({ invited: 0 });

    // Opened by an edit, it answers; a draft with it open still does not.
    expect((await organiser('PATCH', `/api/events/${eventId}`, { body: { openRegistration: true } })).body.event.openRegistration).toBe(true);
    expect((await ctx.request('GET', `/api/events/${eventId}/public`)).status).toBe(200);
    const draft = await createEvent(organiser, { ...forum, openRegistration: true });
    expect((await ctx.request('GET', `/api/events/${draft}/public`)).status).toBe(404);
  });

  it('shows the public page without a session: what the form needs and nothing internal', async () => {
    const { ctx, eventId } = await openForum({ capacity: 50 });
    const page = await ctx.request('GET', `/api/events/${eventId}/public`);
    expect(page.status).toBe(200);
    expect(page.body.event).toMatchObject({ eventId, title: forum.title, venue: forum.venue, full: false, closed: false, requiresApproval: false });
    expect(page.body.event.fields.map((f: { key: string }) => f.key)).toContain('studentId');
    expect(page.body.event.counts).toBeUndefined();
    expect(page.body.event.createdBy).toBeUndefined();
  });

  it('holds no seat until the address is confirmed from the mail; confirming follows capacity and the waiting list', async () => {
    const { ctx, eventId } = await openForum({ capacity: 1 });
    for (const [name, email] of [['Lê Thị Bích', 'bich@example.edu.vn'], ['Trần Minh Khoa', 'khoa@example.edu.vn']]) {
      const response = await register(ctx, eventId, { name, email, organisation: 'Đại học Tây Nguyên', details: { studentId: 'TN2027001' } });
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ status: 'check_your_email' });
    }
    expect(await countsOf(ctx, eventId)).toMatchObject({ invited: 2, confirmed: 0, waitlisted: 0 });
    const mails = await outboxOf(ctx, eventId);
    expect(mails.map((m) => m.kind)).toEqual(['confirm_address', 'confirm_address']);

    const bich = (await linkOf(ctx, eventId, 'bich@example.edu.vn'))!;
    expect(bich.invitation).toMatchObject({ response: 'none', selfRegistered: true, emailStatus: 'queued', details: { studentId: 'TN2027001' } });
    const opened = await ctx.request('GET', `/api/r/${bich.token}`);
    expect(opened.body).toMatchObject({ response: 'none', selfRegistered: true, invitee: { name: 'Lê Thị Bích', organisation: 'Đại học Tây Nguyên' } });

    expect((await ctx.request('POST', `/api/r/${bich.token}/confirm-email`)).body).toEqual({ response: 'confirmed' });
    const khoa = (await linkOf(ctx, eventId, 'khoa@example.edu.vn'))!;
    expect((await ctx.request('POST', `/api/r/${khoa.token}/confirm-email`)).body).toEqual({ response: 'waitlisted' });
    // Confirming twice changes nothing.
    expect((await ctx.request('POST', `/api/r/${bich.token}/confirm-email`)).body).toEqual({ response: 'confirmed' });
    expect(await countsOf(ctx, eventId)).toMatchObject({ confirmed: 1, waitlisted: 1 });
    expect((await ctx.request('GET', `/api/events/${eventId}/public`)).body.event.full).toBe(true);

    // A freed seat goes to the one who waits.
    expect((await ctx.request('POST', `/api/r/${bich.token}/withdraw`, { body: {} })).body.response).toBe('withdrawn');
    expect((await ctx.deps.invitations.invitations.findById(eventId, khoa.invitation.invitationId))!.response).toBe('confirmed');
  });

  it('waits for approval when the event needs it', async () => {
    const { ctx, eventId } = await openForum({ requiresApproval: true });
    expect((await register(ctx, eventId, { name: 'H’Hen Niê', email: 'hhen@example.edu.vn' })).status).toBe(202);
    const link = (await linkOf(ctx, eventId, 'hhen@example.edu.vn'))!;
    expect((await ctx.request('POST', `/api/r/${link.token}/accept`, { body: {} })).body).toEqual({ response: 'pending' });
  });

  it('keeps one registration per address: registering again stores nothing new and mails the link again', async () => {
    const { ctx, eventId } = await openForum();
    expect((await register(ctx, eventId, { name: 'Phan Văn Đạt', email: 'dat@example.edu.vn' })).status).toBe(202);
    const again = await register(ctx, eventId, { name: 'Phan Van Dat', email: 'DAT@example.edu.vn' });
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ status: 'check_your_email' });
    expect(await countsOf(ctx, eventId)).toMatchObject({ invited: 1 });
    // The first mail is still waiting to go: nothing is queued twice.
    expect((await outboxOf(ctx, eventId)).length).toBe(1);
  });

  it('answers a filled honeypot as if all went well, and stores and mails nothing', async () => {
    const { ctx, eventId } = await openForum();
    const bot = await register(ctx, eventId, { name: 'Bot', email: 'bot@example.com', website: 'http://spam.example' });
    expect(bot.status).toBe(202);
    expect(bot.body).toEqual({ status: 'check_your_email' });
    expect(await linkOf(ctx, eventId, 'bot@example.com')).toBeUndefined();
    expect(await countsOf(ctx, eventId)).toMatchObject({ invited: 0 });
    expect(await outboxOf(ctx, eventId)).toEqual([]);
  });

  it('refuses a sixth attempt from one address within ten minutes with 429; others still register', async () => {
    const { ctx, eventId } = await openForum();
    for (let i = 0; i < 5; i += 1) {
      expect((await register(ctx, eventId, { name: `Sinh viên ${i}`, email: `sv${i}@example.edu.vn` }, '203.0.113.99')).status).toBe(202);
    }
    const limited = await register(ctx, eventId, { name: 'Sinh viên 6', email: 'sv6@example.edu.vn' }, '203.0.113.99');
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('too_many_requests');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await linkOf(ctx, eventId, 'sv6@example.edu.vn')).toBeUndefined();
    expect((await register(ctx, eventId, { name: 'Sinh viên 7', email: 'sv7@example.edu.vn' }, '203.0.113.100')).status).toBe(202);
  });

  it('checks the person and the event’s fields before storing anything', async () => {
    const { ctx, eventId } = await openForum({ fields: [{ key: 'studentId', label: { vi: 'Mã số sinh viên' }, type: 'text', required: true }] });
    const noEmail = await register(ctx, eventId, { name: 'Ai Đó', email: '' });
    expect(noEmail.status).toBe(400);
    const badEmail = await register(ctx, eventId, { name: 'Ai Đó', email: 'not-an-email' });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.details[0].field).toBe('email');
    const missing = await register(ctx, eventId, { name: 'Ai Đó', email: 'ai@example.edu.vn' });
    expect(missing.status).toBe(422);
    expect(missing.body.details.issues).toEqual([{ field: 'studentId', problem: 'required' }]);
    const unknownKey = await register(ctx, eventId, { name: 'Ai Đó', email: 'ai@example.edu.vn', extra: 'x' });
    expect(unknownKey.status).toBe(400);
    expect(await countsOf(ctx, eventId)).toMatchObject({ invited: 0 });
  });

  it('refuses after the registration deadline', async () => {
    const clock = testClock('2027-03-05T00:00:00.000Z');
    const ctx = await createTestContext({ now: clock });
    const organiser = await ctx.as('organiser');
    const eventId = await createEvent(organiser, { ...forum, openRegistration: true });
    await organiser('POST', `/api/events/${eventId}/publish`);
    expect((await ctx.request('GET', `/api/events/${eventId}/public`)).body.event.closed).toBe(true);
    const late = await register(ctx, eventId, { name: 'Muộn', email: 'muon@example.edu.vn' });
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('registration_closed');
  });
});
