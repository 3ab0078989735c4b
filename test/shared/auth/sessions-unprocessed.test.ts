import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createSessionsRepository } from '../../../shared/auth/sessions-repository.js';
import { createDocumentClient } from '../../../shared/aws/dynamodb-client.js';
import { createTestTable } from '../../support/test-context.js';

/**
 * DynamoDB may process only part of a BatchWriteItem (throttling) and answer the rest as
 * `UnprocessedItems`. The local engine never does: this client does it as the service would, for
 * its first `times` batch writes, processing `keep` requests of each and handing back the rest.
 */
function processOnlyPart(db: ReturnType<typeof createDocumentClient>, keep: number, times: number) {
  const calls: number[] = [];
  const send = db.send.bind(db) as (command: unknown) => Promise<unknown>;
  (db as { send: unknown }).send = async (command: unknown) => {
    if (!(command instanceof BatchWriteCommand)) return send(command);
    const [table, requests] = Object.entries(command.input.RequestItems ?? {})[0]!;
    calls.push(requests.length);
    if (calls.length > times) return send(command);
    const result = (await send(new BatchWriteCommand({ RequestItems: { [table]: requests.slice(0, keep) } }))) as Record<string, unknown>;
    return { ...result, UnprocessedItems: { [table]: requests.slice(keep) } };
  };
  return calls;
}

describe('revoking every session of a user on a throttled table', () => {
  it('sends the unprocessed deletes again until none is left: no session survives', async () => {
    const { tableName, endpoint } = await createTestTable();
    const db = createDocumentClient({ region: 'local', endpoint });
    const sessions = createSessionsRepository(db, tableName);
    const userId = 'user-1';
    const hashes = Array.from({ length: 30 }, (_, i) => `hash-${String(i).padStart(2, '0')}`);
    const now = Math.floor(Date.now() / 1000);
    for (const [i, hash] of hashes.entries()) {
      await sessions.insertSession(hash, { userId, createdAt: new Date(Date.now() + i).toISOString(), expiresAt: now + 3600 });
    }
    const calls = processOnlyPart(db, 5, 4);

    expect(await sessions.deleteAllOfUser(userId, 'hash-00')).toBe(29);

    // 25 sent, 20 handed back, then 15, 10, 5, and the last 5 processed; then the other 4.
    expect(calls).toEqual([25, 20, 15, 10, 5, 4]);
    const left = [];
    for (const hash of hashes) if (await sessions.findByTokenHash(hash, now)) left.push(hash);
    expect(left).toEqual(['hash-00']);
  }, 60_000);
});
