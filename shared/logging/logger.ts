import { AsyncLocalStorage } from 'node:async_hooks';
import { describeError, redactSecrets } from './redact.js';

/**
 * The one logger of the server side: one JSON line per event, with its level, message, the
 * function that logged it (the Lambda's name, or `local`) and the request it served, where there
 * is one. As small as Powertools' Logger for what this product logs, and without its dependency.
 *
 * It never writes a personal link's token (every string passes redactSecrets) nor personal data:
 * a field named like passport data, details, a password or a token is written as `[redacted]`,
 * whatever it holds. Levels go to console.log / warn / error, which Lambda and CloudWatch read.
 */
export type LogFields = Record<string, unknown>;
export type LogLevel = 'info' | 'warn' | 'error';
export type Logger = { [L in LogLevel]: (message: string, fields?: LogFields) => void } & { child: (fields: LogFields) => Logger };

/** Keys whose values are never logged: passport data and the answers' details, secrets. */
const PERSONAL_KEY = /^(details|passport\w*|dateOfBirth|nationality|password\w*|token|sessionToken|linkToken|link)$/i;

const requestContext = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `work` as one request: every line logged within carries `requestId`. */
export function withRequestId<T>(requestId: string | undefined, work: () => T): T {
  return requestId ? requestContext.run({ requestId }, work) : work();
}

/** The request being served, if any (the API's error answers name it too). */
export const currentRequestId = (): string | undefined => requestContext.getStore()?.requestId;

function clean(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (value instanceof Error) return describeError(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => clean(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, PERSONAL_KEY.test(key) ? '[redacted]' : clean(item, depth + 1)]));
}

const write: Record<LogLevel, (line: string) => void> = {
  info: (line) => console.log(line),
  warn: (line) => console.warn(line),
  error: (line) => console.error(line),
};

export function createLogger(context: LogFields = {}): Logger {
  const line = (level: LogLevel) => (message: string, fields: LogFields = {}) => {
    const requestId = currentRequestId();
    write[level](
      JSON.stringify({
        level,
        message: redactSecrets(message),
        function: globalThis.process?.env.AWS_LAMBDA_FUNCTION_NAME ?? 'local',
        ...(requestId ? { requestId } : {}),
        ...(clean({ ...context, ...fields }, 0) as LogFields),
      }),
    );
  };
  return { info: line('info'), warn: line('warn'), error: line('error'), child: (fields) => createLogger({ ...context, ...fields }) };
}

export const log = createLogger();
