import type { UsersRepository } from '../auth/users-repository.js';
import type { EventsRepository } from '../events/events-repository.js';
import { ensureRootUnit } from './ensure-root-unit.js';
import { ROOT_UNIT_ID } from './unit-schema.js';
import type { UnitsDeps } from './units-deps.js';

export type UnitsUpgradeDeps = UnitsDeps & {
  events: Pick<EventsRepository, 'listByStart' | 'giveUnitIfNone'>;
  users: Pick<UsersRepository, 'listByEmail' | 'giveUnionMembership'>;
};

/**
 * The move to units, once for the table's lifetime: the union becomes the root unit, every event
 * stored without a unit becomes the union's, every organiser or staff account stored without
 * memberships holds its role in the union (so it keeps what it had). Each write is conditioned on
 * the attribute being absent and touches nothing else: a second run, or two cold starts running it
 * at once, change nothing more. Once a run has gone through everything it leaves a marker, and
 * later runs stop at reading it. Until then, reads treat what has no unit as the union's.
 */
export async function upgradeToUnits(deps: UnitsUpgradeDeps): Promise<{ skipped: boolean; events: number; users: number }> {
  if (await deps.units.findUpgradeMarker()) return { skipped: true, events: 0, users: 0 };
  await ensureRootUnit(deps);
  let events = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.events.listByStart({ limit: 1000, cursor });
    for (const event of page.items) {
      if (!event.unitId && (await deps.events.giveUnitIfNone(event.eventId, ROOT_UNIT_ID))) events += 1;
    }
    cursor = page.nextCursor;
  } while (cursor);
  let users = 0;
  cursor = undefined;
  do {
    const page = await deps.users.listByEmail({ limit: 1000, cursor });
    for (const user of page.items) {
      if (user.role === 'admin') continue;
      if (await deps.users.giveUnionMembership(user.userId, user.role, [{ unitId: ROOT_UNIT_ID, role: user.role }])) users += 1;
    }
    cursor = page.nextCursor;
  } while (cursor);
  await deps.units.writeUpgradeMarker(deps.now().toISOString(), { events, users });
  return { skipped: false, events, users };
}
