import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { failedConditionIndexes, putIfAbsent, transactionOn } from '../db/conditions.js';
import { queryListing, queryPrefix } from '../db/query-all.js';
import type { EventNoticeKind } from './mail-template-schema.js';
import { noticePut } from './outbox-repository.js';
import { keys } from '../db/keys.js';

/**
 * Notices about an event (cancelled; time or place changed), each to everyone who holds its link,
 * at most once per person: the person's item is put in the same transaction as their outbox
 * message, on the condition that it does not exist yet, so a double click or a retry mails nobody
 * twice, even after the first mail went and its message is gone.
 *
 *   NOTICE#<eventId>#<noticeId>  NOTICE            the notice: kind, reason or note, who, when;
 *                                                  listings: EVENT#<eventId>#NOTICES / createdAt
 *   NOTICE#<eventId>#<noticeId>  TO#<invitationId>  one person: queued → sent | skipped | failed
 *
 * Progress is read from the person items (one Query of the notice's partition), so the sender
 * never updates one hot counter.
 */
export type EventNotice = {
  eventId: string;
  noticeId: string;
  kind: EventNoticeKind;
  reason?: string;
  note?: string;
  /** The time and place the change replaced (UTC instants). */
  previous?: { startsAt: string; endsAt: string; venue: string };
  createdAt: string;
  createdBy: string;
};

export type NoticeRecipientState = 'queued' | 'sent' | 'skipped' | 'failed';
export type NoticeProgress = Record<NoticeRecipientState, number> & { total: number };

const partition = keys.noticePartition;
const noticeKey = keys.notice;
const recipientKey = keys.noticeRecipient;
const listPkOf = keys.noticesListPk;

export function createEventNoticesRepository(db: DynamoDBDocumentClient, tableName: string) {
  return {
    /** Records the notice once; a second call (a retry) keeps the first and answers it. */
    async ensureNotice(notice: EventNotice): Promise<EventNotice> {
      const item = { ...noticeKey(notice.eventId, notice.noticeId), ...notice, listPk: listPkOf(notice.eventId), listSk: `${notice.createdAt}#${notice.noticeId}` };
      return (await putIfAbsent(db, tableName, item)) ? notice : (await this.findNotice(notice.eventId, notice.noticeId))!;
    },

    async findNotice(eventId: string, noticeId: string): Promise<EventNotice | undefined> {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: noticeKey(eventId, noticeId), ConsistentRead: true }));
      if (!result.Item) return undefined;
      const { pk: _pk, sk: _sk, listPk: _lp, listSk: _ls, ...notice } = result.Item;
      return notice as EventNotice;
    },

    /** The event's notices, newest first. */
    async listByEvent(eventId: string): Promise<EventNotice[]> {
      const items = await queryListing(db, tableName, listPkOf(eventId), { ScanIndexForward: false });
      return items.map(({ pk: _pk, sk: _sk, listPk: _lp, listSk: _ls, ...notice }) => notice as EventNotice);
    },

    /**
     * Queues the notice's mail to one person, unless they were queued for it before (false).
     */
    async queueFor(notice: EventNotice, invitationId: string, at: string): Promise<boolean> {
      try {
        await db.send(
          transactionOn(tableName, [
              {
                Put: {
                  Item: { ...recipientKey(notice.eventId, notice.noticeId, invitationId), state: 'queued', at },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              noticePut(tableName, {
                messageId: `${invitationId}.${notice.kind}.${notice.noticeId}`,
                kind: notice.kind,
                eventId: notice.eventId,
                invitationId,
                noticeId: notice.noticeId,
                at,
              }),
            ]),
        );
        return true;
      } catch (error) {
        if (failedConditionIndexes(error)?.length) return false;
        throw error;
      }
    },

    /** What became of one person's mail: sent, skipped (suppressed, no address) or failed. */
    async settle(eventId: string, noticeId: string, invitationId: string, state: Exclude<NoticeRecipientState, 'queued'>, at: string, reason?: string) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: recipientKey(eventId, noticeId, invitationId),
          UpdateExpression: `SET #state = :state, #at = :at${reason ? ', reason = :reason' : ''}`,
          ExpressionAttributeNames: { '#state': 'state', '#at': 'at' },
          ExpressionAttributeValues: { ':state': state, ':at': at, ...(reason ? { ':reason': reason } : {}) },
        }),
      );
    },

    /** How far the notice has gone: people queued, sent, skipped and failed. */
    async progressOf(eventId: string, noticeId: string): Promise<NoticeProgress> {
      const items = await queryPrefix(db, tableName, partition(eventId, noticeId), 'TO#', {
        ExpressionAttributeNames: { '#state': 'state' },
        ProjectionExpression: '#state',
        ConsistentRead: true,
      });
      const progress: NoticeProgress = { total: items.length, queued: 0, sent: 0, skipped: 0, failed: 0 };
      for (const item of items) progress[item.state as NoticeRecipientState] += 1;
      return progress;
    },
  };
}

export type EventNoticesRepository = ReturnType<typeof createEventNoticesRepository>;
