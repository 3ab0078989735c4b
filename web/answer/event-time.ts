import { TIME_ZONE, formatDate, formatTime, formatWeekday } from '../lib/datetime.js';
import type { Language } from '../lib/i18n.js';

/**
 * Times as an invitation states them, always in Ho Chi Minh City time whatever the phone's zone:
 * "08:00 – 11:30, Thứ Năm, 26/03/2015" and "08:00 – 11:30, Thursday 26 March 2015".
 */
let englishDate: Intl.DateTimeFormat | undefined;

/** "Thứ Năm, 26/03/2015" / "Thursday 26 March 2015". */
export function formatDay(instant: string, language: Language): string {
  if (language === 'vi') return `${formatWeekday(instant, 'vi')}, ${formatDate(instant)}`;
  englishDate ??= new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
  return `${formatWeekday(instant, 'en')} ${englishDate.format(new Date(instant))}`;
}

/** "17:00, Thứ Tư, 18/11/2026": a moment such as the registration deadline. */
export function formatMoment(instant: string, language: Language): string {
  return `${formatTime(instant)}, ${formatDay(instant, language)}`;
}

/** One day: "08:00 – 11:30, <day>"; over several days, each end in full. */
export function formatEventTime(startsAt: string, endsAt: string, language: Language): string {
  if (formatDate(startsAt) === formatDate(endsAt)) return `${formatTime(startsAt)} – ${formatTime(endsAt)}, ${formatDay(startsAt, language)}`;
  return `${formatMoment(startsAt, language)} – ${formatMoment(endsAt, language)}`;
}

/** A date field's value ("2031-11-20") as people read it: 20/11/2031. */
export function formatDateValue(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}
