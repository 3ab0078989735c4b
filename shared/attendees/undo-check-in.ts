import type { CheckInDeps } from './check-in-deps.js';

export async function undoCheckIn(deps: CheckInDeps, eventId: string, registrationId: string): Promise<{ undone: boolean }> {
  return { undone: await deps.attendees.undoCheckIn(eventId, registrationId, deps.now().toISOString()) };
}
