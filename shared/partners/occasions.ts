import type { Contact, Organisation } from './partner-schema.js';
import type { Occasion } from './partners-repository.js';

/**
 * The occasions calendar: national days of the partners' countries (a table the union edits,
 * seeded once with these), each organisation's own day, and Tết. An occurrence is an occasion on
 * a given local day; its campaign is `<occasionId>-<year>`.
 */
export const defaultOccasions: Omit<Occasion, 'createdAt'>[] = [
  { occasionId: 'nd-ru', country: 'RU', day: '06-12', name: { vi: 'Quốc khánh Liên bang Nga', en: 'Russia Day' } },
  { occasionId: 'nd-fr', country: 'FR', day: '07-14', name: { vi: 'Quốc khánh Cộng hòa Pháp', en: 'Bastille Day (France)' } },
  { occasionId: 'nd-kr', country: 'KR', day: '10-03', name: { vi: 'Ngày Lập quốc Hàn Quốc', en: 'National Foundation Day (Republic of Korea)' } },
  { occasionId: 'nd-kh', country: 'KH', day: '11-09', name: { vi: 'Quốc khánh Vương quốc Campuchia', en: 'Independence Day (Cambodia)' } },
  { occasionId: 'nd-la', country: 'LA', day: '12-02', name: { vi: 'Quốc khánh nước CHDCND Lào', en: 'National Day (Lao PDR)' } },
  { occasionId: 'nd-jp', country: 'JP', day: '02-23', name: { vi: 'Ngày sinh Nhật hoàng (Quốc khánh Nhật Bản)', en: "The Emperor's Birthday (Japan)" } },
  { occasionId: 'asean-day', tag: 'ASEAN', day: '08-08', name: { vi: 'Ngày thành lập ASEAN', en: 'ASEAN Day' } },
];

/** Tết Nguyên đán (the lunar new year's first day), as the Vietnamese calendar sets it. */
export const tetDays: Record<number, string> = {
  2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26', 2029: '2029-02-13', 2030: '2030-02-03',
  2031: '2031-01-23', 2032: '2032-02-11', 2033: '2033-01-31', 2034: '2034-02-19', 2035: '2035-02-08', 2036: '2036-01-28',
};
export const TET_OCCASION_ID = 'tet';
export const tetName = { vi: 'Tết Nguyên đán', en: 'Lunar New Year (Tết)' };

export type Occurrence = {
  occasionId: string;
  kind: 'national_day' | 'organisation_day' | 'tet';
  name: { vi: string; en: string };
  /** The local day, YYYY-MM-DD. */
  date: string;
  year: number;
  country?: string;
  tag?: string;
  organisationId?: string;
  campaignId: string;
};

/** The local calendar day of an instant in Asia/Ho_Chi_Minh (UTC+7, no summer time). */
export function localDay(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** 08:00 on a local day, as a UTC instant: when a greeting for that day goes out. */
export function morningOf(day: string): string {
  return new Date(`${day}T08:00:00+07:00`).toISOString();
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const campaignIdOf = (occasionId: string, year: number) => `${occasionId}-${year}`;

/** Each occasion's next date from `today` within `days` days (both ends included), soonest first. */
export function occurrencesBetween(today: string, days: number, occasions: Occasion[], organisations: Organisation[]): Occurrence[] {
  const last = addDays(today, days);
  const years = [Number(today.slice(0, 4)), Number(last.slice(0, 4))];
  const out: Occurrence[] = [];
  const within = (date: string) => date >= today && date <= last;
  for (const year of new Set(years)) {
    for (const o of occasions) {
      const date = `${year}-${o.day}`;
      if (within(date)) out.push({ occasionId: o.occasionId, kind: 'national_day', name: o.name, date, year, country: o.country, tag: o.tag, campaignId: campaignIdOf(o.occasionId, year) });
    }
    for (const org of organisations) {
      if (!org.foundingDay) continue;
      const date = `${year}-${org.foundingDay}`;
      const occasionId = `org-${org.organisationId}`;
      if (within(date)) out.push({ occasionId, kind: 'organisation_day', name: { vi: `Ngày thành lập ${org.name}`, en: `${org.name}: founding day` }, date, year, organisationId: org.organisationId, campaignId: campaignIdOf(occasionId, year) });
    }
    const tet = tetDays[year];
    if (tet && within(tet)) out.push({ occasionId: TET_OCCASION_ID, kind: 'tet', name: tetName, date: tet, year, campaignId: campaignIdOf(TET_OCCASION_ID, year) });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.occasionId < b.occasionId ? -1 : 1));
}

/** An occasion named by id, for a year: the table's, an organisation's own day, or Tết. */
export function occurrenceOf(occasionId: string, year: number, occasions: Occasion[], organisations: Organisation[]): Occurrence | undefined {
  if (occasionId === TET_OCCASION_ID) {
    const date = tetDays[year];
    return date ? { occasionId, kind: 'tet', name: tetName, date, year, campaignId: campaignIdOf(occasionId, year) } : undefined;
  }
  if (occasionId.startsWith('org-')) {
    const org = organisations.find((o) => `org-${o.organisationId}` === occasionId);
    if (!org?.foundingDay) return undefined;
    return { occasionId, kind: 'organisation_day', name: { vi: `Ngày thành lập ${org.name}`, en: `${org.name}: founding day` }, date: `${year}-${org.foundingDay}`, year, organisationId: org.organisationId, campaignId: campaignIdOf(occasionId, year) };
  }
  const o = occasions.find((x) => x.occasionId === occasionId);
  return o ? { occasionId, kind: 'national_day', name: o.name, date: `${year}-${o.day}`, year, country: o.country, tag: o.tag, campaignId: campaignIdOf(occasionId, year) } : undefined;
}

/**
 * Who an occasion concerns in the directory: the contacts of organisations of its country (a
 * national day), of organisations carrying its tag (ASEAN Day), of the organisation itself (its
 * own day), or every contact (Tết).
 */
export function contactsConcerned(occurrence: Pick<Occurrence, 'kind' | 'country' | 'tag' | 'organisationId'>, contacts: Contact[], organisations: Organisation[]): Contact[] {
  const byId = new Map(organisations.map((o) => [o.organisationId, o]));
  return contacts.filter((c) => {
    if (occurrence.kind === 'tet') return true;
    const org = c.organisationId ? byId.get(c.organisationId) : undefined;
    if (!org) return false;
    if (occurrence.kind === 'organisation_day') return org.organisationId === occurrence.organisationId;
    if (occurrence.country) return org.country === occurrence.country;
    if (occurrence.tag) return org.tags.some((t) => t.toLocaleLowerCase('vi') === occurrence.tag!.toLocaleLowerCase('vi'));
    return false;
  });
}
