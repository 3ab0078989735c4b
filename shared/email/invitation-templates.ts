import { formatLocalRange } from '../time/format-local.js';
import { defaultUnion, linkButton, mailDocument, signerLines, type UnionSigner } from './mail-layout.js';
import { salutationWord, type AddressForm, type Salutation } from '../invitations/salutations.js';
import { escapeHtml, singleLine, type OutgoingEmail } from './mailer.js';
import { isNoticeKind, isSeatKind, placeholders, type EventMailTemplates, type MailKind, type MailTemplate, type NoticeKind, type Placeholder } from './mail-template-schema.js';

export { placeholders, mailTemplateSchema, mailTemplatesSchema, invitationMailKinds, noticeKinds, mailKinds, isNoticeKind, seatKinds, isSeatKind, eventMailTemplatesSchema } from './mail-template-schema.js';
export type { Placeholder, MailTemplate, MailTemplates, InvitationMailKind, NoticeKind, MailKind, SeatKind, EventMailTemplates } from './mail-template-schema.js';

/** The kinds an organiser may rewrite for their event. */
const ownTemplateKinds = ['invitation', 'reminder'] as const;
const isOwnTemplateKind = (kind: MailKind): kind is (typeof ownTemplateKinds)[number] => (ownTemplateKinds as readonly string[]).includes(kind);

/**
 * Every default mail is a letter: a greeting, what it is about, the contact, the closing. Each
 * language's fixed lines are written once here; the templates below give only what differs.
 */
const letter = {
  vi: { greeting: 'Kính gửi {{salutation}} {{name}},', contact: 'Mọi chi tiết xin liên hệ: {{contact}}.', closing: 'Trân trọng.' },
  en: { greeting: 'Dear {{salutation}} {{name}},', contact: 'For any question, please contact {{contact}}.', closing: 'Yours sincerely,' },
};
type Language = keyof typeof letter;

/** The event's time and place, one line each. */
const timeAndPlace = { vi: ['Thời gian: {{time}}', 'Địa điểm: {{place}}'], en: ['Time: {{time}}', 'Place: {{place}}'] };

/**
 * A letter's body: the greeting (the language's formal one unless given), a blank line, the
 * paragraphs (a paragraph is one line or several), the contact line (unless a paragraph already
 * names the contact) and the closing, paragraphs apart.
 */
function letterBody(language: Language, paragraphs: (string | string[])[], options: { greeting?: string; contact?: boolean } = {}): string {
  const words = letter[language];
  const blocks = [[options.greeting ?? words.greeting], ...paragraphs.map((p) => (typeof p === 'string' ? [p] : p))];
  if (options.contact !== false) blocks.push([words.contact]);
  blocks.push([words.closing]);
  return blocks.map((block) => block.join('\n')).join('\n\n');
}

const template = (language: Language, subject: string, paragraphs: (string | string[])[], options?: Parameters<typeof letterBody>[2]): MailTemplate => ({
  subject,
  body: letterBody(language, paragraphs, options),
});

const defaultInvitationTemplates: Record<Language, MailTemplate> = {
  vi: template('vi', 'Thư mời: {{event}}', [
    'Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk trân trọng kính mời {{salutation}} tham dự {{event}}.',
    timeAndPlace.vi,
    ['Xin {{salutation}} vui lòng xác nhận tham dự hoặc báo vắng qua đường dẫn riêng dưới đây:', '{{link}}'],
  ]),
  en: template('en', 'Invitation: {{event}}', [
    'The Đắk Lắk Union of Friendship Organisations has the honour to invite you to {{event}}.',
    timeAndPlace.en,
    ['Please accept or decline through your personal link:', '{{link}}'],
  ]),
};

