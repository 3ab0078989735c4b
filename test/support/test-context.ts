import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { createDocumentClient } from '../../shared/aws/dynamodb-client.js';
import type { Role, User } from '../../shared/auth/auth-schema.js';
import type { HashingBounds } from '../../shared/auth/password-hashing.js';
import { parseConfig } from '../../shared/config.js';
import { ensureTable } from '../../shared/db/table-provisioning.js';
import { createApp } from '../../functions/api/app.js';
import { buildDeps } from '../../functions/api/deps.js';
import { RecordingMailer } from './recording-mailer.js';
import type { Mailer } from '../../shared/email/mailer.js';
import { buildMailDeps } from '../../functions/mail/mail-deps.js';
import { deliverOutboxMessage } from '../../shared/email/deliver-outbox-message.js';
import { answerChecker } from './openapi-check.js';
import type { Membership } from '../../shared/units/unit-schema.js';
import { membershipsOf, topRoleOf } from '../../shared/units/unit-access.js';

export const TEST_PASSWORD = 'correct horse battery';
export const TEST_LINK_SECRET = 'test-link-secret-of-at-least-32-characters';

/** A fresh table on the shared DynamoDB Local, for one test file. */
export async function createTestTable(): Promise<{ tableName: string; endpoint: string }> {
  const endpoint = inject('dynamodbEndpoint');
  const tableName = `test-${randomUUID()}`;
  const client = new DynamoDBClient({ region: 'local', endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await ensureTable(client, tableName);
  client.destroy();
  return { tableName, endpoint };
}

export type ApiResponse = { status: number; body: any; headers: Headers };

/**
 * The real app on a fresh table, with a mail recorder and a cheap scrypt cost. `as(role)` signs
 * in a new user of that role and answers a request function carrying their cookie.
 */
export async function createTestContext(options: { now?: () => Date; env?: Record<string, string>; hashingBounds?: HashingBounds } = {}) {
  const { tableName, endpoint } = await createTestTable();
  const config = parseConfig({
    TABLE_NAME: tableName,
    PUBLIC_URL: 'http://localhost:3000',
    DYNAMODB_ENDPOINT: endpoint,
    AWS_REGION: 'local',
    LINK_SECRET: TEST_LINK_SECRET,
    ...options.env,
  });
  const db = createDocumentClient({ region: 'local', endpoint, contention: config.contention });
  const mailer = new RecordingMailer();
  const deps = buildDeps(config, { db, mailer }, {
    clientAddress: (c) => c.req.header('x-test-client-address') ?? '203.0.113.10',
    now: options.now,
    scryptCost: 2 ** 10,
    hashingBounds: options.hashingBounds,
    // No background runner here: a send's request finishes its job (npm start's tests see the background).
    sendInlineBudgetMs: 120_000,
  });
  const app = createApp(deps);
  const checkAnswer = answerChecker(app.routes);

  async function request(
    method: string,
    path: string,
    init: { body?: unknown; cookie?: string; headers?: Record<string, string>; raw?: string } = {},
  ): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.cookie) headers.cookie = init.cookie;
    let body: string | undefined = init.raw;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await app.request(path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: the raw text is the body.
    }
    checkAnswer(method, path, response.status, response.headers.get('content-type'), parsed);
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /** Without memberships an organiser or staff account holds its role in the union, as before units. */
  async function createUser(role: Role, email = `${role}-${randomUUID().slice(0, 8)}@example.org`, memberships?: Membership[]): Promise<User> {
    const now = new Date().toISOString();
    const user = { userId: randomUUID(), email, name: `Người dùng ${role}`, role, disabled: false, language: 'vi' as const, createdAt: now, updatedAt: now, ...(memberships ? { memberships } : {}) };
    await deps.auth.users.insertUser({ ...user, passwordHash: await deps.auth.passwords.hash(TEST_PASSWORD) });
    return { ...user, memberships: membershipsOf(user) };
  }

  async function signIn(email: string, password = TEST_PASSWORD): Promise<string> {
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
    const cookie = response.headers.get('set-cookie') ?? '';
    return cookie.split(';')[0]!;
  }

  /** Signs in a new account; `memberships` gives it roles per unit instead of union-wide. */
  async function as(role: Role, memberships?: Membership[]) {
    const user = await createUser(memberships ? topRoleOf(role, memberships) : role, undefined, memberships);
    const cookie = await signIn(user.email);
    const call = (method: string, path: string, init: Parameters<typeof request>[2] = {}) =>
      request(method, path, { ...init, cookie });
    return Object.assign(call, { user, cookie });
  }

  /** Sends what the outbox holds now to the recording mailer, as the sender would (no worker runs here). */
  async function deliverQueuedMail(through: Mailer = mailer) {
    const at = options.now ?? (() => new Date());
    const delivery = buildMailDeps(config, db, through, at).delivery;
    const due = await deps.mail.outbox.listAllDue(at().toISOString(), 1000);
    return Promise.all(due.map((message) => deliverOutboxMessage(delivery, message)));
  }

  return { app, deps, db, mailer, tableName, config, request, createUser, signIn, as, deliverQueuedMail };
}

export type TestContext = Awaited<ReturnType<typeof createTestContext>>;

/** A signed-in account's request function (with its `user` and `cookie`), as `ctx.as(role)` answers it. */
export type Caller = Awaited<ReturnType<TestContext['as']>>;

/** A fresh context with an organiser signed in: where most route tests start. */
export async function createOrganiserContext(options: Parameters<typeof createTestContext>[0] = {}): Promise<{ ctx: TestContext; organiser: Caller }> {
  const ctx = await createTestContext(options);
  return { ctx, organiser: await ctx.as('organiser') };
}
