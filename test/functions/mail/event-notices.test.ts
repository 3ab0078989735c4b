import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { deliverOutboxMessage } from '../../../shared/email/deliver-outbox-message.js';
import { buildMailDeps } from '../../../functions/mail/mail-deps.js';
import { createEvent } from '../api/invitations-support.js';
import { outboxOf, testClock } from '../api/answering-support.js';
import { useSesEmulator, type StoredMail } from '../../support/ses-emulator.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';
import { heldOn } from '../../support/event-times.js';

/**
 * Issue 15's notices and issue 24's calendar sequence on the real engines: the app on DynamoDB
 * Local, the outbox delivered by the product's mail deps through the SES emulator, every mail
 * read back from the emulator and every calendar file parsed with ical.js.
 */
const ses = useSesEmulator();

const mailsTo = (address: string) => ses().mailsTo(address);

async function deliverAll(ctx: TestContext, eventId: string, clock: () => Date) {
  const delivery = buildMailDeps(ctx.config, ctx.db, ses().mailer, clock).delivery;
  const messages = await outboxOf(ctx, eventId);
  const outcomes = await Promise.all(messages.map((m) => deliverOutboxMessage(delivery, m)));
  expect(outcomes.filter((o) => o !== 'sent' && o !== 'suppressed')).toEqual([]);
  return outcomes;
}

function calendarOf(mail: StoredMail) {
  const files = (mail.attachments ?? []).filter((a) => a.contentType === 'text/calendar');
  expect(files).toHaveLength(1);
  const calendar = new ICAL.Component(ICAL.parse(Buffer.from(files[0]!.content, 'base64').toString('utf8')));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: vevent.getFirstPropertyValue('uid'),
    sequence: Number(vevent.getFirstPropertyValue('sequence')),
    status: vevent.getFirstPropertyValue('status'),
    stamp: String(vevent.getFirstPropertyValue('dtstamp')),
    start: new ICAL.Event(vevent).startDate.toString(),
  };
}

const tag = Math.random().toString(36).slice(2, 8);
const seat = { salutation: 'Ông', name: 'Nguyễn Văn An', email: `an.${tag}@example.org`, language: 'vi' };
const waiting = { name: 'Siobhán O’Brien', email: `siobhan.${tag}@example.org`, language: 'en' };
const blocked = { name: 'Trần Thị Bình', email: `binh.${tag}@example.org`, language: 'vi' };
const neverSent = { name: 'Lê Văn Cường', phone: '0905 111 222', language: 'vi' };

