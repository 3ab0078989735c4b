import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '../db/conditions.js';
import type { DelegationRole } from './delegation-roles.js';
import type { PersonalDataConsent } from './passport-data.js';
import { queryAll } from '../db/query-all.js';
import { EVENT_INDEX_KEY, LEGACY_EVENTS_LIST_PK, eventListPk, eventYearOf } from '../events/event-listing-keys.js';

/**
 * What delegations add to the one table. Members are invitations (`INV#`, invitations-repository);
 * this file writes only what is theirs alone:
 *
 *   EVENT#<eventId>  INV#<invitationId>   + delegationRole, protocolRank, headInvitationId, and
 *                                          details entered before the member answered
 *   EVENT#<eventId>  EVENT                + passportDataPurgedAt once the purge ran
 *   EVENT#<eventId>  INV#… and REG#…      passport fields removed by the purge
 *
 * (A removed member's registration goes with their invitation, in invitations-repository's delete.)
 * and finds the delegations whose passport data is due for the purge, by the events listing.
 */
const eventKey = (eventId: string) => ({ pk: `EVENT#${eventId}`, sk: 'EVENT' });
const invitationKey = (eventId: string, invitationId: string) => ({ pk: `EVENT#${eventId}`, sk: `INV#${invitationId}` });

/** The invitation changed (answered, removed) since it was read. */
export class MemberChangedSignal extends Error {}

export function createDelegationRepository(db: DynamoDBDocumentClient, tableName: string) {
  async function itemsWithDetails(eventId: string, prefix: string): Promise<{ sk: string; details: Record<string, unknown> }[]> {
    const items = await queryAll(db, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: 'attribute_exists(#details)',
      ProjectionExpression: '#sk, #details',
      ExpressionAttributeNames: { '#sk': 'sk', '#details': 'details' },
      ExpressionAttributeValues: { ':pk': `EVENT#${eventId}`, ':prefix': prefix },
    });
    return items.map((item) => ({ sk: item.sk as string, details: item.details as Record<string, unknown> }));
  }

  return {
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
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: invitationKey(eventId, invitationId),
            UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: values,
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
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
            Key: invitationKey(current.eventId, current.invitationId),
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
     * Delegations that ended before `endedBefore` and were not purged yet, a page at a time, from
     * the events listing: each year's key up to the cutoff's year, sorted by start (an event that
     * ended before the cutoff started before it), and the one key of events listed before years.
     * `startKey` is the `lastKey` of the previous page.
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
          FilterExpression: '#type = :delegation AND endsAt < :cutoff AND attribute_not_exists(passportDataPurgedAt)',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':events': listPk, ':cutoff': endedBefore, ':delegation': 'delegation' },
          // A key naming only its listing key starts that key from its beginning.
          ExclusiveStartKey: startKey?.pk ? startKey : undefined,
        }),
      );
      const next = listPks[from + 1];
      return {
        items: (result.Items ?? []).map((item) => ({ eventId: item.eventId as string, endsAt: item.endsAt as string })),
        lastKey: result.LastEvaluatedKey ?? (next ? { listPk: next } : undefined),
      };
    },

    /**
     * Removes the given detail fields from every invitation and registration of the event. Answers
     * how many people had any of them.
     */
    async removeDetailFields(eventId: string, fields: string[]): Promise<number> {
      const people = new Set<string>();
      for (const prefix of ['INV#', 'REG#']) {
        for (const item of await itemsWithDetails(eventId, prefix)) {
          const present = fields.filter((field) => item.details[field] !== undefined);
          if (present.length === 0) continue;
          const names = Object.fromEntries(present.map((field, i) => [`#f${i}`, field]));
          try {
            await db.send(
              new UpdateCommand({
                TableName: tableName,
                Key: { pk: `EVENT#${eventId}`, sk: item.sk },
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
          Key: eventKey(eventId),
          UpdateExpression: 'SET passportDataPurgedAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    },
  };
}

export type DelegationRepository = ReturnType<typeof createDelegationRepository>;
