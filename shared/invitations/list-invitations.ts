import type { Page } from '../db/pagination.js';
import { DEFAULT_PAGE_SIZE } from '../db/pagination.js';
import { EventNotFoundError } from '../events/event-errors.js';
import { foldAccents } from '../text/vietnamese.js';
import type { Invitation, ListInvitationsQuery } from './invitation-schema.js';
import type { InvitationsDeps } from './invitations-deps.js';
import { presentInvitation } from './present-invitation.js';

/**
 * An event's invitations in Vietnamese name order, a page at a time, filtered by email status,
 * response and group. The search ignores accents and case ("nguyen" finds "Nguyễn", "dak lak"
 * finds "Đắk Lắk"); every word typed must appear in the name, organisation, email or phone.
 */
export async function listInvitations(deps: InvitationsDeps, eventId: string, query: ListInvitationsQuery): Promise<Page<Invitation>> {
  if (!(await deps.events.findById(eventId))) throw new EventNotFoundError();
  const words = query.q ? foldAccents(query.q).split(' ').filter(Boolean) : [];
  const page = await deps.invitations.listByName(eventId, {
    limit: query.limit ?? DEFAULT_PAGE_SIZE,
    cursor: query.cursor,
    emailStatus: query.emailStatus,
    response: query.response,
    group: query.group || undefined,
    words: [...new Set(words)].slice(0, 10),
  });
  return { items: page.items.map(presentInvitation), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}
