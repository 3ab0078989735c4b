import { decodeCursor, encodeCursor, type Page } from './pagination.js';

/**
 * Pages of a list ranked in memory (a name search): the cursor is the position of the next item.
 * A cursor of the unranked list is refused (400 invalid_cursor), as from any other list.
 */
export function pageOfRanked<T, R>(ranked: T[], limit: number, cursor: string | undefined, present: (item: T) => R): Page<R> {
  const offset = cursor ? Number(decodeCursor(cursor, ['ranked'])!.ranked) : 0;
  const start = Number.isSafeInteger(offset) && offset >= 0 ? offset : 0;
  const end = start + limit;
  return {
    items: ranked.slice(start, end).map(present),
    ...(end < ranked.length ? { nextCursor: encodeCursor({ ranked: String(end) }) } : {}),
  };
}
