import type { LambdaClient } from '@aws-sdk/client-lambda';
import { log } from '../../shared/logging/logger.js';

/**
 * The API Lambda's `afterQueued`: in the cloud the outbox sweeper (outbox-sweeper.ts) runs every
 * minute; invoking it (asynchronously) right after mail is queued starts the send at once. If the
 * invoke fails, the next scheduled run sends the mail all the same, so a failure is only logged.
 */

/** What the API sends the sweeper; a scheduled run gets an EventBridge event instead. */
export const SWEEP_REQUEST = { source: 'huu-nghi-events.api', reason: 'mail-queued' } as const;

export function isSweepRequest(event: unknown): boolean {
  const e = event as Partial<typeof SWEEP_REQUEST> | null | undefined;
  return e?.source === SWEEP_REQUEST.source && e.reason === SWEEP_REQUEST.reason;
}

export type SweeperWake = {
  afterQueued: (count: number) => void;
  /**
   * Waits for the invokes started so far. A Lambda handler awaits it before answering: a
   * function is frozen once it has answered, and an invoke still in flight would wait for the
   * next request, or never go.
   */
  settled: () => Promise<void>;
};

/** Without a function name (e.g. outside the cloud) it wakes nothing. */
export function createSweeperWake(options: { functionName?: string; region: string; lambda?: LambdaClient }): SweeperWake {
  const { functionName } = options;
  if (!functionName) return { afterQueued: () => undefined, settled: async () => undefined };
  // The Lambda client is loaded when mail is first queued, not at start: most requests queue none
  // (infra/lambda-bundling.ts ships it beside the bundle as a module of its own).
  const sdk = () => import('@aws-sdk/client-lambda');
  let lambda: LambdaClient | undefined = options.lambda;
  const inFlight = new Set<Promise<void>>();
  return {
    afterQueued() {
      const invoke = sdk()
        .then(({ InvokeCommand, LambdaClient }) => {
          lambda ??= new LambdaClient({ region: options.region, maxAttempts: 2 });
          return lambda.send(
            new InvokeCommand({ FunctionName: functionName, InvocationType: 'Event', Payload: JSON.stringify(SWEEP_REQUEST) }),
          );
        })
        .then(
          () => undefined,
          (error: unknown) =>
            log.error('outbox sweeper not woken; its next run sends the mail', { error }),
        )
        .finally(() => inFlight.delete(invoke));
      inFlight.add(invoke);
    },
    async settled() {
      await Promise.all(inFlight);
    },
  };
}
