import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { failedConditionIndexes, isConditionFailure, resultIfHolds, writeIfHolds, transactionOn } from '../db/conditions.js';
import { countAll, queryAll, queryPrefix } from '../db/query-all.js';
import { inItemLane } from '../db/item-lanes.js';
import type { EmailStatus } from '../invitations/invitation-schema.js';
import { countsLaneKey, countsUpdate, emailStatusCounter } from '../invitations/invitation-counts.js';
import { addDelta, type CounterDeltas } from '../db/counter-deltas.js';
import { queueMailItems, type QueueMailInput } from './outbox-repository.js';
import { eventPartition, eventSk, keys } from '../db/keys.js';
import { encodeCursor } from '../db/pagination.js';

/**
 * Send jobs: a click on "send" or "remind" becomes a job item, worked through page by page in the
 * background (the local runner under `npm start`, the outbox sweeper Lambda in the cloud), so the
 * request answers at once whatever the list's length.
 *
 *   EVENT#<eventId>   EVENT#SEND#<kind>          the event's one job of that kind: state, cursor,
 *                                                counted total, queued so far, lease
 *   SEND_JOBS_DUE     EVENT#<eventId>#<kind>     written with a running job, removed when it is
 *                                                done: what the runners look for
 *
 * A job runs under a lease (one runner at a time); what a runner that died had queued is safe to
 * queue again: each mail is queued only from the invitation's status, in a transaction, and a
 * reminder only if nothing was queued for that invitation since the job began.
 */
export type SendJobKind = 'invitation' | 'reminder';

export type SendJob = {
  eventId: string;
  kind: SendJobKind;
  jobId: string;
  state: 'running' | 'done';
  /** The named invitations (`invitationIds` of the send), in order; absent: every candidate. */
  invitationIds?: string[];
  /** Where the next page starts: an encoded key of the invitations' Query, or a position in `invitationIds`. */
  cursor?: string;
  /** How many the job will queue at most, once counted. */
  total?: number;
  queued: number;
  startedAt: string;
  updatedAt: string;
  finishedAt?: string;
  leaseUntil?: string;
  leaseOwner?: string;
  createdBy?: string;
};

export type Candidate = { invitationId: string; emailStatus: EmailStatus };

export const SEND_JOBS_DUE_PK = keys.sendJobsDuePk;
const JOB_SK_PREFIX = eventSk.sendJobPrefix;
const jobKey = (eventId: string, kind: SendJobKind) => keys.sendJob(eventId, kind);
const dueKey = (eventId: string, kind: SendJobKind) => keys.sendJobDue(eventId, kind);

/** Which invitations a job of each kind mails: the same rules as the queue conditions. */
const CANDIDATES: Record<SendJobKind, { filter: string; names?: Record<string, string>; values: Record<string, unknown> }> = {
  invitation: { filter: 'attribute_exists(email) AND emailStatus = :notSent', values: { ':notSent': 'not_sent' } },
  reminder: {
    filter: 'attribute_exists(email) AND #response = :none AND emailStatus IN (:sent, :delivered)',
    names: { '#response': 'response' },
    values: { ':none': 'none', ':sent': 'sent', ':delivered': 'delivered' },
  },
};

function toJob(item: Record<string, unknown>): SendJob {
  const { pk: _pk, sk: _sk, type: _type, ...job } = item;
  return job as SendJob;
}

const encodeKey = encodeCursor;
const decodeKey = (cursor: string | undefined) => (cursor ? (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as Record<string, unknown>) : undefined);

/** Invitations queued together in one transaction: two items each. */
export const QUEUE_BATCH = 25;

