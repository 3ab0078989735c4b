import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/test-context.js';
import { createEvent } from './invitations-support.js';
import { delegationHead, mondulkiriTrip } from './delegation-support.js';

/** A delegation with one member whose passport is on file. */
async function delegationWithPassport() {
  const ctx = await createTestContext();
  const organiser = await ctx.as('organiser');
  const eventId = await createEvent(organiser, mondulkiriTrip);
  expect((await organiser('POST', `/api/events/${eventId}/publish`)).status).toBe(200);
  const added = await organiser('POST', `/api/events/${eventId}/delegation/members`, {
    body: delegationHead,
  });
  expect(added.status).toBe(201);
  return { ctx, organiser, staff: await ctx.as('staff'), eventId };
}

describe('passport data in attendee lists', () => {
  it('shows it to organisers, masks it for staff in lists, and refuses staff an explicit request with a 403', async () => {
    const { organiser, staff, eventId } = await delegationWithPassport();

    const full = await organiser('GET', `/api/events/${eventId}/attendees?details=passport`);
    expect(full.status).toBe(200);
    expect(full.body.items[0].details).toMatchObject({ passportNumber: 'C1234567', passportExpiry: '2031-01-31' });

    const masked = await staff('GET', `/api/events/${eventId}/attendees?details=true`);
    expect(masked.status).toBe(200);
    expect(masked.body.items[0].details).toMatchObject({ passportNumber: '••••••67', passportExpiry: '••••' });
    expect(JSON.stringify(masked.body)).not.toContain('C1234567');

    const refused = await staff('GET', `/api/events/${eventId}/attendees?details=passport`, { headers: { 'accept-language': 'en' } });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ error: 'passport_data_forbidden', message: 'Only organisers and administrators may see passport data.' });
    const refusedCsv = await staff('GET', `/api/events/${eventId}/attendees?details=passport&format=csv`);
    expect(refusedCsv.status).toBe(403);
    expect(refusedCsv.body.error).toBe('passport_data_forbidden');
  });
});
