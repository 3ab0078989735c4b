import { TooManyRequestsError } from '../errors.js';
import type { RateLimitRepository } from './rate-limit-repository.js';

export type RateLimitRule = { name: string; limit: number; windowSeconds: number };

/** Counts failures (or misses) per key in fixed windows and refuses once a key has used its share. */
export function createRateLimiter(repo: RateLimitRepository, now: () => Date) {
  const windowOf = (rule: RateLimitRule) => {
    const nowSeconds = Math.floor(now().getTime() / 1000);
    const start = nowSeconds - (nowSeconds % rule.windowSeconds);
    return { start, retryAfter: start + rule.windowSeconds - nowSeconds };
  };
  const bucket = (rule: RateLimitRule, key: string) => `${rule.name}#${key}`;

  return {
    /** Throws TooManyRequestsError when the key has reached the limit of this window. */
    async assertAllowed(rule: RateLimitRule, key: string): Promise<void> {
      const window = windowOf(rule);
      const used = await repo.countInWindow(bucket(rule, key), window.start);
      if (used >= rule.limit) throw new TooManyRequestsError(Math.max(1, window.retryAfter));
    },
    async record(rule: RateLimitRule, key: string): Promise<void> {
      await repo.addToWindow(bucket(rule, key), windowOf(rule).start, rule.windowSeconds);
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
