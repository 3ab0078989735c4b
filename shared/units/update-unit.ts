import { ensureRootUnit } from './ensure-root-unit.js';
import { RootUnitRetireError, UnitNotFoundError } from './unit-errors.js';
import { ROOT_UNIT_ID, type Unit, type UpdateUnitInput } from './unit-schema.js';
import type { UnitsDeps } from './units-deps.js';

/** Rename, new sender name or signature, retire or bring back. A unit is never deleted: its events keep it. */
export async function updateUnit(deps: UnitsDeps, unitId: string, changes: UpdateUnitInput): Promise<Unit> {
  if (unitId === ROOT_UNIT_ID && changes.retired) throw new RootUnitRetireError();
  if (unitId === ROOT_UNIT_ID) await ensureRootUnit(deps);
  const updated = await deps.units.updateUnit(unitId, changes, deps.now().toISOString());
  if (!updated) throw new UnitNotFoundError();
  deps.directory.forget();
  return updated;
}
