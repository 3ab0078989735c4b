import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { lambdaClientAddress } from '../../../functions/api/viewer-address.js';

/** In the cloud, per-client limits must count the person, not the CloudFront edge they came through. */
describe('the client address in the Lambda', () => {
  const app = new Hono().get('/who', (c) => c.text(lambdaClientAddress(c)));
  // What hono/aws-lambda hands the app from an HTTP API event.
  const lambdaEnv = (sourceIp: string) => ({ requestContext: { http: { sourceIp } } });

  it('is the viewer address CloudFront passed on, not the edge server the request came from', async () => {
    const response = await app.request('/who', { headers: { 'x-viewer-address': '203.0.113.25' } }, lambdaEnv('130.176.1.1'));
    expect(await response.text()).toBe('203.0.113.25');
  });

  it('is the connection source when the header is absent (the gateway called directly)', async () => {
    const response = await app.request('/who', {}, lambdaEnv('198.51.100.9'));
    expect(await response.text()).toBe('198.51.100.9');
  });
});
