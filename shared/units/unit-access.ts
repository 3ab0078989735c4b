import type { Role } from '../auth/auth-schema.js';
import { ROOT_UNIT_ID, type Membership, type Unit, type UnitRole } from './unit-schema.js';

/** What the access rules need of an account. */
export type UnitHolder = { role: Role; memberships?: Membership[] };

const rank: Record<UnitRole, number> = { staff: 1, organiser: 2 };

/**
 * The roles an account holds per unit. An account stored before units (no `memberships`) held its
 * role union-wide: it holds it in the union, so it keeps what it had, upgraded or not.
 */
export function membershipsOf(user: UnitHolder): Membership[] {
  if (user.role === 'admin') return user.memberships ?? [];
  return user.memberships ?? [{ unitId: ROOT_UNIT_ID, role: user.role }];
}

/** The unit and those above it, up to the union; a unit unknown here is its own chain. */
export function chainOf(unitId: string, units: ReadonlyMap<string, Unit>): string[] {
  const chain: string[] = [];
  for (let id: string | undefined = unitId; id && !chain.includes(id); id = units.get(id)?.parentId) chain.push(id);
  return chain;
}

/**
 * The role an account has for an event of `unitId`: admins everywhere; otherwise the strongest
 * role held in that unit or a unit above it; undefined when none (the event is not theirs).
 */
export function roleForUnit(user: UnitHolder, unitId: string, units: ReadonlyMap<string, Unit>): Role | undefined {
  if (user.role === 'admin') return 'admin';
  const chain = chainOf(unitId, units);
  let best: UnitRole | undefined;
  for (const membership of membershipsOf(user)) {
    if (chain.includes(membership.unitId) && (!best || rank[membership.role] > rank[best])) best = membership.role;
  }
  return best;
}

/** The units whose events an account reaches; undefined for an admin (all of them). */
export function reachableUnitIds(user: UnitHolder, units: ReadonlyMap<string, Unit>): string[] | undefined {
  if (user.role === 'admin') return undefined;
  const ids = new Set([...units.keys(), ROOT_UNIT_ID]);
  return [...ids].filter((unitId) => roleForUnit(user, unitId, units) !== undefined);
}

/** The unit and every unit beneath it. */
export function unitAndBelow(unitId: string, units: ReadonlyMap<string, Unit>): string[] {
  return [...new Set([...units.keys(), ROOT_UNIT_ID])].filter((id) => chainOf(id, units).includes(unitId));
}

/** Where a new event goes when its form names no unit: the union, else the one unit organised. */
export function defaultUnitFor(user: UnitHolder): string {
  if (user.role === 'admin') return ROOT_UNIT_ID;
  const organised = membershipsOf(user).filter((m) => m.role === 'organiser');
  return organised.find((m) => m.unitId === ROOT_UNIT_ID)?.unitId ?? organised[0]?.unitId ?? ROOT_UNIT_ID;
}

/** The account's role outside any one event: admin, else its strongest role in any unit. */
export function topRoleOf(role: Role, memberships: Membership[]): Role {
  if (role === 'admin') return 'admin';
  return memberships.some((m) => m.role === 'organiser') ? 'organiser' : memberships.length ? 'staff' : role;
}
