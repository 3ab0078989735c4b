import * as z from 'zod';
import { consentInputSchema } from '../delegations/passport-data.js';
import type { OutboxRepository } from '../email/outbox-repository.js';
import { EventNotFoundError } from '../events/event-errors.js';
import type { StoredEvent } from '../events/events-repository.js';
import type { RateLimitRule } from '../rate-limits/rate-limiter.js';
import { detailsSchema } from './registration-schema.js';
import type { RegistrationsDeps } from './registrations-deps.js';

/**
 * Open registration (a youth forum open to all students): off unless the event says so. Anyone
 * enters a name, an email and the event's fields; that makes an invitation (one per address per
 * event, as for invited people) and mails its personal link in a mail that asks to confirm the
 * address (kind `confirm_address`), not an invitation. The person holds no seat until they
 * open the link and confirm, which is accepting: same capacity, waiting list and approval rules.
 * Against bots: a per-address rate limit and a honeypot field, no third-party captcha. Its two use
 * cases, get-public-event.ts and register-openly.ts, share what follows.
 */
export type OpenRegistrationDeps = RegistrationsDeps & { outbox: Pick<OutboxRepository, 'queueMail'> };

/** Every attempt counts, good or bad: five a client address per ten minutes. */
export const openRegistrationLimit: RateLimitRule = { name: 'open-registration', limit: 5, windowSeconds: 10 * 60 };

export const openRegistrationBodySchema = z.strictObject({
  name: z.string().max(400),
  email: z.string().max(400),
  organisation: z.string().max(400).optional(),
  position: z.string().max(400).optional(),
  language: z.string().max(10).optional(),
  details: detailsSchema.optional(),
  consent: consentInputSchema.optional(),
  /** The honeypot: hidden from people by the page; a bot fills it in. Must stay empty. */
  website: z.string().max(2000).optional(),
});
export type OpenRegistrationInput = z.infer<typeof openRegistrationBodySchema>;

/** The same answer whatever happened: nobody learns whether an address was registered before. */
export const REGISTRATION_RECEIVED = { status: 'check_your_email' } as const;

/** An event whose page is open: published with open registration; otherwise as if it did not exist. */
export async function openEventOrFail(deps: RegistrationsDeps, eventId: string): Promise<StoredEvent> {
  const event = await deps.events.findById(eventId);
  if (!event?.openRegistration || event.status !== 'published') throw new EventNotFoundError();
  return event;
}
