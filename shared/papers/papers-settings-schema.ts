import * as z from 'zod';
import { normalizeText } from '../text/vietnamese.js';

const line = (max: number) => z.string().max(max).transform(normalizeText).pipe(z.string().min(1));
const bilingual = (max: number) => z.strictObject({ vi: line(max), en: line(max) });

/** A signature and seal image: PNG or JPEG as a data URL, small enough to sit in one item. */
const imageDataUrl = z
  .string()
  .max(300_000)
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/, 'A PNG or JPEG image as a data: URL');

/**
 * How the union's papers are headed and signed (Decree 30/2020/NĐ-CP): the issuing body and the
 * body above it, the symbol in document numbers ("12/GM-LHHN"), the place in the date line, who
 * signs and with what authority, and the "Nơi nhận" lines. Set by an admin once.
 */
export const papersSettingsSchema = z.strictObject({
  /** The body above the issuer, printed above its name (e.g. "UBND TỈNH ĐẮK LẮK"); none by default. */
  parentBody: bilingual(200).optional(),
  /** The issuing body's name as headed on the paper (in capitals when printed). */
  issuer: bilingual(200),
  /** The name as a sentence uses it: "Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk trân trọng kính mời". */
  issuerInSentence: bilingual(200),
  /** The issuer's abbreviation in document numbers: "GM-LHHN". */
  symbol: z.string().regex(/^[A-ZĐ0-9]{2,12}$/, 'Capital letters and digits, 2 to 12'),
  place: bilingual(100),
  signer: z.strictObject({
    /** "TM. BAN THƯỜNG TRỰC", "KT. CHỦ TỊCH", …: the capacity the signer signs in. */
    authority: bilingual(120).optional(),
    position: bilingual(120),
    name: z.string().max(120).transform(normalizeText),
  }),
  signatureImage: imageDataUrl.optional(),
  /** "Nơi nhận" after "Như trên;": e.g. "Lưu: VT, VP." */
  recipients: z.strictObject({ vi: z.array(line(200)).max(10), en: z.array(line(200)).max(10) }),
});
export type PapersSettings = z.infer<typeof papersSettingsSchema>;

export const defaultPapersSettings: PapersSettings = {
  issuer: { vi: 'Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk', en: 'Dak Lak Union of Friendship Organisations' },
  issuerInSentence: { vi: 'Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk', en: 'The Dak Lak Union of Friendship Organisations' },
  symbol: 'LHHN',
  place: { vi: 'Đắk Lắk', en: 'Dak Lak' },
  signer: { authority: { vi: 'TM. Ban Thường trực', en: 'For the Standing Committee' }, position: { vi: 'Chủ tịch', en: 'President' }, name: '' },
  recipients: { vi: ['Lưu: VT.'], en: ['Archived: Office.'] },
};

/** Issuing letters for an event: all its invitees, or the ones named. */
export const issueLettersSchema = z.strictObject({
  invitationIds: z.array(z.string().min(1).max(64)).min(1).max(5000).optional(),
});

export const letterLanguageQuerySchema = z.strictObject({
  language: z.enum(['vi', 'en']).optional(),
});

export const yearReportQuerySchema = z.strictObject({
  format: z.enum(['json', 'docx', 'pdf']).optional(),
});

/** A giấy mời as the API answers it: its number in the register and when it was issued. */
export type InvitationLetter = {
  invitationId: string;
  number: number;
  year: number;
  /** "GM-LHHN": the kind of paper, then the issuer. */
  symbol: string;
  /** "12/GM-LHHN". */
  reference: string;
  issuedAt: string;
};
