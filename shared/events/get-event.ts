import { EventNotFoundError } from './event-errors.js';
import type { Event } from './event-schema.js';
import type { EventsDeps } from './events-deps.js';
import type { StoredEvent } from './events-repository.js';
import { presentEvent } from './present-event.js';

export async function findEventOrFail(deps: Pick<EventsDeps, 'events'>, eventId: string): Promise<StoredEvent> {
  const event = await deps.events.findById(eventId);
  if (!event) throw new EventNotFoundError();
  return event;
}

export async function getEvent(deps: EventsDeps, eventId: string): Promise<Event> {
  return presentEvent(await findEventOrFail(deps, eventId));
}
