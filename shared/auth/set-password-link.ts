import { epochSeconds, type AuthDeps } from './auth-deps.js';
import { hashToken, newSecretToken } from './secret-tokens.js';
import { setPasswordEmail } from '../email/set-password-email.js';

export const SET_PASSWORD_LINK_HOURS = 72;

/**
 * A new one-time set-password link for a user, valid SET_PASSWORD_LINK_HOURS: only its hash is
 * stored. Mailed through the outbox (set-password-mail.ts), or printed in the operator's terminal (`npm run admin`).
 */
export async function newSetPasswordLink(
  deps: { passwordTokens: Pick<AuthDeps['passwordTokens'], 'insertToken'>; now: () => Date; publicUrl: string },
  userId: string,
): Promise<string> {
  const token = newSecretToken();
  const expires = new Date(deps.now().getTime() + SET_PASSWORD_LINK_HOURS * 3600 * 1000);
  await deps.passwordTokens.insertToken(hashToken(token), userId, epochSeconds(expires));
  // The token travels in the fragment, which browsers never send to a server or its logs.
  return `${deps.publicUrl}/console/set-password#token=${token}`;
}

/**
 * The one set-password mail sent straight to SES rather than through the outbox: the first admin's
 * (ensure-first-admin.ts), which must reach someone before anyone can look at the outbox, and is
 * retried at each cold start until SES takes it.
 */
export async function mailSetPasswordLinkNow(
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

