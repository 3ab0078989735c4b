import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, transactionOn } from '../db/conditions.js';
import { isWriteConflict } from '../db/write-conflicts.js';
import { DOOR_CHANGE_PREFIX, doorChangeItem, type DoorChange } from './door-changes.js';
import { failedConditionIndexes } from '../db/conditions.js';
import { doorLaneKey, inItemLane, tallyLaneKey } from '../db/item-lanes.js';
import { DOOR_SK, doorKey, readEventWithTallies, TALLY_SK, tallyKey } from '../events/event-tallies-repository.js';
import type { StoredInvitation } from '../invitations/invitations-repository.js';
import { queryAll, queryBetween, queryPrefix } from '../db/query-all.js';
import { countsLaneKey, countsUpdate, invitationMove } from '../invitations/invitation-counts.js';
import { doorGroupMoves, doorGroupOf, doorMove, doorStateOf, presentCounter } from './door-group-counts.js';
import { addDelta } from '../db/counter-deltas.js';
import { eventPartition, eventSk, keys } from '../db/keys.js';

/**
 * Who comes, as lists and the door need it. Reads the invitations (`INV#`) and their answers'
 * details (`REG#`) of one event with two paginated Queries; check-in marks live on the invitation
 * and move the event's door count (`EVENT#DOOR`, shared/events/event-tallies-repository.ts) in the same
 * transaction.
 *
 *   EVENT#<eventId>  INV#<invitationId>   + checkedInAt, checkedInBy; a walk-in has walkIn: true
 */
export type AttendeeRecord = StoredInvitation & {
  checkedInAt?: string;
  checkedInBy?: string;
  walkIn?: boolean;
  details?: Record<string, string>;
};


