import { describe, expect, it, vi } from 'vitest';
import { deliverOutboxMessage } from '../../../shared/email/deliver-outbox-message.js';
import { answerTimelineSchema } from '../../../shared/registrations/answer-timeline-schema.js';
import { buildMailDeps } from '../../../functions/mail/mail-deps.js';
import { createTestContext } from '../../support/test-context.js';
import { outboxOf, publishedEvent, testClock } from './answering-support.js';

const timelineOf = (eventId: string) => `/api/events/${eventId}/registrations/timeline`;
const zero = { accepted: 0, declined: 0, withdrawn: 0, rejected: 0 };

describe('GET /api/events/:eventId/registrations/timeline', () => {
  it('counts answers per Ho Chi Minh City day from the first invitation, by the day each person answered', async () => {
    const clock = testClock('2027-01-08T02:00:00.000Z');
    const ctx = await createTestContext({ now: clock });
    const { eventId, people } = await publishedEvent(ctx, 5, { requiresApproval: true, capacity: 2 });
    // Sessions end after 12 hours of the test's clock: each step signs in afresh.
    let organiser = await ctx.as('organiser');
    const [an, binh, chi, dung] = people as [typeof people[0], typeof people[0], typeof people[0], typeof people[0]];

    // Before any mail: nothing to draw.
    const before = await organiser('GET', timelineOf(eventId));
    expect(before.status).toBe(200);
    expect(before.body.timeline).toEqual({ days: [], totals: { ...zero, invited: 5, notAnswered: 5 } });

    // The invitations go out on 08/01 (09:00 in Buôn Ma Thuột).
    expect((await organiser('POST', `/api/events/${eventId}/invitations/send`, { body: {} })).status).toBe(202);
    const delivery = buildMailDeps(ctx.config, ctx.db, ctx.mailer, clock).delivery;
    for (const message of await outboxOf(ctx, eventId)) expect(await deliverOutboxMessage(delivery, message)).toBe('sent');

    // 18:30 UTC on 08/01 is 01:30 on 09/01 in Vietnam: the answer belongs to the 9th.
    clock.set('2027-01-08T18:30:00.000Z');
    expect((await ctx.request('POST', `/api/r/${an.token}/accept`, {})).body.response).toBe('pending');
    clock.set('2027-01-09T03:00:00.000Z');
    expect((await ctx.request('POST', `/api/r/${binh.token}/decline`, {})).body.response).toBe('declined');
    clock.set('2027-01-10T03:00:00.000Z');
    organiser = await ctx.as('organiser');
    await ctx.request('POST', `/api/r/${chi.token}/accept`, {});
    await ctx.request('POST', `/api/r/${dung.token}/accept`, {});
    await ctx.request('POST', `/api/r/${dung.token}/withdraw`, {});
    // Approving on the 10th leaves An's answer on the 9th, the day she gave it.
    const approved = await organiser('POST', `/api/events/${eventId}/registrations/approve`, { body: { invitationIds: [an.invitationId] } });
    expect(approved.body.results).toEqual([{ invitationId: an.invitationId, response: 'confirmed' }]);

    const send = vi.spyOn(ctx.db, 'send');
    const answer = await organiser('GET', timelineOf(eventId));
    expect(answer.status).toBe(200);
    // Queries only, never a Scan.
    expect(send.mock.calls.map(([command]) => command.constructor.name).filter((name) => /Scan/.test(name))).toEqual([]);
    expect(send.mock.calls.some(([command]) => command.constructor.name === 'QueryCommand')).toBe(true);
    send.mockRestore();

    const timeline = answerTimelineSchema.parse(answer.body.timeline);
    expect(timeline.firstInvitedAt).toBe('2027-01-08T09:00:00+07:00');
    expect(timeline.days).toEqual([
      { date: '2027-01-08', ...zero, cumulative: zero },
      { date: '2027-01-09', ...zero, accepted: 1, declined: 1, cumulative: { ...zero, accepted: 1, declined: 1 } },
      { date: '2027-01-10', ...zero, accepted: 1, withdrawn: 1, cumulative: { accepted: 2, declined: 1, withdrawn: 1, rejected: 0 } },
    ]);
    expect(timeline.totals).toEqual({ accepted: 2, declined: 1, withdrawn: 1, rejected: 0, invited: 5, notAnswered: 1 });

    // Two days later Chi is rejected: her yes no longer stands, the refusal counts on the 12th.
    clock.set('2027-01-12T03:00:00.000Z');
    organiser = await ctx.as('organiser');
    await organiser('POST', `/api/events/${eventId}/registrations/reject`, { body: { invitationIds: [chi.invitationId], reason: 'Không đúng đối tượng' } });
    const later = answerTimelineSchema.parse((await organiser('GET', timelineOf(eventId))).body.timeline);
    expect(later.days.map((d) => d.date)).toEqual(['2027-01-08', '2027-01-09', '2027-01-10', '2027-01-11', '2027-01-12']);
    expect(later.days[2]).toMatchObject({ accepted: 0, withdrawn: 1 });
    expect(later.days.at(-1)).toEqual({ date: '2027-01-12', ...zero, rejected: 1, cumulative: { accepted: 1, declined: 1, withdrawn: 1, rejected: 1 } });
    expect(later.totals).toMatchObject({ accepted: 1, rejected: 1, notAnswered: 1 });
  });

  it('starts at an answer recorded before any mail, and ends with the event once it is over', async () => {
    const clock = testClock('2027-03-01T03:00:00.000Z');
    const ctx = await createTestContext({ now: clock });
    const { organiser: first, eventId, people } = await publishedEvent(ctx, 2, { endsAt: '2027-03-03T17:00:00+07:00', startsAt: '2027-03-03T08:00:00+07:00', registrationClosesAt: '2027-03-02T17:00:00+07:00' });
    const onBehalf = await first('POST', `/api/events/${eventId}/registrations/on-behalf/${people[0]!.invitationId}`, { body: { action: 'accept', channel: 'phone' } });
    expect(onBehalf.body).toEqual({ response: 'confirmed' });
    clock.set('2027-04-20T03:00:00.000Z');
    const organiser = await ctx.as('organiser');
    const timeline = answerTimelineSchema.parse((await organiser('GET', timelineOf(eventId))).body.timeline);
    expect(timeline.firstInvitedAt).toBeUndefined();
    expect(timeline.days.map((d) => d.date)).toEqual(['2027-03-01', '2027-03-02', '2027-03-03']);
    expect(timeline.days.at(-1)!.cumulative).toEqual({ ...zero, accepted: 1 });
  });

  it('staff read it; without a session 401; an unknown event 404', async () => {
    const ctx = await createTestContext({ now: testClock() });
    const { eventId } = await publishedEvent(ctx, 1);
    const staff = await ctx.as('staff');
    expect((await staff('GET', timelineOf(eventId))).status).toBe(200);
    expect((await ctx.request('GET', timelineOf(eventId))).status).toBe(401);
    const missing = await staff('GET', timelineOf('missing'));
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('event_not_found');
  });
});
