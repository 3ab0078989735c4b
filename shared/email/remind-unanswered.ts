import { startMailJob, type QueueMailsDeps, type SendAnswer } from './queue-mails.js';

/** A reminder to each invitee who was mailed and has not answered; nobody else. A job, as sending. */
export function remindUnanswered(deps: QueueMailsDeps, eventId: string): Promise<SendAnswer> {
  return startMailJob(deps, eventId, 'reminder');
}
