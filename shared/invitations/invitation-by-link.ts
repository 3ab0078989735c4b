import type { EventsRepository, StoredEvent } from '../events/events-repository.js';
import type { RateLimiter, RateLimitRule } from '../rate-limits/rate-limiter.js';
import { InvitationLinkNotFoundError } from './invitation-errors.js';
import type { InvitationsRepository, StoredInvitation } from './invitations-repository.js';

/**
 * Misses allowed per client address. Only misses count: a conference hall behind one address,
 * everyone opening their real link at once, is never refused. A client over the limit still
 * opens a real link; with secrets of 132 bits or more, guessing one is hopeless anyway, and the
 * limit is there to stop a client hammering the table with made-up tokens. A wrong secret beside
 * real ids is a miss like any other.
 */
export const linkMissLimit: RateLimitRule = { name: 'invitation-link-miss', limit: 30, windowSeconds: 10 * 60 };

/**
 * The invitation behind a personal link, with its event as an answer reads it (to open the link
 * and to answer from it). Unknown, malformed and revoked tokens get the same 404, and only misses
 * count towards the client's limit.
 */
export async function invitationByLink(
  deps: { invitations: Pick<InvitationsRepository, 'findByLink'>; events: Pick<EventsRepository, 'findForAnswer'>; rateLimiter: Pick<RateLimiter, 'take'> },
  token: string,
  clientAddress: string,
): Promise<{ invitation: StoredInvitation; event: StoredEvent }> {
  const invitation = await deps.invitations.findByLink(token);
  const event = invitation ? await deps.events.findForAnswer(invitation.eventId) : undefined;
  if (!invitation || !event) {
    await deps.rateLimiter.take(linkMissLimit, clientAddress);
    throw new InvitationLinkNotFoundError();
  }
  return { invitation, event };
}
