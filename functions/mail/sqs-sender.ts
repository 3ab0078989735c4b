import { createDocumentClient } from '../../shared/aws/dynamodb-client.js';
import { createSesClient } from '../../shared/aws/ses-client.js';
import { parseConfig } from '../../shared/config.js';
import { deliverOutboxMessage, type DeliveryOutcome, type MailDeliveryDeps } from '../../shared/email/deliver-outbox-message.js';
import { createPacer } from '../../shared/email/pacer.js';
import { createSesMailer } from '../../shared/email/ses-mailer.js';
import { buildMailDeps } from './mail-deps.js';
import { log, withRequestId } from '../../shared/logging/logger.js';

/**
 * The cloud's sender: SQS hands it the ids the sweeper enqueued (outbox-sweeper.ts), ten at a
 * time, to at most two instances at once (the event source's maximum concurrency; no reserved
 * concurrency, which a new account cannot grant). Each paces itself at MAIL_RATE_PER_SECOND, which
 * the stack sets to its share of SES's quota (infra/mail-pipeline.ts, SENDER_INSTANCES).
 * Each mail goes through deliverOutboxMessage, as in the local worker (outbox-worker.ts).
 *
 * Only an unexpected error (DynamoDB down, a bug) fails a record back to SQS, which offers it
 * again and after five failures moves it to the dead-letter queue, whose alarm is the signal.
 * Throttling and passing SES faults are not failures here: deliverOutboxMessage puts the message
 * back in the outbox with a later due time, and the sweeper enqueues it again then.
 */

/** The parts of Lambda's SQS event and batch response used here (no @types/aws-lambda). */
export type SqsRecord = { messageId: string; body: string };
export type SqsEvent = { Records: SqsRecord[] };
export type SqsBatchResponse = { batchItemFailures: { itemIdentifier: string }[] };

/** The sweeper's message body: `{"messageId": "<outbox message id>"}`. */
export function outboxMessageIdOf(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { messageId?: unknown };
    return typeof parsed?.messageId === 'string' && parsed.messageId.length > 0 ? parsed.messageId : undefined;
  } catch {
    return undefined;
  }
}

type Settled = { record: SqsRecord; outcome?: DeliveryOutcome; error?: unknown };

/** `deps.pacer` keeps to SES's rate: the sends of a batch overlap, their calls spaced. */
export function createSqsSender(deps: MailDeliveryDeps) {
  return async function sendBatch(event: SqsEvent): Promise<SqsBatchResponse> {
    const seen = new Set<string>();
    const deliveries: Promise<Settled>[] = [];
    for (const record of event.Records) {
      const messageId = outboxMessageIdOf(record.body);
      if (!messageId) {
        // Offering it again would not make it readable.
        log.warn('not an outbox message; dropped', { sqsMessageId: record.messageId });
        continue;
      }
      if (seen.has(messageId)) continue;
      seen.add(messageId);
      try {
        const message = await deps.outbox.findById(messageId);
        // Gone: an earlier copy of this record sent it (or gave up on it). Not due: it waits for a
        // retry, or another claim holds it; the sweeper enqueues it again when it is due.
        if (!message || message.dueAt > deps.now().toISOString()) continue;
        deliveries.push(
          deliverOutboxMessage(deps, message).then(
            (outcome) => ({ record, outcome }),
            (error: unknown) => ({ record, error }),
          ),
        );
      } catch (error) {
        deliveries.push(Promise.resolve({ record, error }));
      }
    }

    const settled = await Promise.all(deliveries);
    const failures = settled.filter((s) => s.error !== undefined);
    for (const failure of failures) {
      log.error('delivery failed; SQS offers it again', { sqsMessageId: failure.record.messageId, error: failure.error });
    }
    const outcomes: Partial<Record<DeliveryOutcome, number>> = {};
    for (const s of settled) if (s.outcome) outcomes[s.outcome] = (outcomes[s.outcome] ?? 0) + 1;
    log.info('batch sent', { records: event.Records.length, outcomes, failures: failures.length });
    return { batchItemFailures: failures.map((f) => ({ itemIdentifier: f.record.messageId })) };
  };
}

let sendBatch: ReturnType<typeof createSqsSender> | undefined;

/** Settings read and clients made once, at the first invocation of a cold start. */
function fromEnvironment() {
  const config = parseConfig(process.env);
  const db = createDocumentClient({ region: config.region, endpoint: config.dynamodbEndpoint });
  const ses = createSesClient({ region: config.region, endpoint: config.sesEndpoint });
  const mailer = createSesMailer(ses, { from: config.mailFrom, configurationSet: config.sesConfigurationSet });
  // The pacer outlives a batch: a warm instance keeps the rate across invocations.
  return createSqsSender({ ...buildMailDeps(config, db, mailer).delivery, pacer: createPacer(config.mailRatePerSecond) });
}

export async function handler(event: SqsEvent, context?: { awsRequestId?: string }): Promise<SqsBatchResponse> {
  sendBatch ??= fromEnvironment();
  return withRequestId(context?.awsRequestId, () => sendBatch!(event));
}
