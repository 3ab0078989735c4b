import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { User } from '../../../shared/auth/auth-schema.js';
import { can, type Permission } from '../../../shared/auth/permissions.js';
import { resolveSession } from '../../../shared/auth/resolve-session.js';
import { ForbiddenError, UnauthenticatedError } from '../../../shared/errors.js';
import type { AppDeps } from '../deps.js';

export type AppEnv = { Variables: { user: User; sessionToken: string } };

/** `__Host-` binds the cookie to this origin over HTTPS; plain HTTP (local) cannot use it. */
export const sessionCookieName = (secure: boolean) => (secure ? '__Host-hn_session' : 'hn_session');

/**
 * Routes open to anyone. Everything else under /api needs a session, so a route added later is
 * closed unless it is named here (test/functions/api/route-guard.test.ts walks every route).
 */
export const publicRoutes: { method: string; path: RegExp }[] = [
  { method: 'GET', path: /^\/api\/health$/ },
  // The API's reference: it names routes, never data.
  { method: 'GET', path: /^\/api\/(openapi\.json|docs)$/ },
  { method: 'POST', path: /^\/api\/auth\/login$/ },
  { method: 'POST', path: /^\/api\/auth\/logout$/ },
  { method: 'POST', path: /^\/api\/auth\/set-password$/ },
  // The invitee's personal link: the token is the credential.
  { method: 'GET', path: /^\/api\/r\/[^/]+$/ },
  { method: 'PATCH', path: /^\/api\/r\/[^/]+$/ },
  { method: 'POST', path: /^\/api\/r\/[^/]+\/(accept|decline|withdraw|confirm-email)$/ },
  // The head of a delegation manages its members by their own link.
  { method: 'GET', path: /^\/api\/r\/[^/]+\/delegation$/ },
  { method: 'POST', path: /^\/api\/r\/[^/]+\/delegation\/members$/ },
  { method: 'PATCH', path: /^\/api\/r\/[^/]+\/delegation\/members\/[^/]+$/ },
  { method: 'DELETE', path: /^\/api\/r\/[^/]+\/delegation\/members\/[^/]+$/ },
  // An event's open registration page (404 unless the event opened it).
  { method: 'GET', path: /^\/api\/events\/[^/]+\/public$/ },
  { method: 'POST', path: /^\/api\/events\/[^/]+\/register$/ },
];

export const isPublicRoute = (method: string, path: string) =>
  publicRoutes.some((route) => (route.method === method || (route.method === 'GET' && method === 'HEAD')) && route.path.test(path));

export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const name = sessionCookieName(deps.cookies.secure);
  return async (c, next) => {
    if (isPublicRoute(c.req.method, c.req.path)) return next();
    const token = getCookie(c, name);
    const user = token ? await resolveSession(deps.auth, token) : undefined;
    if (!user || !token) {
      if (token) deleteCookie(c, name, { path: '/', secure: deps.cookies.secure });
      throw new UnauthenticatedError();
    }
    c.set('user', user);
    c.set('sessionToken', token);
    await next();
  };
}

export function setSessionCookie(c: Context, deps: AppDeps, token: string, expiresAt: Date) {
  setCookie(c, sessionCookieName(deps.cookies.secure), token, {
    httpOnly: true,
    secure: deps.cookies.secure,
    sameSite: 'Lax',
    path: '/',
    expires: expiresAt,
    maxAge: Math.floor((expiresAt.getTime() - Date.now()) / 1000),
  });
}

export function clearSessionCookie(c: Context, deps: AppDeps) {
  deleteCookie(c, sessionCookieName(deps.cookies.secure), { path: '/', secure: deps.cookies.secure });
}

export function readSessionCookie(c: Context, deps: AppDeps): string | undefined {
  return getCookie(c, sessionCookieName(deps.cookies.secure));
}

/**
 * Reads need `read`, every other method needs `write`. A public route has no user to ask: a guard
 * of the sub-app it shares a path with (events' `/:eventId/:action`) lets it through.
 */
export function requirePermission(read: Permission, write: Permission = read): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (isPublicRoute(c.req.method, c.req.path)) return next();
    const needed = c.req.method === 'GET' || c.req.method === 'HEAD' ? read : write;
    if (!can(c.get('user').role, needed)) throw new ForbiddenError();
    await next();
  };
}
