import type { AuthDeps } from './auth-deps.js';
import { queueSetPasswordMail } from './set-password-mail.js';
import { UserNotFoundError } from './user-errors.js';

/** An admin sends a new set-password link (the first expired, or the colleague forgot theirs). */
export async function resendSetPasswordLink(deps: AuthDeps, userId: string): Promise<void> {
  const user = await deps.users.findById(userId);
  if (!user) throw new UserNotFoundError();
  await queueSetPasswordMail(deps, user);
}
