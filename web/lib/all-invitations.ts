import type { Invitation } from '../../shared/invitations/invitation-schema.js';
import type { ApiClient } from './api-client.js';

/**
 * Every invitation of an event, page after page (1,000 at a time, the API's most), in the list's
 * order (Vietnamese, by given name). For pages that need the whole list at once: letters,
 * certificates.
 */
export async function fetchAllInvitations(get: ApiClient['get'], eventId: string): Promise<Invitation[]> {
  const path = `/api/events/${encodeURIComponent(eventId)}/invitations`;
  const items: Invitation[] = [];
  let cursor: string | undefined;
  do {
    const page = await get<{ items: Invitation[]; nextCursor?: string }>(path, { limit: 1000, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
