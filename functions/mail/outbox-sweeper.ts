import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod';
import { createDocumentClient } from '../../shared/aws/dynamodb-client.js';
import { createOutboxRepository, type OutboxRepository } from '../../shared/email/outbox-repository.js';
import { parseLambdaEnv, tableSettings } from './lambda-env.js';
import { isSweepRequest } from './wake-sweeper.js';
import { log, withRequestId } from '../../shared/logging/logger.js';

/**
 * The cloud's outbox sweeper, run every minute by EventBridge and woken by the API after it
 * queues mail (wake-sweeper.ts): puts the ids of due outbox messages on the send queue, which
 * feeds the sender (sqs-sender.ts). Enqueuing an id twice is harmless: the sender's claim is
 * conditional, so the mail goes once.
 */

/** SendMessageBatch takes at most 10 messages. */
const SQS_BATCH_SIZE = 10;
/** Batches sent side by side: a few hundred ids go in well under a second. */
const PARALLEL_BATCHES = 8;
/**
 * The API wakes the sweeper right after its write, but the listings index is eventually
 * consistent: the just-queued messages show in it a moment later.
 */
const INDEX_SETTLE_MS = 1000;

export type OutboxSweeperDeps = {
  outbox: Pick<OutboxRepository, 'listDue'>;
  sqs: SQSClient;
  queueUrl: string;
  /** Ids per run (sweepLimit). */
  limit: number;
  now: () => Date;
};

export type SweepResult = { due: number; enqueued: number; failed: number };

/**
 * About a minute of sending per run: the sender works through it before the next run, so a
 * message still waiting is enqueued again at most once or twice, and a big send is spread over
 * the runs instead of being copied into the queue every minute in full.
 */
export function sweepLimit(mailRatePerSecond: number): number {
  return Math.min(3000, Math.max(100, Math.ceil(mailRatePerSecond * 60)));
}

/**
 * Enqueues the due messages, oldest first. A batch SQS refuses outright throws (the run fails and
 * its alarm shows it); entries it refuses one by one are counted: the next run enqueues them again.
 */
export async function sweepOutbox(deps: OutboxSweeperDeps): Promise<SweepResult> {
  const due = await deps.outbox.listDue(deps.now().toISOString(), deps.limit);
  const batches: string[][] = [];
  for (let i = 0; i < due.length; i += SQS_BATCH_SIZE) {
    batches.push(due.slice(i, i + SQS_BATCH_SIZE).map((message) => message.messageId));
  }
  let enqueued = 0;
  let failed = 0;
  for (let i = 0; i < batches.length; i += PARALLEL_BATCHES) {
    const results = await Promise.all(
      batches.slice(i, i + PARALLEL_BATCHES).map((ids) =>
        deps.sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: deps.queueUrl,
            Entries: ids.map((messageId, n) => ({ Id: String(n), MessageBody: JSON.stringify({ messageId }) })),
          }),
        ),
      ),
    );
    for (const result of results) {
      enqueued += result.Successful?.length ?? 0;
      failed += result.Failed?.length ?? 0;
    }
  }
  return { due: due.length, enqueued, failed };
}

export function createOutboxSweeper(deps: OutboxSweeperDeps, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))) {
  return async function sweep(event: unknown): Promise<SweepResult> {
    if (isSweepRequest(event)) await sleep(INDEX_SETTLE_MS);
    const result = await sweepOutbox(deps);
    if (result.failed > 0) {
      log.warn('some due messages not enqueued; the next run tries again', { ...result });
    } else if (result.due > 0) {
      log.info('outbox swept', { ...result });
    }
    return result;
  };
}

let sweep: ReturnType<typeof createOutboxSweeper> | undefined;

/** Settings read and clients made once, at the first invocation of a cold start. */
function fromEnvironment() {
  const env = parseLambdaEnv(
    {
      ...tableSettings,
      OUTBOX_QUEUE_URL: z.url({ error: 'OUTBOX_QUEUE_URL is required: the URL of the send queue' }),
      MAIL_RATE_PER_SECOND: z.coerce.number().positive().default(14),
    },
    process.env,
  );
  const db = createDocumentClient({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT });
  return createOutboxSweeper({
    outbox: createOutboxRepository(db, env.TABLE_NAME),
    sqs: new SQSClient({ region: env.AWS_REGION }),
    queueUrl: env.OUTBOX_QUEUE_URL,
    limit: sweepLimit(env.MAIL_RATE_PER_SECOND),
    now: () => new Date(),
  });
}

export async function handler(event: unknown, context?: { awsRequestId?: string }): Promise<SweepResult> {
  sweep ??= fromEnvironment();
  return withRequestId(context?.awsRequestId, () => sweep!(event));
}
