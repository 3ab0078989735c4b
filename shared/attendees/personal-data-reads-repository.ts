import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';

/**
 * Who read passport data, and when (Decree 13/2023 on personal data protection): one item per
 * read, kept with the event.
 *
 *   EVENT#<eventId>  PIIREAD#<at>#<random>   userId, what, count
 */
export type PersonalDataRead = { eventId: string; userId: string; at: string; what: string; count?: number };

export function createPersonalDataLog(db: DynamoDBDocumentClient, tableName: string) {
  return {
    async recordRead(read: PersonalDataRead): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: `EVENT#${read.eventId}`, sk: `PIIREAD#${read.at}#${randomBytes(4).toString('hex')}`, type: 'personalDataRead', ...read },
        }),
      );
    },
    async listReads(eventId: string): Promise<PersonalDataRead[]> {
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': `EVENT#${eventId}`, ':prefix': 'PIIREAD#' },
        }),
      );
      return (result.Items ?? []).map(({ eventId: e, userId, at, what, count }) => ({ eventId: e, userId, at, what, count }) as PersonalDataRead);
    },
  };
}

export type PersonalDataLog = ReturnType<typeof createPersonalDataLog>;
