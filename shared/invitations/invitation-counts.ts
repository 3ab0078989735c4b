import type { EmailStatus } from './invitation-schema.js';
import { eventSk, keys } from '../db/keys.js';
import { addDelta, counterMoves, type CounterDeltas } from '../db/counter-deltas.js';

/**
 * The invitations of an event counted by email status and by group, in one small item of the
 * event's partition that no index projects, moved in the same transaction as each change it
 * counts (import, removal, a change of group, queuing, sending, SES's reports). Counts by answer
 * live on the event's tally (shared/events/event-tallies-repository.ts), which every answer moves already.
 *
 *   EVENT#<eventId>  EVENT#COUNTS   e:<emailStatus> n, g:<group> n, v (moved by every write),
 *                                   counted (true once the item holds all of it)
 *
 * Counters are top-level attributes (`if_not_exists(#a, 0) + d`), so a write never needs the
 * item to exist first. An event from before these counts has none (or only what writes since
 * added): its first read counts the invitations once and writes the item under a condition on
 * `v`, so a change landing meanwhile makes it count again (count-invitations.ts).
 */
export const COUNTS_SK = eventSk.counts;
export const countsKey = keys.counts;

export const emailStatusCounter = (status: EmailStatus) => `e:${status}`;
export const groupCounter = (group: string) => `g:${group}`;

/** One invitation moving from a status and group to another (undefined: it did not exist / is gone). */
export function invitationMove(
  deltas: CounterDeltas,
  from: { emailStatus: EmailStatus; group?: string } | undefined,
  to: { emailStatus: EmailStatus; group?: string } | undefined,
): CounterDeltas {
  if (from?.emailStatus !== to?.emailStatus) {
    if (from) addDelta(deltas, emailStatusCounter(from.emailStatus), -1);
    if (to) addDelta(deltas, emailStatusCounter(to.emailStatus), 1);
  }
  if ((from?.group || undefined) !== (to?.group || undefined)) {
    if (from?.group) addDelta(deltas, groupCounter(from.group), -1);
    if (to?.group) addDelta(deltas, groupCounter(to.group), 1);
  }
  return deltas;
}

/** The transaction item that applies `deltas` to the event's counts; undefined when nothing moves. */
export function countsUpdate(tableName: string, eventId: string, deltas: CounterDeltas) {
  const { sets, names, values } = counterMoves(deltas, 'c');
  if (sets.length === 0) return undefined;
  return {
    Update: {
      TableName: tableName,
      Key: countsKey(eventId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** What the counts item holds, read back: per email status and per group. */
export function readCounters(item: Record<string, unknown>): { emailStatus: Record<string, number>; groups: Map<string, number> } {
  const emailStatus: Record<string, number> = {};
  const groups = new Map<string, number>();
  for (const [key, value] of Object.entries(item)) {
    if (typeof value !== 'number') continue;
    if (key.startsWith('e:')) emailStatus[key.slice(2)] = value;
    else if (key.startsWith('g:') && value > 0) groups.set(key.slice(2), value);
  }
  return { emailStatus, groups };
}

/** Process-local lane of an event's counts item (shared/db/item-lanes.ts). */
export const countsLaneKey = (tableName: string, eventId: string) => `${tableName}|${eventId}|counts`;
