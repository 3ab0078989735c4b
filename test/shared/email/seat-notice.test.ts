import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { mailKinds, renderInvitationEmail, type InvitationMailData } from '../../../shared/email/invitation-templates.js';
import { buildSeatAttachments, CHECK_IN_QR_CONTENT_ID } from '../../../shared/email/seat-attachments.js';
import { readQr } from './read-qr.js';

const event: InvitationMailData['event'] = {
  title: { vi: 'Hội nghị tổng kết công tác hữu nghị', en: 'Friendship work review conference' },
  startsAt: '2027-03-10T01:00:00.000Z',
  endsAt: '2027-03-10T04:30:00.000Z',
  venue: 'Hội trường A; 15 Lê Duẩn, Buôn Ma Thuột',
  contact: { name: 'Lê Thị Thu Hà', phone: '0905 123 456', email: 'ha.ltt@example.org' },
};
const data: InvitationMailData = {
  to: 'an.nv@example.org',
  language: 'vi',
  salutation: 'ong',
  name: 'Nguyễn Văn An',
  event,
  link: 'http://localhost:3000/r/abc_DEF-123',
  checkIn: { code: 'A1B2C3D4E5', qrContentId: CHECK_IN_QR_CONTENT_ID },
};

describe('seat notices', () => {
  it('show the door code in text and the QR image in HTML, for each kind that means a seat', () => {
    for (const kind of ['confirmed', 'promoted', 'approved'] as const) {
      const mail = renderInvitationEmail(data, {}, kind);
      expect(mail.text).toContain('Mã vào cửa: A1B2C-3D4E5');
      expect(mail.text).toContain('bàn đón tiếp');
      expect(mail.html).toContain(`<img src="cid:${CHECK_IN_QR_CONTENT_ID}"`);
      expect(mail.html).toContain('A1B2C-3D4E5');
    }
    const english = renderInvitationEmail({ ...data, language: 'en' }, {}, 'confirmed');
    expect(english.text).toContain('Door code: A1B2C-3D4E5');
    expect(english.text).toContain('reception desk');
  });

  it('say nothing of a door where there is no seat, or no code', () => {
    for (const kind of mailKinds) {
      const withCode = renderInvitationEmail(data, {}, kind);
      const without = renderInvitationEmail({ ...data, checkIn: undefined }, {}, kind);
      for (const mail of [withCode, without]) {
        expect(mail.text).not.toContain('{{door}}');
        expect(mail.html).not.toContain('{{door}}');
      }
      expect(without.text).not.toContain('Mã vào cửa');
      if (kind !== 'confirmed' && kind !== 'promoted' && kind !== 'approved') expect(withCode.text).not.toContain('A1B2C');
    }
    // Without a code the notice reads as it always did: no doubled blank line where it was.
    expect(renderInvitationEmail({ ...data, checkIn: undefined }, {}, 'confirmed').text).toContain('Địa điểm: Hội trường A; 15 Lê Duẩn, Buôn Ma Thuột\n\nXem');
  });

  it('carry a calendar file in the invitee’s language and a QR that holds the door code, not the link', async () => {
    const attachments = await buildSeatAttachments({
      eventId: 'ev-1',
      invitationId: 'inv-1',
      language: 'vi',
      event,
      checkInCode: 'A1B2C3D4E5',
      now: new Date('2027-01-10T03:00:00Z'),
    });
    const [calendar, qr] = attachments;
    expect(calendar).toMatchObject({ filename: 'su-kien.ics', contentType: 'text/calendar; charset=UTF-8; method=PUBLISH' });
    const vevents = new ICAL.Component(ICAL.parse(Buffer.from(calendar!.content).toString('utf8'))).getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(1);
    const vevent = new ICAL.Event(vevents[0]!);
    expect(vevent.summary).toBe('Hội nghị tổng kết công tác hữu nghị');
    expect(vevent.location).toBe('Hội trường A; 15 Lê Duẩn, Buôn Ma Thuột');
    expect(vevent.description).toBe('Liên hệ: Lê Thị Thu Hà, 0905 123 456, ha.ltt@example.org');
    expect(vevent.uid).toBe('ev-1.inv-1@huu-nghi.events');
    expect(vevent.startDate.toString()).toBe('2027-03-10T01:00:00Z');

    expect(qr).toMatchObject({ contentType: 'image/png', inline: true, contentId: CHECK_IN_QR_CONTENT_ID });
    expect(readQr(qr!.content).text).toBe('A1B2C3D4E5');

    const english = await buildSeatAttachments({ eventId: 'ev-1', invitationId: 'inv-1', language: 'en', event, checkInCode: 'A1B2C3D4E5', now: new Date() });
    const englishEvent = new ICAL.Event(new ICAL.Component(ICAL.parse(Buffer.from(english[0]!.content).toString('utf8'))).getFirstSubcomponent('vevent')!);
    expect(englishEvent.summary).toBe('Friendship work review conference');
    expect(englishEvent.description).toBe('Contact: Lê Thị Thu Hà, 0905 123 456, ha.ltt@example.org');
  });
});
