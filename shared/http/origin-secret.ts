/**
 * In the cloud the API is reached only through CloudFront: CloudFront adds this header to every
 * request it sends to the gateway, with a secret generated at deploy (infra/web-stack.ts), and the
 * API Lambda refuses requests without it (functions/api/origin-check.ts). So the gateway's own URL,
 * called directly, cannot pass a made-up `x-viewer-address` and spoof the per-address limits.
 * Plain data, so infra can import it without the app.
 */
export const ORIGIN_SECRET_HEADER = 'x-origin-secret';
