import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createTestContext, type ApiResponse, type TestContext } from '../../support/test-context.js';
import { countsOf, outboxOf, publishedEvent, tally, testClock } from './answering-support.js';

/**
 * The answer path as DynamoDB behaves under a rush: the local client in its contention test mode
 * (shared/aws/contention-mode.ts) cancels a transaction naming an item another in-flight
 * transaction holds, fails a plain write on such an item, and throttles 2% of all calls.
 */
const CONTENTION = { DYNAMODB_CONTENTION: '1', DYNAMODB_THROTTLE_SHARE: '0.02' };

async function setup(count: number, overrides: Record<string, unknown> = {}) {
  const clock = testClock();
  const ctx = await createTestContext({ now: clock, env: CONTENTION });
  const event = await publishedEvent(ctx, count, overrides);
  return { ctx, clock, ...event };
}

/** 200, or a refusal the client may retry after the time it is told; never a 500. */
function answeredOrToldToRetry(response: ApiResponse) {
  if (response.status < 300) return true;
  return (response.status === 409 || response.status === 503) && Number(response.headers.get('retry-after')) > 0;
}

/** The write capacity each transaction of the answer path consumed, as DynamoDB reports it. */
function recordWriteUnits(ctx: TestContext) {
  const units: number[] = [];
  ctx.db.middlewareStack.add(
    (next, context) => async (args) => {
      const command = (context as { commandName?: string }).commandName;
      if (command !== 'TransactWriteCommand' && command !== 'TransactWriteItemsCommand') return next(args);
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: { CapacityUnits?: number }[] }).ConsumedCapacity ?? [];
      units.push(consumed.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0));
      return result;
    },
    { step: 'initialize', name: 'recordWriteUnits' },
  );
  return units;
}

describe('a rush on the seats, with conflicts and throttling as the service makes them', () => {
  it('1,000 answers on 100 seats: exactly the capacity confirmed, no 5xx, no registration_busy; raising the capacity and door check-ins meanwhile are never a 500', async () => {
    const { ctx, eventId, people, organiser } = await setup(1000, { capacity: 100 });
    const staff = await ctx.as('staff');
    // Ten come early and are at the door while the crowd answers.
    const early = people.slice(0, 10);
    for (const p of early) expect((await ctx.request('POST', `/api/r/${p.token}/accept`, {})).status).toBe(200);

    const crowd = people.slice(10);
    const rush = Promise.all(crowd.map((p) => ctx.request('POST', `/api/r/${p.token}/accept`, {})));
    const edits: ApiResponse[] = [];
    const doors: ApiResponse[] = [];
    const alongside = (async () => {
      for (const capacity of [101, 102, 103]) {
        edits.push(await organiser('PATCH', `/api/events/${eventId}`, { body: { capacity } }));
      }
    })();
    const atTheDoor = Promise.all(
      early.map(async (p) => doors.push(await staff('POST', `/api/events/${eventId}/attendees/${p.invitationId}/check-in`))),
    );
    const [answers] = await Promise.all([rush, alongside, atTheDoor]);

    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    expect(answers.filter((a) => a.body?.error === 'registration_busy')).toEqual([]);
    expect(answers.map((a) => a.status)).toEqual(crowd.map(() => 200));
    for (const response of [...edits, ...doors]) expect(answeredOrToldToRetry(response)).toBe(true);

    const capacity = (await ctx.deps.events.events.findById(eventId))!.capacity!;
    const stored = await tally(ctx, eventId);
    expect(stored.confirmed).toBe(capacity);
    expect(stored.waitlisted).toBe(1000 - capacity);
    expect(await countsOf(ctx, eventId)).toMatchObject({ confirmed: capacity, waitlisted: 1000 - capacity });
    const checkedIn = doors.filter((d) => d.status === 200).length;
    expect((await countsOf(ctx, eventId)).checkedIn).toBe(checkedIn);
    // One notice each: a confirmation or a waiting-list place (or, after a raise, a promotion).
    const mails = await outboxOf(ctx, eventId);
    expect(new Set(mails.filter((m) => m.kind !== 'promoted').map((m) => m.invitationId)).size).toBe(1000);
    expect(mails.filter((m) => m.kind !== 'promoted')).toHaveLength(1000);
  }, 300_000);

  it('10 withdrawals at once → 10 promotions, in order; nobody waits beside a free seat', async () => {
    const { ctx, eventId, people } = await setup(40, { capacity: 20 });
    const answers = await Promise.all(people.map((p) => ctx.request('POST', `/api/r/${p.token}/accept`, {})));
    expect(answers.map((a) => a.status)).toEqual(people.map(() => 200));
    const waitlist = await ctx.deps.registrations.registrations.listWaitlist(eventId);
    expect(waitlist).toHaveLength(20);
    const leaving = people.filter((_, i) => answers[i]!.body.response === 'confirmed').slice(0, 10);
    const withdrawals = await Promise.all(leaving.map((p) => ctx.request('POST', `/api/r/${p.token}/withdraw`)));
    expect(withdrawals.map((w) => w.status)).toEqual(leaving.map(() => 200));

    expect(await countsOf(ctx, eventId)).toMatchObject({ confirmed: 20, waitlisted: 10 });
    const promoted = (await outboxOf(ctx, eventId)).filter((m) => m.kind === 'promoted').map((m) => m.invitationId);
    expect(promoted.sort()).toEqual(waitlist.slice(0, 10).map((w) => w.invitationId).sort());
    const rest = await ctx.deps.registrations.registrations.listWaitlist(eventId);
    expect(rest.map((w) => w.invitationId)).toEqual(waitlist.slice(10).map((w) => w.invitationId));
    // The work is done: no "promotion due" mark is left for the sweep.
    expect(await ctx.deps.registrations.registrations.listPromotionsDue()).toEqual([]);
  }, 120_000);
});

