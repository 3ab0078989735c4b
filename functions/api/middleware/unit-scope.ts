import type { MiddlewareHandler } from 'hono';
import { EventNotFoundError } from '../../../shared/events/event-errors.js';
import { roleForEvent } from '../../../shared/units/event-access.js';
import type { AppDeps } from '../deps.js';
import { isPublicRoute, type AppEnv } from './session.js';

/** Paths under /api/events that name no event. */
const notAnEvent = new Set(['field-defaults']);

/**
 * Every route under /api/events/:eventId, in one place: the account's role on that event is the
 * one it holds in the event's unit or a unit above it (admins everywhere), and from here on the
 * request runs with that role, so each sub-app's permission guard (and what a use case masks for
 * staff) judges it by the role this event gives. An event of a unit the account does not reach is
 * answered 404 event_not_found, as if it did not exist. Runs after `authenticate`.
 */
export function scopeEventRoutesToUnits(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const access = { units: deps.units, events: deps.events.events };
  return async (c, next) => {
    const eventId = c.req.param('eventId');
    if (!eventId || notAnEvent.has(eventId) || isPublicRoute(c.req.method, c.req.path)) return next();
    const user = c.get('user');
    if (user.role === 'admin') return next();
    const { found, role } = await roleForEvent(access, user, eventId);
    // No such event: the route says so in its own words, as it always did.
    if (!found) return next();
    if (!role) throw new EventNotFoundError();
    c.set('user', { ...user, role });
    await next();
  };
}
