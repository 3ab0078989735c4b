import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { noticePut } from '../email/outbox-repository.js';
import type { NoticeKind } from '../email/invitation-templates.js';
import type { PersonalDataConsent } from '../delegations/passport-data.js';
import type { InvitationResponse } from '../invitations/invitation-schema.js';
import type { StoredInvitation } from '../invitations/invitations-repository.js';
import { queryAll } from '../db/query-all.js';
import { doorChangeItem, doorPersonOf } from '../attendees/door-changes.js';

/**
 * Answers in the one table (README, "Data model"). An answer is one TransactWriteItems:
 *
 *   EVENT#<eventId>  EVENT                    counts.<from> - 1, counts.<to> + 1, conditioned on
 *                                             the event being published, the deadline not passed
 *                                             and, for a seat, counts.confirmed < capacity
 *   EVENT#<eventId>  INV#<invitationId>       response from → to, conditioned on the response
 *                                             and answerVersion it was read with
 *   EVENT#<eventId>  REG#<invitationId>       the registration: response, details, who answered
 *   EVENT#<eventId>  WAIT#<iso>#<invitationId> the waiting list, first come first served
 *   OUTBOX#<id>      OUTBOX                   the notice mail, id `<invitationId>.<kind>.<n>`
 *
 * So a seat, a response and its mail move together or not at all; a double tap finds the
 * response changed and writes nothing.
 */

export type AnsweredBy = { userId: string; channel: 'phone' | 'in_person' | 'other' };

export type Transition = {
  invitation: StoredInvitation;
  to: InvitationResponse;
  at: string;
  /**
   * Take a seat: only while counts.confirmed < capacity, and, unless this is a promotion from the
   * waiting list (`requireWaitItem`), only while nobody waits: a seat freed between a withdrawal
   * and its promotion belongs to the head of the list, not to whoever answers in that moment.
   */
  seat: boolean;
  /** The invitee answers: only until registrationClosesAt. Organisers may answer after it. */
  enforceDeadline: boolean;
  /** The details to store; undefined leaves them as they are. */
  details?: Record<string, string>;
  answeredBy?: AnsweredBy;
  reason?: string;
  /** Mail the invitee about it (only when they have an email address). */
  notice?: NoticeKind;
  /** Promotion: the waiting-list item must still be there. */
  requireWaitItem?: boolean;
  /** A consent to the processing of passport data given with this answer; kept on later answers. */
  consent?: PersonalDataConsent;
};

/** Why a transition wrote nothing. `event`: a condition on the event (closed, deadline, full). */
export type TransitionOutcome = { ok: true; invitation: StoredInvitation } | { ok: false; failed: 'event' | 'invitation' | 'conflict' };

export type WaitlistEntry = { invitationId: string; waitlistedAt: string; sk: string };

/** What the answers-over-time chart needs of an invitation, and no more. */
export type AnswerStamp = Pick<StoredInvitation, 'response' | 'answeredAt' | 'respondedAt' | 'invitedAt'>;

/**
 * The invitee's own answer: a yes (whatever the organiser made of it), a no, a yes taken back.
 * `respondedAt` moves only when this changes, so an approval, a promotion from the waiting list
 * or changed details keep the day the person answered; `answeredAt` moves with every change.
 */
const ANSWER_KIND: Partial<Record<InvitationResponse, string>> = {
  confirmed: 'yes',
  waitlisted: 'yes',
  pending: 'yes',
  declined: 'no',
  withdrawn: 'withdrawn',
};

/** Counters kept on the event per response; other responses are not counted. */
const COUNTED: Partial<Record<InvitationResponse, string>> = {
  confirmed: 'confirmed',
  waitlisted: 'waitlisted',
  pending: 'pending',
  declined: 'declined',
};

const eventKey = (eventId: string) => ({ pk: `EVENT#${eventId}`, sk: 'EVENT' });
const invitationKey = (eventId: string, invitationId: string) => ({ pk: `EVENT#${eventId}`, sk: `INV#${invitationId}` });
const registrationKey = (eventId: string, invitationId: string) => ({ pk: `EVENT#${eventId}`, sk: `REG#${invitationId}` });
const WAIT_PREFIX = 'WAIT#';
export const waitSkOf = (at: string, invitationId: string) => `${WAIT_PREFIX}${at}#${invitationId}`;

function cancellationCodes(error: unknown): (string | undefined)[] | undefined {
  const name = (error as { name?: string })?.name;
  if (name === 'TransactionConflictException') return ['TransactionConflict'];
  if (name !== 'TransactionCanceledException') return undefined;
  return ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((r) => r.Code);
}

