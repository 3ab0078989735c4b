import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** True when the table answers a read; /api/health reports it. */
export function createDatabaseProbe(db: DynamoDBDocumentClient, tableName: string) {
  return async (): Promise<boolean> => {
    try {
      await db.send(new GetCommand({ TableName: tableName, Key: { pk: 'SYSTEM', sk: 'HEALTH' } }));
      return true;
    } catch {
      return false;
    }
  };
}
