import { ConflictError, RuleViolationError, type LocalizedText } from '../errors.js';

/** The deadline passed, or the event is closed or not open yet: answers no longer change. */
export class RegistrationClosedError extends ConflictError {
  constructor(details?: { status?: string; registrationClosesAt?: string }) {
    super(
      'registration_closed',
      {
        vi: 'Đã hết hạn đăng ký cho sự kiện này; không thể thay đổi câu trả lời nữa. Xin liên hệ Ban tổ chức.',
        en: 'Registration for this event has closed; answers can no longer be changed. Please contact the organisers.',
      },
      details,
    );
  }
}

/**
 * The action needs another answer than the one the invitation holds (a registration, a pending
 * answer, a confirmed seat); `details.response` names the one it holds.
 */
export abstract class WrongResponseError extends ConflictError {
  constructor(code: string, response: string, text: LocalizedText) {
    super(code, text, { response });
  }
}

export class EventCancelledError extends ConflictError {
  constructor() {
    super('event_cancelled', { vi: 'Sự kiện này đã bị hủy.', en: 'This event has been cancelled.' });
  }
}

/** Withdrawing or changing details needs a registration (confirmed, waitlisted or pending). */
export class NotRegisteredError extends WrongResponseError {
  constructor(response: string) {
    super('not_registered', response, { vi: 'Bạn chưa đăng ký tham dự sự kiện này.', en: 'You are not registered for this event.' });
  }
}

export class RegistrationRejectedError extends ConflictError {
  constructor() {
    super('registration_rejected', {
      vi: 'Ban tổ chức đã không duyệt đăng ký này. Xin liên hệ Ban tổ chức.',
      en: 'The organisers did not approve this registration. Please contact them.',
    });
  }
}

/** Approving or rejecting an answer that is not waiting for it. */
export class NotPendingError extends WrongResponseError {
  constructor(response: string) {
    super('not_pending', response, { vi: 'Đăng ký này không ở trạng thái chờ duyệt.', en: 'This registration is not waiting for approval.' });
  }
}

/** Checking in someone at the door whose answer is not a confirmed seat (attendees/check-in.ts). */
export class NotConfirmedError extends WrongResponseError {
  constructor(response: string) {
    super('not_confirmed', response, { vi: 'Người này chưa được xác nhận tham dự.', en: 'This person is not confirmed to attend.' });
  }
}

/** Every retry met another writer on the same items; nothing was written, trying again is safe. */
export class RegistrationBusyError extends ConflictError {
  constructor() {
    super(
      'registration_busy',
      {
        vi: 'Hệ thống đang bận xử lý nhiều đăng ký cùng lúc. Vui lòng thử lại.',
        en: 'Many answers are being recorded at once. Please try again.',
      },
      { retryAfterSeconds: 2 },
    );
  }
}

export type DetailsIssue = { field: string; problem: 'required' | 'unknown_field' | 'invalid_text' | 'invalid_date' | 'invalid_choice' | 'invalid_phone' | 'invalid_email' };

export class DetailsInvalidError extends RuleViolationError {
  constructor(issues: DetailsIssue[]) {
    super(
      'details_invalid',
      {
        vi: 'Thông tin đăng ký chưa đầy đủ hoặc không hợp lệ.',
        en: 'Some registration details are missing or not valid.',
      },
      { issues },
    );
  }
}
