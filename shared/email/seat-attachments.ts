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
  /** The calendar file's SEQUENCE: higher than any sent before for this seat. */
  sequence?: number;
}): Promise<EmailAttachment[]> {
  const qr = await QRCode.toBuffer(input.checkInCode, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 8 });
  return [
    calendarAttachment(input),
    {
      filename: input.language === 'vi' ? 'ma-vao-cua.png' : 'door-code.png',
      contentType: 'image/png',
      content: qr,
      inline: true,
      contentId: CHECK_IN_QR_CONTENT_ID,
    },
  ];
}

/** The UID of a seat's calendar entry: one per event and person, the same in every file. */
export const calendarUid = (eventId: string, invitationId: string) => `${eventId}.${invitationId}@huu-nghi.events`;

/**
 * The event as a calendar file for one person: PUBLISH adds or updates the entry, CANCEL removes
 * it (a cancelled event), always under the same UID.
 */
export function calendarAttachment(input: {
  eventId: string;
  invitationId: string;
  language: 'vi' | 'en';
  event: InvitationMailData['event'];
  now: Date;
  sequence?: number;
  method?: 'PUBLISH' | 'CANCEL';
}): EmailAttachment {
  const { event, language } = input;
  const method = input.method ?? 'PUBLISH';
  const title = (language === 'en' && event.title.en) || event.title.vi;
  const contact = event.contact;
  const contactLine = contact ? [contact.name, contact.phone, contact.email].filter(Boolean).join(', ') : undefined;
  const description = [
    ...(contactLine ? [`${language === 'vi' ? 'Liên hệ' : 'Contact'}: ${contactLine}`] : []),
    ...(event.venueMapUrl ? [`${language === 'vi' ? 'Bản đồ' : 'Map'}: ${event.venueMapUrl}`] : []),
  ].join('\n');
  const calendar = buildCalendarFile({
    uid: calendarUid(input.eventId, input.invitationId),
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    summary: title,
    location: event.venue,
    description: description || undefined,
    language,
    organizer: contact?.email ? { name: contact.name, email: contact.email } : undefined,
    stamp: input.now,
    sequence: input.sequence,
    method,
  });
  return {
    filename: language === 'vi' ? 'su-kien.ics' : 'event.ics',
    contentType: `text/calendar; charset=UTF-8; method=${method}`,
    content: Buffer.from(calendar, 'utf8'),
  };
}
