import * as z from 'zod';
import { normalizeText } from '../text/vietnamese.js';
import { editSchema } from '../edit-schema.js';

/**
 * A unit runs events: the union itself (the root, `ROOT_UNIT_ID`), one of its member associations,
 * or a club an association founded. Its parent never changes once it is made, so who reaches what
 * (a role in a unit reaches it and the units beneath it) never changes under an event either.
 */
export const ROOT_UNIT_ID = 'union';

export const unitRoles = ['organiser', 'staff'] as const;
export const unitRoleSchema = z.enum(unitRoles);
export type UnitRole = z.infer<typeof unitRoleSchema>;

export const unitIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'A unit id');

/** A role an account holds in one unit. */
export const membershipSchema = z.strictObject({ unitId: unitIdSchema, role: unitRoleSchema });
export type Membership = z.infer<typeof membershipSchema>;

const text = (max: number) => z.string().max(max).transform(normalizeText).pipe(z.string().min(1));
const localizedName = z.strictObject({ vi: text(300), en: text(300).optional() });

const unitBodyShape = {
  name: localizedName,
  /** "Hội VN–Hàn Quốc": where a long name does not fit (a list, a filter). */
  shortName: text(60),
  /** The display name of its mail's From: "Hội hữu nghị Việt Nam – Hàn Quốc tỉnh Đắk Lắk". */
  senderName: text(120).optional(),
  /** The lines its mail and letters close with; the name when absent. */
  signature: localizedName.optional(),
};

export const createUnitSchema = z.strictObject({
  ...unitBodyShape,
  /** The union for an association; an association for a club. */
  parentId: unitIdSchema,
});
export type CreateUnitInput = z.infer<typeof createUnitSchema>;

export const updateUnitSchema = editSchema(
  {
    ...unitBodyShape,
    /** A retired unit keeps its events and people; no new event goes to it. */
    retired: z.boolean(),
  },
  ['senderName', 'signature'],
);
export type UpdateUnitInput = z.infer<typeof updateUnitSchema>;

export type Unit = {
  unitId: string;
  name: { vi: string; en?: string };
  shortName: string;
  /** Absent for the union only. */
  parentId?: string;
  senderName?: string;
  signature?: { vi: string; en?: string };
  retired: boolean;
  createdAt: string;
  updatedAt: string;
};
