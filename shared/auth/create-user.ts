import type { CreateUserInput, User } from './auth-schema.js';
import { epochSeconds, type AuthDeps } from './auth-deps.js';
import { hashToken, newId, newSecretToken } from './secret-tokens.js';
import { EmailTakenError, UserNotFoundError } from './user-errors.js';
import { EmailTakenSignal } from './users-repository.js';
import { publicUser } from './public-user.js';
import { setPasswordEmail } from '../email/set-password-email.js';
import { log } from '../logging/logger.js';
import { accountRoles } from './account-roles.js';

export const SET_PASSWORD_LINK_HOURS = 72;

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
  // The account exists either way; if the mail service fails, the admin sees it and resends.
  const passwordLinkSent = await sendSetPasswordLink(deps, stored).then(
    () => true,
    (error: unknown) => {
      log.warn('set-password mail not sent', { userId: stored.userId, error });
      return false;
    },
  );
  return { user: publicUser(stored), passwordLinkSent };
}

/**
 * A new one-time set-password link for a user, valid SET_PASSWORD_LINK_HOURS: only its hash is
 * stored. Mailed by sendSetPasswordLink, or printed in the operator's terminal (`npm run admin`).
 */
export async function newSetPasswordLink(
  deps: Pick<AuthDeps, 'passwordTokens' | 'now' | 'publicUrl'>,
  userId: string,
): Promise<string> {
  const token = newSecretToken();
  const expires = new Date(deps.now().getTime() + SET_PASSWORD_LINK_HOURS * 3600 * 1000);
  await deps.passwordTokens.insertToken(hashToken(token), userId, epochSeconds(expires));
  // The token travels in the fragment, which browsers never send to a server or its logs.
  return `${deps.publicUrl}/console/set-password#token=${token}`;
}

export async function sendSetPasswordLink(
  deps: AuthDeps,
  user: { userId: string; email: string; name: string; language: 'vi' | 'en' },
): Promise<void> {
  const link = await newSetPasswordLink(deps, user.userId);
  await deps.mailer.send(
    setPasswordEmail({
      to: user.email,
      name: user.name,
      link,
      language: user.language,
      validHours: SET_PASSWORD_LINK_HOURS,
      union: deps.union,
    }),
  );
}

/** An admin sends a new set-password link (the first expired, or the colleague forgot theirs). */
export async function resendSetPasswordLink(deps: AuthDeps, userId: string): Promise<void> {
  const user = await deps.users.findById(userId);
  if (!user) throw new UserNotFoundError();
  await sendSetPasswordLink(deps, user);
}
