import { createEvent } from '../events/create-event.js';
import type { EventsDeps } from '../events/events-deps.js';
import { changeEventStatus } from '../events/change-event-status.js';
import { programme2015 } from './programme-2015.js';

/** Loads the 2015 programme through the same use cases an organiser uses; twice adds nothing. */
export async function loadDemoProgramme(deps: EventsDeps, createdBy: string): Promise<number> {
  let added = 0;
  for (const { eventId, publish, ...input } of programme2015) {
    if (await deps.events.findById(eventId)) continue;
    await createEvent(deps, input, createdBy, eventId);
    if (publish) await changeEventStatus(deps, eventId, 'publish');
    added += 1;
  }
  return added;
}
