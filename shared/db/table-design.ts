/**
 * The one DynamoDB table and its index, as data: the local engine's table creation and the CDK
 * stateful stack both read it, so the two cannot drift apart. Why one table: see docs/design.md,
 * "Data model". The keys of every item kind are declared in shared/db/keys.ts (the partners
 * directory's in shared/db/partner-keys.ts).
 */
export const tableDesign = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Every "list the children of X in order" pattern: events by start, users by email, ... */
  listingIndex: { name: 'listings', partitionKey: 'listPk', sortKey: 'listSk' },
  /** Epoch seconds; DynamoDB deletes sessions, one-time tokens and rate-limit windows after it. */
  timeToLiveAttribute: 'expiresAt',
} as const;
