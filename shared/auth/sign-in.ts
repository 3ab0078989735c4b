import { InvalidCredentialsError } from '../errors.js';
import type { RateLimitRule } from '../rate-limits/rate-limiter.js';
import type { User } from './auth-schema.js';
import { epochSeconds, type AuthDeps } from './auth-deps.js';
import { hashToken, newSecretToken } from './secret-tokens.js';
import { publicUser } from './public-user.js';
import type { StoredUser } from './users-repository.js';

/**
 * Failed sign-ins allowed before a pause (docs/design.md, "Accounts and security"). An attempt is counted before
 * the password is checked, and given back when it was right, so a burst of parallel guesses gets
 * no more tries than a sequence would.
 * - per address: one client trying many accounts;
 * - per account and address: one client guessing one account, which leaves the owner, signing in
 *   from their own address, free to sign in;
 * - per account, in a short window: many addresses guessing one account are slowed to a few
 *   guesses a minute, and the owner waits at most that minute, never a quarter of an hour.
 */
export const signInLimits = {
  perAddress: { name: 'signin-address', limit: 20, windowSeconds: 15 * 60 } satisfies RateLimitRule,
  perAccountAndAddress: { name: 'signin-account-address', limit: 8, windowSeconds: 15 * 60 } satisfies RateLimitRule,
  perAccount: { name: 'signin-account', limit: 10, windowSeconds: 60 } satisfies RateLimitRule,
};

export type SignedIn = { user: User; sessionToken: string; expiresAt: Date };

export async function signIn(
  deps: AuthDeps,
  input: { email: string; password: string },
  clientAddress: string,
): Promise<SignedIn> {
  const attempt = await deps.rateLimiter.takeAll([
    { rule: signInLimits.perAddress, key: clientAddress },
    { rule: signInLimits.perAccountAndAddress, key: `${input.email}#${clientAddress}` },
    { rule: signInLimits.perAccount, key: input.email },
  ]);

  let user: StoredUser | undefined;
  let passwordOk = false;
  try {
    user = await deps.users.findByEmail(input.email);
    passwordOk = await deps.passwords.verify(input.password, user?.passwordHash);
  } catch (error) {
    // Not a guess (the hashing was busy, or the table did not answer): it does not count.
    await attempt.release();
    throw error;
  }
  if (!user?.passwordHash || !passwordOk || user.disabled) throw new InvalidCredentialsError();
  await attempt.release();

  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.sessionHours * 3600 * 1000);
  const sessionToken = newSecretToken();
  await deps.sessions.insertSession(hashToken(sessionToken), {
    userId: user.userId,
    createdAt: now.toISOString(),
    expiresAt: epochSeconds(expiresAt),
    generation: user.sessionGeneration ?? 0,
  });
  return { user: publicUser(user), sessionToken, expiresAt };
}
