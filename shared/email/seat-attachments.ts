import QRCode from 'qrcode';
import { buildCalendarFile } from './calendar-file.js';
import type { InvitationMailData } from './invitation-templates.js';
import type { EmailAttachment } from './mailer.js';

/** The Content-ID the seat notice's HTML shows the QR image by. */
export const CHECK_IN_QR_CONTENT_ID = 'check-in-qr@huu-nghi.events';

/**
 * What a seat notice carries: the event as a calendar file, and the door code as a QR image shown
 * in the mail (inline). The QR holds the door code alone, never the personal link, so a photo of
 * someone's badge cannot change their answer.
 */
export async function buildSeatAttachments(input: {
  eventId: string;
  invitationId: string;
  language: 'vi' | 'en';
  event: InvitationMailData['event'];
  checkInCode: string;
  now: Date;
}): Promise<EmailAttachment[]> {
  const { event, language } = input;
  const title = (language === 'en' && event.title.en) || event.title.vi;
  const contact = event.contact;
  const contactLine = contact ? [contact.name, contact.phone, contact.email].filter(Boolean).join(', ') : undefined;
  const description = [
    ...(contactLine ? [`${language === 'vi' ? 'Liên hệ' : 'Contact'}: ${contactLine}`] : []),
    ...(event.venueMapUrl ? [`${language === 'vi' ? 'Bản đồ' : 'Map'}: ${event.venueMapUrl}`] : []),
  ].join('\n');
  const calendar = buildCalendarFile({
    uid: `${input.eventId}.${input.invitationId}@huu-nghi.events`,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    summary: title,
    location: event.venue,
    description: description || undefined,
    language,
    organizer: contact?.email ? { name: contact.name, email: contact.email } : undefined,
    stamp: input.now,
  });
  const qr = await QRCode.toBuffer(input.checkInCode, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 8 });
  return [
    {
      filename: language === 'vi' ? 'su-kien.ics' : 'event.ics',
      contentType: 'text/calendar; charset=UTF-8; method=PUBLISH',
      content: Buffer.from(calendar, 'utf8'),
    },
    {
      filename: language === 'vi' ? 'ma-vao-cua.png' : 'door-code.png',
      contentType: 'image/png',
      content: qr,
      inline: true,
      contentId: CHECK_IN_QR_CONTENT_ID,
    },
  ];
}
