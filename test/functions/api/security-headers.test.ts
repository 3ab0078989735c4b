import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/http/security-headers.js';
import { createTestContext } from '../../support/test-context.js';

/**
 * The headers the local app sends are the ones CloudFront adds in the cloud (the stack test reads
 * the synthesized policy against the same shared definition): what a browser enforces on a page
 * is the same in both.
 */
describe('security headers', () => {
  it('every page and answer carries the one policy: CSP, no framing, no referrer, no sniffing', async () => {
    const ctx = await createTestContext();
    for (const path of ['/api/health', '/api/events', '/console/sign-in', '/r/not-a-real-token']) {
      const response = await ctx.app.request(path);
      expect(response.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });
});
