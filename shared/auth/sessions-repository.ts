import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { jitteredBackoff } from '../db/write-conflicts.js';
import { keys } from '../db/keys.js';
import { queryPages } from '../db/query-all.js';

/** `generation`: the user's session generation when it was made (users-repository.ts); absent is 0. */
export type Session = { userId: string; createdAt: string; expiresAt: number; generation?: number };

const sessionKey = keys.session;
const sessionsOfUser = (userId: string) => `USER#${userId}#SESSIONS`;

/** Sessions live on the server: the cookie holds a secret, the table only its hash. */
export function createSessionsRepository(db: DynamoDBDocumentClient, tableName: string) {
  return {
    async insertSession(tokenHash: string, session: Session): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...sessionKey(tokenHash),
            ...session,
            listPk: sessionsOfUser(session.userId),
            listSk: `${session.createdAt}#${tokenHash}`,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    /** Expired sessions are refused here too: TTL deletion can lag by hours. */
    async findByTokenHash(tokenHash: string, nowEpochSeconds: number): Promise<Session | undefined> {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: sessionKey(tokenHash) }));
      const item = result.Item;
      if (!item || (item.expiresAt as number) <= nowEpochSeconds) return undefined;
      return { userId: item.userId, createdAt: item.createdAt, expiresAt: item.expiresAt, generation: Number(item.generation ?? 0) };
    },

    /** The one session that outlives a password change: the one that made it. */
    async moveToGeneration(tokenHash: string, generation: number): Promise<void> {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: sessionKey(tokenHash),
          UpdateExpression: 'SET generation = :generation',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':generation': generation },
        }),
      ).catch((error: unknown) => {
        if ((error as { name?: string })?.name !== 'ConditionalCheckFailedException') throw error;
      });
    },

    async deleteByTokenHash(tokenHash: string): Promise<void> {
      await db.send(new DeleteCommand({ TableName: tableName, Key: sessionKey(tokenHash) }));
    },

    /**
     * Removes every session of a user (disabled, or password changed elsewhere). Housekeeping:
     * the index may not list a session made a moment ago, but the session generation already
     * refuses it (resolve-session.ts).
     */
    async deleteAllOfUser(userId: string, exceptTokenHash?: string): Promise<number> {
      let deleted = 0;
      const pages = queryPages(db, {
        TableName: tableName,
        IndexName: 'listings',
        KeyConditionExpression: 'listPk = :owner',
        ExpressionAttributeValues: { ':owner': sessionsOfUser(userId) },
        ProjectionExpression: 'pk, sk',
      });
      for await (const page of pages) {
        const found = (page.Items ?? []).filter((item) => exceptTokenHash === undefined || item.pk !== keys.session(exceptTokenHash).pk);
        for (let i = 0; i < found.length; i += 25) {
          let requests: Record<string, unknown>[] = found
            .slice(i, i + 25)
            .map((key) => ({ DeleteRequest: { Key: { pk: key.pk, sk: key.sk } } }));
          for (let attempt = 1; requests.length > 0; attempt += 1) {
            const result = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests as never } }));
            requests = (result.UnprocessedItems?.[tableName] ?? []) as Record<string, unknown>[];
            // Unprocessed items mean throttling: wait, longer each time, before the rest.
            if (requests.length > 0) await jitteredBackoff(attempt, 50, 2000);
          }
        }
        deleted += found.length;
      }
      return deleted;
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
