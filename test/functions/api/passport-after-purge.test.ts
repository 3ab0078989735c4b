import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { purgeExpiredPassportData } from '../../../shared/delegations/purge-passport-data.js';
import { mondulkiriTrip, passport as passportOf, passportConsent } from './delegation-support.js';
import { createTestContext } from '../../support/test-context.js';
import { testClock } from './answering-support.js';
import { createEvent } from './invitations-support.js';

/** The Mondulkiri trip ends 2027-03-14T10:00Z; with 30 days' retention its passport data goes 2027-04-13T10:00Z. */
const trip = mondulkiriTrip;
const consent = passportConsent;
const passport = passportOf('B7654321');

async function purgedTrip() {
  const clock = testClock();
  const ctx = await createTestContext({ now: clock });
  const organiser = await ctx.as('organiser');
  const eventId = await createEvent(organiser, trip);
  expect((await organiser('POST', `/api/events/${eventId}/publish`)).status).toBe(200);
  const head = await organiser('POST', `/api/events/${eventId}/delegation/members`, {
    body: { name: 'Y Ngông Niê Kdăm', email: 'truongdoan@example.org', role: 'head', details: { ...passport, passportNumber: 'B1111111' }, consent },
  });
  expect(head.status).toBe(201);
  clock.set('2027-04-20T03:00:00.000Z');
  const purge = await purgeExpiredPassportData(ctx.deps.passportPurge, clock());
  expect(purge.purged).toEqual([{ eventId, people: 1 }]);
  // A session of today: the one from the trip has long expired.
  return { ctx, clock, organiser: await ctx.as('organiser'), eventId, headId: head.body.member.invitationId as string };
}

describe('passport data after the purge', () => {
  it('is refused with 422 when an organiser adds a member with it or patches it in', async () => {
    const { organiser, eventId, headId } = await purgedTrip();
    const added = await organiser('POST', `/api/events/${eventId}/delegation/members`, {
      body: { name: 'Trần Văn Tài', role: 'driver', headInvitationId: headId, details: passport, consent },
      headers: { 'accept-language': 'en' },
    });
    expect(added.status).toBe(422);
    expect(added.body.error).toBe('passport_data_purged');
    expect(added.body.message).toMatch(/past the time passport data is kept/);
    expect(added.body.details).toMatchObject({ fields: ['passportNumber', 'passportExpiry', 'dateOfBirth'] });

    const patched = await organiser('PATCH', `/api/events/${eventId}/delegation/members/${headId}`, { body: { details: { passportNumber: 'B2222222' }, consent } });
    expect(patched.status).toBe(422);
    expect(patched.body.error).toBe('passport_data_purged');
    expect(patched.body.message).toMatch(/dữ liệu hộ chiếu/);

    const onBehalf = await organiser('POST', `/api/events/${eventId}/registrations/on-behalf/${headId}`, {
      body: { action: 'accept', channel: 'phone', details: passport, consent },
    });
    expect(onBehalf.status).toBe(422);

    // Anything else about a member may still change.
    expect((await organiser('PATCH', `/api/events/${eventId}/delegation/members/${headId}`, { body: { phone: '+84912345678' } })).status).toBe(200);
    const roster = await organiser('GET', `/api/events/${eventId}/delegation`);
    expect(roster.body.items.every((m: { details: Record<string, unknown> }) => m.details.passportNumber === undefined)).toBe(true);
  });

  it('is refused past the purge date even before the purge has run', async () => {
    const clock = testClock();
    const ctx = await createTestContext({ now: clock });
    const eventId = await createEvent(await ctx.as('organiser'), trip);
    clock.set('2027-04-13T10:00:01.000Z');
    let organiser = await ctx.as('organiser');
    const added = await organiser('POST', `/api/events/${eventId}/delegation/members`, { body: { name: 'Trần Văn Tài', role: 'head', details: passport, consent } });
    expect(added.status).toBe(422);
    expect(added.body.error).toBe('passport_data_purged');
    // A day before it, the same is taken.
    clock.set('2027-04-12T10:00:00.000Z');
    organiser = await ctx.as('organiser');
    expect((await organiser('POST', `/api/events/${eventId}/delegation/members`, { body: { name: 'Trần Văn Tài', role: 'head', details: passport, consent } })).status).toBe(201);
  });

  it('is found by the next purge whatever the event’s mark, when some came back after a purge', async () => {
    const { ctx, clock, eventId, headId } = await purgedTrip();
    // Written behind the use cases' back (as the hole let it be before): on the invitation and its registration.
    for (const sk of [`INV#${headId}`, `REG#${headId}`]) {
      await ctx.db.send(
        new UpdateCommand({
          TableName: ctx.tableName,
          Key: { pk: `EVENT#${eventId}`, sk },
          UpdateExpression: 'SET details.passportNumber = :n',
          ConditionExpression: 'attribute_exists(details)',
          ExpressionAttributeValues: { ':n': 'B9999999' },
        }),
      );
    }
    clock.set('2027-04-21T03:00:00.000Z');
    const again = await purgeExpiredPassportData(ctx.deps.passportPurge, clock());
    expect(again.purged).toEqual([{ eventId, people: 1 }]);
    expect((await ctx.deps.invitations.invitations.findById(eventId, headId))!.details?.passportNumber).toBeUndefined();
    expect(((await ctx.deps.registrations.registrations.findRegistration(eventId, headId))!.details as Record<string, unknown> | undefined)?.passportNumber).toBeUndefined();
    // Nothing left: the day after, nothing to do and nothing logged.
    expect((await purgeExpiredPassportData(ctx.deps.passportPurge, clock())).purged).toEqual([]);
  });
});
