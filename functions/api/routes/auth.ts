import { Hono } from 'hono';
import { changePasswordSchema, loginSchema, setPasswordSchema } from '../../../shared/auth/auth-schema.js';
import { changePassword } from '../../../shared/auth/change-password.js';
import { setPasswordFromLink } from '../../../shared/auth/set-password-from-link.js';
import { signOut } from '../../../shared/auth/session-access.js';
import { signIn } from '../../../shared/auth/sign-in.js';
import type { AppDeps } from '../deps.js';
import { clearSessionCookie, readSessionCookie, setSessionCookie, type AppEnv } from '../middleware/session.js';
import { jsonBody } from '../validation.js';
import { describeRoute } from '../openapi/describe-route.js';
import { signedInAnswer, oneUserAnswer } from '../openapi/answer-schemas.js';

export function authRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post('/login',
      describeRoute({ summary: 'Sign in', description: 'Signs in with email and password and sets the session cookie. Public; failures count towards a limit.', responses: { 200: { description: 'The user and when the session ends', schema: signedInAnswer }, 401: 'Wrong email or password' } }),
      jsonBody(loginSchema), async (c) => {
      const signedIn = await signIn(deps.auth, c.req.valid('json'), deps.clientAddress(c));
      setSessionCookie(c, deps, signedIn.sessionToken, signedIn.expiresAt);
      return c.json({ user: signedIn.user, expiresAt: signedIn.expiresAt.toISOString() });
    })
    .post('/logout',
      describeRoute({ summary: 'Sign out', description: 'Ends the session and clears its cookie.', responses: { 204: 'Signed out' } }),
      async (c) => {
      const token = readSessionCookie(c, deps);
      if (token) await signOut(deps.auth, token);
      clearSessionCookie(c, deps);
      return c.body(null, 204);
    })
    .get('/me',
      describeRoute({ summary: 'Who am I', description: 'The signed-in user.', responses: { 200: { description: 'The user', schema: oneUserAnswer } } }),
      (c) => c.json({ user: c.get('user') }))
    .post('/password',
      describeRoute({ summary: 'Change my password', description: 'With the current password; other sessions end.', responses: { 204: 'Changed' } }),
      jsonBody(changePasswordSchema), async (c) => {
      await changePassword(deps.auth, c.get('user'), c.get('sessionToken'), c.req.valid('json'));
      return c.body(null, 204);
    })
    .post('/set-password',
      describeRoute({ summary: 'Set a password from a link', description: 'The mailed set-password link sets the first (or a forgotten) password. Public: the token is the credential.', responses: { 204: 'Set' } }),
      jsonBody(setPasswordSchema), async (c) => {
      await setPasswordFromLink(deps.auth, c.req.valid('json'));
      return c.body(null, 204);
    });
}
