import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { failedConditionIndexes, isConditionFailure, writeIfHolds, transactionOn } from '../db/conditions.js';
import type { DelegationRole } from './delegation-roles.js';
import type { PersonalDataConsent } from './passport-data.js';
import { queryPrefix } from '../db/query-all.js';
import { PASSPORT_FIELDS } from './passport-data.js';
import { EVENT_INDEX_KEY, LEGACY_EVENTS_LIST_PK, eventListPk, eventYearOf } from '../events/event-listing-keys.js';
import { eventPartition, eventSk, keys } from '../db/keys.js';

/**
 * What delegations add to the one table. Members are invitations (`INV#`, invitations-repository);
 * this file writes only what is theirs alone:
 *
 *   EVENT#<eventId>  INV#<invitationId>   + delegationRole, protocolRank, headInvitationId, and
 *                                          details entered before the member answered
 *   EVENT#<eventId>  INV#<invitationId>   + logistics of a member of an incoming delegation
 *   EVENT#<eventId>  DELEGATION           the list's version (bumped by every change of members or
 *                                          their order; an organiser's save names the version it
 *                                          was read at) and the direction (outgoing, incoming)
 *   EVENT#<eventId>  EVENT                + passportDataPurgedAt once the purge ran
 *   EVENT#<eventId>  INV#… and REG#…      passport fields removed by the purge
 *
 * (A removed member's registration goes with their invitation, in invitations-repository's delete.)
 * and finds the delegations whose passport data is due for the purge, by the events listing.
 */


/** The invitation changed (answered, removed) since it was read. */
export class MemberChangedSignal extends Error {}
/** Someone changed the delegation's list since the version the save names. */
export class DelegationVersionSignal extends Error {}

export type DelegationDirection = 'outgoing' | 'incoming';
export type DelegationSettings = { version: number; direction: DelegationDirection };

/** What an incoming delegation's member needs on the ground, all free text as the organiser types it. */
export type MemberLogistics = Partial<
  Record<
    | 'arrivalDate'
    | 'arrivalTime'
    | 'arrivalTransport'
    | 'departureDate'
    | 'departureTime'
    | 'departureTransport'
    | 'hotel'
    | 'room'
    | 'dietary'
    | 'interpreterLanguage',
    string
  >
>;

/** 99 members and the list's version: the most one transaction holds. */
const RANKS_PER_TRANSACTION = 99;

