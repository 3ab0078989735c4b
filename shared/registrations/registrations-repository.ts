import { DeleteCommand, GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { cancellationCodes, isConditionFailure } from '../db/conditions.js';
import { noticePut } from '../email/outbox-repository.js';
import type { NoticeKind } from '../email/invitation-templates.js';
import type { PersonalDataConsent } from '../delegations/passport-data.js';
import type { InvitationResponse } from '../invitations/invitation-schema.js';
import type { StoredInvitation } from '../invitations/invitations-repository.js';
import { queryAll, queryPrefix } from '../db/query-all.js';
import { coalescedReads } from '../db/coalesced-reads.js';
import { doorLaneKey, inItemLane, tallyLaneKey } from '../db/item-lanes.js';
import { jitteredBackoff } from '../db/write-conflicts.js';
import { doorKey, tallyKey } from '../events/event-tallies-repository.js';
import { doorGroupMoves, doorMove, doorStateOf } from '../attendees/door-group-counts.js';
import { addDelta, type CounterDeltas } from '../db/counter-deltas.js';
import { doorChangeItem, doorPersonOf } from '../attendees/door-changes.js';
import { eventPartition, eventSk, keys } from '../db/keys.js';

/**
 * Answers in the one table (docs/design.md, "Data model"). An answer is part of one TransactWriteItems:
 *
 *   EVENT#<eventId>  EVENT#TALLY              the counters moved by the batch's net change,
 *                                             conditioned on the event being published, the
 *                                             deadline not passed and, for n new seats,
 *                                             seatsLeft >= n and nobody waiting
 *   EVENT#<eventId>  INV#<invitationId>       response from → to, conditioned on the response
 *                                             and answerVersion it was read with
 *   EVENT#<eventId>  REG#<invitationId>       the registration: response, details, who answered
 *   EVENT#<eventId>  WAIT#<iso>#<invitationId> the waiting list, first come first served
 *   OUTBOX#<id>      OUTBOX                   the notice mail, id `<invitationId>.<kind>.<n>`
 *   PROMOTIONS_DUE   EVENT#<eventId>          when a seat is freed: the promotion to finish
 *
 * The event item itself (its text, up to 350 KB) is never written by an answer. So a seat, a
 * response and its mail move together or not at all; a double tap finds the response changed
 * and writes nothing.
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

/**
 * Why a transition wrote nothing. `event`: a condition on the event (closed, deadline, or full
 * for a promotion); `full`: no seat for a newcomer, as the tally says; `invitation`: it changed.
 */
export type TransitionOutcome = { ok: true; invitation: StoredInvitation } | { ok: false; failed: 'event' | 'full' | 'invitation' | 'conflict' };

/** What the seat rules read of an event's tally (shared/events/event-tallies-repository.ts). */
export type SeatTally = { status: string; registrationClosesAt?: string; capacity?: number; seatsLeft: number; confirmed: number; waitlisted: number };

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

/** Counters kept on the event's tally per response: every response (the invitation counts read them). */
const COUNTED: Partial<Record<InvitationResponse, string>> = {
  confirmed: 'confirmed',
  waitlisted: 'waitlisted',
  pending: 'pending',
  declined: 'declined',
  none: 'none',
  withdrawn: 'withdrawn',
  rejected: 'rejected',
};

const WAIT_PREFIX = eventSk.waitPrefix;
export const waitSkOf = keys.waitSk;

/**
 * Events where a seat was freed while people may wait: written in the transaction that frees it,
 * removed by the promoter once nobody waits beside a free seat; the repair sweep reads them
 * (shared/registrations/promote-from-waitlist.ts). Seats are freed seldom, so one key suffices.
 */
export const PROMOTIONS_DUE_PK = keys.promotionsDuePk;
export const promotionDueKey = keys.promotionDue;

/** Transitions written together, each with up to 4 items, beside the tally and a promotion mark. */
const MAX_BATCH = 24;
/** How long a transition may wait out other processes' conflicts before the answer is "busy". */
const CONFLICT_BUDGET_MS = 25_000;

/** A plain write's conflict reads as a transaction cancelled by one. */
const cancellationCodesOf = (error: unknown): (string | undefined)[] | undefined =>
  (error as { name?: string })?.name === 'TransactionConflictException' ? ['TransactionConflict'] : cancellationCodes(error);

const isThrottled = (error: unknown) =>
  ['ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded'].includes((error as { name?: string })?.name ?? '');

type Queued = {
  t: Transition;
  resolve: (outcome: TransitionOutcome) => void;
  reject: (error: unknown) => void;
  since: number;
};

/** A transition's own items and what it does to the counters. */
type Planned = {
  queued: Queued;
  items: Record<string, unknown>[];
  next: StoredInvitation;
  waitIndex: number;
  deltas: Record<string, number>;
  /** The door's per-group counts (shared/attendees/door-group-counts.ts). */
  door: CounterDeltas;
  freesSeat: boolean;
};

export function createRegistrationsRepository(db: DynamoDBDocumentClient, tableName: string) {
  /**
   * The transitions waiting for their event's tally, per event, in the order they came, and the
   * seats the tally was last seen to have left (known after a batch found it full): newcomers
   * beyond those are told "full" at once instead of failing another transaction.
   */
  type Lane = { queue: Queued[]; seatsLeft?: number };
  const queues = new Map<string, Lane>();
  const draining = new Set<string>();

  function plan(queued: Queued): Planned {
    const t = queued.t;
    const { invitation: current, to, at } = t;
    const from = current.response;
    const eventId = current.eventId;
    const version = current.answerVersion ?? 0;
    const nextVersion = version + 1;
    const deltas: Record<string, number> = {};
    if (from !== to) {
      if (COUNTED[from]) deltas[COUNTED[from]!] = (deltas[COUNTED[from]!] ?? 0) - 1;
      if (COUNTED[to]) deltas[COUNTED[to]!] = (deltas[COUNTED[to]!] ?? 0) + 1;
    }

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
    const items: Record<string, unknown>[] = [];
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
        Key: keys.invitation(eventId, current.invitationId),
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
          ...keys.registration(eventId, current.invitationId),
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
          Item: { pk: eventPartition(eventId), sk: next.waitSk, type: 'waitlistEntry', invitationId: current.invitationId, waitlistedAt: at },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    } else if (leavesWaitlist) {
      waitIndex = items.length;
      items.push({
        Delete: {
          TableName: tableName,
          Key: { pk: eventPartition(eventId), sk: current.waitSk },
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
    const door = doorMove(new Map(), doorStateOf({ ...current, response: from }), doorStateOf({ ...current, response: to }));
    return { queued, items, next, waitIndex, deltas, door, freesSeat: from === 'confirmed' && to !== 'confirmed' };
  }

  /**
   * The tally's part of a batch: every counter moved by its net change, under the conditions the
   * batch needs: the event published, the deadline not passed (for invitees), and for n new
   * seats, n seats left and nobody waiting (a seat freed between a withdrawal and its promotion
   * belongs to the head of the list); a promotion needs only a seat left.
   */
  function tallyPart(eventId: string, batch: Planned[]) {
    const names: Record<string, string> = { '#status': 'status' };
    const values: Record<string, unknown> = { ':published': 'published' };
    const conditions = ['#status = :published'];
    // biome-ignore lint/complexity/useMathMinMax: ISO strings, compared as text.
    const latest = batch.reduce((max, p) => (p.queued.t.at > max ? p.queued.t.at : max), '');
    if (batch.some((p) => p.queued.t.enforceDeadline)) {
      conditions.push('(attribute_not_exists(registrationClosesAt) OR registrationClosesAt > :now)');
      values[':now'] = latest;
    }
    const newSeats = batch.filter((p) => p.queued.t.seat && !p.queued.t.requireWaitItem).length;
    const promotions = batch.filter((p) => p.queued.t.seat && p.queued.t.requireWaitItem).length;
    if (newSeats > 0) {
      names['#capacity'] = 'capacity';
      conditions.push('(attribute_not_exists(#capacity) OR (seatsLeft >= :seats AND waitlisted = :nobody))');
      values[':seats'] = newSeats;
      values[':nobody'] = 0;
    } else if (promotions > 0) {
      names['#capacity'] = 'capacity';
      conditions.push('(attribute_not_exists(#capacity) OR seatsLeft >= :seats)');
      values[':seats'] = promotions;
    }
    const totals: Record<string, number> = {};
    for (const p of batch) for (const [counter, d] of Object.entries(p.deltas)) totals[counter] = (totals[counter] ?? 0) + d;
    if (totals.confirmed) totals.seatsLeft = -totals.confirmed;
    const moves = Object.entries(totals)
      .filter(([, d]) => d !== 0)
      .map(([counter, d], i) => {
        names[`#c${i}`] = counter;
        values[`:d${i}`] = d;
        // A tally from before every response was counted lacks none, withdrawn and rejected.
        values[':zero'] = 0;
        return `#c${i} = if_not_exists(#c${i}, :zero) + :d${i}`;
      });
    const base = { TableName: tableName, Key: tallyKey(eventId), ConditionExpression: conditions.join(' AND '), ExpressionAttributeNames: names, ExpressionAttributeValues: values };
    return moves.length ? { Update: { ...base, UpdateExpression: `SET ${moves.join(', ')}` } } : { ConditionCheck: base };
  }

  /** The next batch: in order, one transaction per invitation, a promotion alone, no seat after a new place on the list. */
  function cut(lane: Lane): Queued[] {
    const queue = lane.queue;
    const batch: Queued[] = [];
    const ids = new Set<string>();
    let joined = false;
    let seats = 0;
    let i = 0;
    while (i < queue.length) {
      const queued = queue[i]!;
      const t = queued.t;
      if (batch.length >= MAX_BATCH || ids.has(t.invitation.invitationId)) break;
      if (t.requireWaitItem) {
        if (batch.length === 0) {
          batch.push(queued);
          i += 1;
        }
        break;
      }
      if (t.seat && joined) break;
      if (t.seat && lane.seatsLeft !== undefined && seats >= lane.seatsLeft) {
        // Known full: this newcomer goes to the waiting list without a failed write.
        queue.splice(i, 1);
        queued.resolve({ ok: false, failed: 'full' });
        continue;
      }
      if (t.seat) seats += 1;
      if (t.to === 'waitlisted' && t.invitation.response !== 'waitlisted') joined = true;
      batch.push(queued);
      ids.add(t.invitation.invitationId);
      i += 1;
    }
    queue.splice(0, batch.length);
    return batch;
  }

  /** Callers at the same moment (every newcomer to a full event's waiting list) share one read. */
  const readTally = coalescedReads(async (eventId: string): Promise<SeatTally | undefined> => {
    const result = await db.send(new GetCommand({ TableName: tableName, Key: tallyKey(eventId), ConsistentRead: true }));
    const item = result.Item;
    if (!item) return undefined;
    return {
      status: item.status as string,
      registrationClosesAt: item.registrationClosesAt as string | undefined,
      capacity: item.capacity as number | undefined,
      seatsLeft: Number(item.seatsLeft ?? 0),
      confirmed: Number(item.confirmed ?? 0),
      waitlisted: Number(item.waitlisted ?? 0),
    };
  });

  /**
   * Writes one batch. What fails comes back as an outcome to its own caller, who decides again;
   * what was only cancelled with it goes back to the head of the queue.
   */
  async function commit(eventId: string, batch: Queued[], lane: Lane): Promise<'done' | 'conflict'> {
    const queue = lane.queue;
    const planned = batch.map(plan);
    const items: Record<string, unknown>[] = [tallyPart(eventId, planned)];
    const ranges: [number, number][] = [];
    for (const p of planned) {
      ranges.push([items.length, items.length + p.items.length]);
      items.push(...p.items);
    }
    // The door's per-group confirmed counts, moved once by the batch's sum (one more item, at most 99).
    const doorDeltas: CounterDeltas = new Map();
    for (const p of planned) for (const [counter, d] of p.door) addDelta(doorDeltas, counter, d);
    const door = doorGroupMoves(doorDeltas);
    if (door.sets.length > 0) {
      items.push({ Update: { TableName: tableName, Key: doorKey(eventId), UpdateExpression: `SET ${door.sets.join(', ')}`, ExpressionAttributeNames: door.names, ExpressionAttributeValues: door.values } });
    }
    if (planned.some((p) => p.freesSeat)) {
      items.push({ Put: { TableName: tableName, Item: { ...promotionDueKey(eventId), type: 'promotionDue', eventId, at: planned[0]!.queued.t.at } } });
    }
    try {
      await db.send(new TransactWriteCommand({ TransactItems: items as never }));
      if (lane.seatsLeft !== undefined) lane.seatsLeft -= planned.reduce((sum, p) => sum + (p.deltas.confirmed ?? 0), 0);
      for (const p of planned) p.queued.resolve({ ok: true, invitation: p.next });
      return 'done';
    } catch (error) {
      const codes = cancellationCodesOf(error);
      if (!codes && !isThrottled(error)) {
        for (const q of batch) q.reject(error);
        return 'done';
      }
      if (!codes?.some((code) => code === 'ConditionalCheckFailed' || code === 'ValidationError')) {
        // Held by another process (or throttled) beyond the client's own retries: try again, in
        // order, unless a transition has waited too long.
        const now = Date.now();
        const stay = batch.filter((q) => {
          if (now - q.since <= CONFLICT_BUDGET_MS) return true;
          q.resolve({ ok: false, failed: 'conflict' });
          return false;
        });
        queue.unshift(...stay);
        return 'conflict';
      }
      if (codes.includes('ValidationError')) {
        for (const q of batch) q.reject(error);
        return 'done';
      }
      const back: Queued[] = [];
      const tallyFailed = codes[0] === 'ConditionalCheckFailed';
      const survivors: Planned[] = [];
      planned.forEach((p, i) => {
        const [from, to] = ranges[i]!;
        if (codes.slice(from, to).includes('ConditionalCheckFailed')) p.queued.resolve({ ok: false, failed: 'invitation' });
        else survivors.push(p);
      });
      if (!tallyFailed) {
        back.push(...survivors.map((p) => p.queued));
      } else {
        // Which of the tally's conditions failed, read once for the whole batch.
        const tally = await readTally(eventId);
        // biome-ignore lint/complexity/useMathMinMax: ISO strings, compared as text.
        const latest = planned.reduce((max, p) => (p.queued.t.at > max ? p.queued.t.at : max), '');
        const closed =
          tally?.status !== 'published' ||
          (tally.registrationClosesAt !== undefined && tally.registrationClosesAt <= latest && survivors.some((p) => p.queued.t.enforceDeadline));
        const seats = !tally || tally.capacity === undefined ? Infinity : tally.waitlisted > 0 ? 0 : Math.max(0, tally.seatsLeft);
        lane.seatsLeft = seats;
        let left = seats;
        for (const p of survivors) {
          const t = p.queued.t;
          if (closed || (t.seat && t.requireWaitItem)) p.queued.resolve({ ok: false, failed: 'event' });
          else if (!t.seat) back.push(p.queued);
          else if (left > 0) {
            left -= 1;
            back.push(p.queued);
          } else p.queued.resolve({ ok: false, failed: 'full' });
        }
      }
      queue.unshift(...back);
      return 'done';
    }
  }

  async function drain(eventId: string) {
    const lane = queues.get(eventId)!;
    let conflicts = 0;
    try {
      while (lane.queue.length > 0) {
        // A batch may move the door's per-group counts too: it takes the door's lane first, as
        // walk-ins do (door, then tally), so this process's check-ins never collide with it.
        const outcome = await inItemLane(doorLaneKey(tableName, eventId), () =>
          inItemLane(tallyLaneKey(tableName, eventId), async () => {
            const batch = cut(lane);
            return batch.length ? commit(eventId, batch, lane) : 'done';
          }),
        );
        conflicts = outcome === 'conflict' ? conflicts + 1 : 0;
        if (conflicts > 0) await jitteredBackoff(conflicts, 20, 1000);
      }
    } finally {
      draining.delete(eventId);
      if (lane.queue.length > 0) startDrain(eventId);
      // A burst is over: the next starts without assumptions (a capacity may be raised meanwhile).
      else queues.delete(eventId);
    }
  }

  function startDrain(eventId: string) {
    if (draining.has(eventId)) return;
    draining.add(eventId);
    void drain(eventId);
  }

  return {
    /**
     * Moves an invitation from its current response to `to` with everything that follows from
     * it, in one transaction with the event's tally. Transitions of one event queue in this
     * process and are written in batches (up to 24 in one transaction, the tally moved once by
     * their sum), so a rush costs a few transactions instead of a thousand colliding ones.
     * Answers which condition failed instead of throwing.
     */
    transition(t: Transition): Promise<TransitionOutcome> {
      return new Promise<TransitionOutcome>((resolve, reject) => {
        const eventId = t.invitation.eventId;
        const lane = queues.get(eventId) ?? { queue: [] };
        queues.set(eventId, lane);
        lane.queue.push({ t, resolve, reject, since: Date.now() });
        startDrain(eventId);
      });
    },

    /** The event's tally (counts and the copies of its gate), read consistently. */
    readTally,

    /** The "promotion due" mark of an event, if any (its time tells one mark from a later one). */
    async findPromotionDue(eventId: string): Promise<string | undefined> {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: promotionDueKey(eventId), ConsistentRead: true }));
      return result.Item?.at as string | undefined;
    },

    /** Removes the mark the promoter read, not one a later freed seat wrote meanwhile. */
    async clearPromotionDue(eventId: string, at: string): Promise<void> {
      try {
        await db.send(
          new DeleteCommand({ TableName: tableName, Key: promotionDueKey(eventId), ConditionExpression: '#at = :at', ExpressionAttributeNames: { '#at': 'at' }, ExpressionAttributeValues: { ':at': at } }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },

    /** Events marked "promotion due", for the repair sweep. */
    async listPromotionsDue(): Promise<string[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': PROMOTIONS_DUE_PK },
        ConsistentRead: true,
      });
      return items.map((item) => item.eventId as string);
    },

    /** The first on the event's waiting list, read consistently; undefined when nobody waits. */
    async headOfWaitlist(eventId: string): Promise<WaitlistEntry | undefined> {
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :wait)',
          ExpressionAttributeValues: { ':pk': eventPartition(eventId), ':wait': WAIT_PREFIX },
          ConsistentRead: true,
          Limit: 1,
        }),
      );
      const item = result.Items?.[0];
      return item ? { invitationId: item.invitationId as string, waitlistedAt: item.waitlistedAt as string, sk: item.sk as string } : undefined;
    },

    /** The whole waiting list in order, first come first. */
    async listWaitlist(eventId: string): Promise<WaitlistEntry[]> {
      const items = await queryPrefix(db, tableName, eventPartition(eventId), WAIT_PREFIX, {
        ConsistentRead: true,
      });
      return items.map((item) => ({ invitationId: item.invitationId as string, waitlistedAt: item.waitlistedAt as string, sk: item.sk as string }));
    },

    /** Invitations of an event with one response (pending approvals), read page by page. */
    async listByResponse(eventId: string, response: InvitationResponse): Promise<StoredInvitation[]> {
      const items = await queryPrefix(db, tableName, eventPartition(eventId), eventSk.invitationPrefix, {
        FilterExpression: '#response = :response',
        ExpressionAttributeNames: { '#response': 'response' },
        ExpressionAttributeValues: { ':response': response },
        ConsistentRead: true,
      });
      return items.map(({ pk: _pk, sk: _sk, listPk: _lp, listSk: _ls, type: _type, ...invitation }) => invitation as StoredInvitation);
    },

    /**
     * The answer stamps of every invitation of an event, read page by page from the event's
     * partition (never a Scan), only the attributes the timeline counts.
     */
    async listAnswerStamps(eventId: string): Promise<AnswerStamp[]> {
      return (await queryPrefix(db, tableName, eventPartition(eventId), eventSk.invitationPrefix, {
        ProjectionExpression: '#response, answeredAt, respondedAt, invitedAt',
        ExpressionAttributeNames: { '#response': 'response' },
      })) as AnswerStamp[];
    },

    /** The registration record of an invitation (response, details, who answered). */
    async findRegistration(eventId: string, invitationId: string): Promise<Record<string, unknown> | undefined> {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: keys.registration(eventId, invitationId), ConsistentRead: true }));
      return result.Item;
    },
  };
}

export type RegistrationsRepository = ReturnType<typeof createRegistrationsRepository>;
