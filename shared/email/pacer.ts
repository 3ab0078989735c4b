import type { Mailer } from './mailer.js';
import { isThrottling } from './send-errors.js';

/** Spaces sends to at most `ratePerSecond` (SES's quota), whatever the number of senders in this process. */
export type Pacer = {
  /** Waits for this caller's slot. */
  wait(): Promise<void>;
  /** Hands back the last slot taken, unused: the next caller may have it. */
  giveBack(): void;
};

export function createPacer(ratePerSecond: number, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))): Pacer {
  const interval = 1000 / ratePerSecond;
  let nextSlot = 0;
  return {
    async wait() {
      const now = Date.now();
      const slot = Math.max(now, nextSlot);
      nextSlot = slot + interval;
      if (slot > now) await sleep(slot - now);
    },
    giveBack() {
      nextSlot = Math.max(Date.now(), nextSlot - interval);
    },
  };
}

/**
 * A mailer that keeps to SES's rate. The slot is taken just before the call to SES, so the
 * outbox's reads and claims overlap with the wait, and a message skipped, suppressed or already
 * sent costs no slot. A call SES refuses as throttled gives its slot back: SES counts against
 * its rate only the mail it accepts, and the refused message waits for its backoff in the outbox.
 */
export function pacedMailer(mailer: Mailer, pacer: Pacer): Mailer {
  return {
    isReachable: () => mailer.isReachable(),
    async send(mail) {
      await pacer.wait();
      try {
        return await mailer.send(mail);
      } catch (error) {
        if (isThrottling(error)) pacer.giveBack();
        throw error;
      }
    },
  };
}
