import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendarFile, escapeText, foldLine, type CalendarEvent } from '../../../shared/email/calendar-file.js';

const event: CalendarEvent = {
  uid: 'ev-1.inv-1@huu-nghi.events',
  // A morning in Buôn Ma Thuột (UTC+7): 08:00–11:30 local is 01:00–04:30 UTC.
  startsAt: '2027-03-10T08:00:00+07:00',
  endsAt: '2027-03-10T11:30:00+07:00',
  summary: 'Hội nghị tổng kết công tác đối ngoại nhân dân năm 2026 của Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk',
  location: 'Hội trường A; tầng 2, số 15 Lê Duẩn, Buôn Ma Thuột',
  description: 'Liên hệ: Lê Thị Thu Hà, 0905 123 456\nMang theo giấy mời \\ thẻ',
  language: 'vi',
  organizer: { name: 'Lê Thị "Thu" Hà', email: 'ha.ltt@example.org' },
  stamp: new Date('2027-01-10T03:00:00Z'),
};

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

describe('calendar file', () => {
  it('holds one event that a real iCalendar parser reads, at the right instants in UTC', () => {
    const { calendar, events } = parse(buildCalendarFile(event));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(events).toHaveLength(1);
    const vevent = new ICAL.Event(events[0]!);
    expect(vevent.uid).toBe('ev-1.inv-1@huu-nghi.events');
    expect(vevent.startDate.zone).toBe(ICAL.Timezone.utcTimezone);
    expect(vevent.startDate.toString()).toBe('2027-03-10T01:00:00Z');
    expect(vevent.endDate.toString()).toBe('2027-03-10T04:30:00Z');
    expect(vevent.startDate.toJSDate().toISOString()).toBe('2027-03-10T01:00:00.000Z');
    expect(events[0]!.getFirstPropertyValue('dtstamp')!.toString()).toBe('2027-01-10T03:00:00Z');
  });

  it('keeps Vietnamese text intact through escaping and folding', () => {
    const { events } = parse(buildCalendarFile(event));
    const vevent = new ICAL.Event(events[0]!);
    expect(vevent.summary).toBe(event.summary);
    expect(vevent.location).toBe('Hội trường A; tầng 2, số 15 Lê Duẩn, Buôn Ma Thuột');
    expect(vevent.description).toBe('Liên hệ: Lê Thị Thu Hà, 0905 123 456\nMang theo giấy mời \\ thẻ');
    expect(events[0]!.getFirstProperty('summary')!.getParameter('language')).toBe('vi');
  });

  it('escapes ; , \\ and line breaks in text, as RFC 5545 says', () => {
    const text = buildCalendarFile(event);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('LOCATION;LANGUAGE=vi:Hội trường A\\; tầng 2\\, số 15 Lê Duẩn\\, Buôn Ma Thuột\r\n');
    expect(unfolded).toContain('\\nMang theo giấy mời \\\\ thẻ\r\n');
    expect(escapeText('a;b,c\\d\r\ne\nf')).toBe('a\\;b\\,c\\\\d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a character, and ends every line with CRLF', () => {
    const text = buildCalendarFile(event);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // The long summary had to be folded; each piece is whole UTF-8.
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(0);
    for (const line of lines) expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);

    const folded = foldLine(`SUMMARY:${'ệ'.repeat(60)}`);
    const pieces = folded.split('\r\n');
    expect(Buffer.byteLength(pieces[0]!, 'utf8')).toBeLessThanOrEqual(75);
    expect(pieces.slice(1).every((p) => p.startsWith(' ') && Buffer.byteLength(p, 'utf8') <= 75)).toBe(true);
    expect(pieces.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(`SUMMARY:${'ệ'.repeat(60)}`);
  });

  it('names the organiser only with an email, and a quote in the name cannot break the parameter', () => {
    const { events } = parse(buildCalendarFile(event));
    const organizer = events[0]!.getFirstProperty('organizer')!;
    expect(organizer.getFirstValue()).toBe('mailto:ha.ltt@example.org');
    expect(organizer.getParameter('cn')).toBe('Lê Thị Thu Hà');

    const withoutEmail = parse(buildCalendarFile({ ...event, organizer: { name: 'Ban tổ chức' } }));
    expect(withoutEmail.events[0]!.getFirstProperty('organizer')).toBeNull();
  });

  it('lets no value add a property: a summary with a line break stays one SUMMARY', () => {
    const { events } = parse(buildCalendarFile({ ...event, summary: 'Họp\r\nATTENDEE:mailto:x@example.org', location: 'A\nEND:VEVENT' }));
    expect(events).toHaveLength(1);
    expect(events[0]!.getAllProperties('attendee')).toHaveLength(0);
    expect(new ICAL.Event(events[0]!).summary).toBe('Họp\nATTENDEE:mailto:x@example.org');
  });
});
