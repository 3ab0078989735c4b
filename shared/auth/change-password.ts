import type { User } from './auth-schema.js';
import type { AuthDeps } from './auth-deps.js';
import { hashToken } from './secret-tokens.js';
import { UserNotFoundError, WrongCurrentPasswordError } from './user-errors.js';

/** A signed-in user changes their password; their other sessions end, this one stays. */
export async function changePassword(
  deps: AuthDeps,
  actor: User,
  sessionToken: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await deps.users.findById(actor.userId);
  if (!user) throw new UserNotFoundError();
  if (!user.passwordHash || !(await deps.passwords.verify(input.currentPassword, user.passwordHash))) {
    throw new WrongCurrentPasswordError();
  }
  const generation = await deps.users.setPasswordHash(user.userId, await deps.passwords.hash(input.newPassword), deps.now().toISOString());
  if (generation === undefined) throw new UserNotFoundError();
  // The new generation ends every other session at once; this one moves with it.
  await deps.sessions.moveToGeneration(hashToken(sessionToken), generation);
  await deps.sessions.deleteAllOfUser(user.userId, hashToken(sessionToken));
}
