import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/test-context.js';
import { createEvent, postCsv } from './invitations-support.js';

async function invitedContext() {
  const ctx = await createTestContext();
  const organiser = await ctx.as('organiser');
  const eventId = await createEvent(organiser, { registrationClosesAt: '2026-11-18T17:00:00+07:00' });
  await postCsv(ctx, organiser.cookie, eventId, 'name,email,organisation,position,language\nSiobhán O\'Brien,siobhan@example.org,CARE International,Country Director,en\n');
  const [item] = (await organiser('GET', `/api/events/${eventId}/invitations`)).body.items;
  const token = (await ctx.deps.invitations.invitations.rotateToken(eventId, item.invitationId))!;
  return { ctx, organiser, eventId, invitationId: item.invitationId as string, token };
}

describe('GET /api/r/:token', () => {
  it('opens with the link derived at import, the same for every mail, and stores only its hash', async () => {
    const ctx = await createTestContext();
    const organiser = await ctx.as('organiser');
    const eventId = await createEvent(organiser);
    await postCsv(ctx, organiser.cookie, eventId, 'name,email\nLê Văn Nam,nam@example.org\n');
    const [item] = (await organiser('GET', `/api/events/${eventId}/invitations`)).body.items;
    const stored = (await ctx.deps.invitations.invitations.findById(eventId, item.invitationId))!;
    const token = ctx.deps.invitations.invitations.linkTokenOf(stored);
    expect(ctx.deps.invitations.invitations.linkTokenOf(stored)).toBe(token);
    expect(token).toMatch(/^[A-Za-z0-9_-]{54}$/);
    expect(JSON.stringify(stored)).not.toContain(token.slice(32));
    const opened = await ctx.request('GET', `/api/r/${token}`);
    expect(opened.status).toBe(200);
    expect(opened.body.invitee.name).toBe('Lê Văn Nam');
  });

  it('answers the event, the invitee, the response and the fields, without a session', async () => {
    const { ctx, eventId, token } = await invitedContext();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const opened = await ctx.request('GET', `/api/r/${token}`);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('cache-control')).toBe('no-store');
    expect(opened.body).toMatchObject({
      event: {
        eventId,
        title: { vi: 'Hội nghị các tổ chức phi chính phủ nước ngoài', en: 'Conference of foreign NGOs' },
        description: { vi: 'Hội nghị thường niên', en: 'Annual conference' },
        venue: 'Khách sạn Sài Gòn – Ban Mê, Buôn Ma Thuột',
        startsAt: '2026-11-20T08:00:00+07:00',
        endsAt: '2026-11-20T17:00:00+07:00',
        type: 'ngo_conference',
        registrationClosesAt: '2026-11-18T17:00:00+07:00',
      },
      invitee: { name: "Siobhán O'Brien", email: 'siobhan@example.org', organisation: 'CARE International', position: 'Country Director', language: 'en' },
      response: 'none',
    });
    expect(opened.body.fields.map((f: { key: string }) => f.key)).toContain('interpretation');
    expect(JSON.stringify(opened.body)).not.toContain('tokenHash');
  });

  it('answers what the participant page shows of the event: agenda, map link and contact person', async () => {
    const ctx = await createTestContext();
    const organiser = await ctx.as('organiser');
    const agenda = { vi: '08:00 Đón tiếp đại biểu\n08:30 Khai mạc', en: '08:00 Welcome\n08:30 Opening' };
    const contact = { name: 'Nguyễn Thị Hoa', email: 'hoa@example.org', phone: '0262 3852 123' };
    const venueMapUrl = 'https://maps.example.org/place/sai-gon-ban-me';
    const eventId = await createEvent(organiser, { agenda, contact, venueMapUrl });
    await postCsv(ctx, organiser.cookie, eventId, 'name,email\nLê Văn Nam,nam@example.org\n');
    const [item] = (await organiser('GET', `/api/events/${eventId}/invitations`)).body.items;
    const token = (await ctx.deps.invitations.invitations.rotateToken(eventId, item.invitationId))!;
    const opened = await ctx.request('GET', `/api/r/${token}`);
    expect(opened.status).toBe(200);
    expect(opened.body.event).toMatchObject({ agenda, contact, venueMapUrl });

    // An event without them answers none of them.
    const plain = await invitedContext();
    const bare = await plain.ctx.request('GET', `/api/r/${plain.token}`);
    expect(bare.body.event).not.toHaveProperty('agenda');
    expect(bare.body.event).not.toHaveProperty('venueMapUrl');
    expect(bare.body.event).not.toHaveProperty('contact');
  });

  it('answers the same 404 for an unknown, a malformed and a revoked token', async () => {
    const { ctx, eventId, invitationId, token } = await invitedContext();
    await ctx.deps.invitations.invitations.rotateToken(eventId, invitationId);
    const revoked = await ctx.request('GET', `/api/r/${token}`);
    const unknown = await ctx.request('GET', `/api/r/${randomBytes(32).toString('base64url')}`);
    const malformed = await ctx.request('GET', '/api/r/abc%20def');
    for (const response of [revoked, unknown, malformed]) {
      expect(response.status).toBe(404);
      expect(response.body).toEqual(revoked.body);
    }
    expect(revoked.body.error).toBe('invitation_not_found');
  });

  it('counts only misses against a client: over the limit it gets 429, while real links still open', async () => {
    const { ctx, token } = await invitedContext();
    const from = (address: string) => ({ headers: { 'x-test-client-address': address } });
    // A crowd behind one address opening real links is never counted.
    for (let i = 0; i < 40; i += 1) expect((await ctx.request('GET', `/api/r/${token}`, from('198.51.100.7'))).status).toBe(200);

    for (let i = 0; i < 30; i += 1) {
      expect((await ctx.request('GET', `/api/r/${randomBytes(32).toString('base64url')}`, from('198.51.100.7'))).status).toBe(404);
    }
    const limited = await ctx.request('GET', `/api/r/${randomBytes(32).toString('base64url')}`, from('198.51.100.7'));
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('too_many_requests');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    expect((await ctx.request('GET', `/api/r/${token}`, from('198.51.100.7'))).status).toBe(200);
    expect((await ctx.request('GET', `/api/r/${randomBytes(32).toString('base64url')}`, from('198.51.100.8'))).status).toBe(404);
  });

  it('no longer opens once the invitation is removed', async () => {
    const { ctx, organiser, eventId, invitationId, token } = await invitedContext();
    expect((await organiser('DELETE', `/api/events/${eventId}/invitations/${invitationId}`)).status).toBe(204);
    expect((await ctx.request('GET', `/api/r/${token}`)).status).toBe(404);
  });
});
