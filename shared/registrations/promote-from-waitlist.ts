import type { RegistrationsDeps } from './registrations-deps.js';

const MAX_CONFLICTS = 40;
const MAX_STALE_READS = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const conflictBackoff = (attempt: number) => sleep(5 + Math.random() * Math.min(250, 10 * 2 ** Math.min(attempt, 6)));

/**
 * Gives free seats to the head of the waiting list, one transaction per person: the waiting-list
 * item goes, the invitation moves waitlisted → confirmed, counts.waitlisted - 1 and
 * counts.confirmed + 1 under the capacity condition, and the 'promoted' notice is queued. Several
 * promoters may run at once (five withdrawals at once): each takes the head as it reads it, and
 * the transaction's conditions let only one of them have it, so the order always holds.
 * Answers the invitation ids promoted by this call, in order.
 */
export async function promoteFromWaitlist(deps: RegistrationsDeps, eventId: string): Promise<string[]> {
  const promoted: string[] = [];
  let conflicts = 0;
  let stale = 0;
  let lastStaleSk: string | undefined;
  while (conflicts <= MAX_CONFLICTS) {
    const event = await deps.events.findById(eventId);
    if (event?.status !== 'published') break;
    if (event.capacity !== undefined && event.counts.confirmed >= event.capacity) break;
    const head = await deps.registrations.headOfWaitlist(eventId);
    if (!head) break;
    const invitation = await deps.invitations.findById(eventId, head.invitationId);
    if (invitation?.response !== 'waitlisted' || invitation.waitSk !== head.sk) {
      // Another promoter or a withdrawal moved this person between the two reads: read again.
      stale = head.sk === lastStaleSk ? stale + 1 : 1;
      lastStaleSk = head.sk;
      if (stale >= MAX_STALE_READS) break;
      continue;
    }
    const outcome = await deps.registrations.transition({
      invitation,
      to: 'confirmed',
      at: deps.now().toISOString(),
      seat: true,
      enforceDeadline: false,
      details: undefined,
      answeredBy: invitation.answeredBy,
      notice: 'promoted',
      requireWaitItem: true,
    });
    if (outcome.ok) {
      promoted.push(invitation.invitationId);
      if (invitation.email) deps.afterQueued?.(1);
      conflicts = 0;
      continue;
    }
    // 'event': full or closed meanwhile, the next read says which; 'invitation': someone else
    // took this head; 'conflict': another transaction held the event, wait a little.
    if (outcome.failed === 'conflict') {
      conflicts += 1;
      await conflictBackoff(conflicts);
    }
  }
  return promoted;
}
