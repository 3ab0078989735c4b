import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type ErrorKind, type LocalizedText } from '../../shared/errors.js';
import { describeError } from '../../shared/logging/redact.js';
import { isWriteConflict } from '../../shared/db/write-conflicts.js';
import { requestLanguage } from './language.js';
import { currentRequestId, log } from '../../shared/logging/logger.js';

/** The one place where errors become HTTP answers: `{ error, message, details? }` (docs/api/API.md). */
const statusOf: Record<ErrorKind, ContentfulStatusCode> = {
  malformed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rule: 422,
  rate_limited: 429,
  busy: 503,
};

const httpExceptionText: Partial<Record<number, { code: string; text: LocalizedText }>> = {
  400: { code: 'malformed_request', text: { vi: 'Yêu cầu không đúng định dạng (JSON không hợp lệ?).', en: 'The request is malformed (invalid JSON?).' } },
  413: { code: 'payload_too_large', text: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' } },
  415: { code: 'unsupported_media_type', text: { vi: 'Định dạng dữ liệu không được hỗ trợ.', en: 'This content type is not supported.' } },
};

const internalText: LocalizedText = {
  vi: 'Đã có lỗi ở máy chủ. Vui lòng thử lại; nếu vẫn lỗi, hãy báo cho quản trị viên.',
  en: 'Something went wrong on the server. Please try again; if it persists, tell an administrator.',
};

export function errorResponse(error: unknown, c: Context): Response {
  const language = requestLanguage(c);
  if (error instanceof DomainError) {
    // Rate limits, a busy service, and conflicts that a moment's wait resolves (registration_busy) say when.
    const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retry && (error.kind === 'rate_limited' || error.kind === 'busy' || error.kind === 'conflict')) c.header('Retry-After', String(retry));
    return c.json(
      { error: error.code, message: error.text[language], ...(error.details !== undefined ? { details: error.details } : {}) },
      statusOf[error.kind],
    );
  }
  if (error instanceof HTTPException && error.status < 500) {
    const known = httpExceptionText[error.status] ?? httpExceptionText[400]!;
    return c.json({ error: known.code, message: known.text[language] }, error.status as ContentfulStatusCode);
  }
  if (isThrottling(error) || isWriteConflict(error)) {
    // Not a fault of the product, but an operator wants to see how often and where it happens.
    log.warn('service busy', { method: c.req.method, route: routeOf(c), busy: (error as { name?: string }).name ?? 'unknown' });
    c.header('Retry-After', '2');
    return c.json({ error: 'service_busy', message: busyText[language] }, 503);
  }
  const requestId = currentRequestId() ?? crypto.randomUUID();
  // The route's pattern (`/api/r/:token`), never the path: a path can hold someone's personal link.
  log.error('unhandled error', { requestId, method: c.req.method, route: routeOf(c), error: describeError(error) });
  return c.json({ error: 'internal', message: internalText[language], details: { requestId } }, 500);
}

const busyText: LocalizedText = {
  vi: 'Hệ thống đang bận. Vui lòng thử lại sau vài giây.',
  en: 'The system is busy. Please try again in a few seconds.',
};

/**
 * AWS throttling that outlasted the SDK's own retries, a service that did not answer within its
 * timeouts (shared/aws/timeouts.ts), and a write still meeting another transaction after the
 * client's jittered retries (shared/db/write-conflicts.ts): the client may simply try again.
 */
function isThrottling(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name ?? '';
  const code = (error as { code?: string } | null)?.code ?? '';
  return (
    ['ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'TooManyRequestsException', 'TimeoutError'].includes(name) ||
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'].includes(code)
  );
}

/** The pattern of the route that failed; a path no route matched is not logged at all. */
function routeOf(c: Context): string {
  try {
    const pattern = c.req.routePath;
    return pattern && pattern !== '/*' && pattern !== '*' ? pattern : '(no route)';
  } catch {
    return '(no route)';
  }
}

export function notFoundResponse(c: Context): Response {
  const language = requestLanguage(c);
  return c.json(
    { error: 'not_found', message: { vi: 'Không có địa chỉ này.', en: 'There is no such address.' }[language] },
    404,
  );
}
