import type { Context } from 'hono';
import { getConnInfo } from 'hono/aws-lambda';
import { VIEWER_ADDRESS_HEADER } from '../../shared/http/viewer-address.js';

/**
 * Who is asking, for per-client limits, in the cloud: the address CloudFront saw (its function on
 * `/api/*` sets the header), else the connection's source (the gateway called directly).
 */
export function lambdaClientAddress(c: Context): string {
  return c.req.header(VIEWER_ADDRESS_HEADER) ?? getConnInfo(c).remote.address ?? 'unknown';
}
