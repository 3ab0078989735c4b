import { delegationRoleLabels, type DelegationRole } from '../delegations/delegation-roles.js';
import type { EventType } from '../events/event-schema.js';
import type { StoredEvent } from '../events/events-repository.js';
import { compareVietnameseNames, foldAccents } from '../text/vietnamese.js';
import { localParts, shortDate } from './official-dates.js';
import type { PapersDeps } from './papers-deps.js';
import { ROOT_UNIT_ID } from '../units/unit-schema.js';

export const eventTypeNames: Record<EventType, { vi: string; en: string }> = {
  youth_forum: { vi: 'Diễn đàn thanh niên', en: 'Youth forum' },
  training: { vi: 'Tập huấn', en: 'Training' },
  ngo_conference: { vi: 'Hội nghị tổ chức phi chính phủ', en: 'NGO conference' },
  delegation: { vi: 'Đoàn công tác', en: 'Delegation' },
  meeting: { vi: 'Cuộc họp', en: 'Meeting' },
  other: { vi: 'Khác', en: 'Other' },
};

export type ReportCounts = { events: number; invited: number; confirmed: number; present: number };
export type ReportEvent = ReportCounts & {
  eventId: string;
  type: EventType;
  title: { vi: string; en?: string };
  startsAt: string;
  endsAt: string;
  venue: string;
};
export type ReportMember = { name: string; role?: string; position?: string; organisation?: string };

/** One greetings campaign of the year: who was greeted, and how (mail, printed letter, flowers). */
export type ReportGreeting = {
  campaignId: string;
  occasion: { vi: string; en: string };
  /** The day it went: the campaign's send, else its planned day. */
  day?: string;
  /** Recipients greeted in any way: a mail that left (not bounced), a printed letter, or flowers. */
  greeted: number;
  mailed: number;
  /** Mail that bounced or failed, and addresses on the suppression list: not greeted by mail. */
  notDelivered: number;
  letters: number;
  flowers: number;
  /** The flowers' recorded cost in VND. */
  flowersCost: number;
  organisations: string[];
  /** ISO 3166-1 alpha-2 codes of the greeted organisations' countries. */
  countries: string[];
};

/**
 * "Báo cáo kết quả công tác đối ngoại nhân dân năm …": what the union did in a year, from the
 * same counts the event pages show (invited, confirmed, present at the door), so the two agree.
 */
export type YearReport = {
  year: number;
  totals: ReportCounts & { organisations: number };
  byType: (ReportCounts & { type: EventType })[];
  /** Events that took place (published or closed), by start; drafts and cancelled ones are not results. */
  events: ReportEvent[];
  delegations: (ReportEvent & { members: ReportMember[] })[];
  ngoConferences: (ReportEvent & { organisations: string[] })[];
  /** Organisations that came (confirmed or present), each once however it was typed. */
  organisations: string[];
  /**
   * Greetings to partners (issue 19) in campaigns of this year; only in a report of the whole
   * union, since the partners directory is the union's.
   */
  greetings: ReportGreeting[];
  greetingTotals: { campaigns: number; greeted: number; mailed: number; letters: number; flowers: number; flowersCost: number; organisations: number; countries: string[] };
};

async function eventsOfYear(deps: PapersDeps, year: number, unitIds?: string[]): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.events.listByStart({ limit: 100, cursor, unitIds, rootUnitId: ROOT_UNIT_ID });
    events.push(...page.items.filter((event) => localParts(event.startsAt).year === year));
    cursor = page.nextCursor;
  } while (cursor);
  return events.filter((event) => event.status === 'published' || event.status === 'closed').sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

function distinctOrganisations(names: (string | undefined)[]): string[] {
  const byKey = new Map<string, string>();
  for (const name of names) {
    const trimmed = name?.trim();
    if (trimmed) byKey.set(foldAccents(trimmed), byKey.get(foldAccents(trimmed)) ?? trimmed);
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, 'vi'));
}

const MAILED: ReadonlySet<string> = new Set(['sent', 'delivered', 'complained']);
const NOT_DELIVERED: ReadonlySet<string> = new Set(['bounced', 'failed', 'skipped']);

async function greetingsOfYear(source: NonNullable<PapersDeps['greetings']>, year: number): Promise<ReportGreeting[]> {
  const campaigns = (await source.greetings.listCampaigns()).filter((campaign) => campaign.year === year);
  const countryOf = new Map((await source.organisations.listOrganisations()).map((o) => [o.organisationId, o.country] as const));
  const rows = await Promise.all(
    campaigns.map(async (campaign): Promise<ReportGreeting> => {
      const recipients = await source.greetings.listRecipients(campaign.campaignId);
      const greeted = recipients.filter((r) => MAILED.has(r.state) || r.letterPrintedAt || r.flowers);
      const organisationIds = [...new Set(greeted.map((r) => r.organisationId).filter((id): id is string => Boolean(id)))];
      const countries = [...new Set(organisationIds.map((id) => countryOf.get(id)).filter((c): c is string => Boolean(c)))].sort();
      return {
        campaignId: campaign.campaignId,
        occasion: campaign.occasionName,
        day: campaign.sentAt ?? campaign.sendOn,
        greeted: greeted.length,
        mailed: recipients.filter((r) => MAILED.has(r.state)).length,
        notDelivered: recipients.filter((r) => NOT_DELIVERED.has(r.state)).length,
        letters: recipients.filter((r) => r.letterPrintedAt).length,
        flowers: recipients.filter((r) => r.flowers).length,
        flowersCost: recipients.reduce((sum, r) => sum + (r.flowers?.cost ?? 0), 0),
        organisations: distinctOrganisations(greeted.map((r) => r.organisationName)),
        countries,
      };
    }),
  );
  // A campaign prepared but never sent greeted nobody: it is not a result of the year.
  return rows.filter((row) => row.greeted > 0).sort((a, b) => (a.day ?? '').localeCompare(b.day ?? ''));
}

