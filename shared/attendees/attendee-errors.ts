import { ConflictError, NotFoundError } from '../errors.js';
import { WrongResponseError } from '../registrations/registration-errors.js';

/** What the door may be refused with (mapped in functions/api/errors.ts). */
export class AttendeeNotFoundError extends NotFoundError {
  constructor() {
    super('attendee_not_found', { vi: 'Không tìm thấy người này trong danh sách.', en: 'This person is not on the list.' });
  }
}

export class NotConfirmedError extends WrongResponseError {
  constructor(response: string) {
    super('not_confirmed', response, { vi: 'Người này chưa được xác nhận tham dự.', en: 'This person is not confirmed to attend.' });
  }
}

export class EventNotOpenForCheckInError extends ConflictError {
  constructor() {
    super('event_not_open', { vi: 'Sự kiện chưa công bố hoặc đã hủy.', en: 'The event is not published, or it was cancelled.' });
  }
}
