import { ROOT_UNIT_ID } from './unit-schema.js';
import { UnitExistsSignal } from './units-repository.js';
import type { UnitsDeps } from './units-deps.js';

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
