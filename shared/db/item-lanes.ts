/**
 * Writes of one process to one hot item (an event's tally, its door count) take turns here, in
 * the order they came. On the service, two transactions on one item at once cancel each other
 * (TransactionConflict); letting this process's own writes queue instead of collide leaves
 * conflicts only between processes (several Lambdas), which the client retries
 * (shared/aws/dynamodb-client.ts). A lane holds no lock in the table: if the process dies,
 * nothing is left held.
 */
const tails = new Map<string, Promise<unknown>>();

export function inItemLane<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = tails.get(key) ?? Promise.resolve();
  const run = before.then(work, work);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}

export const tallyLaneKey = (tableName: string, eventId: string) => `${tableName}|${eventId}|tally`;
export const doorLaneKey = (tableName: string, eventId: string) => `${tableName}|${eventId}|door`;
