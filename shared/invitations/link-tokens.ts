import { createHmac } from 'node:crypto';
import { hashToken } from '../auth/secret-tokens.js';

/**
 * Personal links. A link's token is HMAC-SHA256(LINK_SECRET, invitation id and link version):
 * 256 bits, URL-safe. The table keeps only SHA-256 of it, so a copy of the database opens no
 * invitation, yet the sender can put the same link in the invitation and in every reminder
 * without storing it. A changed address bumps the version, which revokes the old link.
 */
export function createLinkTokens(secret: string) {
  if (secret.length < 32) throw new Error('LINK_SECRET needs at least 32 characters');
  function tokenFor(invitationId: string, version: number): string {
    return createHmac('sha256', secret).update(`invitation-link:${invitationId}:${version}`).digest('base64url');
  }
  return {
    tokenFor,
    hashFor: (invitationId: string, version: number) => hashToken(tokenFor(invitationId, version)),
  };
}

export type LinkTokens = ReturnType<typeof createLinkTokens>;
