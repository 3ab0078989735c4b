/**
 * Domain errors. Every rule the product enforces fails with one of these; the HTTP adapter maps
 * them to `{ error, message, details? }` in one place (functions/api/errors.ts). A message is
 * written in both interface languages so whoever reads it sees their own.
 */
export type Language = 'vi' | 'en';
export type LocalizedText = { vi: string; en: string };

export type ErrorKind =
  | 'malformed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'rule'
  | 'rate_limited'
  | 'busy';

export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;
  constructor(
    readonly code: string,
    readonly text: LocalizedText,
    readonly details?: unknown,
  ) {
    super(text.en);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  readonly kind = 'malformed' as const;
  constructor(text: LocalizedText, details?: unknown, code = 'invalid_request') {
    super(code, text, details);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated' as const;
  constructor(
    text: LocalizedText = { vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
    code = 'unauthenticated',
  ) {
    super(code, text);
  }
}

export class InvalidCredentialsError extends UnauthenticatedError {
  constructor() {
    super(
      { vi: 'Email hoặc mật khẩu không đúng.', en: 'Wrong email or password.' },
      'invalid_credentials',
    );
  }
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden' as const;
  constructor(
    text: LocalizedText = {
      vi: 'Tài khoản của bạn không có quyền thực hiện việc này.',
      en: 'Your account is not allowed to do this.',
    },
  ) {
    super('forbidden', text);
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not_found' as const;
  constructor(
    code = 'not_found',
    text: LocalizedText = { vi: 'Không tìm thấy.', en: 'Not found.' },
  ) {
    super(code, text);
  }
}

/**
 * A "not found" of one kind, declared in a line where a feature has several: its own class (so it
 * is told apart), name, code and text (partners-errors.ts, attendee-errors.ts).
 */
export function notFoundError(name: string, code: string, text: LocalizedText) {
  const error = class extends NotFoundError {
    constructor() {
      super(code, text);
    }
  };
  Object.defineProperty(error, 'name', { value: name });
  return error;
}

export class ConflictError extends DomainError {
  readonly kind = 'conflict' as const;
}

export class RuleViolationError extends DomainError {
  readonly kind = 'rule' as const;
}

export class PayloadTooLargeError extends DomainError {
  readonly kind = 'too_large' as const;
  constructor(limitBytes: number) {
    super(
      'payload_too_large',
      {
        vi: `Dữ liệu gửi lên quá lớn (tối đa ${Math.round(limitBytes / 1024)} KB).`,
        en: `The request body is too large (at most ${Math.round(limitBytes / 1024)} KB).`,
      },
      { limitBytes },
    );
  }
}

/** Refused for now: the answer says when to try again (Retry-After). */
abstract class RetryLaterError extends DomainError {
  constructor(
    code: string,
    readonly retryAfterSeconds: number,
    text: LocalizedText,
  ) {
    super(code, text, { retryAfterSeconds });
  }
}

export class TooManyRequestsError extends RetryLaterError {
  readonly kind = 'rate_limited' as const;
  constructor(
    retryAfterSeconds: number,
    text: LocalizedText = {
      vi: 'Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.',
      en: 'Too many requests. Please try again in a few minutes.',
    },
  ) {
    super('too_many_requests', retryAfterSeconds, text);
  }
}

/** The server has more of this work than it takes at once: try again in a moment (503, Retry-After). */
export class ServiceBusyError extends RetryLaterError {
  readonly kind = 'busy' as const;
  constructor(
    retryAfterSeconds: number,
    text: LocalizedText = {
      vi: 'Hệ thống đang bận. Vui lòng thử lại sau vài giây.',
      en: 'The system is busy. Please try again in a few seconds.',
    },
  ) {
    super('service_busy', retryAfterSeconds, text);
  }
}
