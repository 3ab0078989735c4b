import { describe, expect, it } from 'vitest';
import type { StoredInvitation } from '../../../shared/invitations/invitations-repository.js';
import { noticeRecipients } from '../../../shared/email/notice-recipients.js';
import { guest } from '../../support/guest.js';

/** Invitee `i` as stored, with what the case changes (the decision reads nothing else). */
const stored = (i: number, change: Partial<StoredInvitation>): StoredInvitation => ({
  ...guest('ev-1', i, '2026-11-01T02:00:00.000Z'),
  invitationId: `inv-${i}`,
  searchText: `khach ${i}`,
  tokenHash: `hash-${i}`,
  ...change,
});

describe('who hears about a cancelled or changed event', () => {
  it('is everyone with a reachable address who holds the link: invited, mailed, or who answered', () => {
    const invited = stored(1, { invitedAt: '2026-11-02T02:00:00.000Z', emailStatus: 'sent' });
    const delivered = stored(2, { emailStatus: 'delivered' });
    const answered = stored(3, { response: 'confirmed', answeredAt: '2026-11-03T02:00:00.000Z' });
    expect(noticeRecipients([invited, delivered, answered]).map((i) => i.invitationId)).toEqual(['inv-1', 'inv-2', 'inv-3']);
  });

  it('leaves out whoever was never sent the link, has no address, or whose address bounced, complained or is suppressed', () => {
    const neverSent = stored(1, {});
    const noAddress = stored(2, { email: undefined, response: 'confirmed' });
    const bounced = stored(3, { invitedAt: '2026-11-02T02:00:00.000Z', emailStatus: 'bounced' });
    const complained = stored(4, { response: 'declined', emailStatus: 'complained' });
    const suppressed = stored(5, { invitedAt: '2026-11-02T02:00:00.000Z', emailStatus: 'suppressed' });
    const reachable = stored(6, { invitedAt: '2026-11-02T02:00:00.000Z', emailStatus: 'sent' });
    expect(noticeRecipients([neverSent, noAddress, bounced, complained, suppressed, reachable]).map((i) => i.invitationId)).toEqual(['inv-6']);
  });
});
