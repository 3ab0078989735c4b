import { BatchWriteCommand, GetCommand, QueryCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../../shared/aws/dynamodb-client.js';
import { createSendJobsRepository } from '../../../shared/email/send-jobs-repository.js';
import { runDueSendJobs, runSendJob, startSendJob, type SendJobsDeps } from '../../../shared/email/send-jobs.js';
import { createTestTable } from '../../support/test-context.js';

/**
 * Send jobs against DynamoDB Local: the request answers after a first part, the background
 * finishes, and nothing is queued twice, whoever runs the job and however often.
 */
async function setUp(invitees: number, emailStatus = 'not_sent') {
  const { tableName, endpoint } = await createTestTable();
  const db = createDocumentClient({ region: 'local', endpoint });
  const eventId = `ev-${Math.random().toString(36).slice(2)}`;
  const at = new Date().toISOString();
  const items = Array.from({ length: invitees }, (_, i) => ({
    pk: `EVENT#${eventId}`,
    sk: `INV#inv-${String(i).padStart(4, '0')}`,
    invitationId: `inv-${String(i).padStart(4, '0')}`,
    eventId,
    name: `Khách ${i}`,
    // Every tenth has only a phone: never mailed.
    ...(i % 10 === 9 ? {} : { email: `khach${i}@example.org` }),
    emailStatus,
    response: 'none',
    createdAt: at,
    updatedAt: at,
  }));
  for (let i = 0; i < items.length; i += 25) {
    await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
  }
  const wakes: number[] = [];
  const deps: SendJobsDeps = { jobs: createSendJobsRepository(db, tableName), now: () => new Date(), afterQueued: (n) => wakes.push(n) };
  const messagesOf = async () => {
    const items: Record<string, unknown>[] = [];
    for (let shard = 0; shard < 8; shard += 1) {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'listings',
          KeyConditionExpression: 'listPk = :k',
          ExpressionAttributeValues: { ':k': `OUTBOX#${shard}` },
        }),
      );
      items.push(...(page.Items ?? []));
    }
    return items;
  };
  const invitation = async (id: string) =>
    (await db.send(new GetCommand({ TableName: tableName, Key: { pk: `EVENT#${eventId}`, sk: `INV#${id}` }, ConsistentRead: true }))).Item!;
  /** Changes one of the event's items as a dead runner or the passing time would have left it. */
  const updateItem = (sk: string, update: Pick<UpdateCommandInput, 'UpdateExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>) =>
    db.send(new UpdateCommand({ TableName: tableName, Key: { pk: `EVENT#${eventId}`, sk }, ...update }));
  return { db, tableName, eventId, deps, wakes, messagesOf, invitation, updateItem };
}

const perInvitation = (messages: Record<string, unknown>[]) => {
  const counts = new Map<string, number>();
  for (const m of messages) counts.set(m.invitationId as string, (counts.get(m.invitationId as string) ?? 0) + 1);
  return counts;
};

describe('send jobs', () => {
  it('answers after a first part, leaves the rest to the background, and a second click queues nothing twice', async () => {
    const s = await setUp(230);
    const first = await startSendJob(s.deps, { eventId: s.eventId, kind: 'invitation' }, 1);
    // One page in the request (no time left after it): the rest is the background's.
    expect(first.job.state).toBe('running');
    expect(first.queued).toBeGreaterThan(0);
    expect(first.queued).toBeLessThan(207);
    expect(s.wakes.length).toBeGreaterThan(0);

    const second = await startSendJob(s.deps, { eventId: s.eventId, kind: 'invitation' }, 1);
    expect(second).toMatchObject({ queued: 0, job: { jobId: first.job.jobId, state: 'running' } });

    expect(await runDueSendJobs(s.deps, 60_000)).toBe(1);
    const job = await s.deps.jobs.find(s.eventId, 'invitation');
    // 230 invitees, 23 of them without an address.
    expect(job).toMatchObject({ state: 'done', queued: 207, total: 207 });
    expect(await s.deps.jobs.listDue()).toEqual([]);
    const messages = await s.messagesOf();
    expect(messages).toHaveLength(207);
    expect([...perInvitation(messages).values()].every((n) => n === 1)).toBe(true);
    expect((await s.invitation('inv-0009')).emailStatus).toBe('not_sent');
    expect((await s.invitation('inv-0010')).emailStatus).toBe('queued');

    // Done: a new click starts a new job that finds nothing left to send.
    expect(await startSendJob(s.deps, { eventId: s.eventId, kind: 'invitation' }, 60_000)).toMatchObject({ queued: 0, job: { state: 'done' } });
    expect(await s.messagesOf()).toHaveLength(207);
  }, 120_000);

  it('a runner that died leaves its job to the next once its lease runs out, and no one gets a second reminder', async () => {
    const s = await setUp(120, 'sent');
    const started = await startSendJob(s.deps, { eventId: s.eventId, kind: 'reminder' }, 1);
    expect(started.job.state).toBe('running');
    expect(started.queued).toBeGreaterThan(0);
    // The reminders of the first part went out (status back to sent) before the runner died
    // holding the job, at its start: the next runner begins again from the first page.
    for (const m of await s.messagesOf()) {
      await s.updateItem(`INV#${m.invitationId}`, { UpdateExpression: 'SET emailStatus = :sent', ExpressionAttributeValues: { ':sent': 'sent' } });
    }
    const held = await s.deps.jobs.claim(s.eventId, 'reminder', 'dead-runner', new Date().toISOString(), 60);
    expect(held).toBeDefined();
    await s.updateItem('EVENT#SEND#reminder', { UpdateExpression: 'REMOVE #cursor', ExpressionAttributeNames: { '#cursor': 'cursor' } });
    // Held: nobody else runs it.
    expect(await runSendJob(s.deps, s.eventId, 'reminder', 60_000)).toBe('busy');
    // The lease ran out.
    await s.updateItem('EVENT#SEND#reminder', { UpdateExpression: 'SET leaseUntil = :past', ExpressionAttributeValues: { ':past': '2000-01-01T00:00:00.000Z' } });
    expect(await runSendJob(s.deps, s.eventId, 'reminder', 60_000)).toBe('done');
    const messages = await s.messagesOf();
    expect(messages).toHaveLength(108);
    expect([...perInvitation(messages).values()].every((n) => n === 1)).toBe(true);
    expect((await s.deps.jobs.find(s.eventId, 'reminder'))!.queued).toBe(108);
  }, 120_000);

  it('with no time in the request, answers at once and leaves the whole job to the background', async () => {
    const s = await setUp(20);
    const answer = await startSendJob(s.deps, { eventId: s.eventId, kind: 'invitation' }, 0);
    expect(answer).toMatchObject({ queued: 0, job: { state: 'running' } });
    expect(s.wakes).toEqual([0]);
    expect(await s.messagesOf()).toHaveLength(0);
    expect(await runDueSendJobs(s.deps, 60_000)).toBe(1);
    expect(await s.messagesOf()).toHaveLength(18);
  });

  it('sends to a named list only, each once', async () => {
    const s = await setUp(30);
    const named = ['inv-0001', 'inv-0002', 'inv-0002', 'inv-0009', 'nobody'];
    expect(await startSendJob(s.deps, { eventId: s.eventId, kind: 'invitation', invitationIds: named }, 60_000)).toMatchObject({
      queued: 2,
      job: { state: 'done', queued: 2 },
    });
    expect([...perInvitation(await s.messagesOf()).keys()].sort()).toEqual(['inv-0001', 'inv-0002']);
  });
});