function greetingTotals(rows: ReportGreeting[]): YearReport['greetingTotals'] {
  const total = (pick: (row: ReportGreeting) => number) => rows.reduce((n, row) => n + pick(row), 0);
  return {
    campaigns: rows.length,
    greeted: total((r) => r.greeted),
    mailed: total((r) => r.mailed),
    letters: total((r) => r.letters),
    flowers: total((r) => r.flowers),
    flowersCost: total((r) => r.flowersCost),
    organisations: distinctOrganisations(rows.flatMap((r) => r.organisations)).length,
    countries: [...new Set(rows.flatMap((r) => r.countries))].sort(),
  };
}

/** `unitIds`: only the events of these units (those the reader reaches); all when absent. */
export async function buildYearReport(deps: PapersDeps, year: number, unitIds?: string[]): Promise<YearReport> {
  const events = await eventsOfYear(deps, year, unitIds);
  const reportEvents: ReportEvent[] = events.map((event) => ({
    eventId: event.eventId,
    type: event.type,
    title: event.title,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    venue: event.venue,
    events: 1,
    invited: event.counts.invited,
    confirmed: event.counts.confirmed,
    present: event.counts.checkedIn,
  }));

  const invitationsByEvent = new Map(
    await Promise.all(events.map(async (event) => [event.eventId, await deps.invitations.listAllByEvent(event.eventId)] as const)),
  );
  const came = (eventId: string) => (invitationsByEvent.get(eventId) ?? []).filter((i) => i.response === 'confirmed' || i.checkedInAt);

  const delegations = reportEvents
    .filter((event) => event.type === 'delegation')
    .map((event) => ({
      ...event,
      members: came(event.eventId)
        .sort((a, b) => (a.protocolRank ?? 1e9) - (b.protocolRank ?? 1e9) || compareVietnameseNames(a.name, b.name))
        .map((i) => ({
          name: i.name,
          role: i.delegationRole ? delegationRoleLabels[i.delegationRole as DelegationRole]?.vi : undefined,
          position: i.position,
          organisation: i.organisation,
        })),
    }));
  const ngoConferences = reportEvents
    .filter((event) => event.type === 'ngo_conference')
    .map((event) => ({ ...event, organisations: distinctOrganisations(came(event.eventId).map((i) => i.organisation)) }));

  const sum = (items: ReportCounts[]): ReportCounts => ({
    events: items.reduce((n, e) => n + e.events, 0),
    invited: items.reduce((n, e) => n + e.invited, 0),
    confirmed: items.reduce((n, e) => n + e.confirmed, 0),
    present: items.reduce((n, e) => n + e.present, 0),
  });
  const types = [...new Set(reportEvents.map((e) => e.type))];
  const organisations = distinctOrganisations(events.flatMap((event) => came(event.eventId).map((i) => i.organisation)));
  const wholeUnion = !unitIds || unitIds.includes(ROOT_UNIT_ID);
  const greetings = wholeUnion && deps.greetings ? await greetingsOfYear(deps.greetings, year) : [];
  return {
    year,
    totals: { ...sum(reportEvents), organisations: organisations.length },
    byType: (Object.keys(eventTypeNames) as EventType[]).filter((t) => types.includes(t)).map((type) => ({ type, ...sum(reportEvents.filter((e) => e.type === type)) })),
    events: reportEvents,
    delegations,
    ngoConferences,
    organisations,
    greetings,
    greetingTotals: greetingTotals(greetings),
  };
}

const countryNames = new Intl.DisplayNames(['vi'], { type: 'region' });
const vnd = (value: number) => value.toLocaleString('vi-VN');

/** The greetings section as both renderers (Word and PDF) write it: title, sentence and table. */
export function greetingsSection(report: YearReport, issuerInSentence: string): { title: string; sentence: string; header: string[]; rows: string[][]; numeric: number[] } {
  const t = report.greetingTotals;
  const title = 'V. THƯ CHÚC MỪNG, ĐIỆN HOA GỬI CÁC ĐỐI TÁC';
  if (t.campaigns === 0) return { title, sentence: 'Trong năm chưa ghi nhận thư chúc mừng, điện hoa gửi các đối tác.', header: [], rows: [], numeric: [] };
  const countries = t.countries.map((code) => countryNames.of(code) ?? code);
  const sentence =
    `Nhân các ngày Lễ, Hội và sự kiện quan trọng của các nước đối tác, ${issuerInSentence} đã gửi ${vnd(t.greeted)} lượt chúc mừng ` +
    `(${vnd(t.mailed)} thư điện tử, ${vnd(t.letters)} thư in, ${vnd(t.flowers)} lượt điện hoa) tới ${vnd(t.organisations)} cơ quan, tổ chức` +
    (countries.length > 0 ? ` của ${vnd(countries.length)} quốc gia (${countries.join(', ')})` : '') +
    (t.flowersCost > 0 ? `; chi phí hoa ${vnd(t.flowersCost)} đồng.` : '.');
  return {
    title,
    sentence,
    header: ['STT', 'Dịp', 'Ngày gửi', 'Đối tác nhận', 'Thư điện tử', 'Thư in', 'Điện hoa'],
    rows: report.greetings.map((g, i) => [
      String(i + 1),
      g.occasion.vi,
      g.day ? shortDate(g.day) : '',
      g.organisations.join('; '),
      vnd(g.mailed),
      vnd(g.letters),
      vnd(g.flowers),
    ]),
    numeric: [0, 4, 5, 6],
  };
}
