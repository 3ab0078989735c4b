import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '../db/keys.js';

/**
 * The SEQUENCE of each calendar entry we mail (RFC 5545 §3.8.7.4): every file for a UID must carry
 * a higher one than any sent before, or a calendar keeps the old time or shows two entries. One
 * counter per UID, raised by an atomic ADD before each file is built, so two senders at once never
 * write the same number; a file that failed to go only leaves a gap.
 *
 *   CALSEQ#<uid>  CALSEQ  { sequence }
 */
const sequenceKey = keys.calendarSequence;

export function createCalendarSequences(db: DynamoDBDocumentClient, tableName: string) {
  return {
    /** The next SEQUENCE for this UID: 0 for its first file, then 1, 2, ... */
    async next(uid: string): Promise<number> {
      const result = await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: sequenceKey(uid),
          UpdateExpression: 'ADD #sequence :one',
          ExpressionAttributeNames: { '#sequence': 'sequence' },
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(result.Attributes?.sequence ?? 1) - 1;
    },
  };
}

export type CalendarSequences = ReturnType<typeof createCalendarSequences>;