describe('what an answer costs', () => {
  const threeByteText = (n: number) => 'ệ'.repeat(n);

  async function unitsPerAnswer(textChars: number) {
    const clock = testClock();
    const ctx = await createTestContext({ now: clock });
    const big = textChars > 0
      ? { description: { vi: threeByteText(textChars), en: 'x'.repeat(textChars) }, agenda: { vi: threeByteText(textChars) } }
      : {};
    const { eventId, people } = await publishedEvent(ctx, 4, { capacity: 2, ...big });
    const units = recordWriteUnits(ctx);
    // One at a time: each answer is a transaction of its own (confirmed, confirmed, waitlisted, declined).
    for (const [i, p] of people.entries()) {
      const path = i === 3 ? `/api/r/${p.token}/decline` : `/api/r/${p.token}/accept`;
      expect((await ctx.request('POST', path, {})).status).toBe(200);
    }
    expect(await countsOf(ctx, eventId)).toMatchObject({ confirmed: 2, waitlisted: 1, declined: 1 });
    return units;
  }

  it('≤ 12 write units per answer, the same for an event with 100 KB of text as for one with almost none', async () => {
    const small = await unitsPerAnswer(0);
    const large = await unitsPerAnswer(20_000);
    expect(small).toHaveLength(4);
    for (const u of [...small, ...large]) expect(u).toBeLessThanOrEqual(12);
    expect(large).toEqual(small);
  }, 60_000);
});

describe('events stored before the tallies', () => {
  it('read right, take answers and check-ins, and their counts move on from where they were', async () => {
    const ctx = await createTestContext({ now: testClock() });
    const { eventId, people, organiser } = await publishedEvent(ctx, 3, { capacity: 2 });
    // Rewrite the event the old way: counts inside the event item, no tally items.
    const { DeleteCommand, GetCommand } = await import('@aws-sdk/lib-dynamodb');
    const item = (await ctx.db.send(new GetCommand({ TableName: ctx.tableName, Key: { pk: `EVENT#${eventId}`, sk: 'EVENT' } }))).Item!;
    await ctx.db.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: { ...item, counts: { invited: 3, confirmed: 1, waitlisted: 0, pending: 0, declined: 0, checkedIn: 1 } },
      }),
    );
    for (const sk of ['EVENT#TALLY', 'EVENT#DOOR']) {
      await ctx.db.send(new DeleteCommand({ TableName: ctx.tableName, Key: { pk: `EVENT#${eventId}`, sk } }));
    }
    const listed = await organiser('GET', '/api/events');
    expect(listed.body.items.find((e: { eventId: string }) => e.eventId === eventId).counts).toMatchObject({ invited: 3, confirmed: 1, checkedIn: 1 });
    const read = await organiser('GET', `/api/events/${eventId}`);
    expect(read.body.event.counts).toEqual({ invited: 3, confirmed: 1, waitlisted: 0, pending: 0, declined: 0, checkedIn: 1 });
    // One seat of two was taken the old way: the next answer takes the last, the one after waits.
    expect((await ctx.request('POST', `/api/r/${people[0]!.token}/accept`, {})).body.response).toBe('confirmed');
    expect((await ctx.request('POST', `/api/r/${people[1]!.token}/accept`, {})).body.response).toBe('waitlisted');
    const staff = await ctx.as('staff');
    expect((await staff('POST', `/api/events/${eventId}/attendees/${people[0]!.invitationId}/check-in`)).status).toBe(200);
    expect(await countsOf(ctx, eventId)).toEqual({ invited: 3, confirmed: 2, waitlisted: 1, pending: 0, declined: 0, checkedIn: 2 });
  });
});
