import { newId } from '../auth/secret-tokens.js';
import { EventNotFoundError } from '../events/event-errors.js';
import { EventNotOpenForCheckInError } from './attendee-errors.js';
import type { WalkInInput } from './attendee-schema.js';
import type { CheckInDeps } from './check-in-deps.js';
import type { CheckInResult } from './check-in.js';

/** A walk-in: confirmed and present at once; a retried request with the same id adds nobody. */
export async function addWalkIn(deps: CheckInDeps, eventId: string, input: WalkInInput, by: string): Promise<CheckInResult> {
  const event = await deps.events.findById(eventId);
  if (!event) throw new EventNotFoundError();
  const at = deps.now().toISOString();
  const invitationId = input.walkInId ? `walkin-${input.walkInId}` : `walkin-${newId()}`;
  const outcome = await deps.attendees.insertWalkIn({
    invitationId,
    eventId,
    name: input.name,
    organisation: input.organisation,
    position: input.position,
    group: input.group,
    language: 'vi',
    emailStatus: 'not_sent',
    response: 'confirmed',
    createdAt: at,
    updatedAt: at,
    searchText: '',
    tokenHash: `walk-in:${invitationId}`,
    walkIn: true,
    checkedInAt: at,
    checkedInBy: by,
  });
  if (outcome === 'event_not_open') throw new EventNotOpenForCheckInError();
  const record = (await deps.attendees.findRecord(eventId, invitationId))!;
  return { registrationId: invitationId, name: record.name, checkedInAt: record.checkedInAt ?? at, alreadyCheckedIn: outcome === 'exists' };
}
