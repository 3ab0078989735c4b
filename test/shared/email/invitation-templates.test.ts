import { describe, expect, it } from 'vitest';
import { renderInvitationEmail, type InvitationMailData } from '../../../shared/email/invitation-templates.js';

const data: InvitationMailData = {
  to: 'an.nv@example.org',
  language: 'vi',
  salutation: 'ong',
  name: 'Nguyễn Văn An',
  event: {
    title: { vi: 'Hội nghị các tổ chức phi chính phủ nước ngoài', en: 'Conference of foreign NGOs' },
    startsAt: '2015-12-10T01:00:00Z',
    endsAt: '2015-12-10T10:00:00Z',
    venue: 'Khách sạn Sài Gòn – Ban Mê',
    contact: { name: 'Lê Thị Thu Hà', phone: '0905 123 456' },
  },
  link: 'http://localhost:3000/r/abc_DEF-123',
  replyTo: 'ha.ltt@example.org',
};

describe('invitation mail', () => {
  it('fills the Vietnamese template with local time, place, contact and the personal link', () => {
    const mail = renderInvitationEmail(data);
    expect(mail.subject).toBe('Thư mời: Hội nghị các tổ chức phi chính phủ nước ngoài');
    expect(mail.text).toContain('Kính gửi Ông Nguyễn Văn An,');
    expect(mail.text).toContain('Thời gian: 08:00 – 17:00, Thứ Năm, 10/12/2015');
    expect(mail.text).toContain('Địa điểm: Khách sạn Sài Gòn – Ban Mê');
    expect(mail.text).toContain('Lê Thị Thu Hà, 0905 123 456');
    expect(mail.text).toContain(data.link);
    // In HTML the link sits behind a labelled button; the text part keeps the whole address.
    expect(mail.html).toContain(`<a href="${data.link}" `);
    expect(mail.html).toMatch(/>Trả lời thư mời<\/a>/);
    expect(mail.html).not.toContain(`>${data.link}<`);
    expect(mail.replyTo).toBe('ha.ltt@example.org');
  });

  it('writes to an English-speaking invitee in English, with the English title', () => {
    const mail = renderInvitationEmail({ ...data, language: 'en', salutation: 'ms', name: 'Siobhán O’Brien' });
    expect(mail.subject).toBe('Invitation: Conference of foreign NGOs');
    expect(mail.text).toContain('Dear Ms Siobhán O’Brien,');
    expect(mail.text).toContain('Time: 08:00 – 17:00, Thursday 10 December 2015');
  });

  it('uses the organiser’s own template when there is one', () => {
    const mail = renderInvitationEmail(data, { invitation: { vi: { subject: 'Mời dự {{event}}', body: 'Kính mời {{salutation}} {{name}}: {{link}} {{unknown}}' } } });
    expect(mail.subject).toBe('Mời dự Hội nghị các tổ chức phi chính phủ nước ngoài');
    expect(mail.text).toBe(`Kính mời Ông Nguyễn Văn An: ${data.link} {{unknown}}\nLê Thị Thu Hà\n0905 123 456\nLiên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk`);
  });

  it('reminds in the invitee’s language with the same personal link', () => {
    const mail = renderInvitationEmail({ ...data, language: 'en', salutation: undefined }, {}, 'reminder');
    expect(mail.subject).toBe('Reminder: Conference of foreign NGOs');
    expect(mail.text).toContain('Dear Nguyễn Văn An,');
    expect(mail.text).toContain(data.link);
  });

  it('asks a person who registered on an open page to confirm their address, in their language, whatever the organiser wrote', () => {
    const own = { invitation: { vi: { subject: 'Mời {{name}}', body: 'Thân mời {{name}}: {{link}}' } } };
    const vi = renderInvitationEmail({ ...data, salutation: undefined, name: 'Lê Thị Bích' }, own, 'confirm_address');
    expect(vi.subject).toBe('Xác nhận email để hoàn tất đăng ký: Hội nghị các tổ chức phi chính phủ nước ngoài');
    expect(vi.text).toContain('Xin chào Lê Thị Bích,');
    expect(vi.text).toContain('xác nhận địa chỉ email');
    expect(vi.text).toContain(data.link);
    expect(vi.text).not.toContain('Thư mời');
    const en = renderInvitationEmail({ ...data, language: 'en', salutation: undefined, name: 'Tom Nguyen' }, own, 'confirm_address');
    expect(en.subject).toBe('Confirm your email to complete your registration: Conference of foreign NGOs');
    expect(en.text).toContain('Hello Tom Nguyen,');
    expect(en.text).toContain('Your place is held only once you have confirmed');
    expect(en.html).toContain(`<a href="${data.link}" `);
    expect(en.html).toMatch(/>Confirm my email<\/a>/);
  });

  it('closes in both languages with a signer: the event’s contact, else the union set in configuration', () => {
    const vi = renderInvitationEmail(data);
    expect(vi.text).toMatch(/Trân trọng\.\nLê Thị Thu Hà\n0905 123 456\nLiên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk$/);
    expect(vi.html).toContain('Trân trọng.<br>\nLê Thị Thu Hà<br>\n0905 123 456<br>\nLiên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk');
    const union = { name: { vi: 'Liên hiệp hữu nghị', en: 'Friendship Union' }, address: '02 Lê Duẩn, Buôn Ma Thuột' };
    const en = renderInvitationEmail({ ...data, language: 'en', event: { ...data.event, contact: undefined }, union }, {}, 'reminder');
    expect(en.text).toMatch(/Yours sincerely,\nFriendship Union\n02 Lê Duẩn, Buôn Ma Thuột$/);
    expect(en.html).toContain('Yours sincerely,<br>\nFriendship Union<br>\n02 Lê Duẩn, Buôn Ma Thuột');
  });

  it('lets a name inject neither markup nor headers', () => {
    const mail = renderInvitationEmail({
      ...data,
      name: '<img src=x onerror=alert(1)>\r\nBcc: victim@example.org',
      event: { ...data.event, title: { vi: 'Họp\r\nBcc: x@example.org <b>' } },
    });
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text).not.toMatch(/\nBcc:/);
  });
});
