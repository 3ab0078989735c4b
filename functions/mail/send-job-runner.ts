import { runDueSendJobs, type SendJobsDeps } from '../../shared/email/send-jobs.js';
import { log } from '../../shared/logging/logger.js';
import { startPolling } from './polling-loop.js';

/**
 * The local runner of send jobs (shared/email/send-jobs.ts) under `npm start`: continues what a
 * request began and left, and what a stopped process left (its lease runs out). In the cloud the
 * outbox sweeper Lambda does the same (outbox-sweeper.ts).
 */
export function startSendJobRunner(deps: SendJobsDeps, options: { pollMs?: number; budgetMs?: number } = {}) {
  const budgetMs = options.budgetMs ?? 10_000;
  return startPolling(options.pollMs ?? 1000, async (control) => {
    while (!control.stopped) {
      try {
        await runDueSendJobs(deps, budgetMs);
      } catch (error) {
        log.error('send job run failed; the next poll tries again', { error });
      }
      if (control.stopped) break;
      await control.idle();
    }
  });
}

export type SendJobRunner = ReturnType<typeof startSendJobRunner>;
