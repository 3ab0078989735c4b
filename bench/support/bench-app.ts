/**
 * What the API benchmarks share: an in-memory DynamoDB Local with a fresh table, the real app on
 * it (createApp, the product's deps, a recording mailer for the API's own mail), and a signed-in
 * organiser. Requests go through `app.request`, so the figures are the app's and the engine's,
 * not a network's.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createApp } from '../../functions/api/app.js';
import { buildDeps } from '../../functions/api/deps.js';
import { startDynamoDbLocal } from '../../functions/local/engines.js';
import { startSendJobRunner, type SendJobRunner } from '../../functions/mail/send-job-runner.js';
import { createDocumentClient } from '../../shared/aws/dynamodb-client.js';
import { parseConfig } from '../../shared/config.js';
import { ensureTable } from '../../shared/db/table-provisioning.js';
import { freePort } from '../../test/support/free-port.js';
import { RecordingMailer } from '../../test/support/recording-mailer.js';

export type Timed = { status: number; body: any; ms: number };

export async function startBenchApp(options: { env?: Record<string, string> } = {}) {
  const port = await freePort();
  const engine = await startDynamoDbLocal({ port });
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    const tableName = `bench-${randomUUID()}`;
    const client = new DynamoDBClient({ region: 'local', endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await ensureTable(client, tableName);
    client.destroy();
    const config = parseConfig({
      TABLE_NAME: tableName,
      PUBLIC_URL: 'http://localhost:3000',
      DYNAMODB_ENDPOINT: endpoint,
      AWS_REGION: 'local',
      LINK_SECRET: randomBytes(32).toString('base64url'),
      ...options.env,
    });
    const db = createDocumentClient({ region: 'local', endpoint, contention: config.contention });
    let jobRunner: SendJobRunner | undefined;
    const deps = buildDeps(
      config,
      { db, mailer: new RecordingMailer() },
      { clientAddress: () => '127.0.0.1', scryptCost: 2 ** 10, afterQueued: () => jobRunner?.nudge() },
    );
    // As under npm start: sends too long for their request go on in the background.
    jobRunner = startSendJobRunner(deps.mail);
    const app = createApp(deps);

    const request = async (method: string, path: string, init: { body?: unknown; raw?: BodyInit; contentType?: string; cookie?: string } = {}): Promise<Timed> => {
      const started = performance.now();
      const contentType = init.contentType ?? (init.body !== undefined ? 'application/json' : undefined);
      const response = await app.request(path, {
        method,
        headers: { ...(contentType ? { 'content-type': contentType } : {}), ...(init.cookie ? { cookie: init.cookie } : {}) },
        body: init.raw ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined, ms: performance.now() - started };
    };

    const password = 'bench password 123';
    const now = new Date().toISOString();
    await deps.auth.users.insertUser({
      userId: randomUUID(),
      email: 'organiser@example.org',
      name: 'Bench organiser',
      role: 'organiser',
      disabled: false,
      language: 'vi',
      createdAt: now,
      updatedAt: now,
      passwordHash: await deps.auth.passwords.hash(password),
    });
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'organiser@example.org', password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    /** A request as the signed-in organiser. */
    const organiser = (method: string, path: string, init: Omit<Parameters<typeof request>[2], 'cookie'> = {}) => request(method, path, { ...init, cookie });
    const stop = async () => {
      await jobRunner.stop();
      await engine.stop();
    };
    // The engine's process id, for benches that read its CPU time (/proc/<pid>/stat).
    return { app, deps, db, config, endpoint, enginePid: engine.pid, request, organiser, cookie, stop };
  } catch (error) {
    await engine.stop();
    throw error;
  }
}

export type BenchApp = Awaited<ReturnType<typeof startBenchApp>>;
