import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../functions/api/app.js';
import { buildDeps } from '../../../functions/api/deps.js';
import { startSupervisedDynamoDbLocal } from '../../../functions/local/engines.js';
import { createDocumentClient } from '../../../shared/aws/dynamodb-client.js';
import { parseConfig } from '../../../shared/config.js';
import { ensureTable } from '../../../shared/db/table-provisioning.js';
import { freePort } from '../../support/free-port.js';
import { RecordingMailer } from '../../support/recording-mailer.js';
import { TEST_LINK_SECRET } from '../../support/test-context.js';

/**
 * An engine of this test's own (never the shared one), frozen with SIGSTOP as a hung database
 * would be, then killed as a crash would: the API answers instead of hanging, and the launcher's
 * supervision brings the engine back and says so.
 */
let engine: Awaited<ReturnType<typeof startSupervisedDynamoDbLocal>>;
let endpoint: string;
const log: string[] = [];

beforeAll(async () => {
  const port = await freePort();
  endpoint = `http://127.0.0.1:${port}`;
  engine = await startSupervisedDynamoDbLocal({ port, log: (line) => log.push(line) });
});
afterAll(async () => {
  const pid = engine?.currentPid();
  if (pid) process.kill(pid, 'SIGCONT');
  await engine?.stop();
});

function appOn(tableName: string) {
  const config = parseConfig({ TABLE_NAME: tableName, PUBLIC_URL: 'http://localhost:3000', DYNAMODB_ENDPOINT: endpoint, AWS_REGION: 'local', LINK_SECRET: TEST_LINK_SECRET });
  const deps = buildDeps(config, { db: createDocumentClient({ region: 'local', endpoint }), mailer: new RecordingMailer() }, { clientAddress: () => '203.0.113.1', scryptCost: 2 ** 10 });
  return createApp(deps);
}

const rawClient = () => new DynamoDBClient({ region: 'local', endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

describe('a frozen database engine', () => {
  it('gets /api/health a 503 within 3 s, and a list route an answer, not a hang', async () => {
    const client = rawClient();
    await ensureTable(client, 'frozen');
    client.destroy();
    const app = appOn('frozen');
    expect((await app.request('/api/health')).status).toBe(200);

    process.kill(engine.currentPid()!, 'SIGSTOP');
    try {
      const started = Date.now();
      const health = await app.request('/api/health');
      const waited = Date.now() - started;
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ ok: false, database: false });
      expect(waited).toBeLessThan(3000);

      // A public route that reads the table: answered (503, try again) once the timeouts run out.
      const page = await app.request('/api/events/some-event/public');
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toBeTruthy();
    } finally {
      process.kill(engine.currentPid()!, 'SIGCONT');
    }
    expect((await app.request('/api/health')).status).toBe(200);
  }, 120_000);
});

describe('an engine that dies', () => {
  it('is started again by the launcher, which says so', async () => {
    const before = engine.currentPid()!;
    process.kill(before, 'SIGKILL');
    await vi.waitFor(() => expect(log.some((line) => line.includes('running again'))).toBe(true), { timeout: 90_000, interval: 200 });
    expect(log.find((line) => line.includes('stopped unexpectedly'))).toMatch(/DynamoDB Local stopped unexpectedly \(killed by SIGKILL\); starting it again/);
    expect(log.some((line) => line.includes('DynamoDB Local is running again'))).toBe(true);
    expect(engine.currentPid()).not.toBe(before);
    const client = rawClient();
    expect((await client.send(new ListTablesCommand({}))).TableNames).toBeDefined();
    client.destroy();
  }, 120_000);
});
