import { AttendeeNotFoundError } from './attendee-errors.js';
import { normalizeCheckInCode } from './check-in-codes.js';
import type { CheckInDeps } from './check-in-deps.js';
import { checkIn, type CheckInResult } from './check-in.js';

/** The code of the confirmation mail's QR (or typed from it). */
export async function checkInByCode(deps: CheckInDeps, eventId: string, code: string, by: string): Promise<CheckInResult> {
  const wanted = normalizeCheckInCode(code);
  const records = await deps.attendees.listWithDetails(eventId);
  const match = records.find((r) => deps.codes.codeFor(eventId, r.invitationId) === wanted);
  if (!match) throw new AttendeeNotFoundError();
  return checkIn(deps, eventId, match.invitationId, by);
}
