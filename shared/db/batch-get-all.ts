import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { jitteredBackoff } from './write-conflicts.js';

/** DynamoDB's BatchGetItem takes at most this many keys per call. */
const KEYS_PER_BATCH = 100;

/**
 * Every item of these keys that exists, read in pages of 100 keys; the keys DynamoDB leaves
 * unprocessed (throttling, the 16 MB answer limit) are asked again after a jittered backoff until
 * none is left. Answers the items in no particular order: callers index them by key.
 */
export async function batchGetAll(
  db: DynamoDBDocumentClient,
  tableName: string,
  keys: Record<string, unknown>[],
  options: { consistentRead?: boolean; projection?: string; parallel?: number } = {},
): Promise<Record<string, any>[]> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < keys.length; i += KEYS_PER_BATCH) batches.push(keys.slice(i, i + KEYS_PER_BATCH));
  const found: Record<string, any>[] = [];
  const readBatch = async (batch: Record<string, unknown>[]) => {
    let pending = batch;
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      const result = await db.send(
        new BatchGetCommand({
          RequestItems: {
            [tableName]: {
              Keys: pending,
              ...(options.consistentRead ? { ConsistentRead: true } : {}),
              ...(options.projection ? { ProjectionExpression: options.projection } : {}),
            },
          },
        }),
      );
      found.push(...(result.Responses?.[tableName] ?? []));
      pending = (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as Record<string, unknown>[];
      if (pending.length > 0) await jitteredBackoff(attempt, 20, 1000);
    }
  };
  const parallel = Math.max(1, options.parallel ?? 1);
  for (let i = 0; i < batches.length; i += parallel) await Promise.all(batches.slice(i, i + parallel).map(readBatch));
  return found;
}