const defaultReminderTemplates: Record<Language, MailTemplate> = {
  vi: template('vi', 'Nhắc lại thư mời: {{event}}', [
    'Ban tổ chức chưa nhận được phản hồi của {{salutation}} về việc tham dự {{event}} ({{time}}, tại {{place}}).',
    ['Xin {{salutation}} vui lòng xác nhận tham dự hoặc báo vắng qua đường dẫn riêng:', '{{link}}'],
  ]),
  en: template('en', 'Reminder: {{event}}', [
    'We have not yet heard from you about {{event}} ({{time}}, at {{place}}).',
    ['Please accept or decline through your personal link:', '{{link}}'],
  ]),
};

/**
 * Open registration (shared/registrations/open-registration.ts): the person asked for a place
 * themself, so the mail neither invites nor greets by title; it asks them to confirm the address,
 * which is what holds the place (or the place on the waiting list).
 */
const defaultConfirmAddressTemplates: Record<Language, MailTemplate> = {
  vi: template(
    'vi',
    'Xác nhận email để hoàn tất đăng ký: {{event}}',
    [
      'Chúng tôi vừa nhận được đăng ký tham dự {{event}} với địa chỉ email này.',
      timeAndPlace.vi,
      ['Để hoàn tất đăng ký, xin bấm vào đường dẫn dưới đây để xác nhận địa chỉ email. Chỉ khi đã xác nhận, chỗ của bạn mới được giữ:', '{{link}}'],
      'Nếu bạn không đăng ký, xin bỏ qua thư này; không có gì được ghi nhận thêm.',
    ],
    { greeting: 'Xin chào {{name}},' },
  ),
  en: template(
    'en',
    'Confirm your email to complete your registration: {{event}}',
    [
      'We have just received a registration for {{event}} with this email address.',
      timeAndPlace.en,
      ['To complete it, please open the link below to confirm your address. Your place is held only once you have confirmed:', '{{link}}'],
      'If you did not register, please ignore this mail; nothing more will happen.',
    ],
    { greeting: 'Hello {{name}},' },
  ),
};

/**
 * A short notice: a greeting, what happened, the event, the personal link, the contact. `{{door}}`
 * is not an organiser's placeholder: it becomes the door code of a seat notice, or nothing.
 */
function notice(vi: { subject: string; lines: string[] }, en: { subject: string; lines: string[] }): Record<Language, MailTemplate> {
  return {
    vi: template('vi', vi.subject, [vi.lines, ['Sự kiện: {{event}}', ...timeAndPlace.vi, '{{door}}'], ['Xem hoặc thay đổi đăng ký qua đường dẫn riêng:', '{{link}}']]),
    en: template('en', en.subject, [en.lines, ['Event: {{event}}', ...timeAndPlace.en, '{{door}}'], ['See or change your registration through your personal link:', '{{link}}']]),
  };
}

/**
 * The event's own notices. `{{notice}}` is not an organiser's placeholder: it becomes what the
 * sender knows of this notice (the reason for a cancellation, the time and place before a change,
 * the organiser's note, a line about the attached calendar file), or nothing.
 */
const defaultEventNoticeTemplates: Record<'event_cancelled' | 'event_changed', Record<Language, MailTemplate>> = {
  event_cancelled: {
    vi: template(
      'vi',
      'Thông báo hủy: {{event}}',
      [
        ['Ban tổ chức trân trọng thông báo: {{event}} ({{time}}, tại {{place}}) đã bị hủy.', '{{notice}}'],
        `Ban tổ chức thành thật xin lỗi vì sự bất tiện này. ${letter.vi.contact}`,
      ],
      { contact: false },
    ),
    en: template(
      'en',
      'Cancelled: {{event}}',
      [['We regret to inform you that {{event}} ({{time}}, at {{place}}) has been cancelled.', '{{notice}}'], `We apologise for the inconvenience. ${letter.en.contact}`],
      { contact: false },
    ),
  },
  event_changed: {
    vi: template('vi', 'Thay đổi thời gian, địa điểm: {{event}}', [
      'Ban tổ chức xin thông báo {{event}} có thay đổi về thời gian hoặc địa điểm:',
      [...timeAndPlace.vi, '{{notice}}'],
      ['Xem chi tiết hoặc thay đổi trả lời qua đường dẫn riêng:', '{{link}}'],
    ]),
    en: template('en', 'New time or place: {{event}}', [
      'The time or place of {{event}} has changed:',
      [...timeAndPlace.en, '{{notice}}'],
      ['See the details or change your answer through your personal link:', '{{link}}'],
    ]),
  },
};

