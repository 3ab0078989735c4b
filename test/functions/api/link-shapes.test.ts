import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLinkTokens } from '../../../shared/invitations/link-tokens.js';
import { createTestContext, TEST_LINK_SECRET } from '../../support/test-context.js';
import { publishedEvent, testClock } from './answering-support.js';

/**
 * The two shapes of a personal link (shared/invitations/link-tokens.ts): the addressed link every
 * mail carries now, read by the invitation's key, and the secret alone that every mail carried
 * before, still read through its link item. Both answer; a replaced, removed or tampered link
 * opens nothing, with the same 404 as any unknown one, counted against the client like any miss.
 */
async function setup(count: number) {
  const ctx = await createTestContext({ now: testClock() });
  const event = await publishedEvent(ctx, count);
  /** The link as mailed before the addressed shape: the invitation's secret alone. */
  const mailedBefore = (invitationId: string, version = 1) => createLinkTokens(TEST_LINK_SECRET).tokenFor(invitationId, version);
  return { ctx, mailedBefore, ...event };
}

const from = (address: string) => ({ headers: { 'x-test-client-address': address } });

/** The same token with one character of its secret changed (still URL-safe, still 54 characters). */
const withSecretChanged = (token: string) => `${token.slice(0, 45)}${token[45] === 'A' ? 'B' : 'A'}${token.slice(46)}`;

describe('personal links of both shapes', () => {
  it('the mails carry the addressed link: the event id, the invitation id and the secret, 54 URL-safe characters', async () => {
    const { ctx, eventId, people } = await setup(1);
    const token = people[0]!.token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{54}$/);
    expect(token.startsWith(`${eventId}${people[0]!.invitationId}`)).toBe(true);
    const opened = await ctx.request('GET', `/api/r/${token}`);
    expect(opened.status).toBe(200);
    expect(opened.body.invitee.name).toBe(people[0]!.name);
  });

  it('a link mailed before opens and answers as it always did, the same invitation as the addressed one', async () => {
    const { ctx, people, mailedBefore } = await setup(2);
    const [anh, binh] = people;
    const before = mailedBefore(anh!.invitationId);
    expect(before).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const opened = await ctx.request('GET', `/api/r/${before}`);
    expect(opened.status).toBe(200);
    expect(opened.body).toEqual((await ctx.request('GET', `/api/r/${anh!.token}`)).body);

    expect((await ctx.request('POST', `/api/r/${before}/accept`, { body: {} })).body).toEqual({ response: 'confirmed' });
    expect((await ctx.request('GET', `/api/r/${anh!.token}`)).body.response).toBe('confirmed');
    expect((await ctx.request('POST', `/api/r/${before}/decline`, { body: { reason: 'Bận' } })).body).toEqual({ response: 'declined' });

    expect((await ctx.request('POST', `/api/r/${binh!.token}/accept`, { body: {} })).body).toEqual({ response: 'confirmed' });
    expect((await ctx.request('POST', `/api/r/${binh!.token}/withdraw`)).body).toEqual({ response: 'withdrawn' });
  });

  it('a changed address replaces the link: the old one opens nothing in either shape, the new one answers', async () => {
    const { ctx, organiser, eventId, people, mailedBefore } = await setup(1);
    const [guest] = people;
    const changed = await organiser('PATCH', `/api/events/${eventId}/invitations/${guest!.invitationId}`, { body: { email: 'guest1.new@example.org' } });
    expect(changed.status).toBe(200);
    for (const old of [guest!.token, mailedBefore(guest!.invitationId)]) {
      expect((await ctx.request('GET', `/api/r/${old}`)).status).toBe(404);
      expect((await ctx.request('POST', `/api/r/${old}/accept`, { body: {} })).body.error).toBe('invitation_not_found');
    }
    const current = ctx.deps.invitations.invitations.linkTokenOf((await ctx.deps.invitations.invitations.findById(eventId, guest!.invitationId))!);
    expect(current).not.toBe(guest!.token);
    expect((await ctx.request('POST', `/api/r/${current}/accept`, { body: {} })).body).toEqual({ response: 'confirmed' });
    expect((await ctx.request('POST', `/api/r/${mailedBefore(guest!.invitationId, 2)}/accept`, { body: {} })).body).toEqual({ response: 'confirmed' });
  });

  it('a new link for the invitation revokes the addressed one from before', async () => {
    const { ctx, eventId, people } = await setup(1);
    const [guest] = people;
    await ctx.deps.invitations.invitations.rotateToken(eventId, guest!.invitationId);
    expect((await ctx.request('POST', `/api/r/${guest!.token}/accept`, { body: {} })).status).toBe(404);
  });

  it('a removed invitation\'s addressed link opens nothing', async () => {
    const { ctx, organiser, eventId, people } = await setup(1);
    expect((await organiser('DELETE', `/api/events/${eventId}/invitations/${people[0]!.invitationId}`)).status).toBe(204);
    expect((await ctx.request('GET', `/api/r/${people[0]!.token}`)).status).toBe(404);
  });

  it('a tampered link gets the 404 of an unknown one: a changed secret, another invitee\'s id, another event\'s id', async () => {
    const { ctx, people } = await setup(2);
    const [anh, binh] = people;
    const secret = anh!.token.slice(32);
    const unknown = await ctx.request('GET', `/api/r/${randomBytes(32).toString('base64url')}`);
    expect(unknown.status).toBe(404);
    const tampered = [
      withSecretChanged(anh!.token),
      `${binh!.token.slice(0, 32)}${secret}`,
      `${randomBytes(12).toString('base64url')}${anh!.token.slice(16)}`,
      `${anh!.token.slice(0, 53)}`,
    ];
    for (const token of tampered) {
      const opened = await ctx.request('GET', `/api/r/${token}`);
      expect(opened.status).toBe(404);
      expect(opened.body).toEqual(unknown.body);
      const accepted = await ctx.request('POST', `/api/r/${token}/accept`, { body: {} });
      expect(accepted.status).toBe(404);
      expect(accepted.body).toEqual(unknown.body);
    }
    // Nothing was answered through them.
    for (const person of [anh!, binh!]) expect((await ctx.request('GET', `/api/r/${person.token}`)).body.response).toBe('none');
  });

  it('counts a wrong secret beside real ids as a miss: the client is limited after 30, while real links still open', async () => {
    const { ctx, people } = await setup(1);
    const [guest] = people;
    const tampered = withSecretChanged(guest!.token);
    for (let i = 0; i < 30; i += 1) expect((await ctx.request('POST', `/api/r/${tampered}/accept`, { body: {}, ...from('198.51.100.21') })).status).toBe(404);
    const limited = await ctx.request('GET', `/api/r/${tampered}`, from('198.51.100.21'));
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('too_many_requests');
    expect((await ctx.request('POST', `/api/r/${guest!.token}/accept`, { body: {}, ...from('198.51.100.21') })).body).toEqual({ response: 'confirmed' });
  });
});
