import type { EventsRepository } from './events-repository.js';

export type EventsDeps = { events: EventsRepository; now: () => Date };
