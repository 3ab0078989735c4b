/**
 * Behind CloudFront, the API's connection comes from an edge server that many people near it
 * share: per-client limits (sign-in attempts per address, link misses) would count them all as
 * one. CloudFront's viewer-request function on `/api/*` (infra/web-stack.ts) sets this header to
 * the viewer's own address, overwriting whatever the client sent; the Lambda entry trusts it.
 * Plain data, so infra can import it without the app.
 */
export const VIEWER_ADDRESS_HEADER = 'x-viewer-address';
