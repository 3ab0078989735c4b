import { useEffect, useState } from 'preact/hooks';
import type { User } from '../../shared/auth/auth-schema.js';
import { reachableUnitIds, roleForUnit } from '../../shared/units/unit-access.js';
import type { Unit } from '../../shared/units/unit-schema.js';
import type { ApiClient } from '../lib/api-client.js';
import { useApp, useUser } from './context.js';

let cache: { at: number; units: Unit[] } | undefined;
const FRESH_MS = 30_000;

/** The units, read once for a while (they change rarely); after an admin's change, `reload`. */
export async function loadUnits(api: ApiClient, fresh = false): Promise<Unit[]> {
  if (!fresh && cache && Date.now() - cache.at < FRESH_MS) return cache.units;
  const { items } = await api.get<{ items: Unit[] }>('/api/units');
  cache = { at: Date.now(), units: items };
  return items;
}

export type UnitView = {
  /** Every unit, the union first, parents before children. */
  all: Unit[];
  /** The units whose events the account reaches (all for an admin). */
  reached: Unit[];
  /** Active units where the account may create events (all active for an admin). */
  organised: Unit[];
  byId: Map<string, Unit>;
};

export function unitView(user: User | undefined, units: Unit[]): UnitView {
  const byId = new Map(units.map((unit) => [unit.unitId, unit]));
  const reachedIds = user ? reachableUnitIds(user, byId) : [];
  const reached = reachedIds ? units.filter((unit) => reachedIds.includes(unit.unitId)) : units;
  const organised = user
    ? units.filter((unit) => !unit.retired && ['admin', 'organiser'].includes(roleForUnit(user, unit.unitId, byId) ?? ''))
    : [];
  return { all: units, reached, organised, byId };
}

/**
 * The units as this account sees them; undefined until read. A secretary who holds one unit gets
 * one reached unit, and pages show no unit choice for them.
 */
export function useUnits(): UnitView | undefined {
  const { api } = useApp();
  const user = useUser();
  const [units, setUnits] = useState<Unit[] | undefined>(cache?.units);
  useEffect(() => {
    let live = true;
    loadUnits(api).then(
      (items) => live && setUnits(items),
      () => live && setUnits([]),
    );
    return () => {
      live = false;
    };
  }, [api]);
  return units ? unitView(user, units) : undefined;
}
