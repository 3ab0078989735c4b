import type { MiddlewareHandler } from 'hono';
import { ForbiddenError } from '../../../shared/errors.js';

/**
 * Cross-site request forgery guard. Browsers name the page a write comes from (Origin,
 * Sec-Fetch-Site); a write from another site is refused. Scripts and curl send neither and carry
 * no victim's cookie, so they pass. SameSite=Lax cookies are the second layer.
 */
export function sameOriginWrites(publicUrl: string): MiddlewareHandler {
  const allowed = new URL(publicUrl).origin;
  return async (c, next) => {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      if ((origin && origin !== allowed && origin !== new URL(c.req.url).origin) || site === 'cross-site') {
        throw new ForbiddenError({
          vi: 'Yêu cầu từ trang web khác bị từ chối.',
          en: 'A request from another site was refused.',
        });
      }
    }
    await next();
  };
}
