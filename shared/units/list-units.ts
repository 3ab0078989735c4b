import { ensureRootUnit } from './ensure-root-unit.js';
import type { Unit } from './unit-schema.js';
import type { UnitsDeps } from './units-deps.js';

/** Every unit, the union first, then each parent before its children, by name. */
export async function listUnits(deps: UnitsDeps): Promise<Unit[]> {
  await ensureRootUnit(deps);
  const units = [...(await deps.directory.all()).values()];
  const byParent = new Map<string | undefined, Unit[]>();
  for (const unit of units) byParent.set(unit.parentId, [...(byParent.get(unit.parentId) ?? []), unit]);
  const ordered: Unit[] = [];
  const visit = (parentId: string | undefined) => {
    for (const unit of (byParent.get(parentId) ?? []).sort((a, b) => a.name.vi.localeCompare(b.name.vi, 'vi'))) {
      ordered.push(unit);
      visit(unit.unitId);
    }
  };
  visit(undefined);
  return ordered;
}