describe('notices about a change and a cancellation', () => {
  // The clock moves by hours: the organiser's session (12 h) lasts the whole story.
  it('updates the seat’s calendar entry with a rising SEQUENCE, then cancels it under the same UID, each person once', async () => {
    const clock = testClock('2027-01-10T03:00:00.000Z');
    const ctx = await createTestContext({ now: clock });
    const organiser = await ctx.as('organiser');
    const eventId = await createEvent(organiser, {
      type: 'youth_forum',
      title: { vi: 'Diễn đàn thanh niên hữu nghị', en: 'Youth friendship forum' },
      venue: 'Hội trường A, Trường Đại học Tây Nguyên',
      ...heldOn('2027-03-26', '08:00', '11:00'),
      capacity: 1,
      addressForm: 'informal',
    });
    expect((await organiser('POST', `/api/events/${eventId}/invitations`, { body: { invitees: [seat, waiting, blocked, neverSent] } })).body.created).toBe(4);
    expect((await organiser('POST', `/api/events/${eventId}/publish`)).status).toBe(200);
    expect((await organiser('POST', `/api/events/${eventId}/invitations/send`, { body: {} })).body.queued).toBe(3);
    await deliverAll(ctx, eventId, clock);
    // Binh's invitation bounces (as SES reports it): the address is suppressed from then on.
    let stored = await ctx.deps.invitations.invitations.listAllByEvent(eventId);
    await ctx.deps.mail.outbox.recordDeliveryStatus(eventId, stored.find((s) => s.email === blocked.email)!.invitationId, 'bounced', clock().toISOString());
    await ctx.deps.mail.outbox.suppress({ email: blocked.email, reason: 'bounce', at: clock().toISOString() });
    stored = await ctx.deps.invitations.invitations.listAllByEvent(eventId);
    const tokenOf = (email: string) => ctx.deps.invitations.invitations.linkTokenOf(stored.find((s) => s.email === email)!);
    // The invitation greets by the invitee's own salutation; without one, by the event's "bạn".
    expect((await mailsTo(seat.email))[0]!.body.text).toMatch(/^Kính gửi Ông Nguyễn Văn An,/);
    expect((await mailsTo(blocked.email))[0]!.body.text).toMatch(/^Kính gửi bạn Trần Thị Bình,/);

    // An answer: the seat's confirmation carries the first calendar file.
    clock.set('2027-01-10T04:00:00.000Z');
    expect((await ctx.request('POST', `/api/r/${tokenOf(seat.email)}/accept`, { body: {} })).body.response).toBe('confirmed');
    expect((await ctx.request('POST', `/api/r/${tokenOf(waiting.email)}/accept`, { body: {} })).body.response).toBe('waitlisted');
    await deliverAll(ctx, eventId, clock);
    const first = calendarOf((await mailsTo(seat.email)).find((m) => m.subject.startsWith('Xác nhận tham dự'))!);
    expect(first).toMatchObject({ method: 'PUBLISH', sequence: 0, start: '2027-03-26T01:00:00Z', stamp: '2027-01-10T04:00:00Z' });

    // A change of time: a notice to everyone with a link, the seat's entry updated.
    clock.set('2027-01-10T05:00:00.000Z');
    const moved = await organiser('PATCH', `/api/events/${eventId}`, { body: { startsAt: '2027-03-26T13:30:00+07:00', endsAt: '2027-03-26T16:30:00+07:00' } });
    expect(moved.body.event.scheduleChange.previous.startsAt).toBe('2027-03-26T08:00:00+07:00');
    expect((await organiser('GET', `/api/events/${eventId}/notices/recipients`)).body).toEqual({ recipients: 2, withSeat: 1 });
    const preview = await organiser('POST', `/api/events/${eventId}/mail-preview`, {
      body: { kind: 'event_changed', invitationId: stored.find((s) => s.email === waiting.email)!.invitationId, note: 'Buổi sáng trùng lịch thi.' },
    });
    expect(preview.body.mail.subject).toBe('New time or place: Youth friendship forum');
    expect(preview.body.mail.text).toContain('Time: 13:30 – 16:30, Friday 26 March 2027');
    expect(preview.body.mail.text).toContain('Before: 08:00 – 11:00, Friday 26 March 2027, Hội trường A, Trường Đại học Tây Nguyên');
    const changed = await organiser('POST', `/api/events/${eventId}/notices`, { body: { kind: 'event_changed', note: 'Buổi sáng trùng lịch thi.' } });
    expect(changed).toMatchObject({ status: 202, body: { queued: 2 } });
    // A double click or a retry mails nobody twice.
    expect((await organiser('POST', `/api/events/${eventId}/notices`, { body: { kind: 'event_changed' } })).body.queued).toBe(0);
    await deliverAll(ctx, eventId, clock);
    expect((await organiser('POST', `/api/events/${eventId}/notices`, { body: { kind: 'event_changed' } })).body.queued).toBe(0);

    const changeToSeat = (await mailsTo(seat.email)).filter((m) => m.subject.startsWith('Thay đổi thời gian'));
    expect(changeToSeat).toHaveLength(1);
    expect(changeToSeat[0]!.body.text).toContain('Thời gian: 13:30 – 16:30, Thứ Sáu, 26/03/2027');
    expect(changeToSeat[0]!.body.text).toContain('Ghi chú của Ban tổ chức: Buổi sáng trùng lịch thi.');
    expect(changeToSeat[0]!.body.text).toContain(`/r/${tokenOf(seat.email)}`);
    const second = calendarOf(changeToSeat[0]!);
    expect(second).toMatchObject({ method: 'PUBLISH', uid: first.uid, sequence: 1, start: '2027-03-26T06:30:00Z', stamp: '2027-01-10T05:00:00Z' });
    // No seat, no calendar file; the suppressed address and the invitee never mailed hear nothing.
    const changeToWaiting = (await mailsTo(waiting.email)).filter((m) => m.subject.startsWith('New time or place'));
    expect(changeToWaiting).toHaveLength(1);
    expect(changeToWaiting[0]!.attachments ?? []).toEqual([]);
    expect((await mailsTo(blocked.email)).filter((m) => m.subject.startsWith('Thay đổi'))).toEqual([]);

    // A second answer (withdrawn, then accepted again): its file outranks the change's.
    clock.set('2027-01-10T06:00:00.000Z');
    expect((await ctx.request('POST', `/api/r/${tokenOf(seat.email)}/withdraw`, { body: {} })).status).toBe(200);
    await deliverAll(ctx, eventId, clock);
    expect((await ctx.request('POST', `/api/r/${tokenOf(seat.email)}/accept`, { body: {} })).body.response).toBe('waitlisted');
    // Siobhán took the freed seat; her first file is her own UID's SEQUENCE 0.
    const promoted = (await mailsTo(waiting.email)).find((m) => m.subject.startsWith('A place for you'))!;
    expect(calendarOf(promoted)).toMatchObject({ sequence: 0, start: '2027-03-26T06:30:00Z' });
    await deliverAll(ctx, eventId, clock);

    // The cancellation: everyone with a link, with the reason; the seat holder's entry removed.
    clock.set('2027-01-10T07:00:00.000Z');
    const cancelled = await organiser('POST', `/api/events/${eventId}/cancel`, { body: { notify: true, reason: 'Bão số 5 đổ bộ vào Tây Nguyên.' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.event.status).toBe('cancelled');
    expect(cancelled.body.notice).toEqual({ noticeId: 'cancelled', queued: 2 });
    expect((await organiser('POST', `/api/events/${eventId}/notices`, { body: { kind: 'event_cancelled' } })).body.queued).toBe(0);
    const outcomes = await deliverAll(ctx, eventId, clock);
    expect(outcomes).toEqual(['sent', 'sent']);

    const cancelToSiobhan = (await mailsTo(waiting.email)).filter((m) => m.subject === 'Cancelled: Youth friendship forum');
    expect(cancelToSiobhan).toHaveLength(1);
    expect(cancelToSiobhan[0]!.body.text).toContain('Reason: Bão số 5 đổ bộ vào Tây Nguyên.');
    const cancel = calendarOf(cancelToSiobhan[0]!);
    expect(cancel).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', uid: calendarOf(promoted).uid, sequence: 1, stamp: '2027-01-10T07:00:00Z' });
    const cancelToAn = (await mailsTo(seat.email)).filter((m) => m.subject.startsWith('Thông báo hủy'));
    expect(cancelToAn).toHaveLength(1);
    expect(cancelToAn[0]!.body.text).toContain('Lý do: Bão số 5 đổ bộ vào Tây Nguyên.');
    // Waiting is no seat: nothing to remove from a calendar.
    expect(cancelToAn[0]!.attachments ?? []).toEqual([]);

    // Progress as the console shows it.
    const notices = (await organiser('GET', `/api/events/${eventId}/notices`)).body.items;
    expect(notices.map((n: { kind: string; progress: object }) => [n.kind, n.progress])).toEqual([
      ['event_cancelled', { total: 2, queued: 0, sent: 2, skipped: 0, failed: 0 }],
      ['event_changed', { total: 2, queued: 0, sent: 2, skipped: 0, failed: 0 }],
    ]);
  }, 120_000);

  it('skips a suppressed address at sending and says so in the progress', async () => {
    const clock = testClock();
    const ctx = await createTestContext({ now: clock });
    const organiser = await ctx.as('organiser');
    const eventId = await createEvent(organiser);
    await organiser('POST', `/api/events/${eventId}/invitations`, { body: { invitees: [seat, waiting] } });
    await organiser('POST', `/api/events/${eventId}/publish`);
    await organiser('POST', `/api/events/${eventId}/invitations/send`, { body: {} });
    await deliverAll(ctx, eventId, clock);
    const cancelled = await organiser('POST', `/api/events/${eventId}/cancel`, { body: { notify: true } });
    expect(cancelled.body.notice.queued).toBe(2);
    // The bounce arrives after queuing: the sender checks the list again.
    await ctx.deps.mail.outbox.suppress({ email: waiting.email, reason: 'complaint', at: clock().toISOString() });
    expect((await deliverAll(ctx, eventId, clock)).sort()).toEqual(['sent', 'suppressed']);
    const [notice] = (await organiser('GET', `/api/events/${eventId}/notices`)).body.items;
    expect(notice.progress).toEqual({ total: 2, queued: 0, sent: 1, skipped: 1, failed: 0 });
    const staff = await ctx.as('staff');
    expect((await staff('POST', `/api/events/${eventId}/notices`, { body: { kind: 'event_cancelled' } })).status).toBe(403);
    // A change notice needs a published event whose time or place changed.
    expect((await organiser('POST', `/api/events/${eventId}/notices`, { body: { kind: 'event_changed' } })).body.error).toBe('notice_not_applicable');
  });
});
