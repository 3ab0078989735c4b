import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DYNAMODB_LOCAL_TIMEOUTS, DYNAMODB_MAX_ATTEMPTS, DYNAMODB_TIMEOUTS } from './timeouts.js';
import { isWriteConflict, jitteredBackoff } from '../db/write-conflicts.js';
import { applyContentionMode, type ContentionMode } from './contention-mode.js';

export type DynamoDbSettings = {
  region: string;
  endpoint?: string;
  /** The local engine made to conflict and throttle like the service (tests, benchmarks). */
  contention?: ContentionMode;
};

/**
 * DynamoDB Local is one JVM on the same, often busy, machine: with hundreds of calls in it at
 * once (a rush of answers), each takes so long that some pass their timeout, though none is
 * lost. Calls beyond this many wait their turn in this process, before the SDK starts a call's
 * clock, so every one is answered. The service needs no such bound.
 */
export const LOCAL_CALLS_AT_ONCE = 32;

/** Tries of a write that meets another transaction's item; about 4 s in all, then 503. */
export const CONFLICT_ATTEMPTS = 12;
/**
 * Rounds of the SDK's own throttling retries (DYNAMODB_MAX_ATTEMPTS each): a call throttled
 * every time in one round is tried again after a pause rather than failing a person's request.
 */
export const THROTTLED_ROUNDS = 3;

const isThrottled = (error: unknown) =>
  ['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded'].includes((error as { name?: string } | null)?.name ?? '');

/** One document client per process; created at start-up, never per request; every call bounded (timeouts.ts). */
export function createDocumentClient(settings: DynamoDbSettings): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: settings.region,
    ...(settings.endpoint
      ? { endpoint: settings.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: DYNAMODB_MAX_ATTEMPTS,
    // A rush reads and writes far more than the SDK's default 50 sockets at once; queued behind
    // reads, the answer batches would wait their turn for a socket rather than for the table.
    requestHandler: {
      ...(settings.endpoint ? DYNAMODB_LOCAL_TIMEOUTS : DYNAMODB_TIMEOUTS),
      httpAgent: { keepAlive: true, maxSockets: 256 },
      httpsAgent: { keepAlive: true, maxSockets: 256 },
    },
  });
  // A write that met another transaction wrote nothing: sending it again is safe. Outermost, so
  // each try goes through the SDK's own retries (throttling) once more.
  client.middlewareStack.add(
    (next) => async (args) => {
      let throttledRounds = 0;
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await next(args);
        } catch (error) {
          if (isThrottled(error)) {
            throttledRounds += 1;
            if (throttledRounds >= THROTTLED_ROUNDS) throw error;
            await jitteredBackoff(throttledRounds + 3, 10, 600);
            continue;
          }
          if (attempt >= CONFLICT_ATTEMPTS || !isWriteConflict(error)) throw error;
          await jitteredBackoff(attempt, 10, 600);
        }
      }
    },
    { step: 'initialize', priority: 'high', name: 'writeConflictRetry' },
  );
  if (settings.endpoint) {
    const slots = createSlots(LOCAL_CALLS_AT_ONCE);
    client.middlewareStack.add(
      (next, context) => (args) => slots.run(() => next(args), WRITES.has((context as { commandName?: string }).commandName ?? '')),
      { step: 'build', name: 'localEngineCallsAtOnce' },
    );
  }
  if (settings.contention) applyContentionMode(client, settings.contention);
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/**
 * Writes finish work a request has begun (an answer's transaction, after its reads); reads mostly
 * begin new work. Waiting for a turn, writes go first: in a rush, a batch of answers written
 * behind hundreds of newcomers' reads would hold every one of those answers back.
 */
const WRITES = new Set(['TransactWriteItemsCommand', 'PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand']);

/** At most `size` tasks at once; the rest wait in order, the urgent ones first. */
function createSlots(size: number) {
  let running = 0;
  const urgent: (() => void)[] = [];
  const waiting: (() => void)[] = [];
  return {
    async run<T>(task: () => Promise<T>, first = false): Promise<T> {
      if (running >= size) await new Promise<void>((resolve) => (first ? urgent : waiting).push(resolve));
      else running += 1;
      try {
        return await task();
      } finally {
        const next = urgent.shift() ?? waiting.shift();
        if (next) next();
        else running -= 1;
      }
    },
  };
}
