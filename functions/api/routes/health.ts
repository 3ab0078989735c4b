import { Hono } from 'hono';
import type { AppDeps } from '../deps.js';

/** 200 `{ ok: true }` when the app reaches its table and its mail service; 503 otherwise. */
export function healthRoutes(deps: AppDeps) {
  return new Hono().get('/', async (c) => {
    const [database, mail] = await Promise.all([deps.health.database(), deps.health.mail()]);
    const ok = database && mail;
    return c.json({ ok, database, mail }, ok ? 200 : 503);
  });
}