export function createSendJobsRepository(db: DynamoDBDocumentClient, tableName: string) {
  return {
    /**
     * Starts a job unless one of that kind is still running for the event (a second click, a
     * retry): then answers the running one and `started: false`.
     */
    async start(job: SendJob): Promise<{ started: boolean; job: SendJob }> {
      try {
        await db.send(
          transactionOn(tableName, [
              {
                Put: {
                  Item: { ...jobKey(job.eventId, job.kind), type: 'sendJob', ...job },
                  ConditionExpression: 'attribute_not_exists(pk) OR #state = :done',
                  ExpressionAttributeNames: { '#state': 'state' },
                  ExpressionAttributeValues: { ':done': 'done' },
                },
              },
              { Put: { Item: { ...dueKey(job.eventId, job.kind), type: 'sendJobDue', eventId: job.eventId, kind: job.kind } } },
            ]),
        );
        return { started: true, job };
      } catch (error) {
        if (!failedConditionIndexes(error)?.includes(0)) throw error;
        const running = await this.find(job.eventId, job.kind);
        if (!running) throw error;
        return { started: false, job: running };
      }
    },

    async find(eventId: string, kind: SendJobKind): Promise<SendJob | undefined> {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: jobKey(eventId, kind), ConsistentRead: true }));
      return result.Item ? toJob(result.Item) : undefined;
    },

    /** The event's jobs (at most one per kind), with their progress. */
    async listByEvent(eventId: string): Promise<SendJob[]> {
      const items = await queryPrefix(db, tableName, eventPartition(eventId), JOB_SK_PREFIX, {
        ConsistentRead: true,
      });
      return items.map(toJob);
    },

    /** The running jobs of every event, for the runners. */
    async listDue(): Promise<{ eventId: string; kind: SendJobKind }[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': SEND_JOBS_DUE_PK },
        ConsistentRead: true,
      });
      return items.map((item) => ({ eventId: item.eventId as string, kind: item.kind as SendJobKind }));
    },

    /** Takes a running job for `leaseSeconds` if no other runner holds it; undefined otherwise. */
    async claim(eventId: string, kind: SendJobKind, owner: string, now: string, leaseSeconds: number): Promise<SendJob | undefined> {
      const leaseUntil = new Date(Date.parse(now) + leaseSeconds * 1000).toISOString();
      const result = await resultIfHolds(db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: jobKey(eventId, kind),
          UpdateExpression: 'SET leaseUntil = :lease, leaseOwner = :owner',
          ConditionExpression: '#state = :running AND (attribute_not_exists(leaseUntil) OR leaseUntil <= :now OR leaseOwner = :owner)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':lease': leaseUntil, ':owner': owner, ':now': now, ':running': 'running' },
          ReturnValues: 'ALL_NEW',
        }),
      ));
      return result?.Attributes ? toJob(result.Attributes) : undefined;
    },

    /** Progress after a page, only by the runner holding the lease (false: it was lost). */
    async saveProgress(job: SendJob, owner: string, progress: { cursor?: string; queued: number; total?: number; at: string }): Promise<boolean> {
      const sets = ['queued = :queued', 'updatedAt = :at'];
      const values: Record<string, unknown> = { ':queued': progress.queued, ':at': progress.at, ':owner': owner, ':jobId': job.jobId };
      if (progress.cursor !== undefined) {
        sets.push('#cursor = :cursor');
        values[':cursor'] = progress.cursor;
      }
      if (progress.total !== undefined) {
        sets.push('#total = :total');
        values[':total'] = progress.total;
      }
      return writeIfHolds(db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: jobKey(job.eventId, job.kind),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'leaseOwner = :owner AND jobId = :jobId',
          ExpressionAttributeNames: { ...(progress.cursor !== undefined ? { '#cursor': 'cursor' } : {}), ...(progress.total !== undefined ? { '#total': 'total' } : {}) },
          ExpressionAttributeValues: values,
        }),
      ));
    },

    /** Lets another runner continue at once (the request's own run stops at its time budget). */
    async release(job: SendJob, owner: string): Promise<void> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: jobKey(job.eventId, job.kind),
            UpdateExpression: 'REMOVE leaseUntil, leaseOwner',
            ConditionExpression: 'leaseOwner = :owner AND jobId = :jobId',
            ExpressionAttributeValues: { ':owner': owner, ':jobId': job.jobId },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },

    /** The job is done: its final count stays on it, the due mark goes. */
    async finish(job: SendJob, owner: string, progress: { queued: number; total?: number; at: string }): Promise<boolean> {
      try {
        await db.send(
          transactionOn(tableName, [
              {
                Update: {
                  Key: jobKey(job.eventId, job.kind),
                  UpdateExpression: 'SET #state = :done, queued = :queued, #total = :total, updatedAt = :at, finishedAt = :at REMOVE leaseUntil, leaseOwner, #cursor, invitationIds',
                  ConditionExpression: 'leaseOwner = :owner AND jobId = :jobId',
                  ExpressionAttributeNames: { '#state': 'state', '#cursor': 'cursor', '#total': 'total' },
                  ExpressionAttributeValues: {
                    ':done': 'done',
                    ':queued': progress.queued,
                    ':total': progress.total ?? progress.queued,
                    ':at': progress.at,
                    ':owner': owner,
                    ':jobId': job.jobId,
                  },
                },
              },
              { Delete: { Key: dueKey(job.eventId, job.kind) } },
            ]),
        );
        return true;
      } catch (error) {
        if (failedConditionIndexes(error)?.length) return false;
        throw error;
      }
    },

    /** How many invitations a job of this kind would mail now (a projected count, nothing returned). */
    async countCandidates(eventId: string, kind: SendJobKind): Promise<number> {
      const rule = CANDIDATES[kind];
      return countAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :inv)',
        FilterExpression: rule.filter,
        ...(rule.names ? { ExpressionAttributeNames: rule.names } : {}),
        ExpressionAttributeValues: { ':pk': eventPartition(eventId), ':inv': eventSk.invitationPrefix, ...rule.values },
      });
    },

    /** One page of the invitations a job of this kind mails, from `cursor`; `next` absent on the last. */
    async candidatesPage(eventId: string, kind: SendJobKind, cursor: string | undefined, limit: number): Promise<{ items: Candidate[]; next?: string }> {
      const rule = CANDIDATES[kind];
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :inv)',
          FilterExpression: rule.filter,
          ProjectionExpression: 'invitationId, emailStatus',
          ...(rule.names ? { ExpressionAttributeNames: rule.names } : {}),
          ExpressionAttributeValues: { ':pk': eventPartition(eventId), ':inv': eventSk.invitationPrefix, ...rule.values },
          Limit: limit,
          ExclusiveStartKey: decodeKey(cursor),
          ConsistentRead: true,
        }),
      );
      return {
        items: (page.Items ?? []).map((item) => ({ invitationId: item.invitationId as string, emailStatus: item.emailStatus as EmailStatus })),
        next: encodeKey(page.LastEvaluatedKey),
      };
    },

    /**
     * Queues up to QUEUE_BATCH mails in one transaction, each from the one status it was read
     * with, and moves the event's invitation counts once by their sum. An invitation whose
     * condition fails (sent meanwhile, answered, removed) is left out and the rest written again.
     * Answers how many went.
     */
    async queueBatch(inputs: QueueMailInput[]): Promise<number> {
      let left = inputs;
      while (left.length > 0) {
        const deltas: CounterDeltas = new Map();
        for (const input of left) {
          addDelta(deltas, emailStatusCounter(input.fromStatuses[0]!), -1);
          addDelta(deltas, emailStatusCounter('queued'), 1);
        }
        const items = [...left.flatMap((input) => queueMailItems(tableName, input, { counts: false })), countsUpdate(tableName, left[0]!.eventId, deltas)!];
        try {
          await inItemLane(countsLaneKey(tableName, left[0]!.eventId), () => db.send(new TransactWriteCommand({ TransactItems: items })));
          return left.length;
        } catch (error) {
          const failed = failedConditionIndexes(error);
          if (!failed?.length) throw error;
          const refused = new Set(failed.map((index) => Math.floor(index / 2)));
          left = left.filter((_, i) => !refused.has(i));
        }
      }
      return 0;
    },
  };
}

export type SendJobsRepository = ReturnType<typeof createSendJobsRepository>;
