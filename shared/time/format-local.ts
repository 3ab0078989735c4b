import { TIME_ZONE } from './ho-chi-minh.js';

/**
 * Dates as people in Vietnam write them: 24-hour clock, day/month/year, in Asia/Ho_Chi_Minh.
 * "08:00, Thứ Năm, 26/03/2015" in Vietnamese; "08:00, Thursday 26 March 2015" in English.
 */
export function formatLocalDateTime(instant: string | Date, language: 'vi' | 'en'): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  if (language === 'en') {
    const day = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
    return `${time}, ${day.replace(',', '')}`;
  }
  const weekday = new Intl.DateTimeFormat('vi-VN', { timeZone: TIME_ZONE, weekday: 'long' }).format(date);
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
  return `${time}, ${weekday.charAt(0).toUpperCase()}${weekday.slice(1)}, ${day}`;
}

/** A span: "08:00 – 11:30, Thứ Năm, 26/03/2015", or two full stamps across days. */
export function formatLocalRange(startsAt: string, endsAt: string, language: 'vi' | 'en'): string {
  const start = formatLocalDateTime(startsAt, language);
  const end = formatLocalDateTime(endsAt, language);
  const [startTime, ...startDay] = start.split(', ');
  const [endTime, ...endDay] = end.split(', ');
  if (startDay.join(', ') === endDay.join(', ')) return `${startTime} – ${endTime}, ${startDay.join(', ')}`;
  return `${start} – ${end}`;
}
