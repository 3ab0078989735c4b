import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '../db/keys.js';

/**
 * Fixed-window counters, one item per key and window, removed by TTL. Every change is one atomic
 * ADD that answers the new count, so concurrent requests from many Lambdas each see their own
 * place in the window: there is no read-then-add for a burst to slip through.
 */
export function createRateLimitRepository(db: DynamoDBDocumentClient, tableName: string) {
  const key = (bucket: string, windowStart: number) => ({
    pk: keys.rateLimitPartition(bucket),
    sk: `WINDOW#${windowStart}`,
  });

  async function addToWindow(bucket: string, windowStart: number, windowSeconds: number, amount: number): Promise<number> {
    const result = await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key(bucket, windowStart),
        UpdateExpression: 'ADD #c :amount SET expiresAt = :expires',
        ExpressionAttributeNames: { '#c': 'count' },
        ExpressionAttributeValues: { ':amount': amount, ':expires': windowStart + windowSeconds * 2 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return result.Attributes?.count as number;
  }

  return {
    /** Adds one to the window's count and answers the count after it. */
    incrementWindow: (bucket: string, windowStart: number, windowSeconds: number) => addToWindow(bucket, windowStart, windowSeconds, 1),
    /** Gives one back (an attempt that turned out not to count). */
    decrementWindow: (bucket: string, windowStart: number, windowSeconds: number) => addToWindow(bucket, windowStart, windowSeconds, -1),
  };
}

export type RateLimitRepository = ReturnType<typeof createRateLimitRepository>;
