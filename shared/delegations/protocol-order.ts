import { compareVietnameseNames } from '../text/vietnamese.js';
import { roleOrderOf } from './delegation-roles.js';

/** Past every rank the console gives (1–9999): people without one come after those with one. */
const UNRANKED = 1_000_000;

/**
 * Protocol order, the one order of the delegation page, the roster and the attendee lists sorted
 * by rank: an explicit protocol rank first; a tie (or no rank) falls back to the role's order
 * (head, deputy, member, interpreter, secretary, driver), then to the Vietnamese order of given
 * names.
 */
export function compareProtocolOrder(
  a: { protocolRank?: number; role?: string; name: string },
  b: { protocolRank?: number; role?: string; name: string },
): number {
  const rank = (p: { protocolRank?: number }) => (p.protocolRank && p.protocolRank > 0 ? p.protocolRank : UNRANKED);
  return rank(a) - rank(b) || roleOrderOf(a.role) - roleOrderOf(b.role) || compareVietnameseNames(a.name, b.name);
}
