import { describe, expect, it } from 'vitest';
import { hashToken } from '../../../shared/auth/secret-tokens.js';
import { invitationByLink, linkMissLimit } from '../../../shared/invitations/invitation-by-link.js';
import { InvitationLinkNotFoundError } from '../../../shared/invitations/invitation-errors.js';
import type { StoredInvitation } from '../../../shared/invitations/invitations-repository.js';

/**
 * How a personal link finds its invitation, for opening it and for every answer from it, without
 * the database: a malformed token is never looked up; a miss (malformed, unknown, or an invitation
 * whose event is gone) is the same 404 and counts towards the client's limit; a hit counts nothing.
 */
const token = 'Qm9uZy1zZW4tdHJhbmctZGFrLWxhay0yMDI3LWxpbms';
const invitation = { eventId: 'ev1', invitationId: 'inv1', name: 'H\u2019Linh Niê' } as StoredInvitation;

function link(events: Record<string, string>) {
  const lookedUp: string[] = [];
  const missesOf: string[] = [];
  const deps = {
    invitations: {
      findByTokenHash: async (tokenHash: string) => {
        lookedUp.push(tokenHash);
        return tokenHash === hashToken(token) ? invitation : undefined;
      },
    },
    rateLimiter: {
      take: async (rule: { name: string }, clientAddress: string) => {
        missesOf.push(`${rule.name} ${clientAddress}`);
        return { release: async () => {} };
      },
    },
  };
  const open = (t: string) => invitationByLink(deps, t, '198.51.100.7', async (eventId) => events[eventId]);
  return { open, lookedUp, missesOf };
}

describe('invitationByLink', () => {
  it('answers the invitation and its event as the caller reads it, counting no miss', async () => {
    const { open, missesOf } = link({ ev1: 'Diễn đàn thanh niên hữu nghị' });
    expect(token).toHaveLength(43);
    await expect(open(token)).resolves.toEqual({ invitation, event: 'Diễn đàn thanh niên hữu nghị' });
    expect(missesOf).toEqual([]);
  });

  it('refuses a malformed, an unknown and an orphaned link alike, each a miss of the client', async () => {
    const { open, lookedUp, missesOf } = link({});
    await expect(open('too-short')).rejects.toBeInstanceOf(InvitationLinkNotFoundError);
    expect(lookedUp).toEqual([]);
    await expect(open(`${token.slice(0, 42)}x`)).rejects.toBeInstanceOf(InvitationLinkNotFoundError);
    await expect(open(token)).rejects.toBeInstanceOf(InvitationLinkNotFoundError);
    expect(missesOf).toEqual(Array(3).fill(`${linkMissLimit.name} 198.51.100.7`));
  });
});
