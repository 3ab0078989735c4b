/**
 * How long any call to DynamoDB or SES may take, in milliseconds. Without these the SDK waits as
 * long as a socket stays open: a hung engine held requests for 80 s. DynamoDB answers in
 * milliseconds, so a second to connect and a few to answer leave room for a slow moment while a
 * person waiting (and API Gateway's 29 s) sees an answer within about 15 s even after the retries.
 * SES gets longer to answer: a send cut short is a mail in doubt, never tried again (send-errors.ts).
 * `throwOnRequestTimeout`: without it the SDK only logs a warning when requestTimeout passes.
 */
export const DYNAMODB_TIMEOUTS = { connectionTimeout: 1_000, requestTimeout: 4_000, throwOnRequestTimeout: true } as const;
export const DYNAMODB_MAX_ATTEMPTS = 3;
/**
 * DynamoDB Local (an `endpoint`: npm start, the tests) runs one transaction at a time in a JVM on
 * a laptop that may be busy: slower than the service by far, so it gets longer to answer. A frozen
 * engine still gets an answer (503) in about half a minute, and /api/health its own 2 s.
 */
export const DYNAMODB_LOCAL_TIMEOUTS = { connectionTimeout: 2_000, requestTimeout: 10_000, throwOnRequestTimeout: true } as const;
export const SES_TIMEOUTS = { connectionTimeout: 2_000, requestTimeout: 15_000, throwOnRequestTimeout: true } as const;

/** /api/health's own deadline for each probe: it answers 503 within 3 s whatever hangs. */
export const HEALTH_PROBE_TIMEOUT_MS = 2_000;
