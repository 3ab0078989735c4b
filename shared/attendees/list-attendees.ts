import type { Role } from '../auth/auth-schema.js';
import { can } from '../auth/permissions.js';
import { memberRoleOf, roleOrderOf } from '../delegations/delegation-roles.js';
import { compareProtocolOrder } from '../delegations/protocol-order.js';
import { maskPassportValue, PASSPORT_FIELDS } from '../delegations/passport-data.js';
import { DomainError } from '../errors.js';
import { compareVietnameseNames } from '../text/vietnamese.js';
import { rankPeople, typedWords } from '../text/name-search.js';
import { pageOfRanked } from '../db/ranked-pages.js';
import { DEFAULT_PAGE_SIZE } from '../db/pagination.js';
import { EventNotFoundError } from '../events/event-errors.js';
import type { EventsRepository, StoredEvent } from '../events/events-repository.js';
import type { Attendee, ListAttendeesQuery } from './attendee-schema.js';
import type { AttendeeRecord, AttendeesRepository } from './attendees-repository.js';
import type { PersonalDataLog } from './personal-data-reads-repository.js';

export type AttendeesDeps = {
  attendees: AttendeesRepository;
  events: Pick<EventsRepository, 'findById' | 'findUnitOf'>;
  personalDataLog: PersonalDataLog;
  now: () => Date;
};

/** Passport data is personal data (Decree 13/2023): organisers and admins see it, staff do not. */
export { PASSPORT_FIELDS };
const mayReadPassports = (role: Role) => can(role, 'passports:read');

/**
 * A list asked for with its passport data (`details=passport`) by someone who may not read it:
 * refused outright rather than answered masked, so a script or a page knows where it stands.
 */
export class PassportDataForbiddenError extends DomainError {
  readonly kind = 'forbidden' as const;
  constructor() {
    super('passport_data_forbidden', {
      vi: 'Chỉ người tổ chức và quản trị viên được xem dữ liệu hộ chiếu.',
      en: 'Only organisers and administrators may see passport data.',
    });
  }
}
const mask = maskPassportValue;

/**
 * The order on official lists: an explicit protocol rank (a detail, or the delegation member's
 * own), then the role in the delegation.
 */
function explicitRankOf(record: AttendeeRecord): number | undefined {
  const explicit = Number(record.details?.protocolRank ?? record.protocolRank);
  return Number.isFinite(explicit) && explicit > 0 ? explicit : undefined;
}

function rankOf(record: AttendeeRecord): number {
  return explicitRankOf(record) ?? 1000 + roleOrderOf(memberRoleOf(record));
}

/** The delegation page's and the roster's order (protocol-order.ts), so every list agrees. */
const byProtocol = (a: AttendeeRecord, b: AttendeeRecord) =>
  compareProtocolOrder(
    { protocolRank: explicitRankOf(a), role: memberRoleOf(a), name: a.name },
    { protocolRank: explicitRankOf(b), role: memberRoleOf(b), name: b.name },
  );

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
const comparators: Record<NonNullable<ListAttendeesQuery['sort']>, (a: AttendeeRecord, b: AttendeeRecord) => number> = {
  name: (a, b) => compareVietnameseNames(a.name, b.name),
  organisation: (a, b) => collator.compare(a.organisation ?? '', b.organisation ?? '') || compareVietnameseNames(a.name, b.name),
  rank: byProtocol,
};

export type AttendeeList = {
  event: StoredEvent;
  items: Attendee[];
  groups?: { group: string; count: number; checkedIn: number }[];
  nextCursor?: string;
};

/**
 * The list of who comes: confirmed people (and on request the waiting list and those pending
 * approval), sorted as official lists are, optionally grouped with a count per group. Staff get
 * passport data masked; an organiser's read of it is logged.
 */
export async function listAttendees(
  deps: AttendeesDeps,
  eventId: string,
  query: ListAttendeesQuery,
  reader: { userId: string; role: Role },
): Promise<AttendeeList> {
  if (query.details === 'passport' && !mayReadPassports(reader.role)) throw new PassportDataForbiddenError();
  const event = await deps.events.findById(eventId);
  if (!event) throw new EventNotFoundError();
  const responses = new Set(['confirmed', ...(query.include ?? [])]);
  const listed = (await deps.attendees.listWithDetails(eventId))
    .filter((r) => responses.has(r.response) || r.walkIn)
    .sort(comparators[query.sort ?? 'name']);
  if (query.groupBy) {
    const key = query.groupBy;
    listed.sort((a, b) => collator.compare(a[key] ?? '', b[key] ?? '') || 0);
  }
  // A search ranks by how the name matches; within a rank the list keeps its order.
  const words = typedWords(query.q);
  const ranked = rankPeople(words, listed, () => 0);
  const records = ranked.map((r) => r.person);
  const matchedOn = new Map(words.length ? ranked.map((r) => [r.person.invitationId, r.match.on] as const) : []);

  const seesPassports = mayReadPassports(reader.role);
  let passportShown = false;
  // Pages only when asked for: exports and the printed sheet read the whole list at once.
  const paged = query.limit !== undefined || query.cursor !== undefined;
  const page = paged ? pageOfRanked(records, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor, (r) => r) : { items: records };

  const items = page.items.map((r): Attendee => {
    let details: Record<string, string> | undefined;
    if (query.details && r.details) {
      details = Object.fromEntries(
        Object.entries(r.details).map(([key, value]) => {
          if (!PASSPORT_FIELDS.includes(key)) return [key, value];
          if (seesPassports) {
            passportShown = true;
            return [key, value];
          }
          return [key, mask(key, String(value))];
        }),
      );
    }
    return {
      registrationId: r.invitationId,
      name: r.name,
      organisation: r.organisation,
      position: r.position,
      group: r.group,
      phone: r.phone,
      email: r.email,
      response: r.walkIn ? 'confirmed' : r.response,
      checkedInAt: r.checkedInAt,
      walkIn: r.walkIn,
      details,
      rank: query.sort === 'rank' ? rankOf(r) : undefined,
      matchedOn: matchedOn.get(r.invitationId),
    };
  });
  if (passportShown) {
    await deps.personalDataLog.recordRead({ eventId, userId: reader.userId, at: deps.now().toISOString(), what: 'attendee list with passport data', count: items.length });
  }

  let groups: AttendeeList['groups'];
  if (query.groupBy) {
    const key = query.groupBy;
    const byGroup = new Map<string, { count: number; checkedIn: number }>();
    for (const item of records) {
      const name = item[key] ?? '';
      const entry = byGroup.get(name) ?? { count: 0, checkedIn: 0 };
      entry.count += 1;
      if (item.checkedInAt) entry.checkedIn += 1;
      byGroup.set(name, entry);
    }
    groups = [...byGroup.entries()].map(([group, v]) => ({ group, ...v }));
  }
  return { event, items, groups, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}
