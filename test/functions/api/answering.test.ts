import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/test-context.js';
import { countsOf, outboxOf, publishedEvent, tally, testClock, type Invitee } from './answering-support.js';

async function setup(count: number, overrides: Record<string, unknown> = {}) {
  const clock = testClock();
  const ctx = await createTestContext({ now: clock });
  const event = await publishedEvent(ctx, count, overrides);
  return { ctx, clock, ...event };
}

describe('POST /api/r/:token/accept', () => {
  it('confirms with the details, counts the seat, stores the registration and queues one confirmation', async () => {
    const { ctx, eventId, people } = await setup(1);
    const [guest] = people;
    const accepted = await ctx.request('POST', `/api/r/${guest!.token}/accept`, {
      body: { details: { phone: '0912 345 678', studentId: ' SV-001 ', dietary: 'Chay' } },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ response: 'confirmed' });
    expect((await countsOf(ctx, eventId)).confirmed).toBe(1);
    const opened = await ctx.request('GET', `/api/r/${guest!.token}`);
    expect(opened.body.response).toBe('confirmed');
    expect(opened.body.details).toEqual({ phone: '+84912345678', studentId: 'SV-001', dietary: 'Chay' });
    const registration = await ctx.deps.registrations.registrations.findRegistration(eventId, guest!.invitationId);
    expect(registration).toMatchObject({ response: 'confirmed', details: { phone: '+84912345678' } });
    const mails = await outboxOf(ctx, eventId);
    expect(mails.map((m) => m.kind)).toEqual(['confirmed']);
    // The invitation mail's status is not the notice's business.
    expect((await ctx.deps.invitations.invitations.findById(eventId, guest!.invitationId))!.emailStatus).toBe('not_sent');
  });

  it('a double accept changes nothing: same answer, same counts, one mail', async () => {
    const { ctx, eventId, people } = await setup(1);
    const token = people[0]!.token;
    const [a, b] = await Promise.all([
      ctx.request('POST', `/api/r/${token}/accept`, {}),
      ctx.request('POST', `/api/r/${token}/accept`, {}),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.response).toBe('confirmed');
    expect(b.body.response).toBe('confirmed');
    const again = await ctx.request('POST', `/api/r/${token}/accept`, { body: { details: { dietary: 'khác' } } });
    expect(again.body.response).toBe('confirmed');
    expect(await countsOf(ctx, eventId)).toMatchObject({ confirmed: 1, waitlisted: 0 });
    expect((await outboxOf(ctx, eventId)).length).toBe(1);
    expect((await ctx.request('GET', `/api/r/${token}`)).body.details ?? {}).toEqual({});
  });

  it('refuses details that do not fit the fields with 422 details_invalid, listing each problem', async () => {
    const { ctx, eventId, people } = await setup(1, {
      fields: [
        { key: 'phone', label: { vi: 'Điện thoại' }, type: 'phone', required: true },
        { key: 'arrival', label: { vi: 'Ngày đến' }, type: 'date' },
        { key: 'meal', label: { vi: 'Bữa ăn' }, type: 'choice', choices: ['Chay', 'Mặn'] },
        { key: 'contact', label: { vi: 'Email liên hệ' }, type: 'email' },
      ],
    });
    const refused = await ctx.request('POST', `/api/r/${people[0]!.token}/accept`, {
      body: { details: { arrival: '2027-02-30', meal: 'Cá', contact: 'not-an-email', colour: 'blue' } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('details_invalid');
    expect(refused.body.details.issues).toEqual(
      expect.arrayContaining([
        { field: 'colour', problem: 'unknown_field' },
        { field: 'phone', problem: 'required' },
        { field: 'arrival', problem: 'invalid_date' },
        { field: 'meal', problem: 'invalid_choice' },
        { field: 'contact', problem: 'invalid_email' },
      ]),
    );
    expect((await countsOf(ctx, eventId)).confirmed).toBe(0);
    const ok = await ctx.request('POST', `/api/r/${people[0]!.token}/accept`, {
      body: { details: { phone: '0262 3852 111', arrival: '2027-03-09', meal: 'Chay', contact: 'A@Example.org' } },
    });
    expect(ok.body.response).toBe('confirmed');
  });

  it("requires a delegation's passport fields", async () => {
    const { ctx, people } = await setup(1, { type: 'delegation' });
    const refused = await ctx.request('POST', `/api/r/${people[0]!.token}/accept`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.details.issues).toEqual(
      expect.arrayContaining([
        { field: 'passportNumber', problem: 'required' },
        { field: 'passportExpiry', problem: 'required' },
      ]),
    );
    const ok = await ctx.request('POST', `/api/r/${people[0]!.token}/accept`, {
      body: { details: { passportNumber: 'C1234567', passportExpiry: '2030-05-01' }, consent: { version: '2025-1' } },
    });
    expect(ok.body.response).toBe('confirmed');
  });

  it('waitlists when the event is full, and a 400 for a malformed body', async () => {
    const { ctx, eventId, people } = await setup(2, { capacity: 1 });
    expect((await ctx.request('POST', `/api/r/${people[0]!.token}/accept`, {})).body.response).toBe('confirmed');
    expect((await ctx.request('POST', `/api/r/${people[1]!.token}/accept`, {})).body.response).toBe('waitlisted');
    expect(await countsOf(ctx, eventId)).toMatchObject({ confirmed: 1, waitlisted: 1 });
    expect((await outboxOf(ctx, eventId)).map((m) => m.kind).sort()).toEqual(['confirmed', 'waitlisted']);
    const bad = await ctx.request('POST', `/api/r/${people[1]!.token}/accept`, { body: { details: 'x' } });
    expect(bad.status).toBe(400);
  });
});

describe('decline, withdraw and change', () => {
  it('declines with a reason, then accepts after all; counts follow', async () => {
    const { ctx, eventId, people } = await setup(1);
    const token = people[0]!.token;
    const declined = await ctx.request('POST', `/api/r/${token}/decline`, { body: { reason: 'Bận công tác' } });
    expect(declined.status).toBe(200);
    expect(declined.body).toEqual({ response: 'declined' });
    expect((await ctx.deps.invitations.invitations.findById(eventId, people[0]!.invitationId))!.answerReason).toBe('Bận công tác');
    expect(await countsOf(ctx, eventId)).toMatchObject({ declined: 1, confirmed: 0 });
    expect((await ctx.request('POST', `/api/r/${token}/accept`, {})).body.response).toBe('confirmed');
    expect(await countsOf(ctx, eventId)).toMatchObject({ declined: 0, confirmed: 1 });
  });

  it('withdraws a confirmed seat; withdrawing without a registration is 409 not_registered', async () => {
    const { ctx, eventId, people } = await setup(2);
    const refused = await ctx.request('POST', `/api/r/${people[1]!.token}/withdraw`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('not_registered');
    await ctx.request('POST', `/api/r/${people[0]!.token}/accept`, {});
    const withdrawn = await ctx.request('POST', `/api/r/${people[0]!.token}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toEqual({ response: 'withdrawn' });
    expect((await ctx.request('POST', `/api/r/${people[0]!.token}/withdraw`)).body).toEqual({ response: 'withdrawn' });
    expect(await countsOf(ctx, eventId)).toMatchObject({ confirmed: 0 });
  });

  it('changes details with PATCH (null removes one); not before accepting; not after the deadline', async () => {
    const { ctx, clock, people } = await setup(1);
    const token = people[0]!.token;
    const early = await ctx.request('PATCH', `/api/r/${token}`, { body: { details: { dietary: 'Chay' } } });
    expect(early.status).toBe(409);
    expect(early.body.error).toBe('not_registered');
    await ctx.request('POST', `/api/r/${token}/accept`, { body: { details: { phone: '0912345678', dietary: 'Chay' } } });
    const changed = await ctx.request('PATCH', `/api/r/${token}`, { body: { details: { dietary: null, studentId: 'K45' } } });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ response: 'confirmed', details: { phone: '+84912345678', studentId: 'K45' } });
    expect((await ctx.request('GET', `/api/r/${token}`)).body.details).toEqual({ phone: '+84912345678', studentId: 'K45' });
    const invalid = await ctx.request('PATCH', `/api/r/${token}`, { body: { details: { phone: 'abc' } } });
    expect(invalid.status).toBe(422);
    clock.set('2027-03-02T00:00:00.000Z');
    const late = await ctx.request('PATCH', `/api/r/${token}`, { body: { details: { studentId: 'K46' } } });
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('registration_closed');
  });
});

describe('DELETE of an invitation that holds an answer', () => {
  it('frees a confirmed seat in the same transaction and gives it to the first waiting, who is mailed', async () => {
    const { ctx, clock, eventId, people, organiser } = await setup(4, { capacity: 2 });
    for (const person of people) {
      await ctx.request('POST', `/api/r/${person.token}/accept`, {});
      clock.set(new Date(clock().getTime() + 1000).toISOString());
    }
    expect(await countsOf(ctx, eventId)).toMatchObject({ invited: 4, confirmed: 2, waitlisted: 2 });
    const [first, , third, fourth] = people as [Invitee, Invitee, Invitee, Invitee];
    expect((await ctx.deps.registrations.registrations.listWaitlist(eventId)).map((w) => w.invitationId)).toEqual([third.invitationId, fourth.invitationId]);

    const deleted = await organiser('DELETE', `/api/events/${eventId}/invitations/${first.invitationId}`);
    expect(deleted.status).toBe(204);
    // The seat went to the first waiting; the second still waits.
    expect(await countsOf(ctx, eventId)).toMatchObject({ invited: 3, confirmed: 2, waitlisted: 1 });
    expect(await tally(ctx, eventId)).toEqual({ confirmed: 2, waitlisted: 1 });
    expect((await ctx.request('GET', `/api/r/${third.token}`)).body.response).toBe('confirmed');
    expect((await outboxOf(ctx, eventId)).filter((m) => m.kind === 'promoted').map((m) => m.invitationId)).toEqual([third.invitationId]);
    // Nothing of the removed invitee is left: no registration, no link.
    const registration = await ctx.db.send(new GetCommand({ TableName: ctx.tableName, Key: { pk: `EVENT#${eventId}`, sk: `REG#${first.invitationId}` } }));
    expect(registration.Item).toBeUndefined();
    expect((await ctx.request('GET', `/api/r/${first.token}`)).status).toBe(404);

    // A waiting invitee removed leaves the waiting list with them: nobody is promoted in their place.
    expect((await organiser('DELETE', `/api/events/${eventId}/invitations/${fourth.invitationId}`)).status).toBe(204);
    expect(await countsOf(ctx, eventId)).toMatchObject({ invited: 2, confirmed: 2, waitlisted: 0 });
    expect(await ctx.deps.registrations.registrations.listWaitlist(eventId)).toEqual([]);
  });

  it('counts a checked-in invitee out of checkedIn as well as confirmed', async () => {
    const { ctx, eventId, people, organiser } = await setup(1);
    await ctx.request('POST', `/api/r/${people[0]!.token}/accept`, {});
    expect((await organiser('POST', `/api/events/${eventId}/attendees/${people[0]!.invitationId}/check-in`)).status).toBe(200);
    expect(await countsOf(ctx, eventId)).toMatchObject({ invited: 1, confirmed: 1, checkedIn: 1 });
    expect((await organiser('DELETE', `/api/events/${eventId}/invitations/${people[0]!.invitationId}`)).status).toBe(204);
    expect(await countsOf(ctx, eventId)).toMatchObject({ invited: 0, confirmed: 0, checkedIn: 0 });
  });

  it('counts a declined invitee out of declined', async () => {
    const { ctx, eventId, people, organiser } = await setup(1);
    await ctx.request('POST', `/api/r/${people[0]!.token}/decline`, { body: {} });
    expect(await countsOf(ctx, eventId)).toMatchObject({ invited: 1, declined: 1 });
    expect((await organiser('DELETE', `/api/events/${eventId}/invitations/${people[0]!.invitationId}`)).status).toBe(204);
    expect(await countsOf(ctx, eventId)).toMatchObject({ invited: 0, declined: 0 });
  });
});

describe('closed, cancelled and unknown', () => {
  it('after the deadline accept, decline and withdraw are 409 registration_closed; accepting again still answers', async () => {
    const { ctx, clock, eventId, people } = await setup(2);
    await ctx.request('POST', `/api/r/${people[0]!.token}/accept`, {});
    clock.set('2027-03-01T10:00:00.000Z'); // 17:00 in Hà Nội: the deadline itself
    for (const [method, path] of [
      ['POST', `/api/r/${people[1]!.token}/accept`],
      ['POST', `/api/r/${people[1]!.token}/decline`],
      ['POST', `/api/r/${people[0]!.token}/withdraw`],
    ] as const) {
      const refused = await ctx.request(method, path);
      expect(refused.status).toBe(409);
      expect(refused.body.error).toBe('registration_closed');
    }
    expect((await ctx.request('POST', `/api/r/${people[0]!.token}/accept`)).body.response).toBe('confirmed');
    expect(await countsOf(ctx, eventId)).toMatchObject({ confirmed: 1 });
  });

  it('a cancelled event answers 409 event_cancelled; a closed one registration_closed', async () => {
    const { ctx, organiser, eventId, people } = await setup(1);
    await organiser('POST', `/api/events/${eventId}/cancel`);
    const cancelled = await ctx.request('POST', `/api/r/${people[0]!.token}/accept`);
    expect(cancelled.status).toBe(409);
    expect(cancelled.body.error).toBe('event_cancelled');

    const other = await setup(1);
    await other.organiser('POST', `/api/events/${other.eventId}/close`);
    const closed = await other.ctx.request('POST', `/api/r/${other.people[0]!.token}/decline`);
    expect(closed.status).toBe(409);
    expect(closed.body.error).toBe('registration_closed');
  });

  it('the reason for cancelling, given without a notice, stays with the event: the organiser and every personal link read it', async () => {
    const { ctx, organiser, eventId, people } = await setup(1);
    const reason = 'Do ảnh hưởng của bão số 5, Ban tổ chức quyết định hủy.'.normalize('NFD');
    const cancelled = await organiser('POST', `/api/events/${eventId}/cancel`, { body: { notify: false, reason } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.event.cancelReason).toBe(reason.normalize('NFC'));
    expect((await organiser('GET', `/api/events/${eventId}`)).body.event.cancelReason).toBe(reason.normalize('NFC'));
    const opened = await ctx.request('GET', `/api/r/${people[0]!.token}`);
    expect(opened.body.event).toMatchObject({ status: 'cancelled', cancelReason: reason.normalize('NFC') });
    // Cancelled without a word: nothing is made up.
    const other = await setup(1);
    await other.organiser('POST', `/api/events/${other.eventId}/cancel`, { body: {} });
    expect((await other.ctx.request('GET', `/api/r/${other.people[0]!.token}`)).body.event.cancelReason).toBeUndefined();
  });

  it('an unknown or revoked token gets the same 404 on every answer route, without a session', async () => {
    const { ctx, eventId, people } = await setup(1);
    await ctx.deps.invitations.invitations.rotateToken(eventId, people[0]!.invitationId);
    const unknown = randomBytes(32).toString('base64url');
    for (const token of [people[0]!.token, unknown, 'short']) {
      for (const [method, path, body] of [
        ['POST', `/api/r/${token}/accept`, {}],
        ['POST', `/api/r/${token}/decline`, {}],
        ['POST', `/api/r/${token}/withdraw`, undefined],
        ['PATCH', `/api/r/${token}`, { details: {} }],
      ] as const) {
        const response = await ctx.request(method, path, body ? { body } : {});
        expect(response.status).toBe(404);
        expect(response.body.error).toBe('invitation_not_found');
      }
    }
  });
});

describe('capacity under a crowd', () => {
  it('30 accept a 10-seat event at once: exactly 10 confirmed, 20 waitlisted; 5 withdraw at once: the first 5 waiting move up, each mailed once', async () => {
    const { ctx, eventId, people } = await setup(30, { capacity: 10 });
    const answers = await Promise.all(people.map((p) => ctx.request('POST', `/api/r/${p.token}/accept`, {})));
    expect(answers.map((a) => a.status)).toEqual(people.map(() => 200));
    const responses = answers.map((a) => a.body.response);
    expect(responses.filter((r) => r === 'confirmed')).toHaveLength(10);
    expect(responses.filter((r) => r === 'waitlisted')).toHaveLength(20);
    expect(await countsOf(ctx, eventId)).toMatchObject({ confirmed: 10, waitlisted: 20 });
    expect(await tally(ctx, eventId)).toEqual({ confirmed: 10, waitlisted: 20 });

    const organiser = await ctx.as('staff');
    const waitlist = (await organiser('GET', `/api/events/${eventId}/registrations/waitlist`)).body.items as { invitationId: string; position: number }[];
    expect(waitlist).toHaveLength(20);
    expect(waitlist.map((w) => w.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    const confirmed = people.filter((_, i) => responses[i] === 'confirmed').slice(0, 5);
    const withdrawals = await Promise.all(confirmed.map((p) => ctx.request('POST', `/api/r/${p.token}/withdraw`)));
    expect(withdrawals.map((w) => w.body.response)).toEqual(confirmed.map(() => 'withdrawn'));
    expect(await countsOf(ctx, eventId)).toMatchObject({ confirmed: 10, waitlisted: 15 });
    expect(await tally(ctx, eventId)).toEqual({ confirmed: 10, waitlisted: 15, withdrawn: 5 });
    const firstFive = waitlist.slice(0, 5).map((w) => w.invitationId);
    for (const id of firstFive) expect((await ctx.deps.invitations.invitations.findById(eventId, id))!.response).toBe('confirmed');
    const after = (await organiser('GET', `/api/events/${eventId}/registrations/waitlist`)).body.items as { invitationId: string }[];
    expect(after.map((w) => w.invitationId)).toEqual(waitlist.slice(5).map((w) => w.invitationId));
    const promoted = (await outboxOf(ctx, eventId)).filter((m) => m.kind === 'promoted');
    expect(promoted.map((m) => m.invitationId).sort()).toEqual([...firstFive].sort());

    // Raising the capacity by 3 moves the next 3 up at once; removing it moves up everyone.
    const admin = await ctx.as('organiser');
    const raised = await admin('PATCH', `/api/events/${eventId}`, { body: { capacity: 13 } });
    expect(raised.status).toBe(200);
    expect(raised.body.event.counts).toMatchObject({ confirmed: 13, waitlisted: 12 });
    for (const w of waitlist.slice(5, 8)) expect((await ctx.deps.invitations.invitations.findById(eventId, w.invitationId))!.response).toBe('confirmed');
    expect((await admin('PATCH', `/api/events/${eventId}`, { body: { capacity: null } })).body.event.counts).toMatchObject({ confirmed: 25, waitlisted: 0 });
    const promotedMails = (await outboxOf(ctx, eventId)).filter((m) => m.kind === 'promoted');
    expect(promotedMails).toHaveLength(20);
    expect(new Set(promotedMails.map((m) => m.invitationId)).size).toBe(20);
  });
});
