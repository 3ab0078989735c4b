import { mailKinds, renderInvitationEmail, type InvitationMailData } from '../../shared/email/invitation-templates.js';
import { setPasswordEmail } from '../../shared/email/set-password-email.js';

export type RenderedMail = { name: string; html: string; text: string };

/**
 * Every kind of mail the product writes, in both languages, with what makes a mail wide on a
 * phone: a long personal link, long names, a long venue, the door code and its QR for a seat. New
 * kinds (shared/email/mail-template-schema.ts) join on their own.
 */
export function renderEveryMail(): RenderedMail[] {
  const token = 'u3Jq9Xk2LmPq8RsT4vWx6Yz0Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz3';
  // Written in each language in turn below.
  const base: Omit<InvitationMailData, 'language'> = {
    to: 'nguyen.thi.anh.tuyet.phong-doi-ngoai@lien-hiep-huu-nghi-daklak.example.org',
    salutation: 'ba',
    name: 'Nguyễn Thị Ánh Tuyết',
    event: {
      title: { vi: 'Diễn đàn Thanh niên hữu nghị Việt Nam – Campuchia – Lào lần thứ III tại Tây Nguyên', en: 'Third Viet Nam – Cambodia – Laos Youth Friendship Forum in the Central Highlands' },
      startsAt: '2027-03-26T01:00:00Z',
      endsAt: '2027-03-27T09:30:00Z',
      venue: 'Hội trường lớn, Trường Đại học Tây Nguyên, 567 Lê Duẩn, phường Ea Tam, Buôn Ma Thuột, Đắk Lắk',
      contact: { name: 'Lê Thị Thu Hà', phone: '+84 905 123 456', email: 'ha.ltt.ban-doi-ngoai@lien-hiep-huu-nghi-daklak.example.org' },
    },
    link: `https://su-kien.lien-hiep-huu-nghi-daklak.example.org/r/${token}`,
  };
  const mails: RenderedMail[] = [];
  for (const language of ['vi', 'en'] as const) {
    for (const kind of mailKinds) {
      const mail = renderInvitationEmail({ ...base, language, checkIn: { code: 'A1B2C3D4E5', qrContentId: 'check-in-qr@huu-nghi.events' } }, {}, kind);
      mails.push({ name: `${kind}-${language}`, html: mail.html, text: mail.text });
    }
    const noContact = renderInvitationEmail({ ...base, language, event: { ...base.event, contact: undefined } }, {}, 'invitation');
    mails.push({ name: `invitation-no-contact-${language}`, html: noContact.html, text: noContact.text });
    const password = setPasswordEmail({ to: base.to, name: base.name, link: `https://su-kien.example.org/console/set-password#token=${token}`, language, validHours: 72 });
    mails.push({ name: `set-password-${language}`, html: password.html, text: password.text });
  }
  return mails;
}
