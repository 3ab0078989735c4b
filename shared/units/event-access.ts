import type { Role } from '../auth/auth-schema.js';
import { EventNotFoundError } from '../events/event-errors.js';
import type { EventsRepository } from '../events/events-repository.js';
import { defaultUnitFor, reachableUnitIds, roleForUnit, unitAndBelow, type UnitHolder } from './unit-access.js';
import { UnitNotFoundError, UnitNotHeldError, UnitRetiredError } from './unit-errors.js';
import { ROOT_UNIT_ID } from './unit-schema.js';
import type { UnitsDeps } from './units-deps.js';

export type EventAccessDeps = { units: UnitsDeps; events: Pick<EventsRepository, 'findUnitOf'> };

/**
 * The role an account has on one event, from the event's unit; `found: false` for no such event.
 * `role` undefined: the event belongs to a unit the account does not reach, and is answered as if
 * it did not exist (404 event_not_found, never 403: another unit's events are not revealed).
 */
export async function roleForEvent(deps: EventAccessDeps, user: UnitHolder, eventId: string): Promise<{ found: boolean; role?: Role }> {
  if (user.role === 'admin') return { found: true, role: 'admin' };
  const { found, unitId = ROOT_UNIT_ID } = await deps.events.findUnitOf(eventId);
  if (!found) return { found };
  const units = await deps.units.directory.including([unitId]);
  return { found, role: roleForUnit(user, unitId, units) };
}

/** An event named in a body (the list an import copies from) must be one the account reaches. */
export async function assertEventReachable(deps: EventAccessDeps, user: UnitHolder, eventId: string): Promise<void> {
  const { found, role } = await roleForEvent(deps, user, eventId);
  if (found && !role) throw new EventNotFoundError();
}

/**
 * The unit a new or moved event goes to: the one asked for, else the account's default; it must
 * exist, be active, and be organised by the account (admins place events anywhere).
 */
export async function unitForEvent(deps: EventAccessDeps, user: UnitHolder, requested: string | undefined): Promise<string> {
  const unitId = requested ?? defaultUnitFor(user);
  const units = await deps.units.directory.including([unitId]);
  const unit = units.get(unitId);
  if (!unit && unitId !== ROOT_UNIT_ID) throw new UnitNotFoundError();
  const role = roleForUnit(user, unitId, units);
  if (role !== 'admin' && role !== 'organiser') throw new UnitNotHeldError();
  if (unit?.retired) throw new UnitRetiredError();
  return unitId;
}

/** The units whose events a list shows: those the account reaches, within `filter` and beneath it. */
export async function listedUnitIds(deps: EventAccessDeps, user: UnitHolder, filter?: string): Promise<string[] | undefined> {
  const units = await deps.units.directory.all();
  const reachable = reachableUnitIds(user, units);
  if (!filter) return reachable;
  const wanted = unitAndBelow(filter, units);
  return reachable ? wanted.filter((id) => reachable.includes(id)) : wanted;
}
