import { InvalidCredentialsError } from '../errors.js';
import type { RateLimitRule } from '../rate-limits/rate-limiter.js';
import type { User } from './auth-schema.js';
import { epochSeconds, type AuthDeps } from './auth-deps.js';
import { hashToken, newSecretToken } from './secret-tokens.js';
import { publicUser } from './public-user.js';

/** Failed sign-ins allowed before a pause: per client address, and per account. */
export const signInLimits = {
  perAddress: { name: 'signin-address', limit: 20, windowSeconds: 15 * 60 } satisfies RateLimitRule,
  perAccount: { name: 'signin-account', limit: 8, windowSeconds: 15 * 60 } satisfies RateLimitRule,
};

export type SignedIn = { user: User; sessionToken: string; expiresAt: Date };

export async function signIn(
  deps: AuthDeps,
  input: { email: string; password: string },
  clientAddress: string,
): Promise<SignedIn> {
  await deps.rateLimiter.assertAllowed(signInLimits.perAddress, clientAddress);
  await deps.rateLimiter.assertAllowed(signInLimits.perAccount, input.email);

  const user = await deps.users.findByEmail(input.email);
  const passwordOk = await deps.passwords.verify(input.password, user?.passwordHash);
  if (!user || !user.passwordHash || !passwordOk || user.disabled) {
    await deps.rateLimiter.record(signInLimits.perAddress, clientAddress);
    await deps.rateLimiter.record(signInLimits.perAccount, input.email);
    throw new InvalidCredentialsError();
  }

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
