import type { UnionSigner } from '../email/mail-layout.js';
import { ROOT_UNIT_ID, type Unit } from './unit-schema.js';

/** The display name of a `Name <address>` sender ("Hữu Nghị Events"), if it has one. */
export function senderNameOf(from: string): string | undefined {
  return from.match(/^\s*"?([^"<]*?)"?\s*<[^>]+>\s*$/)?.[1] || undefined;
}

/**
 * Who an event's mail comes from and how it closes: its unit's sender name and signature (an
 * association's mail goes out as "Hội hữu nghị Việt Nam – Hàn Quốc tỉnh Đắk Lắk"), the union's
 * as configured for the union's own events and those of a unit not found.
 */
export function mailIdentityOf(unit: Unit | undefined, union: UnionSigner): { signer: UnionSigner; fromName?: string; host?: { vi: string; en: string } } {
  if (!unit || (unit.unitId === ROOT_UNIT_ID && !unit.senderName && !unit.signature)) return { signer: union };
  const signature = unit.signature ?? (unit.unitId === ROOT_UNIT_ID ? union.name : unit.name);
  return {
    signer: { name: { vi: signature.vi, en: signature.en || signature.vi }, address: union.address },
    fromName: unit.senderName ?? (unit.unitId === ROOT_UNIT_ID ? undefined : unit.name.vi),
    host: unit.unitId === ROOT_UNIT_ID ? undefined : { vi: unit.name.vi, en: unit.name.en || unit.name.vi },
  };
}
