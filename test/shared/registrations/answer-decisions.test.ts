import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../../shared/events/events-repository.js';
import type { InvitationResponse } from '../../../shared/invitations/invitation-schema.js';
import type { StoredInvitation } from '../../../shared/invitations/invitations-repository.js';
import { decideAccept, decideChange, decideDecline, decideWithdraw } from '../../../shared/registrations/answer-decisions.js';
import { closedReason, isFull, moveInvitation } from '../../../shared/registrations/move-invitation.js';
import type { RegistrationsDeps } from '../../../shared/registrations/registrations-deps.js';
import type { Transition, TransitionOutcome } from '../../../shared/registrations/registrations-repository.js';

/**
 * The answer rules as plain decisions, without the database: what accepting, declining,
 * withdrawing and changing details do from each answer, when an event is closed or full, and how
 * moveInvitation decides again when its transaction finds the world changed.
 */
const now = '2027-03-01T03:00:00.000Z';

function event(overrides: Partial<StoredEvent> = {}): StoredEvent {
  return {
    eventId: 'ev1',
    type: 'youth_forum',
    title: { vi: 'Diễn đàn thanh niên hữu nghị' },
    venue: 'Trường Đại học Tây Nguyên',
    startsAt: '2027-03-10T01:00:00.000Z',
    endsAt: '2027-03-10T04:00:00.000Z',
    requiresApproval: false,
    fields: [
      { key: 'phone', label: { vi: 'Điện thoại' }, type: 'phone', required: true },
      { key: 'dietary', label: { vi: 'Ăn uống' }, type: 'text' },
    ],
    status: 'published',
    counts: { invited: 10, confirmed: 0, waitlisted: 0, pending: 0, declined: 0, checkedIn: 0 },
    createdAt: now,
    updatedAt: now,
    createdBy: 'u1',
    version: 1,
    ...overrides,
  } as StoredEvent;
}

function invitation(response: InvitationResponse, details?: Record<string, unknown>): StoredInvitation {
  return {
    invitationId: 'inv1',
    eventId: 'ev1',
    name: 'Nguyễn Văn An',
    email: 'an@example.org',
    language: 'vi',
    emailStatus: 'sent',
    response,
    createdAt: now,
    updatedAt: now,
    searchText: 'nguyen van an',
    tokenHash: 'hash',
    ...(details ? { details } : {}),
  };
}

const phone = { phone: '0905 123 456' };

describe('accepting', () => {
  it('confirms while there is a seat, waitlists when full, asks for approval where the event needs it', () => {
    expect(decideAccept(event(), phone, true)(invitation('none'), { full: false })).toMatchObject({ change: true, to: 'confirmed', notice: 'confirmed' });
    expect(decideAccept(event(), phone, true)(invitation('declined'), { full: true })).toMatchObject({ change: true, to: 'waitlisted', notice: 'waitlisted' });
    expect(decideAccept(event({ requiresApproval: true }), phone, true)(invitation('none'), { full: true })).toMatchObject({ to: 'pending', notice: 'pending' });
  });

  it('again, from a held answer, changes nothing; after a rejection it is refused', () => {
    for (const held of ['confirmed', 'waitlisted', 'pending'] as const) {
      expect(decideAccept(event(), phone, true)(invitation(held), { full: false })).toEqual({ change: false });
    }
    expect(() => decideAccept(event(), phone, true)(invitation('rejected'), { full: false })).toThrow(expect.objectContaining({ code: 'registration_rejected' }));
  });

  it('needs the required details, merged with those given before', () => {
    expect(() => decideAccept(event(), {}, true)(invitation('none'), { full: false })).toThrow();
    const decision = decideAccept(event(), { dietary: 'Ăn chay' }, true)(invitation('withdrawn', phone), { full: false });
    // The phone given before, in the form the desk dials (+84…), and the new answer beside it.
    expect(decision).toMatchObject({ change: true, to: 'confirmed', details: { phone: '+84905123456', dietary: 'Ăn chay' } });
  });
});

