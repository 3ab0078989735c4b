import { jitteredBackoff } from '../db/write-conflicts.js';
import type { PromotionDeps } from './registrations-deps.js';
import { log } from '../logging/logger.js';

const MAX_STALE_READS = 5;
/** One run's patience with other processes holding the tally; the work itself is never dropped. */
const RUN_BUDGET_MS = 60_000;
export const conflictBackoff = (attempt: number) => jitteredBackoff(attempt, 10, 250);

/**
 * Gives free seats to the head of the waiting list, one transaction per person: the waiting-list
 * item goes, the invitation moves waitlisted → confirmed, the tally's waitlisted − 1 and
 * confirmed + 1 under the capacity condition, and the 'promoted' notice is queued. Several
 * promoters may run at once (five withdrawals at once): each takes the head as it reads it, and
 * the transaction's conditions let only one of them have it, so the order always holds.
 *
 * Answers the invitation ids promoted by this call, in order, and whether the event is settled
 * (no free seat beside someone waiting): then the event's "promotion due" mark goes. A run that
 * is not settled leaves the mark for `schedulePromotion`'s next try and the repair sweep.
 */
export async function promoteFromWaitlist(deps: PromotionDeps, eventId: string): Promise<string[]> {
  return (await promoteRun(deps, eventId)).promoted;
}

async function promoteRun(deps: PromotionDeps, eventId: string): Promise<{ promoted: string[]; settled: boolean }> {
  const promoted: string[] = [];
  const started = Date.now();
  const mark = await deps.registrations.findPromotionDue(eventId);
  let conflicts = 0;
  let stale = 0;
  let lastStaleSk: string | undefined;
  while (Date.now() - started < RUN_BUDGET_MS) {
    const tally = await deps.registrations.readTally(eventId);
    const settled =
      tally?.status !== 'published' || (tally.capacity !== undefined && tally.seatsLeft <= 0) || tally.waitlisted <= 0;
    const head = settled ? undefined : await deps.registrations.headOfWaitlist(eventId);
    if (settled || !head) {
      if (mark) await deps.registrations.clearPromotionDue(eventId, mark);
      return { promoted, settled: true };
    }
    const invitation = await deps.invitations.findById(eventId, head.invitationId);
    if (invitation?.response !== 'waitlisted' || invitation.waitSk !== head.sk) {
      // Another promoter or a withdrawal moved this person between the two reads: read again.
      stale = head.sk === lastStaleSk ? stale + 1 : 1;
      lastStaleSk = head.sk;
      if (stale >= MAX_STALE_READS) return { promoted, settled: false };
      await conflictBackoff(stale);
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
    // took this head; 'conflict': other processes held the tally, wait a little.
    if (outcome.failed === 'conflict') {
      conflicts += 1;
      await conflictBackoff(conflicts);
    }
  }
  return { promoted, settled: false };
}

const scheduled = new Set<string>();

/**
 * Promotion as queued work: runs the promoter now and, until the event is settled, again with a
 * growing pause (a failure or a run that ran out of patience is tried again, never dropped). The
 * mark in the table (`PROMOTIONS_DUE`) carries the work over a crash; `repairPromotions` finds it.
 */
export function schedulePromotion(deps: PromotionDeps, eventId: string): Promise<string[]> {
  // One promoter per event in this process: thirty withdrawals at once make one run that fills
  // thirty seats, not thirty runs racing for the same head of the list. A call arriving while a
  // run is under way asks for one more run after it (its seat may have been freed too late).
  const current = runs.get(eventId);
  if (current) {
    current.again = true;
    return current.done;
  }
  const run = { again: false, done: Promise.resolve<string[]>([]) };
  runs.set(eventId, run);
  run.done = (async () => {
    const promoted: string[] = [];
    try {
      do {
        run.again = false;
        promoted.push(...(await promoteUntilSettled(deps, eventId)));
      } while (run.again);
    } finally {
      runs.delete(eventId);
    }
    return promoted;
  })();
  return run.done;
}

const runs = new Map<string, { again: boolean; done: Promise<string[]> }>();

async function promoteUntilSettled(deps: PromotionDeps, eventId: string): Promise<string[]> {
  const promoted: string[] = [];
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    try {
      const run = await promoteRun(deps, eventId);
      promoted.push(...run.promoted);
      if (run.settled) return promoted;
    } catch (error) {
      if (attempt === 3) log.warn('promotion failed', { eventId, error });
    }
    await jitteredBackoff(attempt, 200, 2000);
  }
  // Still not settled: keep trying in the background, one runner per event in this process.
  const key = `${eventId}`;
  if (!scheduled.has(key)) {
    scheduled.add(key);
    void (async () => {
      for (let attempt = 4; ; attempt += 1) {
        await jitteredBackoff(attempt, 1000, 30_000);
        try {
          if ((await promoteRun(deps, eventId)).settled) break;
        } catch {
          // Tried again after the pause; the mark stays for the sweep meanwhile.
        }
      }
      scheduled.delete(key);
    })();
  }
  return promoted;
}

/**
 * The repair sweep: every event marked "promotion due" (a seat freed while people may wait) is
 * promoted until settled. Run every minute by npm start (functions/local/start.ts) and in the
 * cloud by a scheduled Lambda (functions/jobs/repair-promotions.ts). One event's failure does not
 * stop the others; answers how many people were promoted and the events whose run failed (their
 * mark stays, so the next sweep tries again).
 */
export async function repairPromotions(deps: PromotionDeps): Promise<{ promoted: number; failed: string[] }> {
  let promoted = 0;
  const failed: string[] = [];
  for (const eventId of await deps.registrations.listPromotionsDue()) {
    try {
      promoted += (await promoteRun(deps, eventId)).promoted.length;
    } catch (error) {
      failed.push(eventId);
      log.warn('promotion sweep failed', { eventId, error });
    }
  }
  return { promoted, failed };
}
