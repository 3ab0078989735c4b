import { sameSecret } from '../../shared/auth/secret-tokens.js';
import { ORIGIN_SECRET_HEADER } from '../../shared/http/origin-secret.js';

/**
 * True when a request carries CloudFront's origin secret (shared/http/origin-secret.ts). Compared
 * in constant time over digests of equal length, so neither the value nor its length leaks
 * through timing. Without a configured secret nothing passes: the check fails closed.
 */
export function cameThroughCloudFront(headers: Record<string, string | undefined> | undefined, secret: string | undefined): boolean {
  if (!secret) return false;
  const given = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === ORIGIN_SECRET_HEADER)?.[1];
  if (given === undefined) return false;
  return sameSecret(given, secret);
}

/** The answer to a request that did not come through CloudFront (API Gateway v2 result shape). */
export const NOT_THROUGH_CLOUDFRONT = {
  statusCode: 403,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify({
    error: 'forbidden',
    message: 'Truy cập trực tiếp không được phép; hãy dùng địa chỉ của ứng dụng. / Direct access is not allowed; use the application’s address.',
  }),
};
