import type { EventsRepository } from '../events/events-repository.js';
import type { StoredInvitation } from '../invitations/invitations-repository.js';
import type { EventNoticesRepository } from './event-notices-repository.js';

/** What the event-notice use cases (send, list, count) are given. */
export type EventNoticeDeps = {
  notices: EventNoticesRepository;
  events: Pick<EventsRepository, 'findById'>;
  listInvitations: (eventId: string) => Promise<StoredInvitation[]>;
  now: () => Date;
  /** Wakes the local sender at once; the cloud's queue needs no nudge. */
  afterQueued?: (count: number) => void;
};
