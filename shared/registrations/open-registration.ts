import * as z from 'zod';
import { consentInputSchema, consentOffer, refusePassportDataAfterPurge, requireConsent } from '../delegations/passport-data.js';
import type { OutboxRepository } from '../email/outbox-repository.js';
import { ValidationError } from '../errors.js';
import { EventNotFoundError } from '../events/event-errors.js';
import type { StoredEvent } from '../events/events-repository.js';
import { presentEvent, publicEventFacts } from '../events/present-event.js';
import { inviteeSchema } from '../invitations/invitation-schema.js';
import { describeInviteeIssues } from '../invitations/invitee-problems.js';
import { EventNotOpenSignal, type NewInvitation } from '../invitations/invitations-repository.js';
import { queueInvitationMail } from '../invitations/queue-invitation-mail.js';
import type { Language } from '../errors.js';
import type { RateLimitRule } from '../rate-limits/rate-limiter.js';
import { closedReason, isFull } from './move-invitation.js';
import { detailsSchema, validateDetails } from './registration-schema.js';
import type { RegistrationsDeps } from './registrations-deps.js';

/**
 * Open registration (a youth forum open to all students): off unless the event says so. Anyone
 * enters a name, an email and the event's fields; that makes an invitation (one per address per
 * event, as for invited people) and mails its personal link in a mail that asks to confirm the
 * address (kind `confirm_address`), not an invitation. The person holds no seat until they
 * open the link and confirm, which is accepting: same capacity, waiting list and approval rules.
 * Against bots: a per-address rate limit and a honeypot field, no third-party captcha.
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
async function openEventOrFail(deps: RegistrationsDeps, eventId: string): Promise<StoredEvent> {
  const event = await deps.events.findById(eventId);
  if (!event?.openRegistration || event.status !== 'published') throw new EventNotFoundError();
  return event;
}

/** What the public registration page shows. */
export async function getPublicEvent(deps: RegistrationsDeps, eventId: string) {
  const stored = await openEventOrFail(deps, eventId);
  const event = presentEvent(stored);
  return {
    event: {
      ...publicEventFacts(event),
      requiresApproval: event.requiresApproval,
      fields: event.fields,
      /** A newcomer would join the waiting list now. */
      full: isFull(stored),
      /** Registration has closed (deadline passed). */
      closed: closedReason(stored, deps.now().toISOString(), true) !== undefined,
    },
  };
}

export async function registerOpenly(
  deps: OpenRegistrationDeps,
  eventId: string,
  input: OpenRegistrationInput,
  clientAddress: string,
  language: Language,
): Promise<typeof REGISTRATION_RECEIVED> {
  await deps.rateLimiter.take(openRegistrationLimit, clientAddress);
  // A filled honeypot is a bot: it is told all went well, and nothing is stored or mailed.
  if (input.website && input.website.trim() !== '') return REGISTRATION_RECEIVED;

  const event = await openEventOrFail(deps, eventId);
  const closed = closedReason(event, deps.now().toISOString(), true);
  if (closed) throw closed;

  const raw = { name: input.name, email: input.email, organisation: input.organisation, position: input.position, language: input.language };
  const parsed = inviteeSchema.safeParse(raw);
  if (!parsed.success || !parsed.data.email) {
    const issues = parsed.success
      ? [{ field: 'email', message: { vi: 'Cần có email.', en: 'An email address is needed.' }[language] }]
      : describeInviteeIssues(parsed.error.issues, raw, language);
    throw new ValidationError({ vi: 'Thông tin đăng ký không hợp lệ.', en: 'The registration is not valid.' }, issues, 'validation_failed');
  }
  const person = parsed.data;
  // The event's fields are checked now, so that confirming from the mail cannot fail on them.
  const details = validateDetails(event.fields, input.details ?? {}, { requireAll: true });
  refusePassportDataAfterPurge(details, event, deps.now(), deps.passportRetentionDays);
  const consent = consentOffer(input.consent, { kind: 'self' }, deps.now());
  requireConsent(details, consent, undefined);

  const now = deps.now().toISOString();
  const fresh: NewInvitation = {
    eventId,
    name: person.name,
    email: person.email,
    language: person.language ?? language,
    emailStatus: 'not_sent',
    response: 'none',
    createdAt: now,
    updatedAt: now,
    selfRegistered: true,
    ...(person.organisation ? { organisation: person.organisation } : {}),
    ...(person.position ? { position: person.position } : {}),
    ...(Object.keys(details).length ? { details } : {}),
    ...(consent ? { consent } : {}),
  };
  let outcome;
  try {
    outcome = await deps.invitations.insertInvitations(eventId, [fresh]);
  } catch (error) {
    if (error instanceof EventNotOpenSignal) throw new EventNotFoundError();
    throw error;
  }
  const created = outcome.created[0];
  if (created) {
    await queueInvitationMail(deps, { eventId, invitationId: created.invitationId, email: person.email }, ['not_sent'], 'confirm_address');
    return REGISTRATION_RECEIVED;
  }
  // Registered before: a person who lost the mail, and has not confirmed, gets the link again.
  const existing = await deps.invitations.findByAddress(eventId, { email: person.email });
  if (existing?.selfRegistered && existing.response === 'none') {
    await queueInvitationMail(deps, existing, ['not_sent', 'sent', 'delivered', 'failed'], 'confirm_address');
  }
  return REGISTRATION_RECEIVED;
}
