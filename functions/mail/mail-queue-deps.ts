import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AppConfig } from '../../shared/config.js';
import { createOutboxRepository } from '../../shared/email/outbox-repository.js';
import type { QueueMailsDeps } from '../../shared/email/queue-mails.js';
import type { SendJobsRepository } from '../../shared/email/send-jobs-repository.js';
import { createEventsRepository } from '../../shared/events/events-repository.js';

/**
 * The queue side of the mail deps: all the API needs, since it only puts mail in the outbox (the
 * sender Lambda delivers). A file of its own so the API's cold start does not read the delivery
 * side (greeting and set-password mail, calendar sequences, letters) it never uses. The send jobs'
 * repository comes from the caller: the API builds it at first use (a send or a reminder).
 */
export function buildMailQueueDeps(
  config: Pick<AppConfig, 'tableName'>,
  db: DynamoDBDocumentClient,
  jobs: SendJobsRepository,
  now: () => Date = () => new Date(),
): QueueMailsDeps {
  return {
    outbox: createOutboxRepository(db, config.tableName),
    events: createEventsRepository(db, config.tableName),
    jobs,
    now,
  };
}
