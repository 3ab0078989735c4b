import { randomBytes } from 'node:crypto';
import type { AuthDeps } from './auth-deps.js';
import { newId } from './secret-tokens.js';
import { AlreadyBootstrappedSignal, EmailTakenSignal } from './users-repository.js';
import { normalizeEmail } from '../text/vietnamese.js';
import { sendSetPasswordLink } from './create-user.js';

export type FirstAdminResult =
  | { created: false }
  | { created: true; email: string; generatedPassword?: string; linkSent?: boolean };

/**
 * The first admin, from ADMIN_EMAIL and ADMIN_PASSWORD, when no user exists yet. Without a
 * password: locally one is generated and handed back to be printed once; in the cloud
 * (`withoutPassword: 'email-link'`) the admin gets a set-password link by email instead, so no
 * password ever reaches a log.
 */
export async function ensureFirstAdmin(
  deps: Pick<AuthDeps, 'users' | 'now' | 'passwords'> & Partial<AuthDeps>,
  admin: { email: string; password?: string },
  withoutPassword: 'generate' | 'email-link' = 'generate',
): Promise<FirstAdminResult> {
  if (await deps.users.hasBootstrapped()) return { created: false };
  const emailLink = !admin.password && withoutPassword === 'email-link';
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
    await sendSetPasswordLink(deps as AuthDeps, { userId, email, name: 'Quản trị viên', language: 'vi' });
    return { created: true, email, linkSent: true };
  }
  return { created: true, email, generatedPassword };
}
