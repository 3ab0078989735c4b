import { foldAccents } from '../text/vietnamese.js';
import { toLocalIso } from '../time/ho-chi-minh.js';

/**
 * Where events are listed, as plain data (no DynamoDB here): the events repository writes these
 * keys, the purge of passport data reads them.
 *
 * One listing key per year of the start (local time, so `year=2019` means 2019 in Buôn Ma Thuột):
 * a single `EVENTS` key for ten years of events would be a hot key and makes every filtered read
 * walk the whole decade. Inside a year events sort by their UTC start.
 *
 *   listings index  listPk EVENTS#<yyyy>   listSk <startsAt UTC>#<eventId>
 *   table           EVENT_INDEX / EVENT_INDEX: years (number set) that hold events, and the longest
 *                   span of any event in milliseconds (so "still running at X" is a key range).
 */
export const LEGACY_EVENTS_LIST_PK = 'EVENTS';
export const EVENT_INDEX_KEY = { pk: 'EVENT_INDEX', sk: 'EVENT_INDEX' } as const;

export const eventYearOf = (startsAt: string): number => Number(toLocalIso(startsAt).slice(0, 4));
export const eventListPk = (year: number) => `EVENTS#${year}`;
export const eventListSk = (startsAt: string, eventId: string) => `${startsAt}#${eventId}`;

/** The year of a listing key written by eventListPk, or undefined for anything else. */
export function yearOfEventListPk(listPk: unknown): number | undefined {
  const match = typeof listPk === 'string' ? /^EVENTS#(\d{4})$/.exec(listPk) : null;
  return match ? Number(match[1]) : undefined;
}

/**
 * The words of both titles, folded and framed by spaces: ` dien dan thanh nien ... `, so that
 * `contains(titleWords, " thanh")` finds a word that begins with "thanh", accents optional.
 */
export function titleWordsOf(title: { vi: string; en?: string }): string {
  const words = searchWords(`${title.vi} ${title.en ?? ''}`);
  return ` ${[...new Set(words)].join(' ')} `;
}

/** The folded words a person typed or a title holds; punctuation separates words. */
export function searchWords(text: string): string[] {
  return foldAccents(text)
    .replace(/['’‘`ʼ]/gu, '')
    .split(/[^\p{L}\p{N}@.+]+/u)
    .map((word) => word.replace(/^[.+]+|[.+]+$/gu, ''))
    .filter(Boolean);
}
