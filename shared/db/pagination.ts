import { ValidationError } from '../errors.js';

/** `?limit=` and `?cursor=` as docs/api/API.md defines them: default 100, at most 1000. */
export type PageRequest = { limit: number; cursor?: string };
export type Page<T> = { items: T[]; nextCursor?: string };

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : undefined;
}

/** A cursor that is not one this list handed out (garbled, or from another list). */
export const invalidCursor = () =>
  new ValidationError(
    { vi: 'Tham số cursor không hợp lệ.', en: 'The cursor is not valid.' },
    undefined,
    'invalid_cursor',
  );

/**
 * Decodes a cursor made by encodeCursor; anything else is a 400, never a DynamoDB error. `from`
 * names the values the cursor's list pins (its index partition): a cursor taken from another list
 * (an events cursor on the users list) is as invalid as a garbled one.
 */
export function decodeCursor(
  cursor: string | undefined,
  expectedKeys: readonly string[],
  from: Record<string, string> = {},
): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalidCursor();
  const entries = Object.entries(parsed);
  const keys = entries.map(([k]) => k).sort();
  if (
    keys.length !== expectedKeys.length ||
    !expectedKeys.every((k) => keys.includes(k)) ||
    !entries.every(([, v]) => typeof v === 'string' && v.length > 0 && v.length <= 1024) ||
    !Object.entries(from).every(([k, v]) => (parsed as Record<string, unknown>)[k] === v)
  ) {
    throw invalidCursor();
  }
  return parsed as Record<string, string>;
}
