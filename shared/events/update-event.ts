import { ValidationError } from '../errors.js';
import { toUtcIso } from '../time/ho-chi-minh.js';
import { withRequiredFields } from './default-fields.js';
import { CapacityBelowConfirmedError, EventChangedError, EventStateError } from './event-errors.js';
import { eventRulesSchema, type Event, type UpdateEventInput } from './event-schema.js';
import type { EventsDeps } from './events-deps.js';
import type { EventDetails } from './events-repository.js';
import { assertEventFits } from './event-size.js';
import { findEventOrFail } from './get-event.js';
import { presentEvent } from './present-event.js';
import { assertUsableTemplates } from './create-event.js';

const editAction = { vi: 'sửa sự kiện', en: 'edit the event' };
const instantKeys = new Set(['startsAt', 'endsAt', 'registrationClosesAt']);

/**
 * An organiser edits an event. The result must keep the rules of a new event; the write holds
 * only if nobody changed the event in between and the capacity still fits everyone confirmed.
 */
export async function updateEvent(deps: EventsDeps, eventId: string, changes: UpdateEventInput): Promise<Event> {
  const current = await findEventOrFail(deps, eventId);
  if (current.status !== 'draft' && current.status !== 'published') throw new EventStateError(current.status, editAction);
  if (changes.mailTemplates) assertUsableTemplates(changes.mailTemplates);

  const set: Record<string, unknown> = {};
  const remove: (keyof EventDetails)[] = [];
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) remove.push(key as keyof EventDetails);
    else if (value !== undefined) set[key] = instantKeys.has(key) ? toUtcIso(value as string) : value;
  }
  const type = (set.type as Event['type'] | undefined) ?? current.type;
  if (set.fields || set.type) set.fields = withRequiredFields(type, (set.fields as Event['fields']) ?? current.fields);

  const merged = { ...current, ...set };
  for (const key of remove) delete (merged as Record<string, unknown>)[key];
  const rules = eventRulesSchema.safeParse(merged);
  if (!rules.success) {
    throw new ValidationError(
      { vi: 'Thông tin sự kiện không hợp lệ.', en: 'The event is not valid.' },
      rules.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      'validation_failed',
    );
  }
  if (typeof set.capacity === 'number' && set.capacity < current.counts.confirmed) {
    throw new CapacityBelowConfirmedError(current.counts.confirmed);
  }
  const { counts: _counts, ...stored } = merged;
  assertEventFits(stored);

  set.updatedAt = deps.now().toISOString();
  // People hold the old time and place (and a calendar entry): a notice is offered for the change.
  const scheduleMoved = (['startsAt', 'endsAt', 'venue'] as const).some((key) => set[key] !== undefined && set[key] !== current[key]);
  if (current.status === 'published' && scheduleMoved) {
    set.scheduleChange = {
      at: set.updatedAt,
      previous: { startsAt: current.startsAt, endsAt: current.endsAt, venue: current.venue },
    };
  }
  const updated = await deps.events.updateDetails(eventId, current.version, set as Partial<EventDetails>, remove);
  if (updated) {
    const raised =
      current.capacity !== undefined &&
      (remove.includes('capacity') || (typeof set.capacity === 'number' && set.capacity > current.capacity));
    if (raised && deps.afterCapacityRaised) {
      await deps.afterCapacityRaised(eventId);
      // The answer shows the counts after the promotions.
      const after = await deps.events.findById(eventId);
      if (after) return presentEvent(after);
    }
    return presentEvent(updated);
  }

  const now = await findEventOrFail(deps, eventId);
  if (now.status !== 'draft' && now.status !== 'published') throw new EventStateError(now.status, editAction);
  if (typeof set.capacity === 'number' && set.capacity < now.counts.confirmed) {
    throw new CapacityBelowConfirmedError(now.counts.confirmed);
  }
  throw new EventChangedError();
}
