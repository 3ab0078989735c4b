import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/test-context.js';
import { createEvent } from './invitations-support.js';

/** 20,000 characters of three bytes each in UTF-8 (60 KB), as DynamoDB counts them. */
const long = (prefix: string) => `${prefix} {{link}} ${'ệ'.repeat(20_000 - prefix.length - 10)}`;

describe('the size of an event', () => {
  it('refuses with 422 event_too_large, naming the longest parts, an edit that would pass what one item holds; the event stays as it was', async () => {
    const ctx = await createTestContext();
    const organiser = await ctx.as('organiser');
    const eventId = await createEvent(organiser);
    // Each edit is well under the request limit; together they grow the event.
    expect((await organiser('PATCH', `/api/events/${eventId}`, { body: { description: { vi: long('Mô tả'), en: long('About') } } })).status).toBe(200);
    expect((await organiser('PATCH', `/api/events/${eventId}`, { body: { agenda: { vi: long('Chương trình'), en: long('Agenda') } } })).status).toBe(200);
    const tooMuch = await organiser('PATCH', `/api/events/${eventId}`, {
      body: { mailTemplates: { invitation: { vi: { subject: 'Thư mời', body: long('Kính mời') }, en: { subject: 'Invitation', body: long('Dear') } } } },
      headers: { 'accept-language': 'en' },
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error).toBe('event_too_large');
    expect(tooMuch.body.details.sizeBytes).toBeGreaterThan(tooMuch.body.details.limitBytes);
    expect(tooMuch.body.details.largest.map((l: { part: string }) => l.part)).toContain('mailTemplates');
    expect(tooMuch.body.message).toMatch(/mailTemplates/);
    const after = await organiser('GET', `/api/events/${eventId}`);
    expect(after.body.event.mailTemplates).toBeUndefined();
    expect(after.body.event.agenda.en).toBe(long('Agenda'));
  });
});
