import type { Page } from '../db/pagination.js';
import { searchWords } from './event-listing-keys.js';
import { toUtcIso } from '../time/ho-chi-minh.js';
import type { Event, EventStatus, EventType } from './event-schema.js';
import type { EventsDeps } from './events-deps.js';
import { presentEvent } from './present-event.js';
import { ROOT_UNIT_ID } from '../units/unit-schema.js';

export type ListEventsInput = {
  limit: number;
  cursor?: string;
  type?: EventType;
  status?: EventStatus;
  from?: string;
  before?: string;
  order?: 'asc' | 'desc';
  q?: string;
  year?: number;
  /** The units the account reaches (undefined: all, an admin), already narrowed by any filter. */
  unitIds?: string[];
};

/**
 * Events by start time, filtered by type, status, end time, start year and words of the title,
 * one full page at a time.
 */
export async function listEvents(deps: EventsDeps, input: ListEventsInput): Promise<Page<Event>> {
  const page = await deps.events.listByStart({
    limit: input.limit,
    cursor: input.cursor,
    type: input.type,
    status: input.status,
    endsAtOrAfter: input.from ? toUtcIso(input.from) : undefined,
    endsBefore: input.before ? toUtcIso(input.before) : undefined,
    year: input.year,
    titleWords: input.q ? [...new Set(searchWords(input.q))].slice(0, 10) : undefined,
    unitIds: input.unitIds,
    rootUnitId: ROOT_UNIT_ID,
    descending: input.order === 'desc',
  });
  return { items: page.items.map(presentEvent), nextCursor: page.nextCursor };
}
