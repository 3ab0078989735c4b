/**
 * The union works in Asia/Ho_Chi_Minh. Instants are stored in UTC and shown in local time with
 * its offset, so that "08:00" in a list means 08:00 in Buôn Ma Thuột whatever the server's zone.
 */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function zonedParts(instant: Date): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, '0');
}

/** An ISO 8601 string in local time with its offset, e.g. 2015-11-20T08:00:00+07:00. */
export function toLocalIso(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const p = zonedParts(date);
  const localAsUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  const offsetMinutes = Math.round((localAsUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return `${p.year}-${pad(p.month!)}-${pad(p.day!)}T${pad(p.hour!)}:${pad(p.minute!)}:${pad(p.second!)}${offset}`;
}

/** A UTC ISO string for storage and for comparison by string order. */
export function toUtcIso(instant: string | Date): string {
  return (typeof instant === 'string' ? new Date(instant) : instant).toISOString();
}