const defaultNoticeTemplates: Record<NoticeKind, Record<'vi' | 'en', MailTemplate>> = {
  ...defaultEventNoticeTemplates,
  confirmed: notice({ subject: 'Xác nhận tham dự: {{event}}', lines: ['Ban tổ chức xác nhận {{salutation}} đã đăng ký tham dự {{event}}.'] }, { subject: 'Confirmed: {{event}}', lines: ['Your place at {{event}} is confirmed.'] }),
  waitlisted: notice({ subject: 'Danh sách chờ: {{event}}', lines: ['Sự kiện {{event}} đã đủ chỗ. {{salutation}} có tên trong danh sách chờ; khi có chỗ trống, Ban tổ chức sẽ báo ngay.'] }, { subject: 'Waiting list: {{event}}', lines: ['{{event}} is full. You are on the waiting list; we will write as soon as a place frees up.'] }),
  pending: notice({ subject: 'Đã nhận đăng ký: {{event}}', lines: ['Ban tổ chức đã nhận đăng ký của {{salutation}}; đăng ký đang chờ duyệt.'] }, { subject: 'Registration received: {{event}}', lines: ['We received your registration; it is waiting for the organisers\' approval.'] }),
  promoted: notice({ subject: 'Đã có chỗ: {{event}}', lines: ['Đã có chỗ trống: {{salutation}} được chuyển từ danh sách chờ sang danh sách tham dự {{event}}.'] }, { subject: 'A place for you: {{event}}', lines: ['A place freed up: you have moved from the waiting list and are confirmed for {{event}}.'] }),
  approved: notice({ subject: 'Đăng ký được duyệt: {{event}}', lines: ['Đăng ký tham dự {{event}} của {{salutation}} đã được duyệt.'] }, { subject: 'Registration approved: {{event}}', lines: ['Your registration for {{event}} is approved.'] }),
  rejected: notice({ subject: 'Kết quả đăng ký: {{event}}', lines: ['Rất tiếc, Ban tổ chức không thể nhận đăng ký tham dự {{event}} của {{salutation}} lần này.'] }, { subject: 'Your registration: {{event}}', lines: ['We regret that we cannot accept your registration for {{event}} this time.'] }),
};

export const defaultTemplates: Record<MailKind, Record<'vi' | 'en', MailTemplate>> = {
  invitation: defaultInvitationTemplates,
  reminder: defaultReminderTemplates,
  confirm_address: defaultConfirmAddressTemplates,
  ...defaultNoticeTemplates,
};

export { salutations, type Salutation } from '../invitations/salutations.js';

export type InvitationMailData = {
  to: string;
  language: 'vi' | 'en';
  salutation?: Salutation;
  /** The event's form of address for an invitee without a salutation: formal (Ông/Bà) by default. */
  addressForm?: AddressForm;
  name: string;
  event: { title: { vi: string; en?: string }; startsAt: string; endsAt: string; venue: string; venueMapUrl?: string; contact?: { name: string; email?: string; phone?: string } };
  link: string;
  replyTo?: string;
  /**
   * For a seat notice: the code that opens the door (never the personal link), and the Content-ID
   * of the attached QR image that holds it.
   */
  checkIn?: { code: string; qrContentId?: string };
  /** Signs the mail when the event names no contact; the configured union, else defaultUnion. */
  union?: UnionSigner;
  /** The unit running the event, when not the union: the default texts invite in its name. */
  host?: { vi: string; en: string };
  /** For an event notice: what to tell beside the event as it is now. */
  notice?: EventNoticeDetails;
  /** The number of the giấy mời attached as a PDF ("12/GM-LHHN"), named under the signer. */
  letterReference?: string;
};

