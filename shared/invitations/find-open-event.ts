import type { EventsRepository, StoredEvent } from '../events/events-repository.js';
import { EventNotFoundError, EventStateError } from '../events/event-errors.js';

export const addInviteesAction = { vi: 'thêm khách mời', en: 'add invitees' };

/** The event invitees are added to: it must exist and be neither cancelled nor closed. */
export async function findOpenEventOrFail(events: EventsRepository, eventId: string): Promise<StoredEvent> {
  const event = await events.findById(eventId);
  if (!event) throw new EventNotFoundError();
  if (event.status !== 'draft' && event.status !== 'published') throw new EventStateError(event.status, addInviteesAction);
  return event;
}
