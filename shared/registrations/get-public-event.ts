import { presentEvent, publicEventFacts } from '../events/present-event.js';
import { closedReason, isFull } from './move-invitation.js';
import { openEventOrFail } from './open-registration.js';
import type { RegistrationsDeps } from './registrations-deps.js';

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
