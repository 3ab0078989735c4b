import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { resultIfHolds } from '../db/conditions.js';
import { keys } from '../db/keys.js';

const tokenKey = keys.passwordToken;

/** One-time set-password links: stored as a hash, taken (deleted) on use, expired by TTL. */
export function createPasswordTokensRepository(db: DynamoDBDocumentClient, tableName: string) {
  return {
    async insertToken(tokenHash: string, userId: string, expiresAt: number): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...tokenKey(tokenHash), userId, expiresAt },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    /** Deletes the token and answers its user, or undefined when unknown, used or expired. */
    async takeToken(tokenHash: string, nowEpochSeconds: number): Promise<string | undefined> {
      const result = await resultIfHolds(db.send(
        new DeleteCommand({
          TableName: tableName,
          Key: tokenKey(tokenHash),
          ConditionExpression: 'attribute_exists(pk) AND expiresAt > :now',
          ExpressionAttributeValues: { ':now': nowEpochSeconds },
          ReturnValues: 'ALL_OLD',
        }),
      ));
      return result?.Attributes?.userId as string | undefined;
    },
  };
}

export type PasswordTokensRepository = ReturnType<typeof createPasswordTokensRepository>;
