import type { PassportPurgeDeps } from './delegations-deps.js';
import { PASSPORT_FIELDS } from './passport-data.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export type PurgeResult = { purged: { eventId: string; people: number }[] };

/**
 * Decree 13/2023 keeps personal data no longer than its purpose: a delegation's passport data
 * (number, expiry, date of birth) is removed from its invitations and registrations once the trip
 * ended `passportRetentionDays` ago. Each purge is logged with the event (who: 'system'), and the
 * event is marked so the daily run passes it by. Safe to run again at any time.
 */
export async function purgeExpiredPassportData(deps: PassportPurgeDeps, now: Date): Promise<PurgeResult> {
  const cutoff = new Date(now.getTime() - deps.passportRetentionDays * DAY_MS).toISOString();
  const purged: PurgeResult['purged'] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.delegations.listDelegationsToPurge(cutoff, startKey);
    for (const { eventId } of page.items) {
      const people = await deps.delegations.removeDetailFields(eventId, PASSPORT_FIELDS);
      const at = now.toISOString();
      await deps.personalDataLog.recordRead({
        eventId,
        userId: 'system',
        at,
        what: `passport data purged ${deps.passportRetentionDays} days after the trip (${PASSPORT_FIELDS.join(', ')})`,
        count: people,
        kind: 'purge',
      });
      await deps.delegations.markPurged(eventId, at);
      purged.push({ eventId, people });
    }
    startKey = page.lastKey;
  } while (startKey);
  return { purged };
}
