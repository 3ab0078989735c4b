import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { createCheckInCodes } from '../../../shared/attendees/check-in-codes.js';
import { deliverOutboxMessage } from '../../../shared/email/deliver-outbox-message.js';
import { CHECK_IN_QR_CONTENT_ID } from '../../../shared/email/seat-attachments.js';
import { buildMailDeps } from '../../../functions/mail/mail-deps.js';
import { createEvent } from '../api/invitations-support.js';
import { outboxOf, testClock } from '../api/answering-support.js';
import { useSesEmulator, type StoredMail } from '../../support/ses-emulator.js';
import { createOrganiserContext, TEST_LINK_SECRET, type TestContext } from '../../support/test-context.js';
import { readQr } from '../../shared/email/read-qr.js';
import { heldOn } from '../../support/event-times.js';

/**
 * Issue 7's confirmation mail on the real engines: answers through the app on DynamoDB Local, the
 * outbox delivered by the product's own mail deps through the SES emulator, which parses the raw
 * MIME message with a real mail parser and keeps what a reader would see.
 */
const ses = useSesEmulator();

const mailsTo = (address: string) => ses().mailsTo(address);

const tag = Math.random().toString(36).slice(2, 8);
const vi = { name: 'Nguyễn Văn An', email: `an.${tag}@example.org`, language: 'vi' };
const en = { name: 'Siobhán O’Brien', email: `siobhan.${tag}@example.org`, language: 'en' };

async function deliverAll(ctx: TestContext, eventId: string, clock: () => Date) {
  const delivery = buildMailDeps(ctx.config, ctx.db, ses().mailer, clock).delivery;
  const outcomes = await Promise.all((await outboxOf(ctx, eventId)).map((m) => deliverOutboxMessage(delivery, m)));
  expect(outcomes.every((o) => o === 'sent')).toBe(true);
}

function calendarOf(mail: StoredMail) {
  const files = (mail.attachments ?? []).filter((a) => a.contentType === 'text/calendar');
  expect(files).toHaveLength(1);
  const calendar = new ICAL.Component(ICAL.parse(Buffer.from(files[0]!.content, 'base64').toString('utf8')));
  return { calendar, vevents: calendar.getAllSubcomponents('vevent') };
}

function qrOf(mail: StoredMail) {
  const images = (mail.attachments ?? []).filter((a) => a.contentType === 'image/png');
  expect(images).toHaveLength(1);
  return { image: images[0]!, png: Buffer.from(images[0]!.content, 'base64') };
}

