import type { EventsRepository } from './events-repository.js';

export type EventsDeps = {
  events: EventsRepository;
  now: () => Date;
  /** Seats were added (capacity raised or removed): the waiting list moves up (shared/registrations). */
  afterCapacityRaised?: (eventId: string) => Promise<void>;
};
