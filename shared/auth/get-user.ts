import type { User } from './auth-schema.js';
import type { AuthDeps } from './auth-deps.js';
import { publicUser } from './public-user.js';
import { UserNotFoundError } from './user-errors.js';

export async function getUser(deps: AuthDeps, userId: string): Promise<User> {
  const user = await deps.users.findById(userId);
  if (!user) throw new UserNotFoundError();
  return publicUser(user);
}
