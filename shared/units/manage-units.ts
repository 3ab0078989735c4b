import { ROOT_UNIT_ID, type CreateUnitInput, type Unit, type UpdateUnitInput } from './unit-schema.js';
import { RootUnitRetireError, UnitNotFoundError, UnitParentInvalidError } from './unit-errors.js';
import { UnitExistsSignal } from './units-repository.js';
import type { UnitsDeps } from './units-deps.js';
import { foldAccents } from '../text/vietnamese.js';
import { randomBytes } from 'node:crypto';

/** The union, as configuration names it, made once for the table's lifetime (whoever starts first). */
export async function ensureRootUnit(deps: UnitsDeps): Promise<void> {
  if (await deps.units.findById(ROOT_UNIT_ID)) return;
  const now = deps.now().toISOString();
  try {
    await deps.units.insertUnit({
      unitId: ROOT_UNIT_ID,
      name: { vi: deps.root.signer.name.vi, en: deps.root.signer.name.en },
      shortName: 'LHHN',
      ...(deps.root.senderName ? { senderName: deps.root.senderName } : {}),
      retired: false,
      createdAt: now,
      updatedAt: now,
    });
  } catch (error) {
    if (!(error instanceof UnitExistsSignal)) throw error;
  }
  deps.directory.forget();
}

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

/** A readable id from the short name ("Hội VN–Hàn Quốc" → "hoi-vn-han-quoc-3f2a"). */
function newUnitId(shortName: string): string {
  const slug = foldAccents(shortName).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
  return `${slug || 'unit'}-${randomBytes(2).toString('hex')}`;
}

/** An admin adds an association under the union, or a club under an association. */
export async function createUnit(deps: UnitsDeps, input: CreateUnitInput): Promise<Unit> {
  await ensureRootUnit(deps);
  const parent = await deps.units.findById(input.parentId);
  // Two levels beneath the union at most: associations, and the clubs they found.
  if (!parent || parent.retired || (parent.parentId && parent.parentId !== ROOT_UNIT_ID)) throw new UnitParentInvalidError();
  const now = deps.now().toISOString();
  const unit: Unit = {
    unitId: newUnitId(input.shortName),
    name: input.name,
    shortName: input.shortName,
    parentId: input.parentId,
    ...(input.senderName ? { senderName: input.senderName } : {}),
    ...(input.signature ? { signature: input.signature } : {}),
    retired: false,
    createdAt: now,
    updatedAt: now,
  };
  await deps.units.insertUnit(unit);
  deps.directory.forget();
  return unit;
}

/** Rename, new sender name or signature, retire or bring back. A unit is never deleted: its events keep it. */
export async function updateUnit(deps: UnitsDeps, unitId: string, changes: UpdateUnitInput): Promise<Unit> {
  if (unitId === ROOT_UNIT_ID && changes.retired) throw new RootUnitRetireError();
  if (unitId === ROOT_UNIT_ID) await ensureRootUnit(deps);
  const updated = await deps.units.updateUnit(unitId, changes, deps.now().toISOString());
  if (!updated) throw new UnitNotFoundError();
  deps.directory.forget();
  return updated;
}
