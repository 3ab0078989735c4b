import { randomBytes } from 'node:crypto';
import type { AuthDeps } from './auth-deps.js';
import { newId } from './secret-tokens.js';
import { AlreadyBootstrappedSignal, EmailTakenSignal, type FirstAdminMarker } from './users-repository.js';
import { normalizeEmail } from '../text/vietnamese.js';
import { SET_PASSWORD_LINK_HOURS, mailSetPasswordLinkNow } from './set-password-link.js';
import { log } from '../logging/logger.js';

export type FirstAdminResult =
  | { created: false; linkSent?: boolean }
  | { created: true; email: string; generatedPassword?: string; linkSent?: boolean };

/**
 * The first admin, from ADMIN_EMAIL and ADMIN_PASSWORD, when no user exists yet. Without a
 * password: locally one is generated and handed back to be printed once; in the cloud
 * (`withoutPassword: 'email-link'`) the admin gets a set-password link by email instead, so no
 * password ever reaches a log.
 *
 * In the cloud the mail is retried until the admin has a password: SES is often not ready on a
 * new account, and a marker that said "done" after a failed mail would lock everyone out. So each
 * cold start looks at the first admin and mails a new link when none went out yet or the last one
 * has expired; the operator command (`npm run admin`) does not depend on SES at all.
 */
export async function ensureFirstAdmin(
  deps: Pick<AuthDeps, 'users' | 'now' | 'passwords'> & Partial<AuthDeps>,
  admin: { email: string; password?: string },
  withoutPassword: 'generate' | 'email-link' = 'generate',
): Promise<FirstAdminResult> {
  const marker = await deps.users.findFirstAdmin();
  const emailLink = !admin.password && withoutPassword === 'email-link';
  if (marker) {
    return emailLink ? { created: false, linkSent: await retryFirstAdminLink(deps as AuthDeps, marker) } : { created: false };
  }
  const generatedPassword = admin.password || emailLink ? undefined : randomBytes(12).toString('base64url');
  const now = deps.now().toISOString();
  const email = normalizeEmail(admin.email);
  const userId = newId();
  try {
    await deps.users.insertFirstAdmin({
      userId,
      email,
      name: 'Quản trị viên',
      role: 'admin',
      disabled: false,
      language: 'vi',
      createdAt: now,
      updatedAt: now,
      passwordHash: emailLink ? undefined : await deps.passwords.hash(admin.password ?? generatedPassword!),
    });
  } catch (error) {
    if (error instanceof AlreadyBootstrappedSignal || error instanceof EmailTakenSignal) return { created: false };
    throw error;
  }
  if (emailLink) {
    return { created: true, email, linkSent: await retryFirstAdminLink(deps as AuthDeps, { userId }) };
  }
  return { created: true, email, generatedPassword };
}

/**
 * Mails the first admin a set-password link when they have no password yet and no link is still
 * valid. Answers whether this call sent one. A failed mail (SES not verified yet, the usual case
 * on a new account) releases its claim and is logged, not thrown: the next cold start tries again,
 * while the requests of this instance go on without waiting for SES each time.
 */
async function retryFirstAdminLink(deps: AuthDeps, marker: FirstAdminMarker): Promise<boolean> {
  const now = deps.now();
  if (marker.linkSentAt && now.getTime() - Date.parse(marker.linkSentAt) < SET_PASSWORD_LINK_HOURS * 3600 * 1000) return false;
  const user = await deps.users.findById(marker.userId);
  if (!user || user.passwordHash || user.disabled) return false;
  const sentAt = now.toISOString();
  if (!(await deps.users.claimFirstAdminLink(sentAt, marker.linkSentAt))) return false;
  try {
    await mailSetPasswordLinkNow(deps, user);
  } catch (error) {
    await deps.users.releaseFirstAdminLink(sentAt, marker.linkSentAt);
    log.error('first admin set-password mail not sent; the next cold start retries (or: npm run admin -- --stage <stage> reset <email>)', { userId: user.userId, error });
    return false;
  }
  return true;
}
