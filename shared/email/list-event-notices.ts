import { EventNotFoundError } from '../events/event-errors.js';
import type { EventNoticeDeps } from './event-notice-deps.js';
import { presentEventNotice, type EventNoticeView } from './present-event-notice.js';

/** The event's notices with how far each has gone, newest first. */
export async function listEventNotices(deps: EventNoticeDeps, eventId: string): Promise<EventNoticeView[]> {
  if (!(await deps.events.findById(eventId))) throw new EventNotFoundError();
  const notices = await deps.notices.listByEvent(eventId);
  return Promise.all(notices.map(async (n) => presentEventNotice(n, await deps.notices.progressOf(eventId, n.noticeId))));
}
