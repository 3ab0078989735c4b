import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutCommand, TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

/** True when a write failed because its condition did not hold (the rule did its job). */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException || (error as { name?: string })?.name === 'ConditionalCheckFailedException';
}

/**
 * For a cancelled transaction: each item's reason code, in the order the items were given
 * (undefined for anything but a cancelled transaction).
 */
export function cancellationCodes(error: unknown): (string | undefined)[] | undefined {
  if (!(error instanceof TransactionCanceledException) && (error as { name?: string })?.name !== 'TransactionCanceledException') {
    return undefined;
  }
  return ((error as TransactionCanceledException).CancellationReasons ?? []).map((reason) => reason.Code);
}

/**
 * For a cancelled transaction: the index of each item whose condition failed. DynamoDB reports
 * one reason per item, in the order the items were given.
 */
export function failedConditionIndexes(error: unknown): number[] | undefined {
  return cancellationCodes(error)?.flatMap((code, index) => (code === 'ConditionalCheckFailed' ? [index] : []));
}

/** A conditional write: true when it landed, false when its condition did not hold. */
export async function writeIfHolds(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Writes an item only if none has its key yet: true when it was written, false when one was there. */
export function putIfAbsent(db: DynamoDBDocumentClient, tableName: string, item: Record<string, unknown>): Promise<boolean> {
  return writeIfHolds(db.send(new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' })));
}

/** A conditional write whose answer is wanted (ReturnValues): that answer, or undefined when its condition did not hold. */
export async function resultIfHolds<T>(write: Promise<T>): Promise<T | undefined> {
  try {
    return await write;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/**
 * An Update's `SET #a = :a, …` for the attributes given (and `REMOVE #b, …` for those named),
 * with their names and values: a partial change written as it comes.
 */
export function setAttributes(values: Record<string, unknown>, removed: readonly string[] = []) {
  const entries = Object.entries(values);
  return {
    UpdateExpression: `SET ${entries.map(([k]) => `#${k} = :${k}`).join(', ')}${removed.length ? ` REMOVE ${removed.map((k) => `#${k}`).join(', ')}` : ''}`,
    ExpressionAttributeNames: Object.fromEntries([...entries.map(([k]) => k), ...removed].map((k) => [`#${k}`, k])),
    ExpressionAttributeValues: Object.fromEntries(entries.map(([k, v]) => [`:${k}`, v])),
  };
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type OnTheTable<T> = Omit<T, 'TableName'> & { TableName?: string };
/** A transaction's item written without its table: `transactionOn` names the one table they all use. */
export type TableTransactItem = { [K in keyof TransactItem]?: OnTheTable<NonNullable<TransactItem[K]>> };

/** A TransactWriteCommand whose every Put, Update, Delete and ConditionCheck is on `tableName`. */
export function transactionOn(
  tableName: string,
  items: TableTransactItem[],
  options: Omit<TransactWriteCommandInput, 'TransactItems'> = {},
): TransactWriteCommand {
  const onTable = (item: TableTransactItem) =>
    Object.fromEntries(Object.entries(item).map(([kind, action]) => [kind, action ? { TableName: tableName, ...action } : action])) as TransactItem;
  return new TransactWriteCommand({ ...options, TransactItems: items.map(onTable) });
}
