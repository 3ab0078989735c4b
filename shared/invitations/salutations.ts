import { foldAccents } from '../text/vietnamese.js';

/**
 * How an invitee is addressed, stored as a stable code and shown in the reader's language: a
 * deputy party secretary is "Đồng chí", an ambassador "Ngài" / "H.E.". The mail and the personal
 * page use the same words. No code: the event's form of address decides (formal Ông/Bà unless the
 * organiser chose "bạn", as for a student forum).
 */
export const salutations = ['ong', 'ba', 'anh', 'chi', 'dong_chi', 'mr', 'ms', 'dr', 'he'] as const;
export type Salutation = (typeof salutations)[number];
export type AddressForm = 'formal' | 'informal';

/** The word in a letter's greeting; English has none for "Đồng chí" (Dear + the name). */
export const salutationWords: Record<Salutation, { vi: string; en: string }> = {
  ong: { vi: 'Ông', en: 'Mr' },
  ba: { vi: 'Bà', en: 'Ms' },
  anh: { vi: 'Anh', en: 'Mr' },
  chi: { vi: 'Chị', en: 'Ms' },
  dong_chi: { vi: 'Đồng chí', en: '' },
  mr: { vi: 'Ông', en: 'Mr' },
  ms: { vi: 'Bà', en: 'Ms' },
  dr: { vi: 'Tiến sĩ', en: 'Dr' },
  he: { vi: 'Ngài', en: 'H.E.' },
};

/** The choice as an organiser reads it in a list (both words where they differ). */
export const salutationLabels: Record<Salutation, { vi: string; en: string }> = {
  ong: { vi: 'Ông', en: 'Ông (Mr)' },
  ba: { vi: 'Bà', en: 'Bà (Ms)' },
  anh: { vi: 'Anh', en: 'Anh (Mr)' },
  chi: { vi: 'Chị', en: 'Chị (Ms)' },
  dong_chi: { vi: 'Đồng chí', en: 'Đồng chí (Comrade)' },
  mr: { vi: 'Mr (Ông)', en: 'Mr' },
  ms: { vi: 'Ms (Bà)', en: 'Ms' },
  dr: { vi: 'Dr (Tiến sĩ)', en: 'Dr' },
  he: { vi: 'H.E. (Ngài)', en: 'H.E.' },
};

/** The word for an invitee: their own salutation, else the event's form of address. */
export function salutationWord(salutation: Salutation | undefined, language: 'vi' | 'en', addressForm: AddressForm = 'formal'): string {
  if (salutation) return salutationWords[salutation][language];
  if (language === 'en') return '';
  return addressForm === 'informal' ? 'bạn' : 'Ông/Bà';
}

/** What staff type in a "Danh xưng" column, folded: "Ông", "ÔNG", "Mr.", "Đ/c", "TS", "H.E.". */
const spelled: Record<string, Salutation> = {
  ong: 'ong',
  ba: 'ba',
  anh: 'anh',
  chi: 'chi',
  'dong chi': 'dong_chi',
  dong_chi: 'dong_chi',
  'd/c': 'dong_chi',
  dc: 'dong_chi',
  mr: 'mr',
  mister: 'mr',
  ms: 'ms',
  mrs: 'ms',
  miss: 'ms',
  dr: 'dr',
  ts: 'dr',
  'tien si': 'dr',
  he: 'he',
  'h e': 'he',
  ngai: 'he',
  'his excellency': 'he',
  'her excellency': 'he',
};

/** A salutation as typed, to its code; undefined when it is none of the known ones. */
export function parseSalutation(text: string): Salutation | undefined {
  const folded = foldAccents(text).replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
  return spelled[folded] ?? spelled[folded.replace(/ /g, '')];
}
