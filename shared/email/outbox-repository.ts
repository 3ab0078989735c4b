import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { failedConditionIndexes, isConditionFailure, resultIfHolds, writeIfHolds, transactionOn } from '../db/conditions.js';
import { inItemLane } from '../db/item-lanes.js';
import { countsLaneKey, countsUpdate, invitationMove } from '../invitations/invitation-counts.js';
import type { EmailStatus } from '../invitations/invitation-schema.js';
import { isNoticeKind, type MailKind, type NoticeKind } from './mail-template-schema.js';
import { keys } from '../db/keys.js';
import { countAll, queryListingPage } from '../db/query-all.js';

/**
 * The durable outbox. Queuing a mail and marking its invitation `queued` is one transaction, so a
 * double click or a retry queues nothing twice; the worker claims a message with a lease before it
 * sends (only once its turn at SES's rate has come), writes SES's answer on the message at once,
 * then marks the invitation `sent` and removes the message in one transaction. Mail that belongs
 * to no invitation (a greeting) rides the same queue as a direct message (DirectOutboxMessage).
 *
 *   OUTBOX#<messageId>  OUTBOX   listings: OUTBOX / <dueAt>#<messageId>  (due first)
 *   SUPPRESSED#<email>  SUPPRESSED  listings: SUPPRESSED / <email>      (hard bounce, complaint)
 */

/**
 * Mail that belongs to no invitation: a greeting to a partner, a colleague's set-password link,
 * or any later letter a feature sends. The message carries its address and a reference its feature reads back (`ref`); the
 * feature composes the mail at sending time and learns what became of it (deliver-outbox-message.ts,
 * DirectMailHandler). Everything else is the invitations' outbox: one lease, one pace, SES's
 * answer recorded before anything else, the suppression list, bounces.
 */
export const directMailKinds = ['greeting', 'set_password'] as const;
export type DirectMailKind = (typeof directMailKinds)[number];
export type DirectMailRef = Record<string, string>;
export const isDirectMailKind = (kind: string): kind is DirectMailKind => (directMailKinds as readonly string[]).includes(kind);

type QueuedState = {
  messageId: string;
  /** `sending`: leased, the call to SES under way; `accepted`: SES took it (sesMessageId), the rest not yet recorded. */
  state: 'pending' | 'sending' | 'accepted';
  sesMessageId?: string;
  attempts: number;
  dueAt: string;
  createdAt: string;
  lastError?: string;
};

export type DirectOutboxMessage = QueuedState & { kind: DirectMailKind; to: string; ref: DirectMailRef };

/** Anything the outbox holds: an invitation's mail or a direct one. */
export type QueuedMail = OutboxMessage | DirectOutboxMessage;

export const isDirectMessage = (message: QueuedMail): message is DirectOutboxMessage => isDirectMailKind(message.kind);

/** Where SES's later reports about a mail go: its invitation, or the feature that sent it. */
export type SesOrigin = { eventId: string; invitationId: string } | { direct: { kind: DirectMailKind; ref: DirectMailRef } };

/** A mail of an invitation: the invitation, its answer notices, the event's notices. */
export type OutboxMessage = QueuedState & {
  kind: MailKind;
  eventId: string;
  invitationId: string;
  /** An event notice (cancellation, change of time or place): its record, for the person's progress. */
  noticeId?: string;
};

export type SuppressedAddress = { email: string; reason: 'bounce' | 'complaint' | 'manual'; at: string; detail?: string };

/** SES reports within minutes to days; the lookup item outlives that, then TTL removes it. */
const SES_EVENT_WINDOW_SECONDS = 30 * 24 * 3600;
const listSkOf = (dueAt: string, messageId: string) => `${dueAt}#${messageId}`;

/**
 * Queued messages are listed in the `listings` index under one of OUTBOX_SHARDS keys, chosen by a
 * hash of the message id, so a big send (four index writes per mail) and a rush of answer notices
 * spread over several index partitions instead of one hot key. The sender reads every shard and
 * merges them in order of due time. `OUTBOX` (no suffix) is where messages queued before the
 * shards wait; it is read too.
 */
export const OUTBOX_SHARDS = 8;
export function outboxListPk(messageId: string): string {
  let hash = 0;
  for (let i = 0; i < messageId.length; i += 1) hash = (hash * 31 + messageId.charCodeAt(i)) >>> 0;
  return `OUTBOX#${hash % OUTBOX_SHARDS}`;
}
const OUTBOX_LIST_KEYS = ['OUTBOX', ...Array.from({ length: OUTBOX_SHARDS }, (_, i) => `OUTBOX#${i}`)];

