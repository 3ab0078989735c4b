import { ConflictError, NotFoundError, RuleViolationError } from '../errors.js';
import type { EventStatus } from './event-schema.js';

export class EventNotFoundError extends NotFoundError {
  constructor() {
    super('event_not_found', { vi: 'Không tìm thấy sự kiện.', en: 'Event not found.' });
  }
}

const statusNames: Record<EventStatus, { vi: string; en: string }> = {
  draft: { vi: 'bản nháp', en: 'a draft' },
  published: { vi: 'đã công bố', en: 'published' },
  cancelled: { vi: 'đã hủy', en: 'cancelled' },
  closed: { vi: 'đã kết thúc', en: 'closed' },
};

export class EventStateError extends ConflictError {
  constructor(status: EventStatus, action: { vi: string; en: string }) {
    super(
      'event_wrong_state',
      {
        vi: `Không thể ${action.vi}: sự kiện đang ở trạng thái ${statusNames[status].vi}.`,
        en: `Cannot ${action.en}: the event is ${statusNames[status].en}.`,
      },
      { status },
    );
  }
}

export class CapacityBelowConfirmedError extends RuleViolationError {
  constructor(confirmed: number) {
    super(
      'capacity_below_confirmed',
      {
        vi: `Sức chứa không thể nhỏ hơn số người đã xác nhận (${confirmed}).`,
        en: `Capacity cannot be lower than the number already confirmed (${confirmed}).`,
      },
      { confirmed },
    );
  }
}

export class EventChangedError extends ConflictError {
  constructor() {
    super('event_changed', {
      vi: 'Sự kiện vừa được người khác thay đổi. Hãy tải lại và thử lại.',
      en: 'Someone else changed the event just now. Reload and try again.',
    });
  }
}

/** The event as a whole would pass what DynamoDB stores in one item (shared/events/event-size.ts). */
export class EventTooLargeError extends RuleViolationError {
  constructor(sizeBytes: number, limitBytes: number, largest: { part: string; bytes: number }[]) {
    const names = largest.map((l) => l.part).join(', ');
    super(
      'event_too_large',
      {
        vi: `Sự kiện quá dài (${Math.ceil(sizeBytes / 1024)} KB, tối đa ${Math.floor(limitBytes / 1024)} KB). Hãy rút ngắn phần dài nhất: ${names}.`,
        en: `The event is too long (${Math.ceil(sizeBytes / 1024)} KB, at most ${Math.floor(limitBytes / 1024)} KB). Shorten the longest parts: ${names}.`,
      },
      { sizeBytes, limitBytes, largest },
    );
  }
}

/** An invitation or reminder template that would break the mail (shared/email/template-problems.ts). */
export class MailTemplateInvalidError extends RuleViolationError {
  constructor(problems: { kind: string; language: string; field: string; problem: string; placeholder?: string }[], first: { vi: string; en: string }) {
    super(
      'mail_template_invalid',
      {
        vi: `Mẫu thư chưa dùng được. ${first.vi}`,
        en: `The mail template cannot be used. ${first.en}`,
      },
      { problems },
    );
  }
}
