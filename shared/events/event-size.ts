import { EventTooLargeError } from './event-errors.js';

/**
 * DynamoDB refuses an item over 400 KB, counted as the UTF-8 bytes of every attribute name and
 * value. An event grows through edits each under the request limit (two languages of description
 * and agenda, four mail templates, up to 40 fields), so its whole size is checked before each
 * write, with room left for the bookkeeping the table adds. The parts named in the refusal are
 * the largest, so the organiser knows what to shorten.
 */
export const EVENT_MAX_BYTES = 350_000;

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

/** The parts of an event that can be long, as `description.vi`, `mailTemplates`, `fields`... */
function parts(event: Record<string, unknown>): { part: string; bytes: number }[] {
  const found: { part: string; bytes: number }[] = [];
  for (const [key, value] of Object.entries(event)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && (key === 'description' || key === 'agenda' || key === 'title')) {
      for (const [language, text] of Object.entries(value)) found.push({ part: `${key}.${language}`, bytes: bytesOf(text) });
    } else found.push({ part: key, bytes: bytesOf(value) + Buffer.byteLength(key, 'utf8') });
  }
  return found.sort((a, b) => b.bytes - a.bytes);
}

export function assertEventFits(event: Record<string, unknown>): void {
  const sizeBytes = bytesOf(event);
  if (sizeBytes <= EVENT_MAX_BYTES) return;
  const largest = parts(event).slice(0, 3);
  throw new EventTooLargeError(sizeBytes, EVENT_MAX_BYTES, largest);
}
