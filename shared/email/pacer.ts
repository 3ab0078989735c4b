/**
 * Spaces out sends to at most `ratePerSecond` (SES's quota), whatever the number of workers in
 * this process. Each caller waits for its own slot.
 */
export function createPacer(ratePerSecond: number, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))) {
  const interval = 1000 / ratePerSecond;
  let nextSlot = 0;
  return async function waitForSlot(): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, nextSlot);
    nextSlot = slot + interval;
    if (slot > now) await sleep(slot - now);
  };
}
