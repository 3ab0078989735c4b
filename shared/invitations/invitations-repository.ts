import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { newId } from '../auth/secret-tokens.js';
import { parseLinkToken, type LinkTokens } from './link-tokens.js';
import type { DelegationRole } from '../delegations/delegation-roles.js';
import type { MemberLogistics } from '../delegations/delegation-repository.js';
import type { PersonalDataConsent } from '../delegations/passport-data.js';
import { cancellationCodes, failedConditionIndexes, isConditionFailure, writeIfHolds, transactionOn } from '../db/conditions.js';
import { inItemLane, tallyLaneKey } from '../db/item-lanes.js';
import { isWriteConflict } from '../db/write-conflicts.js';
import { doorKey, ensureTallies, TALLY_SK, tallyKey } from '../events/event-tallies-repository.js';
import { decodeCursor, encodeCursor, invalidCursor, type Page } from '../db/pagination.js';
import { foldAccents } from '../text/vietnamese.js';
import type { EmailStatus, Invitation, InvitationResponse } from './invitation-schema.js';
import { nameSortKey } from './name-sort-key.js';
import { queryBetween, queryListing, queryPrefix } from '../db/query-all.js';
import { doorGroupMoves, doorMove, doorStateOf } from '../attendees/door-group-counts.js';
import { COUNTS_SK, countsKey, countsLaneKey, countsUpdate, emailStatusCounter, groupCounter, invitationMove } from './invitation-counts.js';
import type { CounterDeltas } from '../db/counter-deltas.js';
import { batchGetAll } from '../db/batch-get-all.js';
import { eventPartition, eventSk, keys } from '../db/keys.js';
import { equalityFilters, filterExpression } from '../db/filters.js';

/**
 * Invitations in the one table (docs/design.md, "Data model"):
 *
 *   EVENT#<eventId>   INV#<invitationId>      the invitation; in the `listings` index under
 *                                             EVENT#<eventId>#INVITATIONS, sorted by name
 *   EVENT#<eventId>   INVEMAIL#<email>        one invitation per address per event; for an
 *   EVENT#<eventId>   INVPHONE#<+84...>       invitee without email, per phone number
 *   INVTOKEN#<sha256> INVTOKEN                a link's secret → { eventId, invitationId }: what
 *                                             opens links mailed with the secret alone
 *   EVENT#<eventId>   EVENT#TALLY             the event's tally: `invited` moves in the same
 *                                             transaction as the invitations it counts
 *
 * Only a token's hash is stored; the token itself is derived from the invitation id and its link
 * version with the server's LINK_SECRET (link-tokens.ts), so the sender can rebuild it.
 */
export type StoredInvitation = Omit<Invitation, 'matchedOn'> & {
  /** Folded name, organisation, email and phone: what the list search looks in. */
  searchText: string;
  tokenHash: string;
  /** Bumped when the link is replaced (a changed address); part of the token's derivation. */
  tokenVersion?: number;
  details?: Record<string, unknown>;
  /** Set by the answer flow (shared/registrations): who answered when, and how. */
  answeredAt?: string;
  /** When the invitee's own answer (yes, no, withdrawn) last changed; approvals leave it. */
  respondedAt?: string;
  answeredBy?: { userId: string; channel: 'phone' | 'in_person' | 'other' };
  /** The reason given with the last decline or rejection. */
  answerReason?: string;
  /** The waiting-list item's sort key while the response is `waitlisted`. */
  waitSk?: string;
  /** Bumped by every answer; names the notice mail an answer queues. */
  answerVersion?: number;
  /** A member of a delegation (shared/delegations): their role, protocol rank and head. */
  delegationRole?: DelegationRole;
  protocolRank?: number;
  headInvitationId?: string;
  /** An incoming delegation's member: arrival, departure, hotel, food, interpreter. */
  logistics?: MemberLogistics;
  /** Who entered this person: the head of their delegation, or an organiser. */
  addedBy?: { kind: 'head'; invitationId: string } | { kind: 'organiser'; userId: string };
  /** Consent to the processing of passport data (Decree 13/2023), moved by the answer flow. */
  consent?: PersonalDataConsent;
  /** Came through the event's open registration page, not an organiser's list. */
  selfRegistered?: boolean;
  /** Set by the check-in at the door (shared/attendees), counted in counts.checkedIn. */
  checkedInAt?: string;
};

