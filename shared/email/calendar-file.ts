/**
 * An iCalendar file (RFC 5545) with one event, for a confirmed person to add to their calendar.
 * Times are written in UTC, so no VTIMEZONE is needed and every calendar shows the local time of
 * its reader. METHOD:PUBLISH: the file informs; answering happens through the personal link.
 */
export type CalendarEvent = {
  /** Stable per event and person: a second file for the same seat updates the first entry. */
  uid: string;
  startsAt: string | Date;
  endsAt: string | Date;
  summary: string;
  location: string;
  description?: string;
  /** The language of summary, location and description, e.g. `vi`. */
  language?: string;
  organizer?: { name: string; email?: string };
  /** When the file was made (DTSTAMP). */
  stamp: Date;
  /**
   * Higher than any file sent before for this UID (calendar-sequences-repository.ts), so a
   * calendar replaces the entry it holds rather than keeping the old time or showing two.
   */
  sequence?: number;
  /** CANCEL (with STATUS:CANCELLED) removes the entry of the same UID; PUBLISH by default. */
  method?: 'PUBLISH' | 'CANCEL';
};

const CRLF = '\r\n';

export function buildCalendarFile(event: CalendarEvent): string {
  const lang = event.language ? `;LANGUAGE=${event.language.replace(/[^A-Za-z0-9-]/g, '')}` : '';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Huu Nghi Events//Confirmation//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${event.method ?? 'PUBLISH'}`,
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcDateTime(event.stamp)}`,
    `DTSTART:${utcDateTime(event.startsAt)}`,
    `DTEND:${utcDateTime(event.endsAt)}`,
    `SEQUENCE:${event.sequence ?? 0}`,
    `SUMMARY${lang}:${escapeText(event.summary)}`,
    `LOCATION${lang}:${escapeText(event.location)}`,
    ...(event.description ? [`DESCRIPTION${lang}:${escapeText(event.description)}`] : []),
    ...organizer(event.organizer),
    `STATUS:${event.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** TEXT values: backslash, semicolon and comma escaped, line breaks as `\n`, other controls gone. */
export function escapeText(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, '\\n')
    .replace(/[\x00-\x08\x0a-\x1f\x7f]/g, '');
}

/**
 * Lines of at most 75 octets, continued on lines that start with a space; a character's UTF-8
 * bytes are never split between two lines.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // The first line holds 75 octets; the others 74 after their leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function organizer(value: CalendarEvent['organizer']): string[] {
  if (!value?.email || !/^[^\s<>"(),;:\\[\]@]+@[^\s<>"(),;:\\[\]@]+$/.test(value.email)) return [];
  // A parameter value cannot hold a double quote or a control character, escaped or not.
  const name = value.name.normalize('NFC').replace(/["\x00-\x1f\x7f\u2028\u2029]/g, ' ').replace(/\s+/g, ' ').trim();
  return [`ORGANIZER${name ? `;CN="${name}"` : ''}:mailto:${value.email}`];
}

function utcDateTime(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${String(value)}`);
  return date.toISOString().replace(/\.\d{3}/, '').replace(/[-:]/g, '');
}