describe('the confirmation mail', () => {
  it('carries a calendar file and a QR of the door code; the desk checks in with what the QR holds', async () => {
    const clock = testClock();
    const { ctx, organiser } = await createOrganiserContext({ now: clock });
    const eventId = await createEvent(organiser, {
      type: 'youth_forum',
      title: { vi: 'Diễn đàn thanh niên hữu nghị Việt – Lào', en: 'Vietnam–Laos youth friendship forum' },
      venue: 'Hội trường A; tầng 2, 15 Lê Duẩn, Buôn Ma Thuột',
      ...heldOn('2027-03-10', '08:00', '11:30'),
      registrationClosesAt: '2027-03-01T17:00:00+07:00',
      contact: { name: 'Lê Thị Thu Hà', email: 'ha.ltt@example.org', phone: '0905 123 456' },
      capacity: 1,
    });
    expect((await organiser('POST', `/api/events/${eventId}/invitations`, { body: { invitees: [vi, en] } })).status).toBe(200);
    expect((await organiser('POST', `/api/events/${eventId}/publish`)).status).toBe(200);
    const stored = await ctx.deps.invitations.invitations.listAllByEvent(eventId);
    const person = (email: string) => {
      const invitation = stored.find((s) => s.email === email)!;
      return { invitationId: invitation.invitationId, token: ctx.deps.invitations.invitations.linkTokenOf(invitation) };
    };
    const an = person(vi.email);
    const siobhan = person(en.email);
    const codes = createCheckInCodes(TEST_LINK_SECRET);

    // One seat: the first to accept is confirmed, the second waits.
    expect((await ctx.request('POST', `/api/r/${an.token}/accept`, { body: {} })).status).toBe(200);
    expect((await ctx.request('POST', `/api/r/${siobhan.token}/accept`, { body: {} })).status).toBe(200);
    await deliverAll(ctx, eventId, clock);

    const [confirmation, ...moreToAn] = await mailsTo(vi.email);
    expect(moreToAn).toEqual([]);
    expect(confirmation!.subject).toBe('Xác nhận tham dự: Diễn đàn thanh niên hữu nghị Việt – Lào');
    // The display name went out RFC 2047-encoded and came back whole (the parser quotes it).
    expect(confirmation!.from.replace(/"/g, '')).toBe('Hữu Nghị Events <no-reply@huu-nghi.example.org>');

    // The calendar file: one event, at 08:00–11:30 in Buôn Ma Thuột written in UTC.
    const { calendar, vevents } = calendarOf(confirmation!);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(vevents).toHaveLength(1);
    const vevent = new ICAL.Event(vevents[0]!);
    expect(vevent.startDate.toString()).toBe('2027-03-10T01:00:00Z');
    expect(vevent.endDate.toString()).toBe('2027-03-10T04:30:00Z');
    expect(vevent.startDate.zone).toBe(ICAL.Timezone.utcTimezone);
    expect(vevent.summary).toBe('Diễn đàn thanh niên hữu nghị Việt – Lào');
    expect(vevent.location).toBe('Hội trường A; tầng 2, 15 Lê Duẩn, Buôn Ma Thuột');
    expect(vevent.organizer).toBe('mailto:ha.ltt@example.org');

    // The QR: a PNG shown in the HTML, holding the door code, and nothing of the personal link.
    const anCode = codes.codeFor(eventId, an.invitationId);
    const { image, png } = qrOf(confirmation!);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(image).toMatchObject({ cid: CHECK_IN_QR_CONTENT_ID, contentDisposition: 'inline' });
    // The parser resolved the HTML's cid: reference to this very image (and stored it inline).
    expect(confirmation!.body.html).toContain(`<img src="data:image/png;base64,${image.content}"`);
    const scanned = readQr(png);
    expect(scanned.text).toBe(anCode);
    expect(scanned.width).toBeGreaterThanOrEqual(200);
    expect(scanned.text).not.toContain(an.token);
    expect(confirmation!.body.text).toContain(`Mã vào cửa: ${anCode.slice(0, 5)}-${anCode.slice(5)}`);
    expect(confirmation!.body.text).toContain(`/r/${an.token}`);

    // Waiting is not a seat: a plain notice, no door code, no files.
    const [waiting] = await mailsTo(en.email);
    expect(waiting!.subject).toBe('Waiting list: Vietnam–Laos youth friendship forum');
    expect(waiting!.attachments ?? []).toEqual([]);
    expect(waiting!.body.text).not.toContain('Door code');

    // The seat freed goes to the one who waited: their notice carries their own code, in English.
    expect((await ctx.request('POST', `/api/r/${an.token}/withdraw`, { body: {} })).status).toBe(200);
    await deliverAll(ctx, eventId, clock);
    const promoted = (await mailsTo(en.email)).find((m) => m.subject === 'A place for you: Vietnam–Laos youth friendship forum')!;
    const englishEvent = new ICAL.Event(calendarOf(promoted).vevents[0]!);
    expect(englishEvent.summary).toBe('Vietnam–Laos youth friendship forum');
    expect(englishEvent.uid).not.toBe(vevent.uid);
    const siobhanCode = readQr(qrOf(promoted).png).text;
    expect(siobhanCode).toBe(codes.codeFor(eventId, siobhan.invitationId));
    expect(promoted.body.text).toContain('Door code: ');

    // At the door, what the camera read is what the desk takes.
    const staff = await ctx.as('staff');
    const checkedIn = await staff('POST', `/api/events/${eventId}/attendees/check-ins`, { body: { code: siobhanCode } });
    expect(checkedIn.status).toBe(200);
    expect(checkedIn.body.name).toBe('Siobhán O’Brien');
  });
});
