/**
 * The security headers every page and answer carries, defined once: the local app sets them
 * (functions/api/app.ts, Hono's secureHeaders) and CloudFront sets the same in the cloud
 * (infra/web-stack.ts, a response headers policy), so both behave alike.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  styleSrc: ["'self'"],
  scriptSrc: ["'self'"],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
} as const;

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** The policy as one header value: `default-src 'self'; img-src 'self' data: blob:; …`. */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${kebab(name)} ${sources.join(' ')}`)
  .join('; ');

/** Two years, subdomains included: only where the site is served over HTTPS. */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;
export const STRICT_TRANSPORT_SECURITY = `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`;

/** Personal links carry a token: no page ever sends its address on to another site. */
export const REFERRER_POLICY = 'no-referrer';
export const FRAME_OPTIONS = 'DENY';