export function createRegistrationsRepository(db: DynamoDBDocumentClient, tableName: string) {
  return {
    /**
     * Moves an invitation from its current response to `to` with everything that follows from
     * it, in one transaction. Answers which condition failed instead of throwing.
     */
    async transition(t: Transition): Promise<TransitionOutcome> {
      const { invitation: current, to, at } = t;
      const from = current.response;
      const eventId = current.eventId;
      const version = current.answerVersion ?? 0;
      const nextVersion = version + 1;

      // The event: counters and the conditions that keep seats and deadlines.
      const eventNames: Record<string, string> = { '#status': 'status' };
      const eventValues: Record<string, unknown> = { ':published': 'published' };
      const conditions = ['#status = :published'];
      if (t.enforceDeadline) {
        conditions.push('(attribute_not_exists(#closesAt) OR #closesAt > :now)');
        eventNames['#closesAt'] = 'registrationClosesAt';
        eventValues[':now'] = at;
      }
      if (t.seat) {
        eventNames['#capacity'] = 'capacity';
        if (t.requireWaitItem) {
          conditions.push('(attribute_not_exists(#capacity) OR #counts.#confirmed < #capacity)');
        } else {
          conditions.push('(attribute_not_exists(#capacity) OR (#counts.#confirmed < #capacity AND #counts.#waitlisted = :nobody))');
          eventNames['#waitlisted'] = 'waitlisted';
          eventValues[':nobody'] = 0;
        }
        eventNames['#counts'] = 'counts';
        eventNames['#confirmed'] = 'confirmed';
      }
      const moves: string[] = [];
      const fromCounter = from !== to ? COUNTED[from] : undefined;
      const toCounter = from !== to ? COUNTED[to] : undefined;
      if (fromCounter || toCounter) {
        eventNames['#counts'] = 'counts';
        eventValues[':one'] = 1;
        if (fromCounter) {
          eventNames[`#${fromCounter}`] = fromCounter;
          moves.push(`#counts.#${fromCounter} = if_not_exists(#counts.#${fromCounter}, :one) - :one`);
        }
        if (toCounter) {
          eventValues[':zero'] = 0;
          eventNames[`#${toCounter}`] = toCounter;
          moves.push(`#counts.#${toCounter} = if_not_exists(#counts.#${toCounter}, :zero) + :one`);
        }
      }
      const eventItem = moves.length
        ? {
            Update: {
              TableName: tableName,
              Key: eventKey(eventId),
              UpdateExpression: `SET ${moves.join(', ')}`,
              ConditionExpression: conditions.join(' AND '),
              ExpressionAttributeNames: eventNames,
              ExpressionAttributeValues: eventValues,
            },
          }
        : {
            ConditionCheck: {
              TableName: tableName,
              Key: eventKey(eventId),
              ConditionExpression: conditions.join(' AND '),
              ExpressionAttributeNames: eventNames,
              ExpressionAttributeValues: eventValues,
            },
          };

      // The invitation: only from the response (and answer) it was read with.
      const next: StoredInvitation = { ...current, response: to, answeredAt: at, updatedAt: at, answerVersion: nextVersion };
      const sets = ['#response = :to', 'answeredAt = :at', 'updatedAt = :at', 'answerVersion = :next'];
      const removes: string[] = [];
      const values: Record<string, unknown> = { ':to': to, ':at': at, ':next': nextVersion, ':from': from };
      if (ANSWER_KIND[to] && ANSWER_KIND[to] !== ANSWER_KIND[from]) {
        sets.push('respondedAt = :at');
        next.respondedAt = at;
      }
      if (t.details !== undefined) {
        sets.push('details = :details');
        values[':details'] = t.details;
        next.details = t.details;
      }
      if (t.consent) {
        sets.push('consent = :consent');
        values[':consent'] = t.consent;
        next.consent = t.consent;
      }
      if (t.answeredBy) {
        sets.push('answeredBy = :by');
        values[':by'] = t.answeredBy;
        next.answeredBy = t.answeredBy;
      } else {
        removes.push('answeredBy');
        delete next.answeredBy;
      }
      if (t.reason) {
        sets.push('answerReason = :reason');
        values[':reason'] = t.reason;
        next.answerReason = t.reason;
      } else if (from !== to) {
        removes.push('answerReason');
        delete next.answerReason;
      }
      const items: Record<string, unknown>[] = [eventItem];
      const leavesWaitlist = from === 'waitlisted' && to !== 'waitlisted' && current.waitSk;
      const joinsWaitlist = to === 'waitlisted' && from !== 'waitlisted';
      if (joinsWaitlist) {
        next.waitSk = waitSkOf(at, current.invitationId);
        sets.push('waitSk = :waitSk');
        values[':waitSk'] = next.waitSk;
      } else if (leavesWaitlist) {
        removes.push('waitSk');
        delete next.waitSk;
      }
      items.push({
        Update: {
          TableName: tableName,
          Key: invitationKey(eventId, current.invitationId),
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: version === 0
            ? '#response = :from AND attribute_not_exists(answerVersion)'
            : '#response = :from AND answerVersion = :version',
          ExpressionAttributeNames: { '#response': 'response' },
          ExpressionAttributeValues: version === 0 ? values : { ...values, ':version': version },
        },
      });
      items.push({
        Put: {
          TableName: tableName,
          Item: {
            ...registrationKey(eventId, current.invitationId),
            type: 'registration',
            registrationId: current.invitationId,
            invitationId: current.invitationId,
            eventId,
            response: to,
            answeredAt: at,
            answerVersion: nextVersion,
            ...(next.details ? { details: next.details } : {}),
            ...(next.answeredBy ? { answeredBy: next.answeredBy } : {}),
            ...(next.answerReason ? { reason: next.answerReason } : {}),
            ...(next.consent ? { consent: next.consent } : {}),
          },
        },
      });
      let waitIndex = -1;
      if (joinsWaitlist) {
        items.push({
          Put: {
            TableName: tableName,
            Item: { pk: `EVENT#${eventId}`, sk: next.waitSk, type: 'waitlistEntry', invitationId: current.invitationId, waitlistedAt: at },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        });
      } else if (leavesWaitlist) {
        waitIndex = items.length;
        items.push({
          Delete: {
            TableName: tableName,
            Key: { pk: `EVENT#${eventId}`, sk: current.waitSk },
            ...(t.requireWaitItem ? { ConditionExpression: 'attribute_exists(pk)' } : {}),
          },
        });
      }
      // The door's list is the confirmed people: a phone there reads who joined or left it.
      if ((from === 'confirmed') !== (to === 'confirmed')) {
        const what = to === 'confirmed' ? 'joined' : 'left';
        const person = to === 'confirmed' ? doorPersonOf({ ...current, registrationId: current.invitationId }) : undefined;
        items.push({ Put: { TableName: tableName, Item: doorChangeItem(eventId, { registrationId: current.invitationId, at, what, person }) } });
      }
      if (t.notice && current.email) {
        items.push(
          noticePut(tableName, {
            messageId: `${current.invitationId}.${t.notice}.${nextVersion}`,
            kind: t.notice,
            eventId,
            invitationId: current.invitationId,
            at,
          }),
        );
      }

      try {
        await db.send(new TransactWriteCommand({ TransactItems: items as never }));
        return { ok: true, invitation: next };
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        if (codes[1] === 'ConditionalCheckFailed' || (waitIndex >= 0 && codes[waitIndex] === 'ConditionalCheckFailed')) {
          return { ok: false, failed: 'invitation' };
        }
        if (codes[0] === 'ConditionalCheckFailed') return { ok: false, failed: 'event' };
        if (codes.some((code) => code === 'ConditionalCheckFailed')) return { ok: false, failed: 'invitation' };
        return { ok: false, failed: 'conflict' };
      }
    },

    /** The first on the event's waiting list, read consistently; undefined when nobody waits. */
    async headOfWaitlist(eventId: string): Promise<WaitlistEntry | undefined> {
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :wait)',
          ExpressionAttributeValues: { ':pk': `EVENT#${eventId}`, ':wait': WAIT_PREFIX },
          ConsistentRead: true,
          Limit: 1,
        }),
      );
      const item = result.Items?.[0];
      return item ? { invitationId: item.invitationId as string, waitlistedAt: item.waitlistedAt as string, sk: item.sk as string } : undefined;
    },

    /** The whole waiting list in order, first come first. */
    async listWaitlist(eventId: string): Promise<WaitlistEntry[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :wait)',
        ExpressionAttributeValues: { ':pk': `EVENT#${eventId}`, ':wait': WAIT_PREFIX },
        ConsistentRead: true,
      });
      return items.map((item) => ({ invitationId: item.invitationId as string, waitlistedAt: item.waitlistedAt as string, sk: item.sk as string }));
    },

    /** Invitations of an event with one response (pending approvals), read page by page. */
    async listByResponse(eventId: string, response: InvitationResponse): Promise<StoredInvitation[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :inv)',
        FilterExpression: '#response = :response',
        ExpressionAttributeNames: { '#response': 'response' },
        ExpressionAttributeValues: { ':pk': `EVENT#${eventId}`, ':inv': 'INV#', ':response': response },
        ConsistentRead: true,
      });
      return items.map(({ pk: _pk, sk: _sk, listPk: _lp, listSk: _ls, type: _type, ...invitation }) => invitation as StoredInvitation);
    },

    /**
     * The answer stamps of every invitation of an event, read page by page from the event's
     * partition (never a Scan), only the attributes the timeline counts.
     */
    async listAnswerStamps(eventId: string): Promise<AnswerStamp[]> {
      return (await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :inv)',
        ProjectionExpression: '#response, answeredAt, respondedAt, invitedAt',
        ExpressionAttributeNames: { '#response': 'response' },
        ExpressionAttributeValues: { ':pk': `EVENT#${eventId}`, ':inv': 'INV#' },
      })) as AnswerStamp[];
    },

    /** The registration record of an invitation (response, details, who answered). */
    async findRegistration(eventId: string, invitationId: string): Promise<Record<string, unknown> | undefined> {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: registrationKey(eventId, invitationId), ConsistentRead: true }));
      return result.Item;
    },
  };
}

export type RegistrationsRepository = ReturnType<typeof createRegistrationsRepository>;
