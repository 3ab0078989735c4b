import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/test-context.js';
import { countsOf, outboxOf, publishedEvent, testClock } from './answering-support.js';

async function setup(count: number, overrides: Record<string, unknown> = {}) {
  const clock = testClock();
  const ctx = await createTestContext({ now: clock });
  const event = await publishedEvent(ctx, count, overrides);
  return { ctx, clock, ...event };
}

const base = (eventId: string) => `/api/events/${eventId}/registrations`;

describe('approval mode', () => {
  it('accepting is pending; approving confirms while seats last, then waitlists; each is mailed', async () => {
    const { ctx, organiser, eventId, people } = await setup(3, { requiresApproval: true, capacity: 2 });
    for (const p of people) expect((await ctx.request('POST', `/api/r/${p.token}/accept`, {})).body.response).toBe('pending');
    expect(await countsOf(ctx, eventId)).toMatchObject({ pending: 3, confirmed: 0 });

    const pending = await organiser('GET', `${base(eventId)}/pending`);
    expect(pending.status).toBe(200);
    expect(pending.body.items.map((i: { invitationId: string }) => i.invitationId).sort()).toEqual(people.map((p) => p.invitationId).sort());

    const ids = people.map((p) => p.invitationId);
    const approved = await organiser('POST', `${base(eventId)}/approve`, { body: { invitationIds: ids } });
    expect(approved.status).toBe(200);
    expect(approved.body.results).toEqual([
      { invitationId: ids[0], response: 'confirmed' },
      { invitationId: ids[1], response: 'confirmed' },
      { invitationId: ids[2], response: 'waitlisted' },
    ]);
    expect(await countsOf(ctx, eventId)).toMatchObject({ pending: 0, confirmed: 2, waitlisted: 1 });
    // Approving again changes nothing.
    const again = await organiser('POST', `${base(eventId)}/approve`, { body: { invitationIds: [ids[0]] } });
    expect(again.body.results).toEqual([{ invitationId: ids[0], response: 'confirmed' }]);
    const kinds = (await outboxOf(ctx, eventId)).map((m) => m.kind).sort();
    expect(kinds).toEqual(['approved', 'approved', 'pending', 'pending', 'pending', 'waitlisted']);
  });

  it('rejects in bulk with a reason; rejecting a confirmed seat promotes the head of the list; 409 not_pending per id', async () => {
    const { ctx, organiser, eventId, people } = await setup(4, { capacity: 1 });
    await ctx.request('POST', `/api/r/${people[0]!.token}/accept`, {});
    await ctx.request('POST', `/api/r/${people[1]!.token}/accept`, {});
    await ctx.request('POST', `/api/r/${people[2]!.token}/decline`, {});
    const rejected = await organiser('POST', `${base(eventId)}/reject`, {
      body: { invitationIds: [people[0]!.invitationId, people[2]!.invitationId, 'nope'], reason: 'Không đúng đối tượng' },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.results).toEqual([
      { invitationId: people[0]!.invitationId, response: 'rejected' },
      { invitationId: people[2]!.invitationId, error: 'not_pending' },
      { invitationId: 'nope', error: 'invitation_not_found' },
    ]);
    expect((await ctx.deps.invitations.invitations.findById(eventId, people[1]!.invitationId))!.response).toBe('confirmed');
    expect(await countsOf(ctx, eventId)).toMatchObject({ confirmed: 1, waitlisted: 0, declined: 1 });
    const mails = await outboxOf(ctx, eventId);
    expect(mails.filter((m) => m.kind === 'rejected').map((m) => m.invitationId)).toEqual([people[0]!.invitationId]);
    expect(mails.filter((m) => m.kind === 'promoted').map((m) => m.invitationId)).toEqual([people[1]!.invitationId]);
    // A rejected person cannot accept again by their link.
    const retry = await ctx.request('POST', `/api/r/${people[0]!.token}/accept`, {});
    expect(retry.status).toBe(409);
    expect(retry.body.error).toBe('registration_rejected');
  });
});

describe('answers on behalf', () => {
  it('records a phone answer marked with who and how, even after the deadline; required details may follow', async () => {
    // The clock stands at 2027-01-10: this deadline has passed.
    const { ctx, organiser, eventId, people } = await setup(2, { type: 'delegation', registrationClosesAt: '2027-01-05T17:00:00+07:00' });
    expect((await ctx.request('POST', `/api/r/${people[0]!.token}/accept`, {})).body.error).toBe('registration_closed');
    const accepted = await organiser('POST', `${base(eventId)}/on-behalf/${people[0]!.invitationId}`, {
      body: { action: 'accept', channel: 'phone', details: { nationality: 'Lào' } },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ response: 'confirmed' });
    const stored = (await ctx.deps.invitations.invitations.findById(eventId, people[0]!.invitationId))!;
    expect(stored.answeredBy).toEqual({ userId: organiser.user.userId, channel: 'phone' });
    expect(stored.details).toEqual({ nationality: 'Lào' });

    const declined = await organiser('POST', `${base(eventId)}/on-behalf/${people[1]!.invitationId}`, {
      body: { action: 'decline', channel: 'in_person', reason: 'Ốm' },
    });
    expect(declined.body).toEqual({ response: 'declined' });
    const withdrawn = await organiser('POST', `${base(eventId)}/on-behalf/${people[0]!.invitationId}`, {
      body: { action: 'withdraw', channel: 'other' },
    });
    expect(withdrawn.body).toEqual({ response: 'withdrawn' });
    expect(await countsOf(ctx, eventId)).toMatchObject({ confirmed: 0, declined: 1 });

    const invalid = await organiser('POST', `${base(eventId)}/on-behalf/${people[1]!.invitationId}`, { body: { action: 'accept' } });
    expect(invalid.status).toBe(400);
    const unknown = await organiser('POST', `${base(eventId)}/on-behalf/missing`, { body: { action: 'accept', channel: 'phone' } });
    expect(unknown.status).toBe(404);
  });

  it('staff read the waiting list and pending approvals but change nothing; without a session 401', async () => {
    const { ctx, eventId, people } = await setup(1);
    const staff = await ctx.as('staff');
    expect((await staff('GET', `${base(eventId)}/waitlist`)).status).toBe(200);
    expect((await staff('GET', `${base(eventId)}/pending`)).status).toBe(200);
    const refused = await staff('POST', `${base(eventId)}/approve`, { body: { invitationIds: [people[0]!.invitationId] } });
    expect(refused.status).toBe(403);
    const onBehalf = await staff('POST', `${base(eventId)}/on-behalf/${people[0]!.invitationId}`, { body: { action: 'accept', channel: 'phone' } });
    expect(onBehalf.status).toBe(403);
    expect((await ctx.request('GET', `${base(eventId)}/waitlist`)).status).toBe(401);
    expect((await staff('GET', `${base('missing')}/waitlist`)).status).toBe(404);
  });

  it('answers on behalf are refused for a cancelled event', async () => {
    const { organiser, eventId, people } = await setup(1);
    await organiser('POST', `/api/events/${eventId}/cancel`);
    const refused = await organiser('POST', `${base(eventId)}/on-behalf/${people[0]!.invitationId}`, { body: { action: 'accept', channel: 'phone' } });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('event_cancelled');
  });
});