export type EventNoticeDetails = {
  /** Why the event was cancelled, as the organiser wrote it. */
  reason?: string;
  /** The organiser's note with a change. */
  note?: string;
  /** The time and place before a change. */
  previous?: { startsAt: string; endsAt: string; venue: string };
  /** The mail carries a calendar file (a person with a seat). */
  calendar?: 'update' | 'cancel';
};

/** What the button behind the personal link says, by kind of mail. */
const linkLabels: Partial<Record<MailKind, { vi: string; en: string }>> = {
  invitation: { vi: 'Trả lời thư mời', en: 'Answer the invitation' },
  reminder: { vi: 'Trả lời thư mời', en: 'Answer the invitation' },
  confirm_address: { vi: 'Xác nhận email', en: 'Confirm my email' },
};
const registrationLinkLabel = { vi: 'Xem đăng ký của tôi', en: 'See my registration' };

function placeholderValues(data: InvitationMailData): Record<Placeholder, string> {
  const language = data.language;
  const contact = data.event.contact;
  return {
    salutation: salutationWord(data.salutation, language, data.addressForm),
    name: singleLine(data.name),
    event: singleLine((language === 'en' && data.event.title.en) || data.event.title.vi),
    time: formatLocalRange(data.event.startsAt, data.event.endsAt, language),
    place: singleLine(data.event.venue),
    contact: contact ? [contact.name, contact.phone, contact.email].filter(Boolean).join(', ') : language === 'vi' ? 'Ban tổ chức' : 'the organisers',
    link: data.link,
  };
}

function fill(template: string, values: Record<Placeholder, string>, encode: (value: string, key: Placeholder) => string): string {
  return template
    .replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
      (placeholders as readonly string[]).includes(key) ? encode(values[key as Placeholder], key as Placeholder) : whole,
    )
    .replace(/ {2,}/g, ' ')
    .replace(/ ([,.])/g, '$1');
}

/** A default text names the union as who invites; an association's event names the association. */
function hostedDefault(template: MailTemplate, host: string | undefined): MailTemplate {
  if (!host) return template;
  const swap = (text: string) => text.replaceAll(defaultUnion.name.vi, host).replaceAll(defaultUnion.name.en, host);
  return { subject: swap(template.subject), body: swap(template.body) };
}

/**
 * The mail itself: a plain-text and an HTML part. Values are escaped for HTML and kept on one
 * line, so a name with markup or line breaks injects neither markup nor headers.
 */
export function renderInvitationEmail(
  data: InvitationMailData,
  templates: EventMailTemplates = {},
  kind: MailKind = 'invitation',
): OutgoingEmail {
  const own = isOwnTemplateKind(kind) ? templates[kind]?.[data.language] : undefined;
  const template = own ?? hostedDefault(defaultTemplates[kind][data.language], data.host?.[data.language]);
  const values = placeholderValues(data);
  const checkIn = isSeatKind(kind) ? data.checkIn : undefined;
  // The signer closes every mail, under the template's "Trân trọng." / "Yours sincerely,".
  const signer = signerLines(data.language, data.union ?? defaultUnion, data.event.contact);
  const linkLabel = (linkLabels[kind] ?? registrationLinkLabel)[data.language];
  const notice = isNoticeKind(kind) ? noticeLines(data.notice, data.language) : [];
  // Like the "Kèm theo" of an official letter: what is attached, below the signature.
  const enclosed = data.letterReference ? ['', `${enclosureText[data.language]} ${singleLine(data.letterReference)} (PDF)`] : [];
  const text = `${withNotice(fill(withDoor(template.body, data.language, checkIn, false), values, (v) => v), notice)}\n${[...signer, ...enclosed].join('\n')}`;
  const htmlBody = withNotice(
    fill(withDoor(escapeHtml(template.body), data.language, checkIn, true), values, (value, key) =>
      key === 'link' ? linkButton(value, linkLabel) : escapeHtml(value),
    ),
    notice.map(escapeHtml),
  );
  const subject = singleLine(fill(template.subject, values, (v) => v));
  const lines = [...htmlBody.split('\n'), ...[...signer, ...enclosed].map(escapeHtml)];
  return {
    to: data.to,
    subject,
    text,
    html: mailDocument({ language: data.language, title: subject, bodyHtml: lines.map((line) => line || '&nbsp;').join('<br>\n') }),
    replyTo: data.replyTo,
  };
}

