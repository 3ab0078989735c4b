import type { Page } from '../db/pagination.js';
import { DEFAULT_PAGE_SIZE } from '../db/pagination.js';
import { EventNotFoundError } from '../events/event-errors.js';
import { pageOfRanked } from '../db/ranked-pages.js';
import { rankPeople, typedWords } from '../text/name-search.js';
import type { Invitation, ListInvitationsQuery } from './invitation-schema.js';
import type { InvitationsDeps } from './invitations-deps.js';
import { nameSortKey } from './name-sort-key.js';
import { presentInvitation } from './present-invitation.js';

/**
 * An event's invitations in Vietnamese name order, a page at a time, filtered by email status,
 * response and group. A search (`q`) ignores accents and case and ranks as people look for a
 * name (shared/text/name-search.ts): exact names first, then names holding the typed words, then
 * word beginnings, then matches only in the organisation, email or phone, marked `matchedOn`.
 */
export async function listInvitations(deps: InvitationsDeps, eventId: string, query: ListInvitationsQuery): Promise<Page<Invitation>> {
  if (!(await deps.events.findById(eventId))) throw new EventNotFoundError();
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const filters = { emailStatus: query.emailStatus, response: query.response, group: query.group || undefined };
  const words = typedWords(query.q);
  if (words.length) {
    const ranked = rankPeople(words, await deps.invitations.listAllByName(eventId, filters), () => 0);
    return pageOfRanked(ranked, limit, query.cursor, ({ person, match }) => ({
      ...presentInvitation(person),
      matchedOn: match.on,
    }));
  }
  // "From H": the names whose given name sorts at or after H's place in the alphabet.
  const fromKey = query.from?.trim() ? nameSortKey(query.from.trim()).split('\u0001')[0] : undefined;
  const page = await deps.invitations.listByName(eventId, { limit, cursor: query.cursor, fromKey: fromKey || undefined, ...filters });
  return { items: page.items.map(presentInvitation), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}