export type NewInvitation = Omit<StoredInvitation, 'invitationId' | 'searchText' | 'tokenHash' | 'tokenVersion'>;
export type InvitationAddress = { email?: string; phone?: string; invitationId?: string };
export type CreatedInvitation = { invitationId: string; token: string };
export type InsertOutcome<T extends NewInvitation> = {
  created: (CreatedInvitation & { invitation: T })[];
  /** Their address was taken meanwhile (another import, another organiser): nothing written. */
  duplicates: T[];
  /** Kept failing on write conflicts after several tries: nothing written, importing again is safe. */
  failed: T[];
};

/** The event is missing, cancelled or closed: the transaction that would count invitees failed. */
export class EventNotOpenSignal extends Error {}
/** The invitation changed or vanished between read and write. */
export class InvitationChangedSignal extends Error {}
export class AddressTakenSignal extends Error {}

const listPkOf = keys.invitationsListPk;
const INVITATION_PREFIX = eventSk.invitationPrefix;

/** The guard that keeps one invitation per address: the email, or the phone when there is none. */
export function addressGuardOf(address: InvitationAddress): string {
  if (address.email) return `INVEMAIL#${address.email}`;
  if (address.phone) return `INVPHONE#${address.phone}`;
  // A delegation member entered with neither (a driver): a guard of their own, which never collides.
  if (address.invitationId) return `INVNOADDR#${address.invitationId}`;
  throw new Error('An invitee needs an email or a phone');
}
const guardKey = keys.inEvent;

export function searchTextOf(invitation: Pick<StoredInvitation, 'name' | 'organisation' | 'email' | 'phone'>): string {
  // A Vietnamese number is also searchable as people type it: 0912345678 as well as +84912345678.
  const localPhone = invitation.phone?.startsWith('+84') ? `0${invitation.phone.slice(3)}` : undefined;
  return foldAccents([invitation.name, invitation.organisation, invitation.email, invitation.phone, localPhone].filter(Boolean).join(' '));
}

/** 32 invitations × 3 items + the tally + the invitation counts = 98, within the 100 one transaction may hold. */
const INVITATIONS_PER_TRANSACTION = 32;
const PARALLEL_TRANSACTIONS = 4;
const MAX_CONFLICT_RETRIES = 8;
const STORED_ATTRIBUTES = ['pk', 'sk', 'listPk', 'listSk', 'type'];

function toInvitation(item: Record<string, unknown>): StoredInvitation {
  const invitation = { ...item };
  for (const key of STORED_ATTRIBUTES) delete invitation[key];
  return invitation as StoredInvitation;
}


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const backoff = (attempt: number) => sleep(Math.random() * Math.min(1000, 20 * 2 ** attempt));

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next]!;
      next += 1;
      await work(item);
    }
  });
  await Promise.all(workers);
}

export type InvitationListQuery = {
  limit: number;
  cursor?: string;
  emailStatus?: EmailStatus;
  response?: InvitationResponse;
  group?: string;
  /** Folded words, each of which must appear in searchText. */
  words?: string[];
  /** Start at this name sort key (a prefix of nameSortKey's), when there is no cursor. */
  fromKey?: string;
};

export type InvitationChanges = {
  set: Partial<Pick<StoredInvitation, 'name' | 'email' | 'phone' | 'organisation' | 'position' | 'language' | 'group' | 'salutation'>>;
  remove: ('email' | 'phone' | 'organisation' | 'position' | 'group' | 'salutation')[];
};

/**
 * An invitation read by its key, consistently: the repository's findById, for a process that holds
 * no link secret (the waiting list's repair sweep, functions/jobs/repair-promotions.ts).
 */
export function createInvitationReader(db: DynamoDBDocumentClient, tableName: string) {
  return {
    async findById(eventId: string, invitationId: string): Promise<StoredInvitation | undefined> {
      const result = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.invitation(eventId, invitationId), ConsistentRead: true }),
      );
      return result.Item ? toInvitation(result.Item) : undefined;
    },
  };
}

