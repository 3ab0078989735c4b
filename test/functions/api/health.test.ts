import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/test-context.js';

describe('GET /api/health', () => {
  it('answers ok when the table and the mail service answer', async () => {
    const ctx = await createTestContext();
    const response = await ctx.request('GET', '/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ok: true });
  });

  it('answers 503 when the mail service does not', async () => {
    const ctx = await createTestContext();
    ctx.mailer.reachable = false;
    const response = await ctx.request('GET', '/api/health');
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ ok: false, database: true, mail: false });
  });

  it('answers 503 when the table is missing', async () => {
    const ctx = await createTestContext({ env: { TABLE_NAME: 'no-such-table' } });
    const response = await ctx.request('GET', '/api/health');
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ ok: false, database: false });
  });
});
