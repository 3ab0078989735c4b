import { signedInAnswer, oneUserAnswer } from '../answer-schemas.js';
import type { RouteDocs } from '../describe-route.js';

/** What /api/openapi.json says of the routes in functions/api/routes/auth.ts, by method and path. */
export const routeDocs: RouteDocs = {
  'POST /api/auth/login': { summary: 'Sign in', description: 'Signs in with email and password and sets the session cookie. Public; failures count towards a limit.', responses: { 200: { description: 'The user and when the session ends', schema: signedInAnswer }, 401: 'Wrong email or password' } },
  'POST /api/auth/logout': { summary: 'Sign out', description: 'Ends the session and clears its cookie.', responses: { 204: 'Signed out' } },
  'GET /api/auth/me': { summary: 'Who am I', description: 'The signed-in user.', responses: { 200: { description: 'The user', schema: oneUserAnswer } } },
  'POST /api/auth/password': { summary: 'Change my password', description: 'With the current password; other sessions end.', responses: { 204: 'Changed' } },
  'POST /api/auth/set-password': { summary: 'Set a password from a link', description: 'The mailed set-password link sets the first (or a forgotten) password. Public: the token is the credential.', responses: { 204: 'Set' } },
};
