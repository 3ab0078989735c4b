import { ConflictError, notFoundError } from '../errors.js';

/** What the door may be refused with (mapped in functions/api/errors.ts); someone not confirmed: NotConfirmedError (registration-errors.ts). */
export const AttendeeNotFoundError = notFoundError('AttendeeNotFoundError', 'attendee_not_found', { vi: 'Không tìm thấy người này trong danh sách.', en: 'This person is not on the list.' });

export class EventNotOpenForCheckInError extends ConflictError {
  constructor() {
    super('event_not_open', { vi: 'Sự kiện chưa công bố hoặc đã hủy.', en: 'The event is not published, or it was cancelled.' });
  }
}
