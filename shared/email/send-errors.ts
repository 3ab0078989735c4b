/**
 * What a failed SES call means for the outbox: try again later (throttling, a passing fault) or
 * never (the message or the account is refused).
 */
export type SendFailure = { retry: boolean; reason: string };

const throttling = new Set(['TooManyRequestsException', 'ThrottlingException', 'Throttling', 'LimitExceededException']);
const permanent = new Set([
  'MessageRejected',
  'BadRequestException',
  'AccountSuspendedException',
  'MailFromDomainNotVerifiedException',
  'SendingPausedException',
  'NotFoundException',
]);

type SendError = { name?: string; message?: string; $metadata?: { httpStatusCode?: number }; code?: string } | undefined;

/** SES refused the call for going over the account's rate: nothing was sent. */
export function isThrottling(error: unknown): boolean {
  const e = error as SendError;
  return throttling.has(e?.name ?? '') || /rate exceeded|throttl/i.test(e?.message ?? '');
}

export function classifySendError(error: unknown): SendFailure {
  const e = error as SendError;
  const name = e?.name ?? 'Error';
  if (isThrottling(error)) return { retry: true, reason: `throttled: ${name}` };
  if (permanent.has(name)) return { retry: false, reason: `${name}: ${e?.message ?? ''}`.slice(0, 300) };
  const status = e?.$metadata?.httpStatusCode;
  // Refused before it reached SES, or SES answered that it failed: nothing went out.
  if (e?.code === 'ECONNREFUSED' || (status !== undefined && status >= 500)) return { retry: true, reason: `transient: ${name}` };
  if (status !== undefined && status >= 400) return { retry: false, reason: `${name}: ${e?.message ?? ''}`.slice(0, 300) };
  // A timeout or a broken connection after the request left: SES may have sent it. Trying again
  // could send it twice, so it stops here and the organiser decides (resend is an explicit act).
  return { retry: false, reason: `uncertain: ${name}` };
}

/**
 * 2, 4, 8 … seconds, at most 5 minutes, with jitter so a burst of retries spreads out. Throttling
 * starts at 1 s: the sender already keeps to SES's rate (pacer.ts), so a refusal is a passing
 * excess, and a long first wait only leaves the end of a big send waiting on its last retries.
 */
export function backoffSeconds(attempt: number, reason: 'throttled' | 'transient' = 'transient'): number {
  const exponent = reason === 'throttled' ? Math.max(0, attempt - 1) : Math.max(1, attempt);
  const base = Math.min(300, 2 ** exponent);
  return base / 2 + Math.random() * (base / 2);
}

export const MAX_SEND_ATTEMPTS = 8;
