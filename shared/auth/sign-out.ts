import type { AuthDeps } from './auth-deps.js';
import { hashToken } from './secret-tokens.js';

/** Sign-out ends the session on the server, not only in the browser. */
export async function signOut(deps: AuthDeps, sessionToken: string): Promise<void> {
  await deps.sessions.deleteByTokenHash(hashToken(sessionToken));
}
