/**
 * Counters kept as top-level number attributes of one item (an event's invitation counts, its door
 * tally), moved by net changes in the same transaction as what they count. Plain data: the
 * repositories put the clauses into their own Updates.
 */

/** Net changes to counters, by attribute name. */
export type CounterDeltas = Map<string, number>;

export function addDelta(deltas: CounterDeltas, counter: string, by: number): CounterDeltas {
  deltas.set(counter, (deltas.get(counter) ?? 0) + by);
  return deltas;
}

/**
 * The SET clauses (and their names and values) that apply `deltas` and move the item's version
 * `v`; empty when nothing moves. Counters need not exist first (`if_not_exists`). `prefix` keeps
 * the placeholders apart from those of the Update they join.
 */
export function counterMoves(deltas: CounterDeltas, prefix: string) {
  const moves = [...deltas].filter(([, d]) => d !== 0);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (moves.length === 0) return { sets: [] as string[], names, values };
  values[`:${prefix}zero`] = 0;
  values[`:${prefix}one`] = 1;
  const sets = moves.map(([counter, d], i) => {
    names[`#${prefix}${i}`] = counter;
    values[`:${prefix}${i}`] = d;
    return `#${prefix}${i} = if_not_exists(#${prefix}${i}, :${prefix}zero) + :${prefix}${i}`;
  });
  sets.push(`v = if_not_exists(v, :${prefix}zero) + :${prefix}one`);
  return { sets, names, values };
}
