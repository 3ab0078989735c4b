import { randomBytes } from 'node:crypto';
import type { AuthDeps } from './auth-deps.js';
import { newId } from './secret-tokens.js';
import { AlreadyBootstrappedSignal, EmailTakenSignal } from './users-repository.js';
import { normalizeEmail } from '../text/vietnamese.js';

export type FirstAdminResult =
  | { created: false }
  | { created: true; email: string; generatedPassword?: string };

/**
 * The first admin, from ADMIN_EMAIL and ADMIN_PASSWORD, when no user exists yet. Where no
 * password is given (a local start), one is generated and handed back to be printed once.
 */
export async function ensureFirstAdmin(
  deps: Pick<AuthDeps, 'users' | 'now' | 'passwords'>,
  admin: { email: string; password?: string },
): Promise<FirstAdminResult> {
  if (await deps.users.hasBootstrapped()) return { created: false };
  const generatedPassword = admin.password ? undefined : randomBytes(12).toString('base64url');
  const now = deps.now().toISOString();
  const email = normalizeEmail(admin.email);
  try {
    await deps.users.insertFirstAdmin({
      userId: newId(),
      email,
      name: 'Quản trị viên',
      role: 'admin',
      disabled: false,
      language: 'vi',
      createdAt: now,
      updatedAt: now,
      passwordHash: await deps.passwords.hash(admin.password ?? generatedPassword!),
    });
  } catch (error) {
    if (error instanceof AlreadyBootstrappedSignal || error instanceof EmailTakenSignal) return { created: false };
    throw error;
  }
  return { created: true, email, generatedPassword };
}
