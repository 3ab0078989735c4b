import type { UnionSigner } from '../email/mail-layout.js';
import type { Mailer } from '../email/mailer.js';
import type { PasswordHasher } from './password-hashing.js';
import type { RateLimiter } from '../rate-limits/rate-limiter.js';
import type { PasswordTokensRepository } from './password-tokens-repository.js';
import type { SessionsRepository } from './sessions-repository.js';
import type { UsersRepository } from './users-repository.js';
import type { UnitDirectory } from '../units/unit-directory.js';
import type { SetPasswordMailQueue } from './set-password-mail.js';

/** What the account use cases need; built once per process (functions/api/deps.ts). */
export type AuthDeps = {
  users: UsersRepository;
  sessions: SessionsRepository;
  passwordTokens: PasswordTokensRepository;
  rateLimiter: RateLimiter;
  mailer: Mailer;
  passwords: PasswordHasher;
  now: () => Date;
  publicUrl: string;
  sessionHours: number;
  /** The units an account may hold roles in (shared/units); memberships go unchecked without it. */
  units?: UnitDirectory;
  /** Signs the set-password mail; the default union when absent. */
  union?: UnionSigner;
  /** Where colleagues' set-password mails are queued (the outbox). */
  outbox: SetPasswordMailQueue['outbox'];
  afterQueued?: SetPasswordMailQueue['afterQueued'];
};

export const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);