export function createAttendeesRepository(db: DynamoDBDocumentClient, tableName: string) {
  /**
   * A write that moves the door's count: this process's taps take turns on it (shared/db/
   * item-lanes.ts). An event stored before the tallies (its door count failed `attribute_exists`)
   * gets them from its old counts, and the write goes once more.
   */
  async function onDoor<T>(eventId: string, write: () => Promise<T>): Promise<T> {
    try {
      return await inItemLane(doorLaneKey(tableName, eventId), write);
    } catch (error) {
      // Item 0 is the person (checked in already, not confirmed): an answer, not old data.
      const failed = failedConditionIndexes(error);
      if (!failed?.length || failed.includes(0)) throw error;
      await readEventWithTallies(db, tableName, eventId);
      return inItemLane(doorLaneKey(tableName, eventId), write);
    }
  }


  /** The group and organisation a door count was read with: still the person's when the write lands. */
  const sameGroup = {
    condition: '(#dgGroup = :dgGroup OR (attribute_not_exists(#dgGroup) AND :dgGroup = :dgNone)) AND (organisation = :dgOrg OR (attribute_not_exists(organisation) AND :dgOrg = :dgNone))',
    names: { '#dgGroup': 'group' },
    values: (person: { group?: string; organisation?: string }) => ({ ':dgGroup': person.group ?? '\u0000', ':dgOrg': person.organisation ?? '\u0000', ':dgNone': '\u0000' }),
  };

  /**
   * A check-in or its undo, in one transaction: the person's own item first (`personUpdate`, whose
   * condition holds only if nothing moved them meanwhile), the door's `checkedIn` and their group's
   * present count moved by `by`, and the door's change. False when the person's condition failed.
   */
  async function movePresence(
    eventId: string,
    invitationId: string,
    person: { group?: string; organisation?: string },
    by: 1 | -1,
    change: DoorChange,
    personUpdate: { UpdateExpression: string; ConditionExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Record<string, unknown> },
  ): Promise<boolean> {
    const group = doorGroupMoves(addDelta(new Map(), presentCounter(doorGroupOf(person)), by));
    try {
      await onDoor(eventId, () =>
        db.send(
          transactionOn(tableName, [
            { Update: { Key: keys.invitation(eventId, invitationId), ...personUpdate } },
            {
              Update: {
                Key: doorKey(eventId),
                UpdateExpression: `SET checkedIn = checkedIn + :delta, ${group.sets.join(', ')}`,
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeNames: group.names,
                ExpressionAttributeValues: { ':delta': by, ...group.values },
              },
            },
            { Put: { Item: doorChangeItem(eventId, change) } },
          ]),
        ),
      );
      return true;
    } catch (error) {
      if (failedConditionIndexes(error)?.length) return false;
      throw error;
    }
  }

  return {
    /** Every invitation of the event with the details its answer gave. */
    async listWithDetails(eventId: string): Promise<AttendeeRecord[]> {
      const [invitations, registrations] = await Promise.all([
        queryPrefix(db, tableName, eventPartition(eventId), eventSk.invitationPrefix),
        queryPrefix(db, tableName, eventPartition(eventId), eventSk.registrationPrefix),
      ]);
      const detailsOf = new Map(registrations.map((r) => [r.invitationId as string, r.details as Record<string, string> | undefined]));
      return invitations.map((item) => {
        const { pk: _pk, sk: _sk, listPk: _lp, listSk: _ls, type: _type, ...invitation } = item;
        return { ...(invitation as AttendeeRecord), details: detailsOf.get(item.invitationId as string) };
      });
    },

    /**
     * The door's list: each invitation with only what the door shows (no answers' details, no
     * search text), so opening the check-in page reads as little as it can.
     */
    async listForDoor(eventId: string): Promise<AttendeeRecord[]> {
      const items = await queryPrefix(db, tableName, eventPartition(eventId), eventSk.invitationPrefix, {
        ProjectionExpression: 'invitationId, #name, organisation, #position, #group, #response, checkedInAt, walkIn',
        ExpressionAttributeNames: { '#name': 'name', '#position': 'position', '#group': 'group', '#response': 'response' },
      });
      return items as AttendeeRecord[];
    },

    /** The event's tally and door tally (counts, per group at the door), read consistently in one Query. */
    async readDoorTallies(eventId: string): Promise<{ tally?: Record<string, unknown>; door?: Record<string, unknown> }> {
      const items = await queryBetween(db, tableName, eventPartition(eventId), DOOR_SK, TALLY_SK, { ConsistentRead: true });
      return { tally: items.find((item) => item.sk === TALLY_SK), door: items.find((item) => item.sk === DOOR_SK) };
    },

    /**
     * Writes the door's per-group counts of an event counted before they were kept, only if
     * nothing moved them (`v`) nor the check-ins since `seen` was read. False: count again.
     */
    async writeDoorGroupsOnce(eventId: string, seen: Record<string, unknown>, groups: Map<string, { confirmed: number; checkedIn: number }>): Promise<boolean> {
      const deltas = new Map<string, number>();
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ':yes': true, ':checkedIn': seen.checkedIn ?? 0, ':v': Number(seen.v ?? 0) + 1 };
      const sets = ['groupsCounted = :yes', 'v = :v'];
      for (const [group, n] of groups) {
        deltas.set(`c:${group}`, n.confirmed);
        deltas.set(`p:${group}`, n.checkedIn);
      }
      [...deltas].forEach(([counter, n], i) => {
        names[`#g${i}`] = counter;
        values[`:g${i}`] = n;
        sets.push(`#g${i} = :g${i}`);
      });
      try {
        await inItemLane(doorLaneKey(tableName, eventId), () =>
          db.send(
            new UpdateCommand({
              TableName: tableName,
              Key: doorKey(eventId),
              UpdateExpression: `SET ${sets.join(', ')}`,
              ConditionExpression: `checkedIn = :checkedIn AND ${seen.v === undefined ? 'attribute_not_exists(v)' : 'v = :seenV'}`,
              ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
              ExpressionAttributeValues: seen.v === undefined ? values : { ...values, ':seenV': seen.v },
            }),
          ),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error) || isWriteConflict(error)) return false;
        throw error;
      }
    },

    /**
     * The first `limit` confirmed people in name order, from the invitations' name listing
     * (`EVENT#<id>#INVITATIONS`): a few hundred items read instead of the event's thousands, so
     * the door can show its first buttons before the whole list arrives. Walk-ins are not in
     * that listing; the whole list brings them a moment later.
     */
    async listFirstForDoor(eventId: string, limit: number): Promise<AttendeeRecord[]> {
      const found: AttendeeRecord[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'listings',
            KeyConditionExpression: 'listPk = :list',
            FilterExpression: '#response = :confirmed',
            ProjectionExpression: 'invitationId, #name, organisation, #position, #group, #response, checkedInAt, walkIn',
            ExpressionAttributeNames: { '#name': 'name', '#position': 'position', '#group': 'group', '#response': 'response' },
            ExpressionAttributeValues: { ':list': keys.invitationsListPk(eventId), ':confirmed': 'confirmed' },
            ExclusiveStartKey: startKey,
            // Read ahead: about half of a big meeting's invitees confirm.
            Limit: Math.max(2 * (limit - found.length), 100),
          }),
        );
        found.push(...((page.Items ?? []) as AttendeeRecord[]));
        startKey = page.LastEvaluatedKey;
      } while (startKey && found.length < limit);
      return found.slice(0, limit);
    },

    /** The door's changes stamped after `after` (an instant), oldest first. */
    async listDoorChangesAfter(eventId: string, after: string): Promise<DoorChange[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :after AND :end',
        ExpressionAttributeValues: { ':pk': eventPartition(eventId), ':after': `${DOOR_CHANGE_PREFIX}${after}`, ':end': `${DOOR_CHANGE_PREFIX}\uffff` },
        ConsistentRead: true,
      });
      return items.map(({ registrationId, at, what, checkedInAt, person }) => ({ registrationId, at, what, checkedInAt, person }) as DoorChange);
    },

    async findRecord(eventId: string, invitationId: string): Promise<AttendeeRecord | undefined> {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: keys.invitation(eventId, invitationId), ConsistentRead: true }));
      if (!result.Item) return undefined;
      const { pk: _pk, sk: _sk, listPk: _lp, listSk: _ls, type: _type, ...invitation } = result.Item;
      return invitation as AttendeeRecord;
    },

    /**
     * Marks a confirmed person (or a walk-in) present. Answers 'done', 'already' (checked in
     * before: nothing changes), or 'not_confirmed'.
     */
    async checkIn(eventId: string, invitationId: string, at: string, by: string): Promise<'done' | 'already' | 'not_confirmed'> {
      // Their group at the door, for its count (a change of group meanwhile fails the condition: read again).
      const person = await this.findRecord(eventId, invitationId);
      if (!person) return 'already';
      const checkedIn = await movePresence(eventId, invitationId, person, 1, { registrationId: invitationId, at, what: 'present', checkedInAt: at }, {
        UpdateExpression: 'SET checkedInAt = :at, checkedInBy = :by',
        ConditionExpression: `attribute_exists(pk) AND attribute_not_exists(checkedInAt) AND (#response = :confirmed OR walkIn = :yes) AND ${sameGroup.condition}`,
        ExpressionAttributeNames: { '#response': 'response', ...sameGroup.names },
        ExpressionAttributeValues: { ':at': at, ':by': by, ':confirmed': 'confirmed', ':yes': true, ...sameGroup.values(person) },
      });
      return checkedIn ? 'done' : 'already';
    },

    /** Undoes a check-in made by mistake. False when the person was not checked in. */
    async undoCheckIn(eventId: string, invitationId: string, at: string): Promise<boolean> {
      const person = await this.findRecord(eventId, invitationId);
      if (!person?.checkedInAt) return false;
      return movePresence(eventId, invitationId, person, -1, { registrationId: invitationId, at, what: 'absent' }, {
        UpdateExpression: 'REMOVE checkedInAt, checkedInBy',
        ConditionExpression: `attribute_exists(checkedInAt) AND ${sameGroup.condition}`,
        ExpressionAttributeNames: sameGroup.names,
        ExpressionAttributeValues: sameGroup.values(person),
      });
    },

    /**
     * A person added at the door: confirmed and present at once, on the printed list from then on.
     * The id is the client's (an offline phone makes it), so sending it twice adds one person.
     */
    async insertWalkIn(walkIn: AttendeeRecord): Promise<'created' | 'exists' | 'event_not_open'> {
      try {
        const counts = countsUpdate(tableName, walkIn.eventId, invitationMove(new Map(), undefined, walkIn))!;
        const walkInGroup = doorGroupMoves(doorMove(new Map(), undefined, doorStateOf(walkIn)));
        await onDoor(walkIn.eventId, () => inItemLane(tallyLaneKey(tableName, walkIn.eventId), () => inItemLane(countsLaneKey(tableName, walkIn.eventId), () => db.send(
          transactionOn(tableName, [
              {
                Put: {
                  Item: { ...keys.invitation(walkIn.eventId, walkIn.invitationId), type: 'invitation', ...walkIn },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                // A walk-in is confirmed beyond the capacity: the room has them already.
                Update: {
                  Key: tallyKey(walkIn.eventId),
                  UpdateExpression: 'SET confirmed = confirmed + :one, seatsLeft = seatsLeft - :one',
                  ConditionExpression: 'attribute_exists(pk) AND #status IN (:published, :closed)',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':one': 1, ':published': 'published', ':closed': 'closed' },
                },
              },
              {
                Update: {
                  Key: doorKey(walkIn.eventId),
                  UpdateExpression: `SET checkedIn = checkedIn + :one, ${walkInGroup.sets.join(', ')}`,
                  ConditionExpression: 'attribute_exists(pk)',
                  ExpressionAttributeNames: walkInGroup.names,
                  ExpressionAttributeValues: { ':one': 1, ...walkInGroup.values },
                },
              },
              {
                Put: {
                  Item: doorChangeItem(walkIn.eventId, {
                    registrationId: walkIn.invitationId,
                    at: walkIn.checkedInAt ?? walkIn.createdAt,
                    what: 'joined',
                    person: {
                      registrationId: walkIn.invitationId,
                      name: walkIn.name,
                      organisation: walkIn.organisation,
                      position: walkIn.position,
                      group: walkIn.group,
                      checkedInAt: walkIn.checkedInAt,
                      walkIn: true,
                    },
                  }),
                },
              },
              // Invited at the door: in the invitation counts (never mailed) and its group.
              counts,
            ]),
        ))));
        return 'created';
      } catch (error) {
        const failed = failedConditionIndexes(error);
        if (failed?.includes(0)) return 'exists';
        if (failed?.includes(1) || failed?.includes(2)) return 'event_not_open';
        throw error;
      }
    },
  };
}

export type AttendeesRepository = ReturnType<typeof createAttendeesRepository>;