describe('declining, withdrawing, changing details', () => {
  it('a decline keeps its reason; declining twice changes nothing', () => {
    expect(decideDecline('Trùng lịch công tác')(invitation('confirmed'), { full: false })).toEqual({ change: true, to: 'declined', reason: 'Trùng lịch công tác' });
    expect(decideDecline(undefined)(invitation('declined'), { full: false })).toEqual({ change: false });
  });

  it('only a held place can be withdrawn or have its details changed', () => {
    expect(decideWithdraw()(invitation('waitlisted'), { full: false })).toEqual({ change: true, to: 'withdrawn' });
    expect(decideWithdraw()(invitation('withdrawn'), { full: false })).toEqual({ change: false });
    expect(() => decideWithdraw()(invitation('declined'), { full: false })).toThrow(expect.objectContaining({ code: 'not_registered' }));
    expect(decideChange(event(), { dietary: 'Không ăn cay' })(invitation('confirmed', phone), { full: false })).toMatchObject({
      change: true,
      to: 'confirmed',
      details: { phone: '+84905123456', dietary: 'Không ăn cay' },
    });
    expect(() => decideChange(event(), phone)(invitation('none'), { full: false })).toThrow(expect.objectContaining({ code: 'not_registered' }));
  });
});

describe('when an event takes answers', () => {
  it('closed when cancelled, not published, or past its deadline for the invitee (not for the organiser)', () => {
    expect(closedReason(event({ status: 'cancelled' }), now, true)).toMatchObject({ code: 'event_cancelled' });
    expect(closedReason(event({ status: 'closed' }), now, true)).toMatchObject({ code: 'registration_closed' });
    expect(closedReason(event({ registrationClosesAt: now }), now, true)).toMatchObject({ code: 'registration_closed' });
    expect(closedReason(event({ registrationClosesAt: now }), now, false)).toBeUndefined();
    expect(closedReason(event(), now, true)).toBeUndefined();
  });

  it('full when every seat is taken or anyone waits; never without a capacity', () => {
    const counts = (confirmed: number, waitlisted: number) => ({ invited: 10, confirmed, waitlisted, pending: 0, declined: 0, checkedIn: 0 });
    expect(isFull(event({ capacity: 2, counts: counts(2, 0) }))).toBe(true);
    expect(isFull(event({ capacity: 5, counts: counts(2, 1) }))).toBe(true);
    expect(isFull(event({ capacity: 5, counts: counts(2, 0) }))).toBe(false);
    expect(isFull(event({ counts: counts(500, 0) }))).toBe(false);
  });
});

/** The answer path's dependencies with a scripted repository: each transition answers the next outcome. */
function scripted(outcomes: ((t: Transition) => TransitionOutcome)[], world: { event?: StoredEvent; invitation?: StoredInvitation } = {}) {
  const seen: Transition[] = [];
  const deps = {
    now: () => new Date(now),
    registrations: {
      transition: async (t: Transition) => {
        seen.push(t);
        return outcomes.shift()!(t);
      },
      readTally: async () => ({ status: 'published', capacity: 2, seatsLeft: 0, confirmed: 2, waitlisted: 1 }),
    },
    invitations: { findById: async () => world.invitation },
    events: { findById: async () => world.event },
  } as unknown as RegistrationsDeps;
  return { deps, seen };
}

const done = (t: Transition): TransitionOutcome => ({ ok: true, invitation: { ...t.invitation, response: t.to } });

describe('moveInvitation decides again when the world changed under it', () => {
  it('a seat taken meanwhile: the same answer goes to the waiting list', async () => {
    const { deps, seen } = scripted([() => ({ ok: false, failed: 'full' }), done]);
    const result = await moveInvitation(deps, invitation('none'), { enforceDeadline: true }, decideAccept(event(), phone, true));
    expect(result.response).toBe('waitlisted');
    expect(seen.map((t) => [t.to, t.seat])).toEqual([
      ['confirmed', true],
      ['waitlisted', false],
    ]);
  });

  it('a second tab answered first: the answer found stands and nothing more is written', async () => {
    const { deps, seen } = scripted([() => ({ ok: false, failed: 'invitation' })], { invitation: invitation('confirmed', phone) });
    const result = await moveInvitation(deps, invitation('none'), { enforceDeadline: true }, decideAccept(event(), phone, true));
    expect(result.response).toBe('confirmed');
    expect(seen).toHaveLength(1);
  });

  it('the event was cancelled meanwhile: the person is told so', async () => {
    const { deps } = scripted([() => ({ ok: false, failed: 'event' })], { event: event({ status: 'cancelled' }) });
    await expect(moveInvitation(deps, invitation('none'), { enforceDeadline: true }, decideAccept(event(), phone, true))).rejects.toMatchObject({
      code: 'event_cancelled',
    });
  });

  it('held by others beyond the repository’s patience: busy, to be tried again, never a wrong answer', async () => {
    const { deps } = scripted([() => ({ ok: false, failed: 'conflict' })]);
    await expect(moveInvitation(deps, invitation('none'), { enforceDeadline: true }, decideAccept(event(), phone, true))).rejects.toMatchObject({
      code: 'registration_busy',
    });
  });
});
