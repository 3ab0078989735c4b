/** A listing's filters, built condition by condition, with the names and values they use. */
export type Filters = { conditions: string[]; names: Record<string, string>; values: Record<string, unknown> };

/**
 * `#attribute = :attribute` for each attribute given a value (an absent or empty one filters
 * nothing), beside the values the Query already has (its key's).
 */
export function equalityFilters(wanted: Record<string, unknown>, values: Record<string, unknown> = {}): Filters {
  const filters: Filters = { conditions: [], names: {}, values };
  for (const [attribute, value] of Object.entries(wanted)) {
    if (!value) continue;
    filters.conditions.push(`#${attribute} = :${attribute}`);
    filters.names[`#${attribute}`] = attribute;
    filters.values[`:${attribute}`] = value;
  }
  return filters;
}

/** The Query's FilterExpression and its names, or neither when nothing filters. */
export function filterExpression(filters: Filters) {
  return {
    FilterExpression: filters.conditions.length ? filters.conditions.join(' AND ') : undefined,
    ExpressionAttributeNames: Object.keys(filters.names).length ? filters.names : undefined,
  };
}
