import { randomBytes } from 'node:crypto';
import { foldAccents } from '../text/vietnamese.js';
import { ensureRootUnit } from './ensure-root-unit.js';
import { UnitParentInvalidError } from './unit-errors.js';
import { ROOT_UNIT_ID, type CreateUnitInput, type Unit } from './unit-schema.js';
import type { UnitsDeps } from './units-deps.js';

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
