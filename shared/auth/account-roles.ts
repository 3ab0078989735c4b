import type { Role } from './auth-schema.js';
import type { AuthDeps } from './auth-deps.js';
import { topRoleOf } from '../units/unit-access.js';
import { ROOT_UNIT_ID, type Membership } from '../units/unit-schema.js';
import { UnitNotFoundError } from '../units/unit-errors.js';

/**
 * An account's role and memberships from what an admin asked. `admin` is union-wide; otherwise
 * the memberships decide, and the stored role is the strongest of them (what the menu shows and
 * what routes outside any one event check). A bare `organiser` or `staff`, as accounts were made
 * before units, is that role in the union; a bare role change keeps the units and takes the role.
 */
export async function accountRoles(
  deps: Pick<AuthDeps, 'units'>,
  role: Role | undefined,
  memberships: Membership[] | undefined,
  current: Membership[] | undefined,
): Promise<{ role: Role; memberships: Membership[] }> {
  if (memberships && deps.units) {
    const units = await deps.units.including(memberships.map((m) => m.unitId));
    if (memberships.some((m) => m.unitId !== ROOT_UNIT_ID && !units.has(m.unitId))) throw new UnitNotFoundError();
  }
  if (role === 'admin') return { role, memberships: memberships ?? current ?? [] };
  const held =
    memberships ??
    (role && current?.length ? current.map((m) => ({ ...m, role })) : role ? [{ unitId: ROOT_UNIT_ID, role }] : (current ?? []));
  return { role: topRoleOf(role ?? 'staff', held), memberships: held };
}
