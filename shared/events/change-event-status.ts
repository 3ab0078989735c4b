import type { EventStatus } from './event-schema.js';
import { EventStateError } from './event-errors.js';
import type { Event } from './event-schema.js';
import type { EventsDeps } from './events-deps.js';
import { findEventOrFail } from './get-event.js';
import { presentEvent } from './present-event.js';

/** draft → published → closed; draft or published → cancelled. Nothing else. */
const transitions = {
  publish: { from: ['draft'], to: 'published', action: { vi: 'công bố sự kiện', en: 'publish the event' } },
  cancel: { from: ['draft', 'published'], to: 'cancelled', action: { vi: 'hủy sự kiện', en: 'cancel the event' } },
  close: { from: ['published'], to: 'closed', action: { vi: 'kết thúc sự kiện', en: 'close the event' } },
} satisfies Record<string, { from: EventStatus[]; to: EventStatus; action: { vi: string; en: string } }>;

export type EventStatusChange = keyof typeof transitions;

export async function changeEventStatus(deps: EventsDeps, eventId: string, change: EventStatusChange, options: { reason?: string } = {}): Promise<Event> {
  const rule = transitions[change];
  const reason = change === 'cancel' ? options.reason || undefined : undefined;
  const updated = await deps.events.transitionStatus(eventId, rule.from as EventStatus[], rule.to as EventStatus, deps.now().toISOString(), reason);
  if (updated) return presentEvent(updated);
  const current = await findEventOrFail(deps, eventId);
  throw new EventStateError(current.status, rule.action);
}
