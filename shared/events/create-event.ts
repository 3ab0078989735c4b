import { newId } from '../auth/secret-tokens.js';
import { toUtcIso } from '../time/ho-chi-minh.js';
import { assertEventFits } from './event-size.js';
import { defaultFieldsFor, withRequiredFields } from './default-fields.js';
import type { CreateEventInput, Event } from './event-schema.js';
import type { EventsDeps } from './events-deps.js';
import { presentEvent } from './present-event.js';
import { ROOT_UNIT_ID } from '../units/unit-schema.js';
import { MailTemplateInvalidError } from './event-errors.js';
import { describeTemplateProblem, findTemplateProblems } from '../email/template-problems.js';

/** A new event starts as a draft; without fields of its own it gets those of its type. */
export async function createEvent(
  deps: EventsDeps,
  input: CreateEventInput,
  createdBy: string,
  eventId: string = newId(),
): Promise<Event> {
  assertUsableTemplates(input.mailTemplates);
  const now = deps.now().toISOString();
  const event = {
    eventId,
    unitId: input.unitId ?? ROOT_UNIT_ID,
    type: input.type,
    title: input.title,
    description: input.description,
    agenda: input.agenda,
    venue: input.venue,
    venueMapUrl: input.venueMapUrl,
    contact: input.contact,
    startsAt: toUtcIso(input.startsAt),
    endsAt: toUtcIso(input.endsAt),
    capacity: input.capacity,
    registrationClosesAt: input.registrationClosesAt ? toUtcIso(input.registrationClosesAt) : undefined,
    requiresApproval: input.requiresApproval ?? false,
    openRegistration: input.openRegistration ?? false,
    attachInvitationLetter: input.attachInvitationLetter ?? false,
    fields: withRequiredFields(input.type, input.fields ?? defaultFieldsFor(input.type)),
    mailTemplates: input.mailTemplates,
    addressForm: input.addressForm,
    status: 'draft' as const,
    counts: { invited: 0, confirmed: 0, waitlisted: 0, pending: 0, declined: 0, checkedIn: 0 },
    createdAt: now,
    updatedAt: now,
    createdBy,
    version: 1,
  };
  assertEventFits(event);
  await deps.events.insertEvent(event);
  return presentEvent(event);
}

/** Refuses (422) an invitation or reminder template that would break the mail it makes. */
export function assertUsableTemplates(templates: Parameters<typeof findTemplateProblems>[0]): void {
  const problems = findTemplateProblems(templates);
  if (problems.length > 0) throw new MailTemplateInvalidError(problems, describeTemplateProblem(problems[0]!));
}
