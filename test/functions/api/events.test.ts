import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/test-context.js';

const forum = {
  type: 'youth_forum',
  title: { vi: 'Diễn đàn Thanh niên hữu nghị', en: 'Youth Friendship Forum' },
  description: { vi: 'Giao lưu sinh viên', en: 'Student exchange' },
  venue: 'Trường Đại học Tây Nguyên',
  startsAt: '2026-03-26T08:00:00+07:00',
  endsAt: '2026-03-26T11:30:00+07:00',
  capacity: 300,
  registrationClosesAt: '2026-03-24T17:00:00+07:00',
  requiresApproval: false,
};

describe('events', () => {
  it('creates a draft with every field, shown in Asia/Ho_Chi_Minh, with zero counts', async () => {
    const ctx = await createTestContext();
    const organiser = await ctx.as('organiser');
    const created = await organiser('POST', '/api/events', {
      body: {
        ...forum,
        // Given in UTC: shown back in local time.
        startsAt: '2026-03-26T01:00:00Z',
        fields: [{ key: 'tshirt', label: { vi: 'Cỡ áo', en: 'T-shirt size' }, type: 'choice', choices: ['S', 'M', 'L'], required: true }],
      },
    });
    expect(created.status).toBe(201);
    const event = created.body.event;
    expect(event).toMatchObject({
      type: 'youth_forum',
      title: forum.title,
      description: forum.description,
      venue: forum.venue,
      startsAt: '2026-03-26T08:00:00+07:00',
      endsAt: '2026-03-26T11:30:00+07:00',
      registrationClosesAt: '2026-03-24T17:00:00+07:00',
      timeZone: 'Asia/Ho_Chi_Minh',
      capacity: 300,
      requiresApproval: false,
      status: 'draft',
      counts: { invited: 0, confirmed: 0, waitlisted: 0, pending: 0, declined: 0, checkedIn: 0 },
      createdBy: organiser.user.userId,
    });
    expect(event.fields).toEqual([{ key: 'tshirt', label: { vi: 'Cỡ áo', en: 'T-shirt size' }, type: 'choice', choices: ['S', 'M', 'L'], required: true }]);
    expect(typeof event.eventId).toBe('string');
    expect(event).not.toHaveProperty('version');

    const read = await organiser('GET', `/api/events/${event.eventId}`);
    expect(read.status).toBe(200);
    expect(read.body.event).toEqual(event);
  });

  it('gives an event without fields the fields of its type; a delegation asks for the passport', async () => {
    const ctx = await createTestContext();
    const organiser = await ctx.as('organiser');
    const { body } = await organiser('POST', '/api/events', { body: { ...forum, type: 'delegation', capacity: 12 } });
    const keys = body.event.fields.map((f: { key: string }) => f.key);
    expect(keys).toEqual(expect.arrayContaining(['delegationRole', 'dateOfBirth', 'passportNumber', 'passportExpiry']));
    expect(body.event.fields.filter((f: { required?: boolean }) => f.required).map((f: { key: string }) => f.key)).toEqual(['passportNumber', 'passportExpiry']);
  });

  it('edits part of an event, removes an optional field with null, and keeps the rules', async () => {
    const ctx = await createTestContext();
    const organiser = await ctx.as('organiser');
    const { body } = await organiser('POST', '/api/events', { body: forum });
    const id = body.event.eventId;

    const edited = await organiser('PATCH', `/api/events/${id}`, { body: { venue: 'Hội trường A', capacity: null } });
    expect(edited.status).toBe(200);
    expect(edited.body.event.venue).toBe('Hội trường A');
    expect(edited.body.event).not.toHaveProperty('capacity');
    expect(edited.body.event.title).toEqual(forum.title);

    // An end before the existing start, given alone, breaks the merged event.
    const bad = await organiser('PATCH', `/api/events/${id}`, { body: { endsAt: '2026-03-26T07:00:00+07:00' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'endsAt' })]));

    // Moving the start re-sorts the list.
    await organiser('PATCH', `/api/events/${id}`, { body: { startsAt: '2026-03-26T09:00:00+07:00' } });
    expect((await organiser('GET', `/api/events/${id}`)).body.event.startsAt).toBe('2026-03-26T09:00:00+07:00');
  });

  it('publishes, then cancels; a cancelled event can no longer be edited or published', async () => {
    const ctx = await createTestContext();
    const organiser = await ctx.as('organiser');
    const id = (await organiser('POST', '/api/events', { body: forum })).body.event.eventId;

    const published = await organiser('POST', `/api/events/${id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.event.status).toBe('published');
    const again = await organiser('POST', `/api/events/${id}/publish`);
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('event_wrong_state');

    const cancelled = await organiser('POST', `/api/events/${id}/cancel`);
    expect(cancelled.body.event.status).toBe('cancelled');
    expect((await organiser('PATCH', `/api/events/${id}`, { body: { venue: 'X' } })).status).toBe(409);
    expect((await organiser('POST', `/api/events/${id}/publish`)).status).toBe(409);
  });

  it('closes only a published event', async () => {
    const ctx = await createTestContext();
    const organiser = await ctx.as('organiser');
    const id = (await organiser('POST', '/api/events', { body: forum })).body.event.eventId;
    expect((await organiser('POST', `/api/events/${id}/close`)).status).toBe(409);
    await organiser('POST', `/api/events/${id}/publish`);
    expect((await organiser('POST', `/api/events/${id}/close`)).body.event.status).toBe('closed');
  });

  it('lists events paginated, filtered by type, status and time, in either order', async () => {
    const ctx = await createTestContext();
    const organiser = await ctx.as('organiser');
    const make = async (type: string, day: number) =>
      (await organiser('POST', '/api/events', {
        body: { ...forum, type, startsAt: `2026-04-${String(day).padStart(2, '0')}T08:00:00+07:00`, endsAt: `2026-04-${String(day).padStart(2, '0')}T10:00:00+07:00`, registrationClosesAt: undefined },
      })).body.event.eventId as string;
    const a = await make('training', 3);
    const b = await make('meeting', 1);
    const c = await make('training', 2);
    await organiser('POST', `/api/events/${c}/publish`);

    const page1 = await organiser('GET', '/api/events?limit=2');
    expect(page1.body.items.map((e: { eventId: string }) => e.eventId)).toEqual([b, c]);
    const page2 = await organiser('GET', `/api/events?limit=2&cursor=${encodeURIComponent(page1.body.nextCursor)}`);
    expect(page2.body.items.map((e: { eventId: string }) => e.eventId)).toEqual([a]);
    expect(page2.body.nextCursor).toBeUndefined();

    expect((await organiser('GET', '/api/events?type=training')).body.items.map((e: { eventId: string }) => e.eventId)).toEqual([c, a]);
    expect((await organiser('GET', '/api/events?status=published')).body.items.map((e: { eventId: string }) => e.eventId)).toEqual([c]);
    expect((await organiser('GET', '/api/events?order=desc')).body.items.map((e: { eventId: string }) => e.eventId)).toEqual([a, c, b]);
    expect((await organiser('GET', `/api/events?from=${encodeURIComponent('2026-04-02T12:00:00+07:00')}`)).body.items.map((e: { eventId: string }) => e.eventId)).toEqual([a]);
    expect((await organiser('GET', `/api/events?order=desc&before=${encodeURIComponent('2026-04-02T12:00:00+07:00')}`)).body.items.map((e: { eventId: string }) => e.eventId)).toEqual([c, b]);
  });

  it('lets staff read events but not change them', async () => {
    const ctx = await createTestContext();
    const organiser = await ctx.as('organiser');
    const staff = await ctx.as('staff');
    const id = (await organiser('POST', '/api/events', { body: forum })).body.event.eventId;
    expect((await staff('GET', '/api/events')).status).toBe(200);
    expect((await staff('GET', `/api/events/${id}`)).status).toBe(200);
    const patch = await staff('PATCH', `/api/events/${id}`, { body: { venue: 'X' } });
    expect(patch.status).toBe(403);
    expect(patch.body.error).toBe('forbidden');
  });

  it('answers 404 in the error shape for an unknown event, in the reader’s language', async () => {
    const ctx = await createTestContext();
    const organiser = await ctx.as('organiser');
    const vi = await organiser('GET', '/api/events/no-such-event');
    expect(vi.status).toBe(404);
    expect(vi.body).toEqual({ error: 'event_not_found', message: 'Không tìm thấy sự kiện.' });
    const en = await organiser('POST', '/api/events/no-such-event/publish', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.status).toBe(404);
    expect(en.body).toEqual({ error: 'event_not_found', message: 'Event not found.' });
  });

  it('refuses a capacity below the seats already confirmed with 422', async () => {
    const ctx = await createTestContext();
    const organiser = await ctx.as('organiser');
    const id = (await organiser('POST', '/api/events', { body: forum })).body.event.eventId;
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    // Seats are counted on the event's tally (shared/events/event-tallies-repository.ts), not in the event item.
    await ctx.db.send(new UpdateCommand({ TableName: ctx.tableName, Key: { pk: `EVENT#${id}`, sk: 'EVENT#TALLY' }, UpdateExpression: 'SET confirmed = :n', ExpressionAttributeValues: { ':n': 50 } }));
    const response = await organiser('PATCH', `/api/events/${id}`, { body: { capacity: 40 } });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: 'capacity_below_confirmed', details: { confirmed: 50 } });
  });
});
