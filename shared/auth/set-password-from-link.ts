import type { AuthDeps } from './auth-deps.js';
import { epochSeconds } from './auth-deps.js';
import { hashToken } from './secret-tokens.js';
import { InvalidSetPasswordLinkError } from './user-errors.js';

/** The emailed one-time link sets a password; any session opened before ends. */
export async function setPasswordFromLink(
  deps: AuthDeps,
  input: { token: string; password: string },
): Promise<void> {
  const userId = await deps.passwordTokens.takeToken(hashToken(input.token), epochSeconds(deps.now()));
  if (!userId) throw new InvalidSetPasswordLinkError();
  const ok = await deps.users.setPasswordHash(userId, await deps.passwords.hash(input.password), deps.now().toISOString());
  if (!ok) throw new InvalidSetPasswordLinkError();
  await deps.sessions.deleteAllOfUser(userId);
}
