import { TIME_ZONE } from '../time/ho-chi-minh.js';

/** Built once: an Intl formatter costs far more to make than to use (500 letters use it thousands of times). */
const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  weekday: 'long',
});

/** Year, month, day, weekday, hour and minute of an instant in Asia/Ho_Chi_Minh. */
export function localParts(instant: string | Date) {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const parts: Record<string, string> = {};
  for (const part of partsFormat.formatToParts(date)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: parts.hour!,
    minute: parts.minute!,
    weekdayEn: parts.weekday!,
    weekdayIndex: new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day))).getUTCDay(),
  };
}

const VI_WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The place and date line of an administrative document (Decree 30/2020/NĐ-CP, Appendix I): a day
 * below 10 and the months January and February take a leading zero ("ngày 05 tháng 02"), the other
 * months do not ("tháng 3"), so the date cannot be altered by hand afterwards.
 */
export function placeAndDate(place: string, instant: string | Date, language: 'vi' | 'en'): string {
  const { year, month, day } = localParts(instant);
  if (language === 'en') return `${place}, ${day} ${EN_MONTHS[month - 1]} ${year}`;
  const dd = String(day).padStart(2, '0');
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${year}`;
}

/** dd/mm/yyyy, as every date a Vietnamese reader sees. */
export function shortDate(instant: string | Date): string {
  const { year, month, day } = localParts(instant);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/**
 * When an event takes place, as an invitation letter says it: "08 giờ 00, thứ Sáu, ngày 15/01/2027"
 * or, over several days, "từ 08 giờ 00 ngày 10/03/2031 đến 17 giờ 00 ngày 14/03/2031".
 */
export function eventTimePhrase(startsAt: string, endsAt: string, language: 'vi' | 'en'): string {
  const start = localParts(startsAt);
  const end = localParts(endsAt);
  const sameDay = start.year === end.year && start.month === end.month && start.day === end.day;
  if (language === 'en') {
    const day = (p: typeof start) => `${p.weekdayEn} ${p.day} ${EN_MONTHS[p.month - 1]} ${p.year}`;
    if (sameDay) return `${start.hour}:${start.minute}–${end.hour}:${end.minute}, ${day(start)}`;
    return `from ${start.hour}:${start.minute}, ${day(start)} to ${end.hour}:${end.minute}, ${day(end)}`;
  }
  const clock = (p: typeof start) => `${p.hour} giờ ${p.minute}`;
  if (sameDay) return `${clock(start)}, ${VI_WEEKDAYS[start.weekdayIndex]}, ngày ${shortDate(startsAt)}`;
  return `từ ${clock(start)} ngày ${shortDate(startsAt)} đến ${clock(end)} ngày ${shortDate(endsAt)}`;
}
