import type { CheckInCodes } from './check-in-codes.js';
import type { AttendeesDeps } from './list-attendees.js';

/** What the door's use cases need (check-in, undo, by code, walk-ins, counts, the door list). */
export type CheckInDeps = AttendeesDeps & { codes: CheckInCodes };
