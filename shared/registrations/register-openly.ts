import { consentOffer, refusePassportDataAfterPurge, requireConsent } from '../delegations/passport-data.js';
import { ValidationError, type Language } from '../errors.js';
import { EventNotFoundError } from '../events/event-errors.js';
import { inviteeSchema } from '../invitations/invitation-schema.js';
import { describeInviteeIssues } from '../invitations/invitee-problems.js';
import { EventNotOpenSignal, type NewInvitation } from '../invitations/invitations-repository.js';
import { queueInvitationMail } from '../invitations/queue-invitation-mail.js';
import { closedReason } from './move-invitation.js';
import { openEventOrFail, openRegistrationLimit, REGISTRATION_RECEIVED, type OpenRegistrationDeps, type OpenRegistrationInput } from './open-registration.js';
import { validateDetails } from './registration-schema.js';

/**
 * Anyone registers for an event open to all: an invitation (one per address per event) and a mail
 * to confirm the address; the seat comes when they confirm (open-registration.ts).
 */
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
