import type { User, UpdateUserInput } from './auth-schema.js';
import type { AuthDeps } from './auth-deps.js';
import { CannotChangeOwnAccountError, UserNotFoundError } from './user-errors.js';
import { publicUser } from './public-user.js';
import { accountRoles } from './account-roles.js';

/** An admin changes a role or a name, or disables an account, which ends all its sessions. */
export async function updateUser(
  deps: AuthDeps,
  actor: User,
  userId: string,
  changes: UpdateUserInput,
): Promise<User> {
  if (actor.userId === userId && (changes.disabled === true || (changes.role && changes.role !== 'admin'))) {
    throw new CannotChangeOwnAccountError();
  }
  let roles = {};
  if (changes.role !== undefined || changes.memberships !== undefined) {
    const current = await deps.users.findById(userId);
    if (!current) throw new UserNotFoundError();
    roles = await accountRoles(deps, changes.role ?? (current.role === 'admin' ? undefined : current.role), changes.memberships, current.memberships);
  }
  const updated = await deps.users.updateProfile(userId, { ...changes, ...roles }, deps.now().toISOString());
  if (!updated) throw new UserNotFoundError();
  if (updated.disabled) await deps.sessions.deleteAllOfUser(userId);
  return publicUser(updated);
}
