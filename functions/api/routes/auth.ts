import { Hono } from 'hono';
import { changePasswordSchema, loginSchema, setPasswordSchema } from '../../../shared/auth/auth-schema.js';
import { changePassword } from '../../../shared/auth/change-password.js';
import { setPasswordFromLink } from '../../../shared/auth/set-password-from-link.js';
import { signOut } from '../../../shared/auth/sign-out.js';
import { signIn } from '../../../shared/auth/sign-in.js';
import type { AppDeps } from '../deps.js';
import { clearSessionCookie, readSessionCookie, setSessionCookie, type AppEnv } from '../middleware/session.js';
import { jsonBody } from '../validation.js';

export function authRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post('/login',
      jsonBody(loginSchema), async (c) => {
      const signedIn = await signIn(deps.auth, c.req.valid('json'), deps.clientAddress(c));
      setSessionCookie(c, deps, signedIn.sessionToken, signedIn.expiresAt);
      return c.json({ user: signedIn.user, expiresAt: signedIn.expiresAt.toISOString() });
    })
    .post('/logout',
      async (c) => {
      const token = readSessionCookie(c, deps);
      if (token) await signOut(deps.auth, token);
      clearSessionCookie(c, deps);
      return c.body(null, 204);
    })
    .get('/me',
      (c) => c.json({ user: c.get('user') }))
    .post('/password',
      jsonBody(changePasswordSchema), async (c) => {
      await changePassword(deps.auth, c.get('user'), c.get('sessionToken'), c.req.valid('json'));
      return c.body(null, 204);
    })
    .post('/set-password',
      jsonBody(setPasswordSchema), async (c) => {
      await setPasswordFromLink(deps.auth, c.req.valid('json'));
      return c.body(null, 204);
    });
}
