import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

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
