import * as z from 'zod';
import type { DoorChange } from './door-changes.js';
import type { CheckInDeps } from './check-in-deps.js';
import { doorCursorAt } from './door-reads.js';

/** `?since=`: the cursor the previous answer gave (an instant). */
export const doorChangesQuerySchema = z.strictObject({
  since: z.iso.datetime({ offset: true }),
});

export type DoorChanges = { items: DoorChange[]; cursor: string };

/**
 * What changed at the door since the cursor: check-ins and their undoing from every phone, walk-ins,
 * people who joined or left the confirmed list. Nothing changed: an empty list, a few bytes.
 */
export async function readDoorChanges(deps: CheckInDeps, eventId: string, since: string): Promise<DoorChanges> {
  const after = new Date(since).toISOString();
  const items = await deps.attendees.listDoorChangesAfter(eventId, after);
  const settled = doorCursorAt(deps.now());
  // biome-ignore lint/complexity/useMathMinMax: ISO strings, compared as text.
  return { items, cursor: settled > after ? settled : after };
}
