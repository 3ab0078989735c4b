import { NotConfirmedError } from '../registrations/registration-errors.js';
import { AttendeeNotFoundError } from './attendee-errors.js';
import type { CheckInDeps } from './check-in-deps.js';

export type CheckInResult = { registrationId: string; name: string; checkedInAt: string; alreadyCheckedIn: boolean };

/**
 * One tap marks a person present. Twice is harmless: the answer says when the first was. Staff at
 * several phones may tap the same person; the transaction counts them once.
 */
export async function checkIn(deps: CheckInDeps, eventId: string, registrationId: string, by: string): Promise<CheckInResult> {
  const at = deps.now().toISOString();
  const outcome = await deps.attendees.checkIn(eventId, registrationId, at, by);
  const record = await deps.attendees.findRecord(eventId, registrationId);
  if (!record) throw new AttendeeNotFoundError();
  if (outcome === 'already' && !record.checkedInAt) throw new NotConfirmedError(record.response);
  return { registrationId, name: record.name, checkedInAt: record.checkedInAt ?? at, alreadyCheckedIn: outcome === 'already' };
}