export function createDelegationRepository(db: DynamoDBDocumentClient, tableName: string) {
  async function itemsWithDetails(eventId: string, prefix: string): Promise<{ sk: string; details: Record<string, unknown> }[]> {
    const items = await queryPrefix(db, tableName, eventPartition(eventId), prefix, {
      FilterExpression: 'attribute_exists(#details)',
      ProjectionExpression: '#sk, #details',
      ExpressionAttributeNames: { '#sk': 'sk', '#details': 'details' },
    });
    return items.map((item) => ({ sk: item.sk as string, details: item.details as Record<string, unknown> }));
  }

  /** The version condition: the first save of a list never saved has no item to compare with. */
  function versionCondition(expected: number) {
    return expected === 0
      ? { ConditionExpression: 'attribute_not_exists(version) OR version = :expected', ExpressionAttributeValues: { ':expected': 0 } }
      : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expected } };
  }

  return {
    /** The list's version and direction; a delegation never saved reads as version 0, outgoing. */
    async readSettings(eventId: string): Promise<DelegationSettings> {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: keys.delegation(eventId), ConsistentRead: true }));
      return {
        version: (result.Item?.version as number | undefined) ?? 0,
        direction: (result.Item?.direction as DelegationDirection | undefined) ?? 'outgoing',
      };
    },

    /**
     * Claims the next version before a save, only from the version the saver read (`expected`;
     * undefined: whatever it is now, for the head's link and clients that name none). Of two
     * organisers saving from the same version, one passes. Throws DelegationVersionSignal.
     */
    async claimVersion(eventId: string, expected: number | undefined, at: string, direction?: DelegationDirection): Promise<void> {
      const condition = expected === undefined ? undefined : versionCondition(expected);
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.delegation(eventId),
            UpdateExpression: `SET version = if_not_exists(version, :zero) + :one, updatedAt = :at, #type = :type${direction ? ', direction = :direction' : ''}`,
            ...(condition ? { ConditionExpression: condition.ConditionExpression } : {}),
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: {
              ':zero': 0,
              ':one': 1,
              ':at': at,
              ':type': 'delegation',
              ...(direction ? { ':direction': direction } : {}),
              ...condition?.ExpressionAttributeValues,
            },
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw new DelegationVersionSignal();
        throw error;
      }
    },

    /**
     * Moves the version once more after a save landed: a reader who read the version between the
     * claim and the write (and so a list without it) can no longer save from that version.
     */
    async bumpVersion(eventId: string, at: string): Promise<void> {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.delegation(eventId),
          UpdateExpression: 'SET version = if_not_exists(version, :zero) + :one, updatedAt = :at, #type = :type',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':at': at, ':type': 'delegation' },
        }),
      );
    },

    /**
     * A new protocol order: ranks 1, 2, 3... in the order given, in one transaction with the
     * version condition (for a delegation of up to 99; a larger one continues in further
     * transactions once the first has claimed the version). Throws DelegationVersionSignal, also
     * when a member was removed meanwhile (the list changed).
     */
    async saveProtocolOrder(eventId: string, expected: number | undefined, invitationIds: string[], at: string): Promise<void> {
      const rankUpdate = (invitationId: string, index: number) => ({
        Update: {
          TableName: tableName,
          Key: keys.invitation(eventId, invitationId),
          UpdateExpression: 'SET protocolRank = :rank, updatedAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':rank': index + 1, ':at': at },
        },
      });
      const condition = expected === undefined ? undefined : versionCondition(expected);
      const first = invitationIds.slice(0, RANKS_PER_TRANSACTION);
      try {
        await db.send(
          transactionOn(tableName, [
              {
                Update: {
                  Key: keys.delegation(eventId),
                  UpdateExpression: 'SET version = if_not_exists(version, :zero) + :one, updatedAt = :at, #type = :type',
                  ...(condition ? { ConditionExpression: condition.ConditionExpression } : {}),
                  ExpressionAttributeNames: { '#type': 'type' },
                  ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':at': at, ':type': 'delegation', ...condition?.ExpressionAttributeValues },
                },
              },
              ...first.map(rankUpdate),
            ]),
        );
        for (let start = RANKS_PER_TRANSACTION; start < invitationIds.length; start += RANKS_PER_TRANSACTION) {
          const chunk = invitationIds.slice(start, start + RANKS_PER_TRANSACTION);
          await db.send(new TransactWriteCommand({ TransactItems: chunk.map((id, i) => rankUpdate(id, start + i)) }));
        }
      } catch (error) {
        if (failedConditionIndexes(error)?.length || isConditionFailure(error)) throw new DelegationVersionSignal();
        throw error;
      }
    },

    /** An incoming delegation's member on the ground; `null` removes it. False: no such member. */
    async setLogistics(eventId: string, invitationId: string, logistics: MemberLogistics | null, at: string): Promise<boolean> {
      return writeIfHolds(db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.invitation(eventId, invitationId),
          UpdateExpression: logistics ? 'SET logistics = :logistics, updatedAt = :at' : 'SET updatedAt = :at REMOVE logistics',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at, ...(logistics ? { ':logistics': logistics } : {}) },
        }),
      ));
    },

    /** A member's role and protocol rank; `protocolRank: null` removes the rank. */
    async updateMemberPlace(
      eventId: string,
      invitationId: string,
      place: { delegationRole?: DelegationRole; protocolRank?: number | null },
      at: string,
    ): Promise<boolean> {
      const sets = ['updatedAt = :at'];
      const values: Record<string, unknown> = { ':at': at };
      const removes: string[] = [];
      if (place.delegationRole) {
        sets.push('delegationRole = :role');
        values[':role'] = place.delegationRole;
      }
      if (place.protocolRank === null) removes.push('protocolRank');
      else if (place.protocolRank !== undefined) {
        sets.push('protocolRank = :rank');
        values[':rank'] = place.protocolRank;
      }
      return writeIfHolds(db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.invitation(eventId, invitationId),
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: values,
        }),
      ));
    },

    /**
     * Details entered for a member who has not answered yet (an organiser preparing a draft): kept
     * on the invitation, merged into their answer. Only while the answer is the one read.
     * Throws MemberChangedSignal.
     */
    async setPendingDetails(
      current: { eventId: string; invitationId: string; answerVersion?: number },
      details: Record<string, string>,
      consent: PersonalDataConsent | undefined,
      at: string,
    ): Promise<void> {
      const values: Record<string, unknown> = { ':details': details, ':at': at, ':none': 'none' };
      let update = 'SET details = :details, updatedAt = :at';
      if (consent) {
        update += ', consent = :consent';
        values[':consent'] = consent;
      }
      let condition = '#response = :none AND attribute_not_exists(answerVersion)';
      if (current.answerVersion !== undefined) {
        condition = '#response = :none AND answerVersion = :version';
        values[':version'] = current.answerVersion;
      }
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.invitation(current.eventId, current.invitationId),
            UpdateExpression: update,
            ConditionExpression: condition,
            ExpressionAttributeNames: { '#response': 'response' },
            ExpressionAttributeValues: values,
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw new MemberChangedSignal();
        throw error;
      }
    },

    /**
     * Events that ended before `endedBefore` and may hold passport data (delegations, and any
     * event asking for a passport field), purged before or not: a registration written after an
     * earlier purge is found again. A page at a time, from the events listing: each year's key up
     * to the cutoff's year, sorted by start (an event that ended before the cutoff started before
     * it), and the one key of events listed before years. `startKey` is the previous `lastKey`.
     */
    async listDelegationsToPurge(endedBefore: string, startKey?: Record<string, unknown>) {
      const index = await db.send(new GetCommand({ TableName: tableName, Key: EVENT_INDEX_KEY, ConsistentRead: true }));
      const years = index.Item?.years instanceof Set ? [...(index.Item.years as Set<number>)].map(Number).sort((a, b) => a - b) : [];
      const listPks = [LEGACY_EVENTS_LIST_PK, ...years.filter((y) => y <= eventYearOf(endedBefore)).map(eventListPk)];
      const from = startKey ? Math.max(0, listPks.indexOf(String(startKey.listPk))) : 0;
      const listPk = listPks[from]!;
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'listings',
          KeyConditionExpression: 'listPk = :events AND listSk < :cutoff',
          FilterExpression: 'endsAt < :cutoff',
          ExpressionAttributeValues: { ':events': listPk, ':cutoff': endedBefore },
          // A key naming only its listing key starts that key from its beginning.
          ExclusiveStartKey: startKey?.pk ? startKey : undefined,
        }),
      );
      const asksForPassport = (item: Record<string, any>) =>
        item.type === 'delegation' || ((item.fields ?? []) as { key?: string }[]).some((field) => PASSPORT_FIELDS.includes(field.key ?? ''));
      const next = listPks[from + 1];
      return {
        items: (result.Items ?? []).filter(asksForPassport).map((item) => ({
          eventId: item.eventId as string,
          endsAt: item.endsAt as string,
          ...(item.passportDataPurgedAt ? { purgedAt: item.passportDataPurgedAt as string } : {}),
        })),
        lastKey: result.LastEvaluatedKey ?? (next ? { listPk: next } : undefined),
      };
    },

    /**
     * Removes the given detail fields from every invitation and registration of the event. Answers
     * how many people had any of them.
     */
    async removeDetailFields(eventId: string, fields: string[]): Promise<number> {
      const people = new Set<string>();
      for (const prefix of [eventSk.invitationPrefix, eventSk.registrationPrefix]) {
        for (const item of await itemsWithDetails(eventId, prefix)) {
          const present = fields.filter((field) => item.details[field] !== undefined);
          if (present.length === 0) continue;
          const names = Object.fromEntries(present.map((field, i) => [`#f${i}`, field]));
          try {
            await db.send(
              new UpdateCommand({
                TableName: tableName,
                Key: keys.inEvent(eventId, item.sk),
                UpdateExpression: `REMOVE ${present.map((_, i) => `details.#f${i}`).join(', ')}`,
                ConditionExpression: 'attribute_exists(details)',
                ExpressionAttributeNames: names,
              }),
            );
          } catch (error) {
            // Removed meanwhile (a member deleted): nothing left to purge there.
            if (!isConditionFailure(error)) throw error;
          }
          people.add(item.sk.slice(4));
        }
      }
      return people.size;
    },

    async markPurged(eventId: string, at: string): Promise<void> {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.event(eventId),
          UpdateExpression: 'SET passportDataPurgedAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    },
  };
}

export type DelegationRepository = ReturnType<typeof createDelegationRepository>;
