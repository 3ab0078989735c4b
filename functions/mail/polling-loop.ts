/** What a polling loop's body sees: whether it was asked to stop, and a pause a nudge cuts short. */
export type PollingControl = {
  readonly stopped: boolean;
  /** Waits `pollMs`, or less when nudged or stopped. */
  idle(): Promise<void>;
};

/**
 * Runs `body` in the background until stop(): the local mail worker and send-job runner poll this
 * way under `npm start`. nudge() ends the current pause (work has just been queued); stop() ends
 * the pause too, waits for the body to return, then for `drain` (work still in flight).
 */
export function startPolling(pollMs: number, body: (control: PollingControl) => Promise<void>, drain?: () => Promise<unknown>) {
  let stopped = false;
  let wake: (() => void) | undefined;
  const control: PollingControl = {
    get stopped() {
      return stopped;
    },
    idle: () =>
      new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, pollMs);
      }),
  };
  const running = body(control);
  return {
    nudge() {
      wake?.();
    },
    async stop() {
      stopped = true;
      wake?.();
      await running;
      await drain?.();
    },
  };
}
