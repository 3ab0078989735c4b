import type { AuthDeps } from './auth-deps.js';
import { newSetPasswordLink } from './set-password-link.js';
import { newId } from './secret-tokens.js';
import { AlreadyBootstrappedSignal, EmailTakenSignal } from './users-repository.js';
import { normalizeEmail } from '../text/vietnamese.js';

type OperatorDeps = Pick<AuthDeps, 'users' | 'passwordTokens' | 'now' | 'publicUrl'>;

export type OperatorAdminResult = {
  /** `created`: a new admin; `reset`: an existing account got a new link. */
  action: 'created' | 'reset';
  userId: string;
  email: string;
  role: string;
  disabled: boolean;
  /** One-time, valid SET_PASSWORD_LINK_HOURS; printed in the operator's terminal, never mailed. */
  link: string;
};

/** Why the operator command refused; its message is printed as is. */
export class OperatorAdminError extends Error {
  override name = 'OperatorAdminError';
}

/**
 * The operator's way in, independent of SES (`npm run admin -- --stage <name> create|reset <email>`,
 * with the operator's own AWS credentials): `create` adds an admin without a password (the first
 * admin of the table, if there is none yet), `reset` gives an existing account a new link. Either
 * way a one-time set-password link is handed back to be printed, never mailed.
 */
export async function issueOperatorAdminLink(
  deps: OperatorDeps,
  command: 'create' | 'reset',
  rawEmail: string,
): Promise<OperatorAdminResult> {
  const email = normalizeEmail(rawEmail);
  const now = deps.now().toISOString();
  if (command === 'create') {
    const user = {
      userId: newId(),
      email,
      name: 'Quản trị viên',
      role: 'admin' as const,
      disabled: false,
      language: 'vi' as const,
      createdAt: now,
      updatedAt: now,
    };
    try {
      const first = !(await deps.users.hasBootstrapped());
      if (first) await deps.users.insertFirstAdmin(user).catch(async (error: unknown) => {
        // Another start made the first admin meanwhile: this one is an ordinary admin.
        if (error instanceof AlreadyBootstrappedSignal) return deps.users.insertUser(user);
        throw error;
      });
      else await deps.users.insertUser(user);
    } catch (error) {
      if (error instanceof EmailTakenSignal) {
        throw new OperatorAdminError(`${email} already has an account: use \`reset ${email}\` for a new set-password link.`);
      }
      throw error;
    }
    const link = await newSetPasswordLink(deps, user.userId);
    // A link in the terminal counts as sent: the cold-start bootstrap does not mail another while it is valid.
    const marker = await deps.users.findFirstAdmin();
    if (marker?.userId === user.userId) await deps.users.claimFirstAdminLink(now, marker.linkSentAt);
    return { action: 'created', userId: user.userId, email, role: user.role, disabled: false, link };
  }
  const user = await deps.users.findByEmail(email);
  if (!user) throw new OperatorAdminError(`No account has the address ${email}: use \`create ${email}\` to add an admin.`);
  const link = await newSetPasswordLink(deps, user.userId);
  return { action: 'reset', userId: user.userId, email, role: user.role, disabled: user.disabled, link };
}
