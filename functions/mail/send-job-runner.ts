import { runDueSendJobs, type SendJobsDeps } from '../../shared/email/send-jobs.js';
import { log } from '../../shared/logging/logger.js';

/**
 * The local runner of send jobs (shared/email/send-jobs.ts) under `npm start`: continues what a
 * request began and left, and what a stopped process left (its lease runs out). In the cloud the
 * outbox sweeper Lambda does the same (outbox-sweeper.ts).
 */
export function startSendJobRunner(deps: SendJobsDeps, options: { pollMs?: number; budgetMs?: number } = {}) {
  const pollMs = options.pollMs ?? 1000;
  const budgetMs = options.budgetMs ?? 10_000;
  let stopped = false;
  let wake: (() => void) | undefined;

  async function loop() {
    while (!stopped) {
      try {
        await runDueSendJobs(deps, budgetMs);
      } catch (error) {
        log.error('send job run failed; the next poll tries again', { error });
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, pollMs);
      });
    }
  }

  const running = loop();
  return {
    /** Looks for jobs now (a request has just left one to the background). */
    nudge() {
      wake?.();
    },
    async stop() {
      stopped = true;
      wake?.();
      await running;
    },
  };
}

export type SendJobRunner = ReturnType<typeof startSendJobRunner>;
