import { gunzipSync } from 'node:zlib';
import { handle } from 'hono/aws-lambda';
import { beforeAll, describe, expect, test } from 'vitest';
import { createOrganiserContext, type Caller, type TestContext } from '../../support/test-context.js';

/**
 * API answers are gzipped when the client accepts it, under @hono/node-server and under
 * hono/aws-lambda alike (the Lambda answer base64-encoded, as API Gateway expects a binary body);
 * exports and clients that ask for nothing get the body as it is.
 */
let ctx: TestContext;
let organiser: Caller;
let eventId: string;

beforeAll(async () => {
  ({ ctx, organiser } = await createOrganiserContext());
  for (let i = 0; i < 6; i += 1) {
    const created = await organiser('POST', '/api/events', {
      body: {
        type: 'training',
        title: { vi: `Tập huấn công tác đối ngoại nhân dân, lớp ${i + 1}`, en: `People-to-people diplomacy training, class ${i + 1}` },
        venue: 'Hội trường Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk, 15 Lê Thánh Tông, TP. Buôn Ma Thuột',
        startsAt: '2031-11-20T08:00:00+07:00',
        endsAt: '2031-11-20T17:00:00+07:00',
      },
    });
    expect(created.status).toBe(201);
    eventId = created.body.event.eventId;
  }
});

async function raw(path: string, headers: Record<string, string>) {
  const response = await ctx.app.request(path, { headers: { cookie: organiser.cookie, ...headers } });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('compressed API answers', () => {
  test('JSON is gzipped for a client that accepts it, and reads the same', async () => {
    const plain = await raw('/api/events', {});
    expect(plain.response.headers.get('content-encoding')).toBeNull();
    const zipped = await raw('/api/events', { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.response.status).toBe(200);
    expect(zipped.response.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(zipped.bytes.length).toBeLessThan(plain.bytes.length / 3);
    expect(JSON.parse(gunzipSync(zipped.bytes).toString('utf8'))).toEqual(JSON.parse(plain.bytes.toString('utf8')));
  });

  test('an export goes as it is, whatever the client accepts', async () => {
    const csv = await raw(`/api/events/${eventId}/attendees?format=csv`, { 'accept-encoding': 'gzip' });
    expect(csv.response.status).toBe(200);
    expect(csv.response.headers.get('content-encoding')).toBeNull();
    expect(csv.response.headers.get('content-type')).toMatch(/^text\/csv/);
  });

  test('under hono/aws-lambda the gzipped answer is base64-encoded for API Gateway', async () => {
    const handler = handle(ctx.app);
    const event = {
      version: '2.0',
      routeKey: '$default',
      rawPath: '/api/events',
      rawQueryString: '',
      cookies: [organiser.cookie],
      headers: { host: 'localhost:3000', 'accept-encoding': 'gzip, br' },
      requestContext: {
        accountId: '123456789012',
        apiId: 'api',
        domainName: 'localhost',
        domainPrefix: 'localhost',
        http: { method: 'GET', path: '/api/events', protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: 'vitest' },
        requestId: 'r1',
        routeKey: '$default',
        stage: '$default',
        time: '20/Nov/2031:08:00:00 +0000',
        timeEpoch: 1952928000000,
      },
      isBase64Encoded: false,
    };
    const result = (await handler(event as never, {} as never)) as { statusCode: number; body: string; isBase64Encoded: boolean; headers: Record<string, string> };
    expect(result.statusCode).toBe(200);
    expect(result.isBase64Encoded).toBe(true);
    expect(result.headers['content-encoding']).toBe('gzip');
    const items = JSON.parse(gunzipSync(Buffer.from(result.body, 'base64')).toString('utf8')).items as unknown[];
    expect(items.length).toBe(6);
  });
});
