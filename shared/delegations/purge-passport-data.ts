import type { PassportPurgeDeps } from './delegations-deps.js';
import { PASSPORT_FIELDS } from './passport-data.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export type PurgeResult = { purged: { eventId: string; people: number }[] };

/**
 * Decree 13/2023 keeps personal data no longer than its purpose: a delegation's passport data
 * (number, expiry, date of birth) is removed from its invitations and registrations once the trip
 * ended `passportRetentionDays` ago. Each purge is logged with the event (who: 'system'), and the
 * event is marked (from then on no passport data is taken for it). Every run looks at every event
 * past the retention, marked or not, so passport data that came back after a purge goes too; a
 * run that finds nothing to remove records nothing. Safe to run again at any time.
 */
export async function purgeExpiredPassportData(deps: PassportPurgeDeps, now: Date): Promise<PurgeResult> {
  const cutoff = new Date(now.getTime() - deps.passportRetentionDays * DAY_MS).toISOString();
  const purged: PurgeResult['purged'] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.delegations.listDelegationsToPurge(cutoff, startKey);
    for (const { eventId, purgedAt } of page.items) {
      const people = await deps.delegations.removeDetailFields(eventId, PASSPORT_FIELDS);
      // Purged before and nothing came back since: nothing to record.
      if (purgedAt && people === 0) continue;
      const at = now.toISOString();
      await deps.personalDataLog.recordRead({
        eventId,
        userId: 'system',
        at,
        what: `passport data purged ${deps.passportRetentionDays} days after the trip (${PASSPORT_FIELDS.join(', ')})`,
        count: people,
        kind: 'purge',
      });
      if (!purgedAt) await deps.delegations.markPurged(eventId, at);
      purged.push({ eventId, people });
    }
    startKey = page.lastKey;
  } while (startKey);
  return { purged };
}