export function createInvitationsRepository(db: DynamoDBDocumentClient, tableName: string, links: LinkTokens) {
  function storedItem(invitation: StoredInvitation) {
    return {
      ...keys.invitation(invitation.eventId, invitation.invitationId),
      type: 'invitation',
      ...invitation,
      listPk: listPkOf(invitation.eventId),
      listSk: `${nameSortKey(invitation.name)}#${invitation.invitationId}`,
    };
  }

  function tokenPut(invitation: { eventId: string; invitationId: string }, tokenHash: string) {
    return {
      Put: {
        TableName: tableName,
        Item: { ...keys.invitationToken(tokenHash), type: 'invitationToken', eventId: invitation.eventId, invitationId: invitation.invitationId },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** One transaction of at most 32 invitations; retried on conflicts, duplicates set aside. */
  async function insertChunk<T extends NewInvitation>(eventId: string, chunk: T[], outcome: InsertOutcome<T>) {
    const fresh = <I>(invitation: I) => {
      const invitationId = newId();
      return { invitation, invitationId, token: links.tokenFor(invitationId, 1) };
    };
    let pending = chunk.map(fresh);
    let conflicts = 0;
    while (pending.length > 0) {
      const items: Record<string, unknown>[] = pending.flatMap(({ invitation, invitationId }) => {
        const stored: StoredInvitation = {
          ...invitation,
          invitationId,
          searchText: searchTextOf(invitation),
          tokenHash: links.hashFor(invitationId, 1),
          tokenVersion: 1,
        };
        return [
          {
            Put: {
              TableName: tableName,
              Item: storedItem(stored),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: { ...guardKey(eventId, addressGuardOf({ ...invitation, invitationId })), type: 'invitationGuard', invitationId },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          tokenPut({ eventId, invitationId }, stored.tokenHash),
        ];
      });
      items.push({
        Update: {
          TableName: tableName,
          Key: tallyKey(eventId),
          // New invitations have not answered: counted `none` as well as invited.
          UpdateExpression: 'SET #invited = if_not_exists(#invited, :zero) + :n, #none = if_not_exists(#none, :zero) + :n',
          ConditionExpression: '#status IN (:draft, :published)',
          ExpressionAttributeNames: { '#invited': 'invited', '#status': 'status', '#none': 'none' },
          ExpressionAttributeValues: { ':zero': 0, ':n': pending.length, ':draft': 'draft', ':published': 'published' },
        },
      });
      const deltas: CounterDeltas = new Map();
      for (const { invitation } of pending) invitationMove(deltas, undefined, invitation);
      const counts = countsUpdate(tableName, eventId, deltas);
      if (counts) items.push(counts);
      try {
        await inItemLane(tallyLaneKey(tableName, eventId), () =>
          inItemLane(countsLaneKey(tableName, eventId), () => db.send(new TransactWriteCommand({ TransactItems: items as never }))),
        );
        outcome.created.push(...pending.map(({ invitation, invitationId, token }) => ({ invitation, invitationId, token })));
        return;
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        if (codes[pending.length * 3] === 'ConditionalCheckFailed') throw new EventNotOpenSignal();
        const taken = new Set<number>();
        let collided = false;
        pending.forEach((_, i) => {
          if (codes[i * 3 + 1] === 'ConditionalCheckFailed') taken.add(i);
          else if (codes[i * 3] === 'ConditionalCheckFailed' || codes[i * 3 + 2] === 'ConditionalCheckFailed') collided = true;
        });
        if (taken.size > 0 || collided) {
          outcome.duplicates.push(...pending.filter((_, i) => taken.has(i)).map((p) => p.invitation));
          // A random id or token that already exists is as good as impossible; a new one is enough.
          pending = pending
            .filter((_, i) => !taken.has(i))
            .map((p) => (collided ? fresh(p.invitation) : p));
          continue;
        }
        // TransactionConflict: another transaction held one of the items (the event counter,
        // or a guard another import is writing). Wait a little and try the same writes again.
        conflicts += 1;
        if (conflicts > MAX_CONFLICT_RETRIES) {
          outcome.failed.push(...pending.map((p) => p.invitation));
          return;
        }
        await backoff(conflicts);
      }
    }
  }

  const { findById } = createInvitationReader(db, tableName);

  /** The invitation behind a link mailed with the secret alone; undefined for an unknown or revoked one. */
  async function findByTokenHash(tokenHash: string): Promise<StoredInvitation | undefined> {
    const link = await db.send(new GetCommand({ TableName: tableName, Key: keys.invitationToken(tokenHash), ConsistentRead: true }));
    if (!link.Item) return undefined;
    const invitation = await findById(link.Item.eventId as string, link.Item.invitationId as string);
    // A link item left behind by an interrupted change opens nothing: the invitation decides.
    return invitation?.tokenHash === tokenHash ? invitation : undefined;
  }

  return {
    /**
     * Creates invitations in transactions of 32 (each with its address guard, its token, the
     * event's counter), a few at once. An address already taken is reported, never overwritten;
     * the rest of its transaction is written on the next try.
     */
    async insertInvitations<T extends NewInvitation>(eventId: string, invitations: T[]): Promise<InsertOutcome<T>> {
      const outcome: InsertOutcome<T> = { created: [], duplicates: [], failed: [] };
      const chunks: T[][] = [];
      for (let i = 0; i < invitations.length; i += INVITATIONS_PER_TRANSACTION) {
        chunks.push(invitations.slice(i, i + INVITATIONS_PER_TRANSACTION));
      }
      await inParallel(chunks, PARALLEL_TRANSACTIONS, (chunk) => insertChunk(eventId, chunk, outcome));
      return outcome;
    },

    /** Which of these address guards already exist in the event: a cheap pre-check before writing. */
    async findTakenAddresses(eventId: string, guards: string[]): Promise<Set<string>> {
      const taken = new Set<string>();
      const keys = [...new Set(guards)].map((guard) => guardKey(eventId, guard));
      const found = await batchGetAll(db, tableName, keys, { consistentRead: true, projection: 'sk', parallel: PARALLEL_TRANSACTIONS });
      for (const item of found) taken.add(item.sk as string);
      return taken;
    },

    findById,

    /** The invitation that holds an address in an event (its guard), if any. */
    async findByAddress(eventId: string, address: InvitationAddress): Promise<StoredInvitation | undefined> {
      const guard = await db.send(
        new GetCommand({ TableName: tableName, Key: guardKey(eventId, addressGuardOf(address)), ConsistentRead: true }),
      );
      return guard.Item ? findById(eventId, guard.Item.invitationId as string) : undefined;
    },

    findByTokenHash,

    /**
     * The invitation behind a personal link's token (link-tokens.ts); undefined for an unknown,
     * malformed, tampered or revoked one. An addressed link costs one consistent read, the
     * invitation by its key; a link mailed before it, two (its link item, then the invitation).
     */
    async findByLink(token: string): Promise<StoredInvitation | undefined> {
      const link = parseLinkToken(token);
      if (!link) return undefined;
      if (link.shape === 'secretOnly') return findByTokenHash(link.tokenHash);
      const invitation = await findById(link.eventId, link.invitationId);
      return invitation && links.opens(invitation, link.secret) ? invitation : undefined;
    },

    /**
     * One page of an event's invitations in Vietnamese name order. Filters apply after DynamoDB
     * reads a page, so a page can come back short: it reads on until the page is full or the
     * list ends, and the cursor always points just after the last invitation answered.
     */
    async listByName(eventId: string, query: InvitationListQuery): Promise<Page<StoredInvitation>> {
      const filter = equalityFilters({ emailStatus: query.emailStatus, response: query.response, group: query.group }, { ':list': listPkOf(eventId) });
      const { conditions: filters, values } = filter;
      query.words?.forEach((word, i) => {
        filters.push(`contains(searchText, :w${i})`);
        values[`:w${i}`] = word;
      });
      if (query.fromKey) values[':from'] = query.fromKey;
      let startKey: Record<string, unknown> | undefined = decodeCursor(query.cursor, ['pk', 'sk', 'listPk', 'listSk']);
      // A cursor from another event's list is as invalid as a garbled one.
      if (startKey && startKey.listPk !== listPkOf(eventId)) throw invalidCursor();
      const items: StoredInvitation[] = [];
      let lastKey: Record<string, unknown> | undefined;
      do {
        const result = await db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'listings',
            KeyConditionExpression: query.fromKey ? 'listPk = :list AND listSk >= :from' : 'listPk = :list',
            ...filterExpression(filter),
            ExpressionAttributeValues: values,
            ExclusiveStartKey: startKey,
            // Without filters one read is exactly the page; with them, read ahead in bigger steps.
            Limit: filters.length ? Math.max(query.limit - items.length, 200) : query.limit - items.length,
          }),
        );
        const found = result.Items ?? [];
        let used = 0;
        for (const item of found) {
          if (items.length === query.limit) break;
          items.push(toInvitation(item));
          lastKey = { pk: item.pk, sk: item.sk, listPk: item.listPk, listSk: item.listSk };
          used += 1;
        }
        startKey = result.LastEvaluatedKey;
        if (items.length === query.limit) {
          // Full: the next page starts after its last invitation, unless nothing can follow.
          const more = used < found.length || startKey !== undefined;
          return { items, ...(more ? { nextCursor: encodeCursor(lastKey) } : {}) };
        }
      } while (startKey);
      return { items };
    },

    /**
     * Every invitation of an event with the given email status, response and group, in name order:
     * a search ranks them all (shared/text/name-search.ts) before it can answer its first page.
     */
    async listAllByName(eventId: string, query: Pick<InvitationListQuery, 'emailStatus' | 'response' | 'group'>): Promise<StoredInvitation[]> {
      const filter = equalityFilters({ emailStatus: query.emailStatus, response: query.response, group: query.group });
      const items = await queryListing(db, tableName, listPkOf(eventId), { ...filterExpression(filter), ExpressionAttributeValues: filter.values });
      return items.map(toInvitation);
    },

    /** Every invitation of an event, read page by page (counts, copying a list). */
    /**
     * The event's count items in one Query of small items (`EVENT#…` sort keys after the event
     * itself): the tally (counts by answer) and the invitation counts (by email status, by group).
     */
    async readCountItems(eventId: string): Promise<{ tally?: Record<string, unknown>; counts?: Record<string, unknown> }> {
      const items = await queryBetween(db, tableName, eventPartition(eventId), COUNTS_SK, TALLY_SK, { ConsistentRead: true });
      return { tally: items.find((item) => item.sk === TALLY_SK), counts: items.find((item) => item.sk === COUNTS_SK) };
    },

    /** What the counts count of every invitation, read consistently: for counting an older event once. */
    async listCountedFields(eventId: string): Promise<Pick<StoredInvitation, 'emailStatus' | 'response' | 'group'>[]> {
      return (await queryPrefix(db, tableName, eventPartition(eventId), INVITATION_PREFIX, {
        ProjectionExpression: 'emailStatus, #response, #group',
        ExpressionAttributeNames: { '#response': 'response', '#group': 'group' },
        ConsistentRead: true,
      })) as Pick<StoredInvitation, 'emailStatus' | 'response' | 'group'>[];
    },

    /**
     * Writes the counts of an event counted before they were kept: the invitation counts item and
     * the tally's missing responses, only if neither moved since `seen` was read (any write that
     * moves them moves `v` or one of the tally's counters). False: something moved, count again.
     */
    async writeCountedOnce(
      eventId: string,
      seen: { tally: Record<string, unknown>; counts?: Record<string, unknown> },
      counted: { emailStatus: Record<string, number>; response: Record<string, number>; groups: Map<string, number> },
    ): Promise<boolean> {
      const item: Record<string, unknown> = { ...countsKey(eventId), type: 'invitationCounts', v: Number(seen.counts?.v ?? 0) + 1, counted: true };
      for (const [status, n] of Object.entries(counted.emailStatus)) item[emailStatusCounter(status as EmailStatus)] = n;
      for (const [group, n] of counted.groups) item[groupCounter(group)] = n;
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ':yes': true };
      const conditions = ['attribute_exists(pk)'];
      ['invited', 'confirmed', 'waitlisted', 'pending', 'declined'].forEach((counter, i) => {
        names[`#k${i}`] = counter;
        if (seen.tally[counter] === undefined) conditions.push(`attribute_not_exists(#k${i})`);
        else {
          conditions.push(`#k${i} = :k${i}`);
          values[`:k${i}`] = seen.tally[counter];
        }
      });
      const sets = ['responsesCounted = :yes'];
      ['none', 'withdrawn', 'rejected'].forEach((response, i) => {
        names[`#r${i}`] = response;
        values[`:r${i}`] = counted.response[response] ?? 0;
        sets.push(`#r${i} = :r${i}`);
      });
      try {
        await inItemLane(tallyLaneKey(tableName, eventId), () =>
          inItemLane(countsLaneKey(tableName, eventId), () =>
            db.send(
              transactionOn(tableName, [
                  {
                    Put: {
                      Item: item,
                      ConditionExpression: seen.counts ? 'v = :v' : 'attribute_not_exists(pk)',
                      ...(seen.counts ? { ExpressionAttributeValues: { ':v': seen.counts.v ?? 0 } } : {}),
                    },
                  },
                  {
                    Update: {
                      Key: tallyKey(eventId),
                      UpdateExpression: `SET ${sets.join(', ')}`,
                      ConditionExpression: conditions.join(' AND '),
                      ExpressionAttributeNames: names,
                      ExpressionAttributeValues: values,
                    },
                  },
                ]),
            ),
          ),
        );
        return true;
      } catch (error) {
        if (failedConditionIndexes(error)?.length || isWriteConflict(error)) return false;
        throw error;
      }
    },

    async listAllByEvent(eventId: string): Promise<StoredInvitation[]> {
      const items = await queryPrefix(db, tableName, eventPartition(eventId), INVITATION_PREFIX, {
        ConsistentRead: true,
      });
      return items.map(toInvitation);
    },

    /**
     * Writes a correction. When the address changes, the old address guard gives way to the new
     * one and the link is replaced, all in one transaction: the old link opens nothing from then on.
     * Answers the new raw token when the link was replaced.
     * Throws AddressTakenSignal or InvitationChangedSignal.
     */
    async updateInvitation(
      current: StoredInvitation,
      changes: InvitationChanges,
      updatedAt: string,
      options: { replaceLink: boolean },
    ): Promise<{ invitation: StoredInvitation; token?: string }> {
      const next: StoredInvitation = { ...current, ...changes.set, updatedAt };
      for (const key of changes.remove) delete next[key];
      const nextVersion = (current.tokenVersion ?? 1) + 1;
      const token = options.replaceLink ? links.tokenFor(current.invitationId, nextVersion) : undefined;
      if (token) {
        next.tokenHash = links.hashFor(current.invitationId, nextVersion);
        next.tokenVersion = nextVersion;
      }
      next.searchText = searchTextOf(next);

      const stored = storedItem(next);
      const sets: Record<string, unknown> = { ...changes.set, updatedAt, searchText: next.searchText, listSk: stored.listSk };
      if (token) {
        sets.tokenHash = next.tokenHash;
        sets.tokenVersion = nextVersion;
      }
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ':currentHash': current.tokenHash };
      const setParts = Object.entries(sets).map(([key, value]) => {
        names[`#${key}`] = key;
        values[`:${key}`] = value;
        return `#${key} = :${key}`;
      });
      for (const key of changes.remove) names[`#${key}`] = key;
      const update = {
        TableName: tableName,
        Key: keys.invitation(current.eventId, current.invitationId),
        UpdateExpression: `SET ${setParts.join(', ')}${changes.remove.length ? ` REMOVE ${changes.remove.map((k) => `#${k}`).join(', ')}` : ''}`,
        // The link it was read with: a concurrent address change or resend rotated it.
        ConditionExpression: 'tokenHash = :currentHash',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      };

      const oldGuard = addressGuardOf(current);
      const newGuard = addressGuardOf(next);
      // A change of group moves the invitation counts in the same transaction.
      const counts = countsUpdate(tableName, current.eventId, invitationMove(new Map(), current, next));
      // A confirmed person whose group (or organisation) changes moves between the door's group counts.
      const door = doorGroupMoves(doorMove(new Map(), doorStateOf(current), doorStateOf(next)));
      if (!token && oldGuard === newGuard && !counts && door.sets.length === 0) {
        try {
          await db.send(new UpdateCommand(update));
        } catch (error) {
          if (isConditionFailure(error)) throw new InvitationChangedSignal();
          throw error;
        }
        return { invitation: next };
      }

      const items: Record<string, unknown>[] = [{ Update: update }];
      let newGuardIndex = -1;
      if (oldGuard !== newGuard) {
        items.push({
          Delete: {
            TableName: tableName,
            Key: guardKey(current.eventId, oldGuard),
            ConditionExpression: 'attribute_not_exists(pk) OR invitationId = :id',
            ExpressionAttributeValues: { ':id': current.invitationId },
          },
        });
        newGuardIndex = items.length;
        items.push({
          Put: {
            TableName: tableName,
            Item: { ...guardKey(current.eventId, newGuard), type: 'invitationGuard', invitationId: current.invitationId },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        });
      }
      if (token) {
        items.push({ Delete: { TableName: tableName, Key: keys.invitationToken(current.tokenHash) } });
        items.push(tokenPut(current, next.tokenHash));
      }
      if (counts) items.push(counts);
      if (door.sets.length > 0) {
        items.push({ Update: { TableName: tableName, Key: doorKey(current.eventId), UpdateExpression: `SET ${door.sets.join(', ')}`, ExpressionAttributeNames: door.names, ExpressionAttributeValues: door.values } });
      }
      try {
        const write = () => db.send(new TransactWriteCommand({ TransactItems: items as never }));
        await (counts ? inItemLane(countsLaneKey(tableName, current.eventId), write) : write());
      } catch (error) {
        const codes = cancellationCodes(error);
        if (codes?.[newGuardIndex] === 'ConditionalCheckFailed') throw new AddressTakenSignal();
        if (codes?.some((code) => code === 'ConditionalCheckFailed' || code === 'TransactionConflict')) {
          throw new InvitationChangedSignal();
        }
        throw error;
      }
      return { invitation: next, token };
    },

    /**
     * The personal link's token of an invitation as it is now (the sender puts it in mails): the
     * addressed shape, which opens with one read (link-tokens.ts).
     */
    linkTokenOf(invitation: Pick<StoredInvitation, 'eventId' | 'invitationId' | 'tokenVersion'>): string {
      return links.linkTokenFor(invitation);
    },

    /**
     * A new personal link for an invitation, revoking the one before (the next version of its
     * derivation). Answers the new token; undefined when the invitation does not exist.
     */
    async rotateToken(eventId: string, invitationId: string): Promise<string | undefined> {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const current = await findById(eventId, invitationId);
        if (!current) return undefined;
        const version = (current.tokenVersion ?? 1) + 1;
        const token = links.tokenFor(invitationId, version);
        const tokenHash = links.hashFor(invitationId, version);
        try {
          await db.send(
            transactionOn(tableName, [
                {
                  Update: {
                    Key: keys.invitation(eventId, invitationId),
                    UpdateExpression: 'SET tokenHash = :new, tokenVersion = :version',
                    ConditionExpression: 'tokenHash = :old',
                    ExpressionAttributeValues: { ':new': tokenHash, ':version': version, ':old': current.tokenHash },
                  },
                },
                { Delete: { Key: keys.invitationToken(current.tokenHash) } },
                tokenPut(current, tokenHash),
              ]),
          );
          return token;
        } catch (error) {
          if (!cancellationCodes(error)) throw error;
          await backoff(attempt);
        }
      }
      throw new InvitationChangedSignal();
    },

    /**
     * Removes an invitation with its address guard, its link, its registration record (which may
     * hold passport data) and its place on the waiting list, and counts it out of the event: out
     * of `invited`, of the response it held (a confirmed seat is freed) and of `checkedIn`. All in one
     * transaction, only from the link and the answer it was read with (an answer given meanwhile
     * moved the counts: read again). Throws InvitationChangedSignal.
     */
    async deleteInvitation(current: StoredInvitation): Promise<void> {
      const counted = current.response;
      const names: Record<string, string> = { '#invited': 'invited' };
      const moves = ['#invited = #invited - :one'];
      if (counted) {
        names['#held'] = counted;
        // Every response is counted now; a tally from before lacks none, withdrawn, rejected.
        moves.push('#held = if_not_exists(#held, :zero) - :one');
        // A confirmed seat freed: one more seat left, and a promotion due if anyone waits.
        if (counted === 'confirmed') moves.push('seatsLeft = seatsLeft + :one');
      }
      const checkedIn = current.checkedInAt ? 'attribute_exists(checkedInAt)' : 'attribute_not_exists(checkedInAt)';
      const answered =
        current.answerVersion === undefined
          ? { condition: `attribute_not_exists(answerVersion) AND ${checkedIn}`, values: {} }
          : { condition: `answerVersion = :version AND ${checkedIn}`, values: { ':version': current.answerVersion } };
      const eventId = current.eventId;
      const door = doorGroupMoves(doorMove(new Map(), doorStateOf(current), undefined));
      const write = () =>
        db.send(
          transactionOn(tableName, [
              {
                Delete: {
                  Key: keys.invitation(eventId, current.invitationId),
                  ConditionExpression: `tokenHash = :hash AND #response = :response AND ${answered.condition}`,
                  ExpressionAttributeNames: { '#response': 'response' },
                  ExpressionAttributeValues: { ':hash': current.tokenHash, ':response': current.response, ...answered.values },
                },
              },
              {
                Delete: {
                  Key: guardKey(eventId, addressGuardOf(current)),
                  ConditionExpression: 'attribute_not_exists(pk) OR invitationId = :id',
                  ExpressionAttributeValues: { ':id': current.invitationId },
                },
              },
              { Delete: { Key: keys.invitationToken(current.tokenHash) } },
              { Delete: { Key: keys.registration(eventId, current.invitationId) } },
              ...(current.waitSk ? [{ Delete: { Key: keys.inEvent(eventId, current.waitSk) } }] : []),
              {
                Update: {
                  Key: tallyKey(eventId),
                  UpdateExpression: `SET ${moves.join(', ')}`,
                  ConditionExpression: 'attribute_exists(pk)',
                  ExpressionAttributeNames: names,
                  ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
                },
              },
              countsUpdate(tableName, eventId, invitationMove(new Map(), current, undefined))!,
              // Checked in at the door: out of the door's count too (a check-in meanwhile: read again);
              // confirmed: out of its group's door counts.
              ...(current.checkedInAt || door.sets.length > 0
                ? [
                    {
                      Update: {
                        Key: doorKey(eventId),
                        UpdateExpression: `SET ${[...(current.checkedInAt ? ['checkedIn = checkedIn - :one'] : []), ...door.sets].join(', ')}`,
                        ConditionExpression: 'attribute_exists(pk)',
                        ...(door.sets.length > 0 ? { ExpressionAttributeNames: door.names } : {}),
                        ExpressionAttributeValues: { ...(current.checkedInAt ? { ':one': 1 } : {}), ...door.values },
                      },
                    },
                  ]
                : []),
              ...(counted === 'confirmed'
                ? [{ Put: { Item: { ...keys.promotionDue(eventId), type: 'promotionDue', eventId, at: new Date().toISOString() } } }]
                : []),
            ]),
        );
      for (let attempt = 0; attempt < 2; attempt += 1) {
        try {
          await inItemLane(tallyLaneKey(tableName, eventId), () => inItemLane(countsLaneKey(tableName, eventId), write));
          return;
        } catch (error) {
          const failed = failedConditionIndexes(error);
          if (!failed) throw error;
          // An event stored before the tallies: write them from its counts, then once more.
          const tallyMissing = failed.length > 0 && failed.every((i) => i >= (current.waitSk ? 5 : 4));
          if (tallyMissing && attempt === 0 && (await ensureTallies(db, tableName, eventId))) continue;
          if (failed.length === 0 && isWriteConflict(error)) throw error;
          throw new InvitationChangedSignal();
        }
      }
      throw new InvitationChangedSignal();
    },

    /**
     * Sets the answer of an invitee. The answer flow (a later issue) moves it with the event's
     * counts in one transaction; this plain write serves tests and data repairs.
     */
    async recordResponse(eventId: string, invitationId: string, response: InvitationResponse, at: string): Promise<boolean> {
      return writeIfHolds(db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.invitation(eventId, invitationId),
          UpdateExpression: 'SET #response = :response, updatedAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#response': 'response' },
          ExpressionAttributeValues: { ':response': response, ':at': at },
        }),
      ));
    },
  };
}

export type InvitationsRepository = ReturnType<typeof createInvitationsRepository>;
