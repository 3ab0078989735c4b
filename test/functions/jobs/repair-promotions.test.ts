import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { build } from 'esbuild';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { tallyKey } from '../../../shared/events/event-tallies-repository.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';
import { countsOf, outboxOf, publishedEvent } from '../api/answering-support.js';
import { lambdaBuildOptions } from '../../support/lambda-build.js';

/**
 * The waiting list's repair sweep as the cloud runs it (infra/api-stack.ts: an EventBridge rule
 * invokes this handler every 5 minutes), against DynamoDB Local, with the environment the stack
 * gives it: the table and nothing else. The state it repairs is made as a crash makes it: a
 * withdrawal written (which marks the event "promotion due") and no promotion after it.
 */
const root = join(import.meta.dirname, '../../..');
const bundleDir = mkdtempSync(join(tmpdir(), 'huu-nghi-promotion-sweep-'));
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const day = 24 * 3600_000;
const iso = (msFromNow: number) => new Date(Date.now() + msFromNow).toISOString();

/** One seat, three who want it: the first confirmed, two waiting, then the first withdrawn without a promotion. */
async function seatLeftBehind(ctx: TestContext) {
  const { eventId, people } = await publishedEvent(ctx, 3, {
    capacity: 1,
    startsAt: iso(30 * day),
    endsAt: iso(30 * day + 8 * 3600_000),
    registrationClosesAt: iso(20 * day),
  });
  for (const person of people) expect((await ctx.request('POST', `/api/r/${person.token}/accept`, {})).status).toBe(200);
  const [first, second, third] = people.map((p) => p.invitationId) as [string, string, string];
  const registrations = ctx.deps.registrations.registrations;
  expect((await registrations.listWaitlist(eventId)).map((w) => w.invitationId)).toEqual([second, third]);

  // The API's withdrawal, written as it writes it, and the process gone before it promoted anyone.
  const withdrawn = await registrations.transition({
    invitation: (await ctx.deps.invitations.invitations.findById(eventId, first))!,
    to: 'declined',
    at: new Date().toISOString(),
    seat: false,
    enforceDeadline: false,
  });
  expect(withdrawn.ok).toBe(true);
  expect(await registrations.listPromotionsDue()).toContain(eventId);
  expect(await countsOf(ctx, eventId)).toMatchObject({ confirmed: 0, waitlisted: 2 });
  return { eventId, first, second, third };
}

/** Exactly what the stack sets, plus where DynamoDB Local is; nothing the API needs. */
function cloudEnvironment(ctx: TestContext): Record<string, string> {
  return { TABLE_NAME: ctx.tableName, DYNAMODB_ENDPOINT: ctx.config.dynamodbEndpoint!, AWS_REGION: 'local' };
}

async function stubCloudEnvironment(ctx: TestContext) {
  for (const name of ['LINK_SECRET', 'PUBLIC_URL', 'MAIL_FROM', 'PASSPORT_RETENTION_DAYS']) vi.stubEnv(name, undefined);
  for (const [name, value] of Object.entries(cloudEnvironment(ctx))) vi.stubEnv(name, value);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.resetModules();
  return (await import('../../../functions/jobs/repair-promotions.js')).handler;
}

describe('the promotion sweep Lambda', () => {
  it('with TABLE_NAME alone, gives the freed seat to the head of the waiting list, queues their notice and clears the mark; a second run does nothing', async () => {
    const ctx = await createTestContext();
    const { eventId, second, third } = await seatLeftBehind(ctx);
    const handler = await stubCloudEnvironment(ctx);

    expect(await handler()).toEqual({ promoted: 1 });
    const invitations = ctx.deps.invitations.invitations;
    expect((await invitations.findById(eventId, second))!.response).toBe('confirmed');
    expect((await invitations.findById(eventId, third))!.response).toBe('waitlisted');
    expect(await countsOf(ctx, eventId)).toMatchObject({ confirmed: 1, waitlisted: 1 });
    const promoted = (await outboxOf(ctx, eventId)).filter((m) => m.kind === 'promoted');
    expect(promoted.map((m) => m.invitationId)).toEqual([second]);
    expect(await ctx.deps.registrations.registrations.listPromotionsDue()).not.toContain(eventId);

    // The next scheduled run: nothing due, nobody else moved.
    expect(await handler()).toEqual({ promoted: 0 });
    expect((await invitations.findById(eventId, third))!.response).toBe('waitlisted');
  });

  it('fails the run when an event could not be repaired, keeping its mark for the next run', async () => {
    const ctx = await createTestContext();
    const { eventId, second } = await seatLeftBehind(ctx);
    const handler = await stubCloudEnvironment(ctx);
    // The event's tally cannot be read (as with a permission missing from the function's role).
    const send = DynamoDBDocumentClient.prototype.send as (command: unknown) => Promise<unknown>;
    vi.spyOn(DynamoDBDocumentClient.prototype, 'send').mockImplementation(function (this: DynamoDBDocumentClient, command: unknown) {
      if (command instanceof GetCommand && command.input.Key?.sk === tallyKey(eventId).sk && command.input.Key?.pk === tallyKey(eventId).pk) {
        return Promise.reject(Object.assign(new Error('not authorized to perform dynamodb:GetItem'), { name: 'AccessDeniedException' }));
      }
      return send.call(this, command);
    } as never);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);

    await expect(handler()).rejects.toThrow(`the promotion sweep failed for 1 event(s): ${eventId}`);
    expect(await ctx.deps.registrations.registrations.listPromotionsDue()).toContain(eventId);

    vi.mocked(DynamoDBDocumentClient.prototype.send).mockRestore();
    expect(await handler()).toEqual({ promoted: 1 });
    expect((await ctx.deps.invitations.invitations.findById(eventId, second))!.response).toBe('confirmed');
  });

  it('works as deployed: bundled as NodejsFunction bundles it, run from its folder alone on the Lambda major', async () => {
    const ctx = await createTestContext();
    const { eventId, second } = await seatLeftBehind(ctx);
    // Everything in the one file: this job loads no package on demand.
    await build({ ...lambdaBuildOptions(join(bundleDir, 'index.mjs')), entryPoints: [join(root, 'functions/jobs/repair-promotions.ts')], external: [] });
    writeFileSync(
      join(bundleDir, 'run.mjs'),
      "import { handler } from './index.mjs';\nprocess.stdout.write(JSON.stringify(await handler()));\n",
    );
    const { stdout } = await promisify(execFile)(process.execPath, ['run.mjs'], {
      cwd: bundleDir,
      env: { PATH: process.env.PATH, ...cloudEnvironment(ctx) },
      encoding: 'utf8',
    });
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({ promoted: 1 });
    expect((await ctx.deps.invitations.invitations.findById(eventId, second))!.response).toBe('confirmed');
  });
});
