import type { EventsRepository } from '../events/events-repository.js';
import type { RateLimiter } from '../rate-limits/rate-limiter.js';
import type { InvitationsRepository } from './invitations-repository.js';

/** What the invitation use cases need; built once per process (functions/api/deps.ts). */
export type InvitationsDeps = {
  invitations: InvitationsRepository;
  events: EventsRepository;
  rateLimiter: RateLimiter;
  now: () => Date;
  /** Days passport data is kept after a trip; the consent text says it (shared/delegations). */
  passportRetentionDays?: number;
  /**
   * A confirmed invitee was removed: their seat goes to the waiting list (functions/api/deps.ts
   * runs shared/registrations/promote-from-waitlist.ts; invitations know nothing of answers).
   */
  afterSeatFreed?: (eventId: string) => Promise<void>;
  /** The name of the unit that hosts an event, shown to the people it invites (shared/units). */
  hostOf?: (unitId: string) => Promise<{ vi: string; en?: string } | undefined>;
};
