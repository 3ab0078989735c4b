import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Fixed-window counters, one item per key and window, removed by TTL. The count is an atomic ADD,
 * so concurrent requests from many Lambdas are all counted.
 */
export function createRateLimitRepository(db: DynamoDBDocumentClient, tableName: string) {
  const key = (bucket: string, windowStart: number) => ({
    pk: `RATELIMIT#${bucket}`,
    sk: `WINDOW#${windowStart}`,
  });

  return {
    async countInWindow(bucket: string, windowStart: number): Promise<number> {
      const result = await db.send(
        new GetCommand({ TableName: tableName, Key: key(bucket, windowStart), ProjectionExpression: '#c', ExpressionAttributeNames: { '#c': 'count' } }),
      );
      return (result.Item?.count as number | undefined) ?? 0;
    },

    async addToWindow(bucket: string, windowStart: number, windowSeconds: number): Promise<number> {
      const result = await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key(bucket, windowStart),
          UpdateExpression: 'ADD #c :one SET expiresAt = :expires',
          ExpressionAttributeNames: { '#c': 'count' },
          ExpressionAttributeValues: { ':one': 1, ':expires': windowStart + windowSeconds * 2 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return result.Attributes?.count as number;
    },
  };
}

export type RateLimitRepository = ReturnType<typeof createRateLimitRepository>;
