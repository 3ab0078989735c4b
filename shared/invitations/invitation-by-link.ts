import { hashToken } from '../auth/secret-tokens.js';
import type { RateLimiter, RateLimitRule } from '../rate-limits/rate-limiter.js';
import { InvitationLinkNotFoundError } from './invitation-errors.js';
import type { InvitationsRepository, StoredInvitation } from './invitations-repository.js';

/**
 * Misses allowed per client address. Only misses count: a conference hall behind one address,
 * everyone opening their real link at once, is never refused. A client over the limit still
 * opens a real link; with 256-bit tokens, guessing one is hopeless anyway, and the limit is there
 * to stop a client hammering the table with made-up tokens.
 */
export const linkMissLimit: RateLimitRule = { name: 'invitation-link-miss', limit: 30, windowSeconds: 10 * 60 };

/** Tokens are 32 random bytes in base64url: 43 characters. Anything else is a miss, unread. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The invitation behind a personal link, with its event as `readEvent` reads it (whole to open
 * the link, the answers' cached read to answer). Unknown, malformed and revoked tokens get the
 * same 404, and only misses count towards the client's limit.
 */
export async function invitationByLink<E>(
  deps: { invitations: Pick<InvitationsRepository, 'findByTokenHash'>; rateLimiter: Pick<RateLimiter, 'take'> },
  token: string,
  clientAddress: string,
  readEvent: (eventId: string) => Promise<E | undefined>,
): Promise<{ invitation: StoredInvitation; event: E }> {
  const invitation = TOKEN_SHAPE.test(token) ? await deps.invitations.findByTokenHash(hashToken(token)) : undefined;
  const event = invitation ? await readEvent(invitation.eventId) : undefined;
  if (!invitation || !event) {
    await deps.rateLimiter.take(linkMissLimit, clientAddress);
    throw new InvitationLinkNotFoundError();
  }
  return { invitation, event };
}
