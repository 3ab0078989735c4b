import * as z from 'zod';
import { RuleViolationError, type LocalizedText } from '../errors.js';
import { toLocalIso } from '../time/ho-chi-minh.js';

/**
 * Passport data is personal data (Vietnam's Decree 13/2023 on personal data protection): it is
 * taken only with consent, shown only to organisers and admins (masked for everyone else), every
 * read of it is logged, and it is purged a set number of days after the trip.
 */
export const PASSPORT_FIELDS = ['passportNumber', 'passportExpiry', 'dateOfBirth'];

/** Bumped whenever the consent text changes in substance: a consent counts only for its own text. */
export const PASSPORT_CONSENT_VERSION = '2025-1';

export function passportConsentText(retentionDays: number): { self: LocalizedText; onBehalf: LocalizedText } {
  return {
    self: {
      vi:
        'Tôi đồng ý để Ban tổ chức thu thập và xử lý dữ liệu cá nhân của tôi (ngày sinh, số và ngày hết hạn hộ chiếu) ' +
        'chỉ để làm thủ tục xuất nhập cảnh, thị thực, vé và bảo hiểm cho chuyến đi này, theo Nghị định 13/2023/NĐ-CP ' +
        `về bảo vệ dữ liệu cá nhân. Chỉ Ban tổ chức được xem dữ liệu này; mỗi lần xem đều được ghi lại; dữ liệu bị xóa ${retentionDays} ngày ` +
        'sau khi chuyến đi kết thúc. Tôi có thể rút lại sự đồng ý bằng cách liên hệ Ban tổ chức.',
      en:
        'I agree that the organisers collect and process my personal data (date of birth, passport number and expiry) ' +
        'only to arrange exit and entry, visas, tickets and insurance for this trip, under Vietnam’s Decree 13/2023 on ' +
        `personal data protection. Only the organisers may see it; every time they do is recorded; it is deleted ${retentionDays} days ` +
        'after the trip ends. I may withdraw my consent by contacting the organisers.',
    },
    onBehalf: {
      vi:
        'Tôi xác nhận người có tên trên đã đồng ý để Ban tổ chức thu thập và xử lý dữ liệu cá nhân của họ (ngày sinh, số và ' +
        'ngày hết hạn hộ chiếu) chỉ để làm thủ tục cho chuyến đi này, theo Nghị định 13/2023/NĐ-CP; dữ liệu bị xóa ' +
        `${retentionDays} ngày sau khi chuyến đi kết thúc.`,
      en:
        'I confirm that the person named has agreed that the organisers collect and process their personal data (date of ' +
        'birth, passport number and expiry) only to arrange this trip, under Vietnam’s Decree 13/2023; it is deleted ' +
        `${retentionDays} days after the trip ends.`,
    },
  };
}

/** What a client sends with passport data: the version of the text the person agreed to. */
export const consentInputSchema = z.strictObject({
  version: z.string().min(1).max(40),
  acceptedAt: z.iso.datetime({ offset: true }).optional(),
});
export type ConsentInput = z.infer<typeof consentInputSchema>;

/** How a person gave their consent to an organiser who enters their data for them. */
export const consentChannels = ['paper_form', 'phone', 'in_person'] as const;
export type ConsentChannel = (typeof consentChannels)[number];

/** The organiser's side names how the person agreed (a signed paper form, by phone, in person). */
export const organiserConsentInputSchema = consentInputSchema.extend({ channel: z.enum(consentChannels).optional() });

export type ConsentGiver =
  | { kind: 'self' }
  | { kind: 'head'; invitationId: string }
  | { kind: 'organiser'; userId: string; channel?: ConsentChannel };

/** A consent as stored on the invitation and its registration: who gave it, to which text, when. */
export type PersonalDataConsent = {
  version: string;
  /** When the person ticked the box (as their device said), else when the server got it. */
  acceptedAt: string;
  recordedAt: string;
  by: ConsentGiver;
};

export class ConsentRequiredError extends RuleViolationError {
  constructor(fields: string[]) {
    super(
      'consent_required',
      {
        vi: 'Cần có sự đồng ý về xử lý dữ liệu cá nhân trước khi gửi thông tin hộ chiếu.',
        en: 'Consent to the processing of personal data is needed before passport data is given.',
      },
      { version: PASSPORT_CONSENT_VERSION, fields },
    );
  }
}

export class ConsentOutdatedError extends RuleViolationError {
  constructor(version: string) {
    super(
      'consent_outdated',
      {
        vi: 'Nội dung đồng ý đã thay đổi. Hãy tải lại trang và đọc lại trước khi đồng ý.',
        en: 'The consent text has changed. Reload the page and read it again before agreeing.',
      },
      { version: PASSPORT_CONSENT_VERSION, given: version },
    );
  }
}

/** A consent offered with a submission, checked against the current text; undefined when none. */
export function consentOffer(input: ConsentInput | undefined, by: ConsentGiver, now: Date): PersonalDataConsent | undefined {
  if (!input) return undefined;
  if (input.version !== PASSPORT_CONSENT_VERSION) throw new ConsentOutdatedError(input.version);
  const recordedAt = now.toISOString();
  return { version: input.version, acceptedAt: input.acceptedAt ? new Date(input.acceptedAt).toISOString() : recordedAt, recordedAt, by };
}

