import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../../shared/events/events-repository.js';
import { invitationByLink, linkMissLimit } from '../../../shared/invitations/invitation-by-link.js';
import { InvitationLinkNotFoundError } from '../../../shared/invitations/invitation-errors.js';
import type { StoredInvitation } from '../../../shared/invitations/invitations-repository.js';

/**
 * How a personal link finds its invitation, for opening it and for every answer from it, without
 * the database: a miss (a link that opens nothing, or an invitation whose event is gone) is the
 * same 404 and counts towards the client's limit; a hit counts nothing. Which tokens open what is
 * the repository's findByLink (link-tokens.test.ts, invitations-repository.test.ts).
 */
const token = 'the-one-real-link';
const invitation = { eventId: 'ev1', invitationId: 'inv1', name: 'H\u2019Linh Niê' } as StoredInvitation;
const forum = { eventId: 'ev1', title: { vi: 'Diễn đàn thanh niên hữu nghị' } } as StoredEvent;

function link(events: Record<string, StoredEvent>) {
  const missesOf: string[] = [];
  const deps = {
    invitations: { findByLink: async (t: string) => (t === token ? invitation : undefined) },
    events: { findForAnswer: async (eventId: string) => events[eventId] },
    rateLimiter: {
      take: async (rule: { name: string }, clientAddress: string) => {
        missesOf.push(`${rule.name} ${clientAddress}`);
        return { release: async () => {} };
      },
    },
  };
  return { open: (t: string) => invitationByLink(deps, t, '198.51.100.7'), missesOf };
}

describe('invitationByLink', () => {
  it('answers the invitation and its event, counting no miss', async () => {
    const { open, missesOf } = link({ ev1: forum });
    await expect(open(token)).resolves.toEqual({ invitation, event: forum });
    expect(missesOf).toEqual([]);
  });

  it('refuses an unknown and an orphaned link alike, each a miss of the client', async () => {
    const { open, missesOf } = link({});
    await expect(open('made-up')).rejects.toBeInstanceOf(InvitationLinkNotFoundError);
    await expect(open(token)).rejects.toBeInstanceOf(InvitationLinkNotFoundError);
    expect(missesOf).toEqual(Array(2).fill(`${linkMissLimit.name} 198.51.100.7`));
  });
});
