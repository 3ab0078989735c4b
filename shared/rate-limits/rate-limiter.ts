import { TooManyRequestsError } from '../errors.js';
import type { RateLimitRepository } from './rate-limit-repository.js';

export type RateLimitRule = { name: string; limit: number; windowSeconds: number };

/** One use of a rule, taken: it can be given back when the attempt turns out not to count. */
export type TakenUse = { release(): Promise<void> };

/**
 * Fixed-window limits, counted first and decided after: each use is an atomic add that answers
 * the new count, and the use whose count passes the limit is refused. A burst of parallel requests
 * therefore gets exactly `limit` through, however they interleave.
 */
export function createRateLimiter(repo: RateLimitRepository, now: () => Date) {
  const windowOf = (rule: RateLimitRule) => {
    const nowSeconds = Math.floor(now().getTime() / 1000);
    const start = nowSeconds - (nowSeconds % rule.windowSeconds);
    return { start, retryAfter: start + rule.windowSeconds - nowSeconds };
  };
  const bucket = (rule: RateLimitRule, key: string) => `${rule.name}#${key}`;

  async function take(rule: RateLimitRule, key: string): Promise<TakenUse> {
    const window = windowOf(rule);
    const count = await repo.incrementWindow(bucket(rule, key), window.start, rule.windowSeconds);
    const release = async () => {
      await repo.decrementWindow(bucket(rule, key), window.start, rule.windowSeconds);
    };
    if (count > rule.limit) {
      // A refused use does not count: a client that waits out Retry-After finds its share again.
      await release();
      throw new TooManyRequestsError(Math.max(1, window.retryAfter));
    }
    return { release };
  }

  return {
    /** Counts one use of the key; throws TooManyRequestsError when that use is past the limit. */
    take,
    /**
     * Takes one use of each rule, in order; when one refuses, those taken are given back, so a
     * refused attempt leaves no trace on the other counters.
     */
    async takeAll(uses: { rule: RateLimitRule; key: string }[]): Promise<TakenUse> {
      const taken: TakenUse[] = [];
      try {
        for (const use of uses) taken.push(await take(use.rule, use.key));
      } catch (error) {
        await Promise.all(taken.map((t) => t.release()));
        throw error;
      }
      return { release: async () => void (await Promise.all(taken.map((t) => t.release()))) };
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