/** The passport fields a submission gives a value to (null removes, and needs no consent). */
export function passportFieldsIn(details: Record<string, unknown> | undefined): string[] {
  return PASSPORT_FIELDS.filter((key) => {
    const value = details?.[key];
    return typeof value === 'string' && value.trim() !== '';
  });
}

/**
 * Passport data is accepted only with a consent: the one offered now, or one of the current text
 * given before. Answers the consent to store (the offered one), if any.
 */
export function requireConsent(
  details: Record<string, unknown> | undefined,
  offered: PersonalDataConsent | undefined,
  stored: PersonalDataConsent | undefined,
): PersonalDataConsent | undefined {
  const fields = passportFieldsIn(details);
  if (fields.length > 0 && !offered && stored?.version !== PASSPORT_CONSENT_VERSION) throw new ConsentRequiredError(fields);
  return offered;
}

export class PassportDataPurgedError extends RuleViolationError {
  constructor(fields: string[], purgeDate: string) {
    super(
      'passport_data_purged',
      {
        vi: 'Chuyến đi đã kết thúc và đã quá hạn lưu giữ dữ liệu hộ chiếu: không thể nhập thêm số hộ chiếu, ngày hết hạn hay ngày sinh.',
        en: 'The trip is over and past the time passport data is kept: no passport number, expiry or date of birth can be given any more.',
      },
      { fields, purgeDate },
    );
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When an event's passport data goes (purge-passport-data.ts): `retentionDays` after it ends. */
export function passportPurgeDate(event: { endsAt: string }, retentionDays: number): Date {
  return new Date(Date.parse(event.endsAt) + retentionDays * DAY_MS);
}

/**
 * Passport data is refused for an event past its purge date (or already purged), whoever gives
 * it: what the purge removed must not come back, and nothing written after it would ever go.
 */
export function refusePassportDataAfterPurge(
  details: Record<string, unknown> | undefined,
  event: { endsAt: string; passportDataPurgedAt?: string },
  now: Date,
  retentionDays: number,
): void {
  const fields = passportFieldsIn(details);
  if (fields.length === 0) return;
  const purgeDate = passportPurgeDate(event, retentionDays);
  if (now >= purgeDate || event.passportDataPurgedAt) throw new PassportDataPurgedError(fields, purgeDate.toISOString());
}

/** Staff and the head of a delegation see that there is a value, never the value. */
export function maskPassportValue(key: string, value: string): string {
  if (key === 'passportNumber') return `${'•'.repeat(Math.max(0, value.length - 2))}${value.slice(-2)}`;
  return '••••';
}

export function maskPassportDetails(details: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) => [key, PASSPORT_FIELDS.includes(key) ? maskPassportValue(key, String(value)) : value]),
  );
}

export const hasPassportData = (details: Record<string, unknown> | undefined) => passportFieldsIn(details).length > 0;

export type PassportWarning = {
  code: 'passport_expires_soon';
  field: 'passportExpiry';
  /** The first day the passport may expire on: six months after the trip's last day. */
  validUntilAtLeast: string;
  text: LocalizedText;
};

/** The trip's last day (in Asia/Ho_Chi_Minh) plus six calendar months, as YYYY-MM-DD. */
export function sixMonthsAfter(endsAt: string): string {
  const [y, m, d] = toLocalIso(endsAt).slice(0, 10).split('-').map(Number) as [number, number, number];
  const month = m - 1 + 6;
  const year = y + Math.floor(month / 12);
  const monthIndex = month % 12;
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  return `${year}-${String(monthIndex + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/**
 * Most countries want a passport valid six months beyond the stay: one that expires sooner is
 * flagged, never refused (the organiser may know better, or a new passport is on its way).
 */
export function passportWarnings(
  event: { endsAt: string },
  details: Record<string, unknown> | undefined,
  options: { reveal: boolean } = { reveal: true },
): PassportWarning[] {
  const expiry = details?.passportExpiry;
  if (typeof expiry !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(expiry)) return [];
  const needed = sixMonthsAfter(event.endsAt);
  if (expiry >= needed) return [];
  // Dates as people read them (dd/mm/yyyy), in both languages; the API's own field stays ISO.
  const [expiryText, neededText] = [expiry, needed].map((iso) => iso.split('-').reverse().join('/'));
  return [
    {
      code: 'passport_expires_soon',
      field: 'passportExpiry',
      validUntilAtLeast: needed,
      // Whoever may not see the expiry date learns only that it is too soon.
      text: options.reveal
        ? {
            vi: `Hộ chiếu hết hạn ngày ${expiryText}, chưa đủ 6 tháng sau chuyến đi (cần còn hạn đến ít nhất ${neededText}). Xin kiểm tra lại hoặc làm hộ chiếu mới.`,
            en: `The passport expires on ${expiryText}, less than six months after the trip (it should be valid until at least ${neededText}). Please check it, or renew the passport.`,
          }
        : {
            vi: `Hộ chiếu hết hạn chưa đủ 6 tháng sau chuyến đi (cần còn hạn đến ít nhất ${neededText}).`,
            en: `The passport expires less than six months after the trip (it should be valid until at least ${neededText}).`,
          },
    },
  ];
}

/** Warnings as the API answers them, in the reader's language. */
export function localizeWarnings(warnings: PassportWarning[], language: 'vi' | 'en') {
  return warnings.map(({ text, ...warning }) => ({ ...warning, message: text[language] }));
}
