import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDocumentClient } from '../../../shared/aws/dynamodb-client.js';
import { ConfigError } from '../../../shared/config.js';
import { createOutboxRepository } from '../../../shared/email/outbox-repository.js';
import { createOutboxSweeper, handler, sweepLimit, sweepOutbox } from '../../../functions/mail/outbox-sweeper.js';
import { SWEEP_REQUEST } from '../../../functions/mail/wake-sweeper.js';
import { createTestTable } from '../../support/test-context.js';

/** The sweeper against DynamoDB Local (listDue is a real query on the listings index), SQS mocked. */

const QUEUE_URL = 'https://sqs.ap-southeast-1.amazonaws.com/123456789012/outbox';
const sqsMock = mockClient(SQSClient);

const acceptAll = (input: { Entries: { Id: string }[] }) => ({
  Successful: input.Entries.map((e) => ({ Id: e.Id, MessageId: `sqs-${e.Id}`, MD5OfMessageBody: '' })),
  Failed: [],
});

beforeEach(() => {
  sqsMock.reset();
  sqsMock.on(SendMessageBatchCommand).callsFake(acceptAll);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

async function outboxWith(due: number, later: number) {
  const { tableName, endpoint } = await createTestTable();
  const outbox = createOutboxRepository(createDocumentClient({ region: 'local', endpoint }), tableName);
  const now = Date.now();
  const queue = (n: number, at: number, label: string) =>
    outbox.queueNotice({ messageId: `inv-${label}${n}.confirmed.1`, kind: 'confirmed', eventId: 'ev-1', invitationId: `inv-${label}${n}`, at: new Date(at).toISOString() });
  // Due ones a little in the past, oldest first; the others waiting for a retry's backoff.
  for (let i = 0; i < due; i += 1) await queue(i, now - 60_000 + i * 100, 'due');
  for (let i = 0; i < later; i += 1) await queue(i, now + 120_000, 'later');
  return outbox;
}

const sentBatches = () => sqsMock.commandCalls(SendMessageBatchCommand).map((call) => call.args[0].input);
const sentIds = () =>
  sentBatches().flatMap((input) => (input.Entries ?? []).map((e) => (JSON.parse(e.MessageBody!) as { messageId: string }).messageId));

describe('the outbox sweeper', () => {
  it('puts the ids of due messages on the queue, ten per batch, and leaves the others', async () => {
    const outbox = await outboxWith(23, 4);
    const sweep = createOutboxSweeper({ outbox, sqs: new SQSClient({ region: 'local' }), queueUrl: QUEUE_URL, limit: 100, now: () => new Date() });
    expect(await sweep({ source: 'aws.events', 'detail-type': 'Scheduled Event' })).toEqual({ due: 23, enqueued: 23, failed: 0 });

    const batches = sentBatches();
    expect(batches.map((b) => b.Entries!.length)).toEqual([10, 10, 3]);
    for (const batch of batches) {
      expect(batch.QueueUrl).toBe(QUEUE_URL);
      // Entry ids are unique within a batch, as SQS requires.
      expect(new Set(batch.Entries!.map((e) => e.Id)).size).toBe(batch.Entries!.length);
    }
    // Oldest first, each once, none of those not yet due.
    expect(sentIds()).toEqual(Array.from({ length: 23 }, (_, i) => `inv-due${i}.confirmed.1`));
  });

  it('enqueues at most its limit per run, and again on the next run what is still due', async () => {
    const outbox = await outboxWith(25, 0);
    const deps = { outbox, sqs: new SQSClient({ region: 'local' }), queueUrl: QUEUE_URL, limit: 20, now: () => new Date() };
    expect(await sweepOutbox(deps)).toEqual({ due: 20, enqueued: 20, failed: 0 });
    // Nothing was sent meanwhile: the next run enqueues the same ones again, which is harmless.
    expect(await sweepOutbox(deps)).toEqual({ due: 20, enqueued: 20, failed: 0 });
    expect(new Set(sentIds()).size).toBe(20);
  });

  it('counts entries SQS refused, for the next run to enqueue again, and fails the run when SQS does', async () => {
    const outbox = await outboxWith(12, 0);
    const deps = { outbox, sqs: new SQSClient({ region: 'local' }), queueUrl: QUEUE_URL, limit: 100, now: () => new Date() };
    sqsMock.on(SendMessageBatchCommand).resolvesOnce({
      Successful: Array.from({ length: 9 }, (_, i) => ({ Id: String(i), MessageId: `m${i}`, MD5OfMessageBody: '' })),
      Failed: [{ Id: '9', SenderFault: false, Code: 'InternalError' }],
    }).callsFake(acceptAll);
    expect(await createOutboxSweeper(deps)({})).toEqual({ due: 12, enqueued: 11, failed: 1 });
    expect(console.warn).toHaveBeenCalledTimes(1);

    sqsMock.on(SendMessageBatchCommand).rejects(Object.assign(new Error('Access denied'), { name: 'AccessDenied' }));
    await expect(sweepOutbox(deps)).rejects.toThrow('Access denied');
  });

  it("waits a moment when the API wakes it, for the index to show what was just queued", async () => {
    const outbox = await outboxWith(1, 0);
    const waits: number[] = [];
    const sweep = createOutboxSweeper(
      { outbox, sqs: new SQSClient({ region: 'local' }), queueUrl: QUEUE_URL, limit: 100, now: () => new Date() },
      async (ms) => void waits.push(ms),
    );
    await sweep({ source: 'aws.events' });
    expect(waits).toEqual([]);
    await sweep(SWEEP_REQUEST);
    expect(waits).toEqual([1000]);
    expect(sentIds()).toHaveLength(2);
  });

  it('takes about a minute of sending per run', () => {
    expect(sweepLimit(14)).toBe(840);
    expect(sweepLimit(1)).toBe(100);
    expect(sweepLimit(500)).toBe(3000);
  });

  it('refuses to start without its queue, saying which setting is missing', async () => {
    vi.stubEnv('TABLE_NAME', 'huu-nghi-events-test');
    vi.stubEnv('OUTBOX_QUEUE_URL', '');
    try {
      const failure = await handler({}).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ConfigError);
      expect((failure as ConfigError).message).toMatch(/OUTBOX_QUEUE_URL: OUTBOX_QUEUE_URL is required/);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(sqsMock.commandCalls(SendMessageBatchCommand)).toHaveLength(0);
  });
});