const enclosureText = { vi: 'Kèm theo: Giấy mời số', en: 'Enclosed: invitation letter No.' };

const doorText = {
  vi: {
    code: 'Mã vào cửa',
    show: 'Khi đến, xin {{salutation}} đưa mã QR trong thư này (hoặc đọc mã vào cửa ở trên) tại bàn đón tiếp. Tệp lịch (.ics) đính kèm giúp thêm sự kiện vào lịch.',
  },
  en: {
    code: 'Door code',
    show: 'On arrival, show the QR code in this mail (or give the door code above) at the reception desk. The attached calendar file (.ics) adds the event to your calendar.',
  },
};

/** The door code, grouped in fives for reading aloud; the desk ignores the dash. */
export const displayCheckInCode = (code: string) => code.replace(/^(.{5})(?=.)/, '$1-');

/** Puts the door code (and in HTML the QR image) where the template says `{{door}}`. */
function withDoor(body: string, language: 'vi' | 'en', checkIn: InvitationMailData['checkIn'], html: boolean): string {
  if (!checkIn) return body.replace(/\n?\{\{door\}\}/g, '');
  const words = doorText[language];
  const code = displayCheckInCode(singleLine(checkIn.code));
  const lines = html
    ? [
        '',
        `${escapeHtml(words.code)}: <strong style="font-size:1.3em;letter-spacing:0.1em">${escapeHtml(code)}</strong>`,
        ...(checkIn.qrContentId
          ? [`<img src="cid:${escapeHtml(checkIn.qrContentId)}" alt="QR ${escapeHtml(code)}" width="220" height="220" style="display:block">`]
          : []),
        escapeHtml(words.show),
      ]
    : ['', `${words.code}: ${code}`, words.show];
  return body.replace(/\{\{door\}\}/g, lines.join('\n'));
}

const noticeText = {
  vi: {
    reason: 'Lý do: ',
    previous: 'Trước đây: ',
    note: 'Ghi chú của Ban tổ chức: ',
    update: 'Tệp lịch (.ics) đính kèm cập nhật sự kiện trong lịch của bạn.',
    cancel: 'Tệp lịch (.ics) đính kèm xóa sự kiện khỏi lịch của bạn.',
  },
  en: {
    reason: 'Reason: ',
    previous: 'Before: ',
    note: 'A note from the organisers: ',
    update: 'The attached calendar file (.ics) updates the event in your calendar.',
    cancel: 'The attached calendar file (.ics) removes the event from your calendar.',
  },
};

/** What an event notice says beside the event, line by line (already filled, never a placeholder). */
function noticeLines(notice: EventNoticeDetails | undefined, language: 'vi' | 'en'): string[] {
  if (!notice) return [];
  const words = noticeText[language];
  const lines: string[] = [];
  if (notice.previous) {
    const previous = notice.previous;
    lines.push(`${words.previous}${formatLocalRange(previous.startsAt, previous.endsAt, language)}, ${singleLine(previous.venue)}`);
  }
  if (notice.reason) lines.push(`${words.reason}${singleLine(notice.reason)}`);
  if (notice.note) lines.push(`${words.note}${singleLine(notice.note)}`);
  if (notice.calendar) lines.push(words[notice.calendar]);
  return lines.length ? ['', ...lines] : [];
}

/** Puts the notice's lines where the template says `{{notice}}`, after every placeholder is filled. */
function withNotice(body: string, lines: string[]): string {
  return body.replace(/\n?\{\{notice\}\}/g, lines.length ? `\n${lines.slice(1).join('\n')}` : '');
}
