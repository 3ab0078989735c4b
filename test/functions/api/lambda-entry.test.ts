import { afterEach, describe, expect, it, vi } from 'vitest';
import { ORIGIN_SECRET_HEADER } from '../../../shared/http/origin-secret.js';
import { cameThroughCloudFront } from '../../../functions/api/origin-check.js';
import { createTestTable, TEST_LINK_SECRET } from '../../support/test-context.js';

/**
 * The API's Lambda entry as API Gateway calls it (payload 2.0), with the environment ApiStack
 * gives it: only a request carrying CloudFront's origin secret reaches the app.
 */
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  vi.resetModules();
});

const SECRET = 'origin-secret-generated-at-deploy-0123456789abcdef';

function gatewayEvent(path: string, headers: Record<string, string>) {
  return {
    version: '2.0',
    routeKey: 'ANY /api/{proxy+}',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'abc123.execute-api.ap-southeast-1.amazonaws.com', ...headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.ap-southeast-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '198.51.100.9', userAgent: 'curl/8' },
      requestId: 'req-1',
      routeKey: 'ANY /api/{proxy+}',
      stage: '$default',
      time: '03/Dec/2026:08:00:00 +0000',
      timeEpoch: 1796284800000,
    },
    isBase64Encoded: false,
  };
}

async function lambdaHandler() {
  const { tableName, endpoint } = await createTestTable();
  vi.stubEnv('TABLE_NAME', tableName);
  vi.stubEnv('DYNAMODB_ENDPOINT', endpoint);
  vi.stubEnv('AWS_REGION', 'local');
  vi.stubEnv('LINK_SECRET', TEST_LINK_SECRET);
  vi.stubEnv('PUBLIC_URL', 'https://events.huunghi.example.vn');
  vi.stubEnv('ADMIN_EMAIL', undefined);
  vi.stubEnv('ORIGIN_SECRET', SECRET);
  const { handler } = await import('../../../functions/api/lambda.js');
  return handler as unknown as (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;
}

describe('the API Lambda behind CloudFront', () => {
  it('serves a request that carries the origin secret, and refuses the gateway called directly', async () => {
    const handler = await lambdaHandler();
    const through = await handler(gatewayEvent('/api/auth/me', { [ORIGIN_SECRET_HEADER]: SECRET, 'x-viewer-address': '203.0.113.7' }), {});
    expect(through.statusCode).toBe(401);
    expect(JSON.parse(through.body).error).toBe('unauthenticated');

    const attempts: Record<string, string>[] = [{}, { [ORIGIN_SECRET_HEADER]: 'a guess' }, { [ORIGIN_SECRET_HEADER]: `${SECRET}x` }, { 'x-viewer-address': '203.0.113.7' }];
    for (const headers of attempts) {
      const direct = await handler(gatewayEvent('/api/auth/me', headers), {});
      expect(direct.statusCode).toBe(403);
      expect(JSON.parse(direct.body)).toMatchObject({ error: 'forbidden' });
      expect(direct.body).not.toContain(SECRET);
    }
  });

  it('refuses everything when no secret is configured (fails closed)', () => {
    expect(cameThroughCloudFront({ [ORIGIN_SECRET_HEADER]: '' }, undefined)).toBe(false);
    expect(cameThroughCloudFront({ [ORIGIN_SECRET_HEADER]: '' }, '')).toBe(false);
    expect(cameThroughCloudFront({ 'X-Origin-Secret': SECRET }, SECRET)).toBe(true);
  });
});
