import type { CreateUserInput, User } from './auth-schema.js';
import type { AuthDeps } from './auth-deps.js';
import { newId } from './secret-tokens.js';
import { EmailTakenError } from './user-errors.js';
import { EmailTakenSignal } from './users-repository.js';
import { publicUser } from './public-user.js';
import { accountRoles } from './account-roles.js';
import { queueSetPasswordMail } from './set-password-mail.js';

/**
 * An admin adds a colleague. Without a password the colleague gets a one-time link by email to
 * choose one, so no password travels through the admin's hands.
 */
export async function createUser(
  deps: AuthDeps,
  input: CreateUserInput,
): Promise<{ user: User; passwordLinkSent?: boolean }> {
  const now = deps.now().toISOString();
  const { role, memberships } = await accountRoles(deps, input.role, input.memberships, undefined);
  const stored = {
    userId: newId(),
    email: input.email,
    name: input.name,
    role,
    memberships,
    disabled: false,
    language: input.language ?? 'vi',
    createdAt: now,
    updatedAt: now,
    passwordHash: input.password ? await deps.passwords.hash(input.password) : undefined,
  };
  try {
    await deps.users.insertUser(stored);
  } catch (error) {
    if (error instanceof EmailTakenSignal) throw new EmailTakenError(input.email);
    throw error;
  }
  if (input.password) return { user: publicUser(stored) };
  // The account exists; its link goes out through the outbox (set-password-mail.ts).
  const passwordLink = await queueSetPasswordMail(deps, stored);
  return { user: { ...publicUser(stored), passwordLink }, passwordLinkSent: true };
}
