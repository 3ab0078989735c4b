import type { Language } from './i18n.js';

/**
 * Dates as the union writes them: Asia/Ho_Chi_Minh, dd/mm/yyyy, 24-hour clock, whatever the zone
 * or the locale of the browser. Vietnam has kept UTC+07:00 without daylight saving since 1975, so
 * a local date and time become an instant by appending the offset.
 */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const UTC_OFFSET = '+07:00';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

type Parts = { year: string; month: string; day: string; hour: string; minute: string };

function parts(instant: string | Date): Parts | undefined {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return undefined;
  const out: Record<string, string> = {};
  for (const part of partsFormatter.formatToParts(date)) out[part.type] = part.value;
  return out as Parts;
}

/** 26/03/2015 */
export function formatDate(instant: string | Date): string {
  const p = parts(instant);
  return p ? `${p.day}/${p.month}/${p.year}` : '';
}

/** 08:00 */
export function formatTime(instant: string | Date): string {
  const p = parts(instant);
  return p ? `${p.hour}:${p.minute}` : '';
}

/** 26/03/2015 08:00 */
export function formatDateTime(instant: string | Date): string {
  const p = parts(instant);
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : '';
}

/** 26/03/2015 08:00–11:30 on one day, else both ends in full. */
export function formatRange(start: string, end: string): string {
  if (formatDate(start) === formatDate(end)) return `${formatDateTime(start)}–${formatTime(end)}`;
  return `${formatDateTime(start)} – ${formatDateTime(end)}`;
}

const weekdayFormatters: Partial<Record<Language, Intl.DateTimeFormat>> = {};

/** "Thứ Năm" / "Thursday", in Ho Chi Minh City time. */
export function formatWeekday(instant: string | Date, language: Language): string {
  const formatter = (weekdayFormatters[language] ??= new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: TIME_ZONE,
    weekday: 'long',
  }));
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return Number.isNaN(date.getTime()) ? '' : formatter.format(date);
}

/** An instant as the two inputs of a form show it: { date: "26/03/2015", time: "08:00" }. */
export function toLocalInputs(instant: string | undefined): { date: string; time: string } {
  if (!instant) return { date: '', time: '' };
  return { date: formatDate(instant), time: formatTime(instant) };
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A typed date, read leniently: "26/3/2015", "26-03-2015", "26.03.2015" all mean 26/03/2015.
 * Answers the normalized "dd/mm/yyyy", or undefined when it is no real date.
 */
export function parseLocalDate(text: string): string | undefined {
  const match = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return `${pad(day)}/${pad(month)}/${year}`;
}

/**
 * A typed time on the 24-hour clock, read leniently: "8", "8:30", "08.30", "0830", "8h30", "8h".
 * Answers "HH:mm", or undefined.
 */
export function parseLocalTime(text: string): string | undefined {
  const match = /^\s*(\d{1,2})(?:\s*[:.hH]\s*(\d{2})?)?\s*$/.exec(text) ?? /^\s*(\d{1,2})(\d{2})\s*$/.exec(text);
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  if (hour > 23 || minute > 59) return undefined;
  return `${pad(hour)}:${pad(minute)}`;
}

/** "26/03/2015" and "08:00" → "2015-03-26T08:00:00+07:00"; undefined if either is not valid. */
export function localInputsToInstant(date: string, time: string): string | undefined {
  const day = parseLocalDate(date);
  const clock = parseLocalTime(time);
  if (!day || !clock) return undefined;
  const [dd, mm, yyyy] = day.split('/');
  return `${yyyy}-${mm}-${dd}T${clock}:00${UTC_OFFSET}`;
}

/** Now, as an ISO instant with the local offset (for `?from=`). */
export function nowInstant(now = new Date()): string {
  const p = parts(now)!;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${pad(now.getUTCSeconds())}${UTC_OFFSET}`;
}
