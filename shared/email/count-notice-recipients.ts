import { EventNotFoundError } from '../events/event-errors.js';
import type { EventNoticeDeps } from './event-notice-deps.js';
import { noticeRecipients } from './notice-recipients.js';

/** How many would hear about a notice now (the console says it before sending). */
export async function countNoticeRecipients(deps: EventNoticeDeps, eventId: string): Promise<{ recipients: number; withSeat: number }> {
  if (!(await deps.events.findById(eventId))) throw new EventNotFoundError();
  const recipients = noticeRecipients(await deps.listInvitations(eventId));
  return { recipients: recipients.length, withSeat: recipients.filter((r) => r.response === 'confirmed').length };
}
