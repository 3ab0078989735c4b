import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/**
 * Every item a Query matches, page after page: for the reads that need a whole, bounded set (an
 * event's waiting list, its invitations for a count). A Query on a known partition, never a Scan.
 */
export async function queryAll(db: DynamoDBDocumentClient, input: Omit<QueryCommandInput, 'ExclusiveStartKey'>): Promise<Record<string, any>[]> {
  const items: Record<string, any>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/**
 * Every item of one partition whose sort key begins with `prefix` (an event's invitations, its
 * waiting list, its letters …); `more` adds a filter, a projection, their names and values, or a
 * consistent read.
 */
export function queryPrefix(
  db: DynamoDBDocumentClient,
  tableName: string,
  pk: string,
  prefix: string,
  more: Omit<QueryCommandInput, 'TableName' | 'KeyConditionExpression' | 'ExclusiveStartKey'> = {},
): Promise<Record<string, any>[]> {
  return queryAll(db, {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ...more,
    ExpressionAttributeValues: { ...more.ExpressionAttributeValues, ':pk': pk, ':prefix': prefix },
  });
}
