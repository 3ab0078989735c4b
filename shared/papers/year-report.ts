import { delegationRoleLabels, type DelegationRole } from '../delegations/delegation-roles.js';
import type { EventType } from '../events/event-schema.js';
import type { StoredEvent } from '../events/events-repository.js';
import { compareVietnameseNames, foldAccents } from '../text/vietnamese.js';
import { localParts } from './official-dates.js';
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
  return {
    year,
    totals: { ...sum(reportEvents), organisations: organisations.length },
    byType: (Object.keys(eventTypeNames) as EventType[]).filter((t) => types.includes(t)).map((type) => ({ type, ...sum(reportEvents.filter((e) => e.type === type)) })),
    events: reportEvents,
    delegations,
    ngoConferences,
    organisations,
  };
}
