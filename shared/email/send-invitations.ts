import { startMailJob, type QueueMailsDeps, type SendAnswer } from './queue-mails.js';

/**
 * Queues the invitation mail of every invitation not sent yet (or of those named). Each is queued
 * only from `not_sent`, in a transaction, so a second click or a retry queues nothing again. The
 * work is a job: `queued` is what went before the answer (all of a small list), `job` its state.
 */
export function sendInvitations(deps: QueueMailsDeps, eventId: string, invitationIds?: string[]): Promise<SendAnswer> {
  return startMailJob(deps, eventId, 'invitation', invitationIds);
}
