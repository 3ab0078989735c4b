import {
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
  TransactionConflictException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';

/**
 * DynamoDB Local runs one transaction at a time and never throttles, so a suite against it never
 * meets what the service does under a rush. This test mode makes the local client behave like the
 * service: while a transaction is in flight, every item it names is held; another transaction
 * naming a held item is cancelled with `TransactionConflict`, a plain write on it fails with
 * TransactionConflictException; and `throttleShare` of all calls are refused as throttled (the
 * SDK's own retries see those, as they see the service's). Enabled by DYNAMODB_CONTENTION=1
 * (shared/config.ts) for the rush benchmark and the suite's concurrency tests; never in the cloud.
 */
export type ContentionMode = { throttleShare: number };

type Key = Record<string, unknown>;
type WireInput = Record<string, any>;

const scalar = (value: unknown): string => {
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    return String(v.S ?? v.N ?? v.B ?? JSON.stringify(v));
  }
  return String(value);
};
const keyOf = (table: string, key: Key | undefined) => (key ? `${table}|${scalar(key.pk)}|${scalar(key.sk)}` : undefined);

function transactionKeys(input: WireInput): (string | undefined)[] {
  return (input.TransactItems ?? []).map((item: WireInput) => {
    const op = item.Put ?? item.Update ?? item.Delete ?? item.ConditionCheck;
    return keyOf(op.TableName, op.Key ?? op.Item);
  });
}

export function applyContentionMode(client: DynamoDBClient, mode: ContentionMode): void {
  /** Items held by in-flight transactions, and items under in-flight plain writes. */
  const heldByTransactions = new Map<string, number>();
  const underPlainWrite = new Map<string, number>();
  const take = (map: Map<string, number>, keys: string[]) => {
    for (const k of keys) map.set(k, (map.get(k) ?? 0) + 1);
  };
  const release = (map: Map<string, number>, keys: string[]) =>
    keys.forEach((k) => {
      const n = (map.get(k) ?? 1) - 1;
      if (n <= 0) map.delete(k);
      else map.set(k, n);
    });

  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = (context as { commandName?: string }).commandName ?? '';
      const input = args.input as WireInput;
      if (mode.throttleShare > 0 && Math.random() < mode.throttleShare) {
        throw new ProvisionedThroughputExceededException({
          message: 'Throttled by the contention test mode',
          $metadata: { httpStatusCode: 400 },
        });
      }
      if (command === 'TransactWriteItemsCommand') {
        const keys = transactionKeys(input);
        const held = keys.map((k) => k !== undefined && (heldByTransactions.has(k) || underPlainWrite.has(k)));
        if (held.some(Boolean)) {
          throw new TransactionCanceledException({
            message: 'Transaction cancelled: another transaction holds an item (contention test mode)',
            $metadata: { httpStatusCode: 400 },
            CancellationReasons: held.map((h) => (h ? { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' } : { Code: 'None' })),
          });
        }
        const mine = keys.filter((k): k is string => k !== undefined);
        take(heldByTransactions, mine);
        try {
          return await next(args);
        } finally {
          release(heldByTransactions, mine);
        }
      }
      if (command === 'PutItemCommand' || command === 'UpdateItemCommand' || command === 'DeleteItemCommand') {
        const key = keyOf(input.TableName, input.Key ?? input.Item);
        if (key && heldByTransactions.has(key)) {
          throw new TransactionConflictException({
            message: 'Transaction is ongoing for the item (contention test mode)',
            $metadata: { httpStatusCode: 400 },
          });
        }
        const mine = key ? [key] : [];
        take(underPlainWrite, mine);
        try {
          return await next(args);
        } finally {
          release(underPlainWrite, mine);
        }
      }
      return next(args);
    },
    // Inside the SDK's retry loop (finalizeRequest, after the retry middleware), where the
    // service's own answers arrive: a throttle injected here is retried like a real one.
    { step: 'finalizeRequest', priority: 'low', name: 'contentionTestMode' },
  );
}
