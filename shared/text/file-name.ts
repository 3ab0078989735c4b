import { toLocalIso } from '../time/ho-chi-minh.js';
import { foldAccents } from './vietnamese.js';

/**
 * A file name a person can use: what the file is, the event's title and its day, without
 * diacritics (every browser, mail client and USB stick keeps them), never an internal id:
 * `khach-moi-dien-dan-thanh-nien-2027-01-15.xlsx`.
 */
export function slugOf(text: string, maxLength = 60): string {
  const slug = foldAccents(text)
    // Letters that are not a base letter with a mark (Søren, Æsir, Straße, Łódź).
    .replace(/[øœæßł]/g, (c) => ({ ø: 'o', œ: 'oe', æ: 'ae', ß: 'ss', ł: 'l' })[c]!)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length <= maxLength ? slug : slug.slice(0, maxLength).replace(/-[^-]*$/, '') || slug.slice(0, maxLength);
}

export function eventFileName(
  what: string,
  event: { title: { vi: string; en?: string }; startsAt: string },
  language: 'vi' | 'en',
  extension?: string,
): string {
  const title = (language === 'en' && event.title.en) || event.title.vi;
  const day = toLocalIso(event.startsAt).slice(0, 10);
  const base = [slugOf(what), slugOf(title), day].filter(Boolean).join('-');
  return extension ? `${base}.${extension}` : base;
}
