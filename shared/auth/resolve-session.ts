import type { User } from './auth-schema.js';
import { epochSeconds, type AuthDeps } from './auth-deps.js';
import { hashToken } from './secret-tokens.js';
import { publicUser } from './public-user.js';

/** The signed-in user behind a session cookie, or undefined (unknown, expired, disabled). */
export async function resolveSession(deps: AuthDeps, sessionToken: string): Promise<User | undefined> {
  const tokenHash = hashToken(sessionToken);
  const session = await deps.sessions.findByTokenHash(tokenHash, epochSeconds(deps.now()));
  if (!session) return undefined;
  const user = await deps.users.findById(session.userId);
  // Disabled, or its sessions revoked since this one was made (new password, disabled then enabled).
  if (!user || user.disabled || (session.generation ?? 0) !== (user.sessionGeneration ?? 0)) {
    await deps.sessions.deleteByTokenHash(tokenHash);
    return undefined;
  }
  return publicUser(user);
}
