import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { tableDesign } from './table-design.js';

type WholeQuery = Omit<QueryCommandInput, 'ExclusiveStartKey'>;
/** What a query helper's caller may add to the key condition it writes. */
type QueryMore = Omit<QueryCommandInput, 'TableName' | 'KeyConditionExpression' | 'ExclusiveStartKey'>;

/** A Query's pages, one after the other, until its last. */
export async function* queryPages(db: DynamoDBDocumentClient, input: WholeQuery): AsyncGenerator<QueryCommandOutput> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    yield page;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

/** How many items a Query matches (Select COUNT, page after page: nothing is read back). */
export async function countAll(db: DynamoDBDocumentClient, input: Omit<WholeQuery, 'Select'>): Promise<number> {
  let count = 0;
  for await (const page of queryPages(db, { ...input, Select: 'COUNT' })) count += page.Count ?? 0;
  return count;
}

/**
 * Every item a Query matches, page after page: for the reads that need a whole, bounded set (an
 * event's waiting list, its invitations for a count). A Query on a known partition, never a Scan.
 */
export async function queryAll(db: DynamoDBDocumentClient, input: WholeQuery): Promise<Record<string, any>[]> {
  const items: Record<string, any>[] = [];
  for await (const page of queryPages(db, input)) items.push(...(page.Items ?? []));
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
  more: QueryMore = {},
): Promise<Record<string, any>[]> {
  return queryAll(db, {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ...more,
    ExpressionAttributeValues: { ...more.ExpressionAttributeValues, ':pk': pk, ':prefix': prefix },
  });
}


/**
 * Every item of one partition whose sort key lies from `from` to `to` (both included): an event's
 * small items that sort together (its counts and tally, its door tally and tally).
 */
export function queryBetween(db: DynamoDBDocumentClient, tableName: string, pk: string, from: string, to: string, more: QueryMore = {}): Promise<Record<string, any>[]> {
  return queryAll(db, {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ...more,
    ExpressionAttributeValues: { ...more.ExpressionAttributeValues, ':pk': pk, ':from': from, ':to': to },
  });
}

/**
 * Every item of one list of the listings index (its `listPk`), in `listSk` order: the units, an
 * event's notices, the partners' directory. `more` adds a filter, the order, or names and values.
 */
export function queryListing(db: DynamoDBDocumentClient, tableName: string, listPk: string, more: Omit<QueryMore, 'IndexName'> = {}): Promise<Record<string, any>[]> {
  return queryAll(db, {
    TableName: tableName,
    IndexName: tableDesign.listingIndex.name,
    KeyConditionExpression: 'listPk = :listPk',
    ...more,
    ExpressionAttributeValues: { ...more.ExpressionAttributeValues, ':listPk': listPk },
  });
}

/** One page of a list of the listings index: at most `limit` items after `startKey`, and the key the next page starts after. */
export async function queryListingPage(
  db: DynamoDBDocumentClient,
  tableName: string,
  listPk: string,
  limit: number,
  startKey?: Record<string, unknown>,
): Promise<{ items: Record<string, any>[]; lastKey?: Record<string, unknown> }> {
  const result = await db.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: tableDesign.listingIndex.name,
      KeyConditionExpression: 'listPk = :listPk',
      ExpressionAttributeValues: { ':listPk': listPk },
      Limit: limit,
      ExclusiveStartKey: startKey,
    }),
  );
  return { items: result.Items ?? [], lastKey: result.LastEvaluatedKey };
}
