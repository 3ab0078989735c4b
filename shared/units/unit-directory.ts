import type { Unit } from './unit-schema.js';
import type { UnitsRepository } from './units-repository.js';

/** How long a process trusts its copy of the units; names and sender names change rarely. */
const FRESH_MS = 5000;

/**
 * The units as one map, read once and kept a few seconds per process: every scoped request asks
 * who is above whom, and a unit's parent never changes, so a copy a moment old answers that right.
 * A unit not in the copy (made a moment ago elsewhere) makes it read again.
 */
export function createUnitDirectory(repository: Pick<UnitsRepository, 'listAll'>, now: () => number = Date.now) {
  let copy: { at: number; units: Map<string, Unit> } | undefined;
  let reading: Promise<Map<string, Unit>> | undefined;

  function reload(): Promise<Map<string, Unit>> {
    reading ??= repository
      .listAll()
      .then((units) => {
        const map = new Map(units.map((unit) => [unit.unitId, unit]));
        copy = { at: now(), units: map };
        return map;
      })
      .finally(() => {
        reading = undefined;
      });
    return reading;
  }

  return {
    async all(): Promise<Map<string, Unit>> {
      if (copy && now() - copy.at < FRESH_MS) return copy.units;
      return reload();
    },
    /** The map, read again if it lacks any of `unitIds`. */
    async including(unitIds: (string | undefined)[]): Promise<Map<string, Unit>> {
      const units = await this.all();
      if (unitIds.every((id) => !id || units.has(id))) return units;
      return reload();
    },
    /** After a change made by this process: the next read sees it. */
    forget(): void {
      copy = undefined;
    },
  };
}

export type UnitDirectory = ReturnType<typeof createUnitDirectory>;

/**
 * One unit by its key, kept a few seconds per process: for the mail sender, which reads items by
 * key only (its IAM grants in infra/mail-pipeline.ts have no Query on the index).
 */
export function createUnitLookup(repository: Pick<UnitsRepository, 'findById'>, now: () => number = Date.now) {
  const copies = new Map<string, { at: number; unit: Unit | undefined }>();
  return async (unitId: string | undefined): Promise<Unit | undefined> => {
    if (!unitId) return undefined;
    const copy = copies.get(unitId);
    if (copy && now() - copy.at < FRESH_MS) return copy.unit;
    const unit = await repository.findById(unitId);
    copies.set(unitId, { at: now(), unit });
    return unit;
  };
}
