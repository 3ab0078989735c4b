import { Hono } from 'hono';
import { HEALTH_PROBE_TIMEOUT_MS } from '../../../shared/aws/timeouts.js';
import type { AppDeps } from '../deps.js';

/** A probe that has not answered by the deadline counts as down: a hung engine is not healthy. */
function withinDeadline(probe: () => Promise<boolean>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([probe().catch(() => false), deadline]).finally(() => clearTimeout(timer));
}

/**
 * 200 `{ ok: true }` when the app reaches its table and its mail service; 503 otherwise, within
 * HEALTH_PROBE_TIMEOUT_MS even when one of them hangs.
 */
export function healthRoutes(deps: AppDeps) {
  return new Hono().get('/',
      async (c) => {
    const [database, mail] = await Promise.all([
      withinDeadline(deps.health.database, HEALTH_PROBE_TIMEOUT_MS),
      withinDeadline(deps.health.mail, HEALTH_PROBE_TIMEOUT_MS),
    ]);
    const ok = database && mail;
    return c.json({ ok, database, mail }, ok ? 200 : 503);
  });
}
