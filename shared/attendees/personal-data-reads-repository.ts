import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import { queryPrefix } from '../db/query-all.js';
import { eventPartition, eventSk } from '../db/keys.js';

/**
 * Who read passport data, and when (Decree 13/2023 on personal data protection): one item per
 * read, kept with the event.
 *
 *   EVENT#<eventId>  PIIREAD#<at>#<random>   userId, what, count
 */
export type PersonalDataRead = {
  eventId: string;
  /** The reader; 'system' for the purge. */
  userId: string;
  at: string;
  what: string;
  count?: number;
  /** A read (the default) or the purge of the data after the trip. */
  kind?: 'read' | 'purge';
};

export function createPersonalDataLog(db: DynamoDBDocumentClient, tableName: string) {
  return {
    async recordRead(read: PersonalDataRead): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: eventPartition(read.eventId), sk: `${eventSk.personalDataReadPrefix}${read.at}#${randomBytes(4).toString('hex')}`, type: 'personalDataRead', ...read },
        }),
      );
    },
    /** Every entry of an event's log, oldest first, read page by page. */
    async listReads(eventId: string): Promise<PersonalDataRead[]> {
      const items = await queryPrefix(db, tableName, eventPartition(eventId), eventSk.personalDataReadPrefix);
      return items.map(({ eventId: e, userId, at, what, count, kind }) => ({ eventId: e, userId, at, what, count, kind: kind ?? 'read' }) as PersonalDataRead);
    },
  };
}

export type PersonalDataLog = ReturnType<typeof createPersonalDataLog>;
