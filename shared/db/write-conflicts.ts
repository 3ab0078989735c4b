/**
 * What DynamoDB answers when another transaction holds an item: a plain write fails with
 * TransactionConflictException, a transaction is cancelled with `TransactionConflict` among its
 * reasons. Neither wrote anything, so the same request may simply be sent again. The SDK retries
 * neither by itself; the document client does (shared/aws/dynamodb-client.ts), with jittered
 * backoff, and whatever still conflicts after that becomes 503 `service_busy` with Retry-After.
 */
const RETRYABLE_REASONS = new Set(['None', 'TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded', undefined]);

export function isWriteConflict(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TransactionConflictException') return true;
  if (name !== 'TransactionCanceledException') return false;
  const reasons = ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((r) => r.Code);
  // Only conflicts (and the items they cancelled): a failed condition is an answer, not a collision.
  return reasons.some((code) => code === 'TransactionConflict' || code === 'ThrottlingError' || code === 'ProvisionedThroughputExceeded') &&
    reasons.every((code) => RETRYABLE_REASONS.has(code));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Full jitter: a random wait up to a ceiling that doubles with each attempt. */
export const jitteredBackoff = (attempt: number, baseMs = 10, capMs = 400) =>
  sleep(Math.random() * Math.min(capMs, baseMs * 2 ** Math.min(attempt, 10)));
