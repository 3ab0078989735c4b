import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys.js';

/** True when the table answers a read; /api/health reports it. */
export function createDatabaseProbe(db: DynamoDBDocumentClient, tableName: string) {
  return async (): Promise<boolean> => {
    try {
      await db.send(new GetCommand({ TableName: tableName, Key: keys.health }));
      return true;
    } catch {
      return false;
    }
  };
}
