import type { PasswordLinkMail } from './auth-schema.js';
import type { DirectMailHandler } from '../email/deliver-outbox-message.js';
import type { UnionSigner } from '../email/mail-layout.js';
import type { OutboxRepository } from '../email/outbox-repository.js';
import { setPasswordEmail } from '../email/set-password-email.js';
import { log } from '../logging/logger.js';
import type { PasswordTokensRepository } from './password-tokens-repository.js';
import { newId } from './secret-tokens.js';
import type { UsersRepository } from './users-repository.js';
import { newSetPasswordLink, SET_PASSWORD_LINK_HOURS } from './set-password-link.js';

/** What queueing a colleague's set-password mail needs (the account use cases' deps). */
export type SetPasswordMailQueue = {
  outbox: Pick<OutboxRepository, 'queueDirect'>;
  users: Pick<UsersRepository, 'recordPasswordLink'>;
  now: () => Date;
  /** Wakes the outbox's sender (the cloud's sweeper, the local worker) for the mail just queued. */
  afterQueued?: (count: number) => void;
};

/**
 * A colleague's set-password mail goes through the outbox like every other mail: paced with the
 * rest, never to a suppressed address, SES's answer recorded before anything else, sent once per
 * request. The message holds only the account's id: the link's secret is made when the mail is
 * composed, right before SES, and only its hash is stored.
 */
export async function queueSetPasswordMail(deps: SetPasswordMailQueue, user: { userId: string; email: string }): Promise<PasswordLinkMail> {
  const at = deps.now().toISOString();
  // Recorded first: the sender's outcome, written later, is what the admin then sees.
  const queued: PasswordLinkMail = { state: 'queued', at };
  await deps.users.recordPasswordLink(user.userId, queued);
  await deps.outbox.queueDirect({ messageId: `set_password.${user.userId}.${newId()}`, kind: 'set_password', to: user.email, ref: { userId: user.userId }, at });
  deps.afterQueued?.(1);
  return queued;
}

/**
 * The set-password mail's side of the outbox: composed when its turn comes for an account that is
 * still enabled and still has this address (nothing is sent otherwise), with a fresh one-time link.
 */
export function setPasswordMailHandler(deps: {
  users: Pick<UsersRepository, 'findById' | 'recordPasswordLink'>;
  passwordTokens: Pick<PasswordTokensRepository, 'insertToken'>;
  now: () => Date;
  publicUrl: string;
  union?: UnionSigner;
}): DirectMailHandler {
  return {
    async compose(ref, to) {
      const user = await deps.users.findById(ref.userId!);
      if (!user || user.disabled || user.email !== to) return undefined;
      const link = await newSetPasswordLink(deps, user.userId);
      return setPasswordEmail({ to, name: user.name, link, language: user.language, validHours: SET_PASSWORD_LINK_HOURS, union: deps.union });
    },
    async settle(ref, outcome, at, detail) {
      // The admin sees it on the users page and can send a new link.
      await deps.users.recordPasswordLink(ref.userId!, { state: outcome, at, ...(detail?.reason ? { reason: detail.reason.slice(0, 300) } : {}) });
      if (outcome !== 'sent') log.warn('set-password mail not sent', { userId: ref.userId, outcome, reason: detail?.reason });
    },
    ...setPasswordDeliveryRecorder(deps.users),
  };
}

/** SES's later word on a set-password mail (the SES-events Lambda): a bounce or complaint shows as failed. */
export function setPasswordDeliveryRecorder(users: Pick<UsersRepository, 'recordPasswordLink'>): Pick<DirectMailHandler, 'recordDelivery'> {
  return {
    async recordDelivery(ref, status, at, detail) {
      if (status === 'delivered') return;
      await users.recordPasswordLink(ref.userId!, { state: 'failed', at, reason: [status, detail].filter(Boolean).join(': ').slice(0, 300) });
    },
  };
}
