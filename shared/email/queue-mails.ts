import { newId } from '../auth/secret-tokens.js';
import { ConflictError } from '../errors.js';
import type { EventsRepository } from '../events/events-repository.js';
import { EventNotFoundError } from '../events/event-errors.js';
import type { EmailStatus } from '../invitations/invitation-schema.js';
import type { StoredInvitation } from '../invitations/invitations-repository.js';
import type { MailKind } from './invitation-templates.js';
import type { OutboxRepository } from './outbox-repository.js';
import type { SendJobsRepository } from './send-jobs-repository.js';
import { presentSendJob, startSendJob } from './send-jobs.js';

export type QueueMailsDeps = {
  outbox: OutboxRepository;
  events: Pick<EventsRepository, 'findById'>;
  now: () => Date;
  /** Wakes the local sender and job runner at once; in the cloud, the sweeper. */
  afterQueued?: (count: number) => void;
  /** Sends and reminders are jobs (send-jobs.ts), continued in the background. */
  jobs: SendJobsRepository;
  /** How long the request itself works on a job before answering (0: not at all). */
  inlineBudgetMs?: number;
};

/**
 * Time the request gives a send before it answers 202; the rest goes on in the background. None:
 * even a first page of 50 mails took seconds on a loaded DynamoDB Local (25 per transaction), and
 * the answer must come within a second for any list. A process with no background (tests) gives more.
 */
export const INLINE_BUDGET_MS = 0;

export class EventNotSendableError extends ConflictError {
  constructor(status: string) {
    super(
      'event_not_published',
      {
        vi: 'Chỉ gửi thư mời cho sự kiện đã công bố (chưa hủy, chưa kết thúc).',
        en: 'Invitations go out only for a published event (not cancelled or closed).',
      },
      { status },
    );
  }
}

export class InvitationNotResendableError extends ConflictError {
  constructor(emailStatus: string) {
    super(
      'invitation_not_resendable',
      {
        vi: 'Thư mời này đang chờ gửi, hoặc địa chỉ đã bị chặn, hoặc khách mời không có email.',
        en: 'This invitation is already waiting to go, its address is suppressed, or it has no email.',
      },
      { emailStatus },
    );
  }
}

/** Resends of one invitation: queued in the request, at once. */
const batchSize = 16;

export async function queueEach(
  deps: QueueMailsDeps,
  eventId: string,
  invitations: StoredInvitation[],
  kind: MailKind,
  fromStatuses: EmailStatus[],
  onlyUnanswered: boolean,
): Promise<number> {
  let queued = 0;
  for (let i = 0; i < invitations.length; i += batchSize) {
    const results = await Promise.all(
      invitations.slice(i, i + batchSize).map((invitation) =>
        deps.outbox.queueMail({
          messageId: `${invitation.invitationId}.${kind}.${newId()}`,
          kind,
          eventId,
          invitationId: invitation.invitationId,
          fromStatuses,
          onlyUnanswered,
          at: deps.now().toISOString(),
        }),
      ),
    );
    queued += results.filter(Boolean).length;
  }
  if (queued > 0) deps.afterQueued?.(queued);
  return queued;
}

export async function sendableEvent(deps: QueueMailsDeps, eventId: string) {
  const event = await deps.events.findById(eventId);
  if (!event) throw new EventNotFoundError();
  if (event.status !== 'published') throw new EventNotSendableError(event.status);
  return event;
}

export type SendAnswer = { queued: number; job: ReturnType<typeof presentSendJob> };

/** Starts (or joins) the event's send job of one kind; `queued`: what went before the answer. */
export async function startMailJob(deps: QueueMailsDeps, eventId: string, kind: 'invitation' | 'reminder', invitationIds?: string[]): Promise<SendAnswer> {
  await sendableEvent(deps, eventId);
  const { queued, job } = await startSendJob(deps, { eventId, kind, ...(invitationIds ? { invitationIds } : {}) }, deps.inlineBudgetMs ?? INLINE_BUDGET_MS);
  return { queued, job: presentSendJob(job) };
}
