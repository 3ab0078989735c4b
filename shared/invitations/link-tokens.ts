import { createHmac } from 'node:crypto';
import { hashToken, sameSecret } from '../auth/secret-tokens.js';

/**
 * Personal links. An invitation's secret is HMAC-SHA256(LINK_SECRET, invitation id and link
 * version): 256 bits, URL-safe. The table keeps only SHA-256 of it, so a copy of the database opens
 * no invitation, yet the sender can put the same link in the invitation and in every reminder
 * without storing it. A changed address or a new link bumps the version, which revokes the old one.
 *
 * A link carries one of two shapes (docs/design.md, "Personal links and mail"):
 *
 * - addressed, 54 characters: the event id (16), the invitation id (16), then the first 22
 *   characters (132 bits) of the secret. The invitation is read by its key, one read, and opens
 *   only when the secret derived for its current version is the one its stored tokenHash names and
 *   begins with those 22 characters (both compared in constant time).
 * - the secret alone, 43 characters: every link mailed before the addressed shape, and links of
 *   invitations whose ids are not 16 characters (the demo's readable event ids). Read through the
 *   link item `INVTOKEN#<sha256>`, then the invitation: two reads.
 */
const SECRET_CHARACTERS = 22;
const ID = /^[A-Za-z0-9_-]{16}$/;
const SECRET_ONLY = /^[A-Za-z0-9_-]{43}$/;
const ADDRESSED = /^[A-Za-z0-9_-]{54}$/;

/**
 * Either shape as a regular expression source, for finding a link's token in a text (a mail, a log
 * line): 43 characters and, when addressed, 11 more.
 */
export const LINK_TOKEN_SOURCE = '[A-Za-z0-9_-]{43}(?:[A-Za-z0-9_-]{11})?';

/** What a link's token says, before anything is read. */
export type ParsedLinkToken =
  | { shape: 'addressed'; eventId: string; invitationId: string; secret: string }
  | { shape: 'secretOnly'; tokenHash: string };

/** Undefined for anything that is neither shape: a miss, with nothing read. */
export function parseLinkToken(token: string): ParsedLinkToken | undefined {
  if (SECRET_ONLY.test(token)) return { shape: 'secretOnly', tokenHash: hashToken(token) };
  if (!ADDRESSED.test(token)) return undefined;
  return { shape: 'addressed', eventId: token.slice(0, 16), invitationId: token.slice(16, 32), secret: token.slice(32) };
}

type LinkedInvitation = { eventId: string; invitationId: string; tokenVersion?: number };

export function createLinkTokens(secret: string) {
  if (secret.length < 32) throw new Error('LINK_SECRET needs at least 32 characters');
  function tokenFor(invitationId: string, version: number): string {
    return createHmac('sha256', secret).update(`invitation-link:${invitationId}:${version}`).digest('base64url');
  }
  return {
    tokenFor,
    hashFor: (invitationId: string, version: number) => hashToken(tokenFor(invitationId, version)),

    /** The token a link carries now: addressed when both ids are 16 characters, else the secret alone. */
    linkTokenFor(invitation: LinkedInvitation): string {
      const token = tokenFor(invitation.invitationId, invitation.tokenVersion ?? 1);
      if (!ID.test(invitation.eventId) || !ID.test(invitation.invitationId)) return token;
      return `${invitation.eventId}${invitation.invitationId}${token.slice(0, SECRET_CHARACTERS)}`;
    },

    /**
     * Whether an addressed link's secret opens this invitation. The stored tokenHash decides which
     * link is current: after a rotation (a changed address, a new link) or any write that replaced
     * the hash, the old link's secret no longer matches and it opens nothing.
     */
    opens(invitation: Pick<LinkedInvitation, 'invitationId' | 'tokenVersion'> & { tokenHash: string }, linkSecret: string): boolean {
      // An item written without a link (none such is known; a walk-in's hash names no secret) opens nothing.
      if (typeof invitation.tokenHash !== 'string') return false;
      const current = tokenFor(invitation.invitationId, invitation.tokenVersion ?? 1);
      const isCurrent = sameSecret(hashToken(current), invitation.tokenHash);
      const matches = sameSecret(linkSecret, current.slice(0, SECRET_CHARACTERS));
      return isCurrent && matches;
    },
  };
}

export type LinkTokens = ReturnType<typeof createLinkTokens>;