function toMessage(item: Record<string, unknown>): QueuedMail {
  const { pk: _pk, sk: _sk, listPk: _lp, listSk: _ls, ...message } = item;
  return message as QueuedMail;
}

/**
 * The one shape of a message on the outbox, put only if no message of that id exists (so a retry
 * or a double click queues nothing twice). `about` names what it is about (an invitation, a
 * notice, a direct mail's recipient); the sender lists it from `dueAt` on.
 */
function messagePut(tableName: string, message: { messageId: string; kind: MailKind | DirectMailKind; at: string; dueAt?: string }, about: Record<string, unknown>) {
  const dueAt = message.dueAt ?? message.at;
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.outboxMessage(message.messageId),
        messageId: message.messageId,
        kind: message.kind,
        ...about,
        state: 'pending',
        attempts: 0,
        dueAt,
        createdAt: message.at,
        listPk: outboxListPk(message.messageId),
        listSk: listSkOf(dueAt, message.messageId),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export type DirectMailInput = { messageId: string; kind: DirectMailKind; to: string; ref: DirectMailRef; at: string; dueAt?: string };

/**
 * The Put of a direct mail, for the feature's own transaction (the recipient item with its
 * condition, so a retry or a double click queues nobody twice). `dueAt` later than `at` holds the
 * mail until that moment: the sender lists only what is due, so a greeting goes on its day.
 */
export function directMailPut(tableName: string, input: DirectMailInput) {
  return messagePut(tableName, input, { to: input.to, ref: input.ref });
}

export type NoticeInput = { messageId: string; kind: NoticeKind; eventId: string; invitationId: string; at: string; noticeId?: string };

/**
 * The Put of a notice (an answer's mail): only the message, never the invitation's emailStatus.
 * Its id is deterministic (`<invitationId>.<kind>.<n>`), so a retry cannot queue it twice; the
 * registrations repository puts it in the same transaction as the answer it tells about.
 */
export function noticePut(tableName: string, input: NoticeInput) {
  return messagePut(tableName, input, {
    eventId: input.eventId,
    invitationId: input.invitationId,
    ...(input.noticeId ? { noticeId: input.noticeId } : {}),
  });
}

export type QueueMailInput = {
  messageId: string;
  kind: MailKind;
  eventId: string;
  invitationId: string;
  fromStatuses: EmailStatus[];
  onlyUnanswered?: boolean;
  /** Only if no mail was queued for it since then (a send job run again after a crash). */
  notQueuedSince?: string;
  at: string;
};

/**
 * The two items of queuing one mail: the invitation from one of `fromStatuses` to `queued`, and
 * the message. queueMail writes them alone; a send job (send-jobs-repository.ts) writes several
 * invitations' pairs in one transaction.
 */
export function queueMailItems(tableName: string, input: QueueMailInput, options: { counts?: boolean } = {}) {
  const statusValues = Object.fromEntries(input.fromStatuses.map((s, i) => [`:from${i}`, s]));
  let condition = `attribute_exists(email) AND emailStatus IN (${Object.keys(statusValues).join(', ')})`;
  if (input.onlyUnanswered) condition += ' AND #response = :none';
  if (input.notQueuedSince) condition += ' AND (attribute_not_exists(queuedAt) OR queuedAt < :since)';
  return [
    {
      Update: {
        TableName: tableName,
        Key: keys.invitation(input.eventId, input.invitationId),
        UpdateExpression: 'SET emailStatus = :queued, queuedAt = :at, updatedAt = :at REMOVE emailError',
        ConditionExpression: condition,
        ExpressionAttributeValues: {
          ...statusValues,
          ':queued': 'queued',
          ':at': input.at,
          ...(input.onlyUnanswered ? { ':none': 'none' } : {}),
          ...(input.notQueuedSince ? { ':since': input.notQueuedSince } : {}),
        },
        ...(input.onlyUnanswered ? { ExpressionAttributeNames: { '#response': 'response' } } : {}),
      },
    },
    messagePut(tableName, { messageId: input.messageId, kind: input.kind, at: input.at }, { eventId: input.eventId, invitationId: input.invitationId }),
    // The event's invitation counts (invitation-counts.ts), when the status it leaves is known.
    // (A batch of several moves them once, by their sum: counts false here.)
    ...(input.fromStatuses.length === 1 && options.counts !== false ? [countsUpdate(tableName, input.eventId, statusMove(input.fromStatuses[0]!, 'queued'))!] : []),
  ];
}

/** One invitation from one email status to another, as the counts see it. */
export const statusMove = (from: EmailStatus, to: EmailStatus) => invitationMove(new Map(), { emailStatus: from }, { emailStatus: to });

export function createOutboxRepository(db: DynamoDBDocumentClient, tableName: string) {
  const readInvitation = async (eventId: string, invitationId: string) =>
    (await db.send(new GetCommand({ TableName: tableName, Key: keys.invitation(eventId, invitationId), ConsistentRead: true }))).Item;
  /** Writes that move the event's invitation counts take turns in this process (item-lanes.ts). */
  const onCounts = <T>(eventId: string, write: () => Promise<T>) => inItemLane(countsLaneKey(tableName, eventId), write);

  /** Puts one message on its own; false when a message of that id was queued already. */
  const putAlone = async (put: ReturnType<typeof messagePut>): Promise<boolean> => {
    return writeIfHolds(db.send(new PutCommand(put.Put)));
  };

  return {
    /** Queues a notice on its own; false when a message of that id was queued already. */
    queueNotice: (input: NoticeInput): Promise<boolean> => putAlone(noticePut(tableName, input)),

    /**
     * Queues one mail for an invitation whose status is one of `fromStatuses` and which has an
     * address. Answers false when the invitation was in another state (already queued or sent).
     */
    /** Queues a direct mail on its own; false when a message of that id was queued already. */
    queueDirect: (input: DirectMailInput): Promise<boolean> => putAlone(directMailPut(tableName, input)),

    async queueMail(input: QueueMailInput): Promise<boolean> {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        let exact = input;
        if (input.fromStatuses.length > 1) {
          // The counts move from the status it has: read it, and queue only from that one.
          const current = await readInvitation(input.eventId, input.invitationId);
          if (!current || !input.fromStatuses.includes(current.emailStatus as EmailStatus)) return false;
          exact = { ...input, fromStatuses: [current.emailStatus as EmailStatus] };
        }
        try {
          await inItemLane(countsLaneKey(tableName, input.eventId), () => db.send(new TransactWriteCommand({ TransactItems: queueMailItems(tableName, exact) })));
          return true;
        } catch (error) {
          if (!failedConditionIndexes(error)?.length) throw error;
          if (input.fromStatuses.length === 1) return false;
        }
      }
      return false;
    },

    /** Invitations' messages due at `now`, oldest first (listAllDue without direct mail). */
    async listDue(now: string, limit: number): Promise<OutboxMessage[]> {
      return (await this.listAllDue(now, limit)).filter((m): m is OutboxMessage => !isDirectMessage(m));
    },

    /** Every message due at `now`, oldest first (a claimed message is due again when its lease ends). */
    async listAllDue(now: string, limit: number): Promise<QueuedMail[]> {
      // The first `limit` of each shard hold the first `limit` of all; merged by due time.
      const pages = await Promise.all(
        OUTBOX_LIST_KEYS.map((key) =>
          db.send(
            new QueryCommand({
              TableName: tableName,
              IndexName: 'listings',
              KeyConditionExpression: 'listPk = :outbox AND listSk <= :now',
              ExpressionAttributeValues: { ':outbox': key, ':now': `${now}~` },
              Limit: limit,
            }),
          ),
        ),
      );
      const items = pages.flatMap((page) => page.Items ?? []);
      items.sort((a, b) => ((a.listSk as string) < (b.listSk as string) ? -1 : (a.listSk as string) > (b.listSk as string) ? 1 : 0));
      return items.slice(0, limit).map(toMessage);
    },

    async countPending(): Promise<number> {
      const counts = await Promise.all(
        OUTBOX_LIST_KEYS.map((key) =>
          countAll(db, {
            TableName: tableName,
            IndexName: 'listings',
            KeyConditionExpression: 'listPk = :outbox',
            ExpressionAttributeValues: { ':outbox': key },
          }),
        ),
      );
      return counts.reduce((a, b) => a + b, 0);
    },

    async findById(messageId: string): Promise<QueuedMail | undefined> {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: keys.outboxMessage(messageId), ConsistentRead: true }));
      return result.Item ? toMessage(result.Item) : undefined;
    },

    /**
     * Takes a due message for `leaseSeconds`, if nobody else did. Answers the message as it was
     * before the claim (its `state` says whether an earlier claim was interrupted), or undefined.
     */
    async claim<M extends QueuedMail>(message: M, now: string, leaseSeconds: number): Promise<M | undefined> {
      const leaseUntil = new Date(Date.parse(now) + leaseSeconds * 1000).toISOString();
      const result = await resultIfHolds(db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.outboxMessage(message.messageId),
          UpdateExpression: 'SET #state = :sending, attempts = attempts + :one, dueAt = :lease, listSk = :listSk, claimedAt = :now',
          ConditionExpression: 'dueAt = :due AND dueAt <= :now',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':one': 1,
            ':lease': leaseUntil,
            ':listSk': listSkOf(leaseUntil, message.messageId),
            ':now': now,
            ':due': message.dueAt,
          },
          ReturnValues: 'ALL_OLD',
        }),
      ));
      return result?.Attributes ? (toMessage(result.Attributes) as M) : undefined;
    },

    /**
     * SES's answer, written on the message alone the moment it comes: one small write, so that a
     * crash or a failed transaction after it can never make the mail look unsent.
     */
    async recordAccepted(messageId: string, sesMessageId: string): Promise<void> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.outboxMessage(messageId),
            UpdateExpression: 'SET #state = :accepted, sesMessageId = :ses',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':accepted': 'accepted', ':ses': sesMessageId },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },

    /**
     * SES took the mail: the invitation is `sent`, the message gone, in one transaction. A notice
     * (`options.notice`, by default when its kind is one) only goes: the invitation's emailStatus
     * tells about the invitation mail, and SES reports about a notice change nothing.
     */
    async completeSent(message: QueuedMail, sesMessageId: string, at: string, options: { notice?: boolean } = {}): Promise<void> {
      if (isDirectMessage(message)) {
        // No invitation to mark: the message goes, and SES's later reports find their feature.
        await db.send(
          transactionOn(tableName, [
              { Delete: { Key: keys.outboxMessage(message.messageId) } },
              {
                Put: {
                  Item: {
                    ...keys.sesMessage(sesMessageId),
                    direct: { kind: message.kind, ref: message.ref },
                    expiresAt: Math.floor(Date.parse(at) / 1000) + SES_EVENT_WINDOW_SECONDS,
                  },
                },
              },
            ]),
        );
        return;
      }
      if (options.notice ?? isNoticeKind(message.kind)) {
        await db.send(new DeleteCommand({ TableName: tableName, Key: keys.outboxMessage(message.messageId) }));
        return;
      }
      // An invitation's mail from here on (a direct one returned above); kept for the closure below.
      const mail: OutboxMessage = message;
      const stamp = message.kind === 'reminder' ? 'remindedAt' : 'invitedAt';
      // From `queued`, as a rule; if it was changed meanwhile, from the status it has (the counts move with it).
      let from: EmailStatus = 'queued';
      for (let attempt = 0; ; attempt += 1) {
        try {
          await onCounts(mail.eventId, () => writeSent(from));
          return;
        } catch (error) {
          const current = attempt < 3 && failedConditionIndexes(error)?.includes(0) ? await readInvitation(mail.eventId, mail.invitationId) : undefined;
          if (!current) throw error;
          from = current.emailStatus as EmailStatus;
        }
      }
      function writeSent(fromStatus: EmailStatus) {
        return db.send(
        transactionOn(tableName, [
            {
              Update: {
                Key: keys.invitation(mail.eventId, mail.invitationId),
                UpdateExpression: `SET emailStatus = :sent, ${stamp} = :at, sentAt = :at, updatedAt = :at, sesMessageId = :ses, sendCount = if_not_exists(sendCount, :zero) + :one`,
                ConditionExpression: 'attribute_exists(pk) AND emailStatus = :from',
                ExpressionAttributeValues: { ':sent': 'sent', ':at': at, ':ses': sesMessageId, ':zero': 0, ':one': 1, ':from': fromStatus },
              },
            },
            ...[countsUpdate(tableName, mail.eventId, statusMove(fromStatus, 'sent'))].filter((item) => item !== undefined),
            { Delete: { Key: keys.outboxMessage(message.messageId) } },
            {
              // SES reports delivery, bounces and complaints by its message id.
              Put: {
                Item: {
                  ...keys.sesMessage(sesMessageId),
                  eventId: mail.eventId,
                  invitationId: mail.invitationId,
                  expiresAt: Math.floor(Date.parse(at) / 1000) + SES_EVENT_WINDOW_SECONDS,
                },
              },
            },
          ]),
        );
      }
    },

    async findBySesMessageId(sesMessageId: string): Promise<SesOrigin | undefined> {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: keys.sesMessage(sesMessageId) }));
      if (!result.Item) return undefined;
      if (result.Item.direct) return { direct: result.Item.direct as { kind: DirectMailKind; ref: DirectMailRef } };
      return { eventId: result.Item.eventId as string, invitationId: result.Item.invitationId as string };
    },

    /**
     * What SES learned after sending. Moves only forward (sent → delivered → bounced or
     * complained), so a late Delivery event never hides a bounce.
     */
    async recordDeliveryStatus(eventId: string, invitationId: string, status: 'delivered' | 'bounced' | 'complained', at: string, detail?: string): Promise<boolean> {
      const from: Record<typeof status, EmailStatus[]> = {
        delivered: ['sent'],
        bounced: ['sent', 'delivered'],
        complained: ['sent', 'delivered', 'bounced'],
      };
      // From the status it has (read), so the event's counts move from it in the same transaction.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const current = (await readInvitation(eventId, invitationId))?.emailStatus as EmailStatus | undefined;
        if (!current || !from[status].includes(current)) return false;
        try {
          await onCounts(eventId, () =>
            db.send(
              transactionOn(tableName, [
                  {
                    Update: {
                      Key: keys.invitation(eventId, invitationId),
                      UpdateExpression: `SET emailStatus = :status, updatedAt = :at${detail ? ', emailError = :detail' : ''}`,
                      ConditionExpression: 'emailStatus = :from',
                      ExpressionAttributeValues: { ':from': current, ':status': status, ':at': at, ...(detail ? { ':detail': detail } : {}) },
                    },
                  },
                  countsUpdate(tableName, eventId, statusMove(current, status))!,
                ]),
            ),
          );
          return true;
        } catch (error) {
          if (!failedConditionIndexes(error)?.length) throw error;
        }
      }
      return false;
    },

    /** The mail will not go: the invitation says why (`failed`, `suppressed`), the message goes. */
    async completeUnsent(message: OutboxMessage, status: EmailStatus, reason: string, at: string): Promise<void> {
      try {
        await onCounts(message.eventId, () => db.send(
          transactionOn(tableName, [
              {
                Update: {
                  Key: keys.invitation(message.eventId, message.invitationId),
                  UpdateExpression: 'SET emailStatus = :status, emailError = :reason, updatedAt = :at',
                  ConditionExpression: 'emailStatus = :queued',
                  ExpressionAttributeValues: { ':status': status, ':reason': reason, ':at': at, ':queued': 'queued' },
                },
              },
              { Delete: { Key: keys.outboxMessage(message.messageId) } },
              ...[countsUpdate(tableName, message.eventId, statusMove('queued', status))].filter((item) => item !== undefined),
            ]),
        ));
      } catch (error) {
        // The invitation was removed or changed meanwhile: only the message is left to drop.
        if (!failedConditionIndexes(error)?.length) throw error;
        await this.drop(message.messageId);
      }
    },

    async drop(messageId: string): Promise<void> {
      await db.send(new DeleteCommand({ TableName: tableName, Key: keys.outboxMessage(messageId) }));
    },

    /** Throttled or a passing fault: due again at `dueAt`. */
    async retryLater(message: QueuedMail, dueAt: string, lastError: string): Promise<void> {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.outboxMessage(message.messageId),
          UpdateExpression: 'SET #state = :pending, dueAt = :due, listSk = :listSk, lastError = :error',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':pending': 'pending', ':due': dueAt, ':listSk': listSkOf(dueAt, message.messageId), ':error': lastError },
        }),
      );
    },

    async suppress(entry: SuppressedAddress): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.suppression(entry.email), ...entry, listPk: keys.suppressionsListPk, listSk: entry.email },
        }),
      );
    },

    async findSuppression(email: string): Promise<SuppressedAddress | undefined> {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: keys.suppression(email) }));
      if (!result.Item) return undefined;
      const { email: address, reason, at, detail } = result.Item as SuppressedAddress;
      return { email: address, reason, at, detail };
    },

    async listSuppressed(limit: number, cursor?: Record<string, unknown>) {
      const page = await queryListingPage(db, tableName, keys.suppressionsListPk, limit, cursor);
      return { items: page.items.map(({ email, reason, at, detail }) => ({ email, reason, at, detail }) as SuppressedAddress), lastKey: page.lastKey };
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
