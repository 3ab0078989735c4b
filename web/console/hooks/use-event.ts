import { useEffect, useState } from 'preact/hooks';
import type { Event } from '../../../shared/events/event-schema.js';
import { ApiError } from '../../lib/api-client.js';
import { errorText } from '../../lib/error-text.js';
import { useApp } from '../context.js';

export type LoadedEvent = {
  /** The event, once it is here. */
  event?: Event;
  /** After a change the API answered with the event as it is now. */
  setEvent: (event: Event) => void;
  /** The event does not exist or is not visible to this user (404). */
  notFound: boolean;
  /** Why the event did not load, in the user's language (a 404's message too). */
  error?: string;
  /** What failed, for a page that tells some failures apart (a lost connection at the door). */
  failure?: unknown;
};

/** The event of an event's page (`/api/events/:eventId`), read when the page opens. */
export function useEvent(eventId: string, onLoad?: (event: Event) => void): LoadedEvent {
  const { api } = useApp();
  const [event, setEvent] = useState<Event>();
  const [failure, setFailure] = useState<unknown>();
  useEffect(() => {
    let live = true;
    setFailure(undefined);
    api.get<{ event: Event }>(`/api/events/${encodeURIComponent(eventId)}`).then(
      (answer) => {
        if (!live) return;
        setEvent(answer.event);
        onLoad?.(answer.event);
      },
      (reason: unknown) => live && setFailure(reason ?? new Error('')),
    );
    return () => {
      live = false;
    };
  }, [eventId]);
  return {
    event,
    setEvent,
    notFound: failure instanceof ApiError && failure.status === 404,
    error: failure === undefined ? undefined : errorText(failure),
    failure,
  };
}
