import type { PersonalDataLog } from '../attendees/personal-data-reads-repository.js';
import type { EventsRepository } from '../events/events-repository.js';
import type { InvitationsRepository, createInvitationReader } from '../invitations/invitations-repository.js';
import type { RateLimiter } from '../rate-limits/rate-limiter.js';
import type { RegistrationsRepository } from './registrations-repository.js';

/** What the answer use cases need; built once per process (functions/api/deps.ts). */
export type RegistrationsDeps = {
  registrations: RegistrationsRepository;
  invitations: InvitationsRepository;
  events: EventsRepository;
  rateLimiter: RateLimiter;
  now: () => Date;
  /** Wakes the local mail sender when a notice was queued; the cloud's queue needs no nudge. */
  afterQueued?: (count: number) => void;
  /** Days after a trip its passport data is kept; none is taken after (passport-data.ts). */
  passportRetentionDays: number;
  /** Where reads of passport data are logged (pending approvals show details). */
  personalDataLog?: PersonalDataLog;
};

/**
 * What the promoter and its repair sweep need (promote-from-waitlist.ts): the answers, an
 * invitation read by key and the clock; no link secret, no rate limiter, so the cloud's sweep
 * (functions/jobs/repair-promotions.ts) is built from the table alone.
 */
export type PromotionDeps = Pick<RegistrationsDeps, 'registrations' | 'now' | 'afterQueued'> & {
  invitations: ReturnType<typeof createInvitationReader>;
};
