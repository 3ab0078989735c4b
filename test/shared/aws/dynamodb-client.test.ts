import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../../shared/aws/dynamodb-client.js';
import { createTestTable } from '../../support/test-context.js';

describe('the document client on a throttling table', () => {
  it('a third of calls throttled: every write and read of a request still lands, none turns into an error', async () => {
    const { tableName, endpoint } = await createTestTable();
    const db = createDocumentClient({ region: 'local', endpoint, contention: { throttleShare: 0.34 } });
    const keys = Array.from({ length: 40 }, (_, i) => ({ pk: `THROTTLE#${i}`, sk: 'ITEM' }));
    const writes = await Promise.allSettled(keys.map((key, i) => db.send(new PutCommand({ TableName: tableName, Item: { ...key, n: i } }))));
    expect(writes.filter((w) => w.status === 'rejected')).toEqual([]);
    const reads = await Promise.all(keys.map((key) => db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))));
    expect(reads.map((r) => r.Item?.n)).toEqual(keys.map((_, i) => i));
  }, 120_000);

  it('a table that throttles every call still gets an answer: the throttling error, not a hang', async () => {
    const { tableName, endpoint } = await createTestTable();
    const db = createDocumentClient({ region: 'local', endpoint, contention: { throttleShare: 1 } });
    await expect(db.send(new GetCommand({ TableName: tableName, Key: { pk: 'X', sk: 'Y' } }))).rejects.toMatchObject({
      name: 'ProvisionedThroughputExceededException',
    });
  }, 60_000);
});
