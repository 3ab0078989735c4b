import { TIME_ZONE, toLocalIso } from '../time/ho-chi-minh.js';
import type { Event } from './event-schema.js';
import type { StoredEvent } from './events-repository.js';
import { ROOT_UNIT_ID } from '../units/unit-schema.js';

/** An event as the API shows it: instants in Asia/Ho_Chi_Minh, no storage bookkeeping. */
export function presentEvent(event: StoredEvent): Event {
  const { version: _version, ...visible } = event;
  return {
    ...visible,
    unitId: event.unitId ?? ROOT_UNIT_ID,
    openRegistration: event.openRegistration ?? false,
    attachInvitationLetter: event.attachInvitationLetter ?? false,
    startsAt: toLocalIso(event.startsAt),
    endsAt: toLocalIso(event.endsAt),
    registrationClosesAt: event.registrationClosesAt ? toLocalIso(event.registrationClosesAt) : undefined,
    createdAt: toLocalIso(event.createdAt),
    updatedAt: toLocalIso(event.updatedAt),
    timeZone: TIME_ZONE,
    scheduleChange: event.scheduleChange
      ? {
          at: toLocalIso(event.scheduleChange.at),
          previous: {
            startsAt: toLocalIso(event.scheduleChange.previous.startsAt),
            endsAt: toLocalIso(event.scheduleChange.previous.endsAt),
            venue: event.scheduleChange.previous.venue,
          },
        }
      : undefined,
  };
}

/** What a participant's page shows of any event (a personal link, the open registration page). */
export function publicEventFacts(event: Event) {
  const { eventId, type, title, description, agenda, venue, venueMapUrl, contact, startsAt, endsAt, timeZone, registrationClosesAt } = event;
  return { eventId, type, title, description, agenda, venue, venueMapUrl, contact, startsAt, endsAt, timeZone, registrationClosesAt };
}
