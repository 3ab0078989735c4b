import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useSesEmulator } from '../../support/ses-emulator.js';
import { createTestContext, TEST_LINK_SECRET, type TestContext } from '../../support/test-context.js';

/**
 * Issue 6: a sender process killed mid-send (SIGKILL: no clean-up, no last write) and started
 * again sends the rest and nothing twice. The SES emulator and DynamoDB Local live in this test
 * process, so they outlive the killed sender, as SES and DynamoDB outlive a crashed worker.
 */
const INVITEES = 240;
const root = join(import.meta.dirname, '../../..');
const ses = useSesEmulator();
let ctx: TestContext;
const children: ChildProcess[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

const mails = () => ses().mailsSince(0);

/** What a sender printed: its calls to SES and SES's answers (outbox-worker-process.ts). */
type SenderLog = { calls: string[]; accepted: string[]; leases: string[]; leased: string[] };

/** A sender process, and when it has ended and its output has been read to the last line. */
async function startSender(log: SenderLog = { calls: [], accepted: [], leases: [], leased: [] }): Promise<{ child: ChildProcess; closed: Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/outbox-worker-process.ts'], {
    cwd: root,
    env: {
      ...process.env,
      TABLE_NAME: ctx.tableName,
      DYNAMODB_ENDPOINT: ctx.config.dynamodbEndpoint!,
      SES_ENDPOINT: ses().url,
      LINK_SECRET: TEST_LINK_SECRET,
      PUBLIC_URL: ctx.config.publicUrl,
      // Many sends waiting for their turn at a slow rate: a lease taken before the turn came
      // would leave every one of them in doubt at the kill.
      MAIL_RATE_PER_SECOND: '20',
      CONCURRENCY: '32',
      LEASE_SECONDS: '3',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    let pending = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('call ')) log.calls.push(line.slice(5));
        if (line.startsWith('accepted ')) log.accepted.push(line.slice(9));
        if (line.startsWith('lease ')) log.leases.push(line.slice(6));
        if (line.startsWith('leased ')) log.leased.push(line.slice(7));
      }
      if (output.includes('ready')) resolve();
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the sender exited with ${code}:\n${output}`)));
  });
  return { child, closed };
}

describe('a sender killed mid-send', () => {
  it('is restarted and sends the rest, nothing twice, and loses no invitee', async () => {
    const organiser = await ctx.as('organiser');
    const created = await organiser('POST', '/api/events', {
      body: {
        type: 'training',
        title: { vi: 'Công tác đối ngoại nhân dân trong tình hình mới', en: "People's diplomacy in the new situation" },
        venue: 'Hội trường Liên hiệp, Buôn Ma Thuột',
        startsAt: '2026-12-15T08:00:00+07:00',
        endsAt: '2026-12-15T11:30:00+07:00',
      },
    });
    expect(created.status).toBe(201);
    const eventId = created.body.event.eventId as string;
    const csv = ['name,email', ...Array.from({ length: INVITEES }, (_, i) => `Cán bộ xã số ${i + 1},can.bo.${i}@example.org`)].join('\n');
    const imported = await organiser('POST', `/api/events/${eventId}/invitations`, { raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(imported.body.created).toBe(INVITEES);
    expect((await organiser('POST', `/api/events/${eventId}/publish`)).status).toBe(200);
    expect((await organiser('POST', `/api/events/${eventId}/invitations/send`, { body: {} })).body).toMatchObject({ queued: INVITEES });

    const firstLog: SenderLog = { calls: [], accepted: [], leases: [], leased: [] };
    const first = await startSender(firstLog);
    await expect.poll(async () => (await mails()).length, { timeout: 120_000, interval: 100 }).toBeGreaterThanOrEqual(INVITEES / 4);
    first.child.kill('SIGKILL');
    // Ended, and the pipe has handed over the dead sender's last lines.
    await first.closed;
    const atKill = (await mails()).length;
    expect(atKill).toBeLessThan(INVITEES);
    const answered = new Set(firstLog.accepted);
    // In flight at the kill: calls to SES without an answer, and claims that had not come back
    // (their lease may have landed, the call not yet made).
    const leaseLanded = new Set(firstLog.leased);
    const claimsInFlight = firstLog.leases.filter((id) => !leaseLanded.has(id));

    const secondLog: SenderLog = { calls: [], accepted: [], leases: [], leased: [] };
    const second = await startSender(secondLog);
    const counts = await vi.waitFor(
      async () => {
        const { body } = await organiser('GET', `/api/events/${eventId}/invitations/counts`);
        expect(body.counts.emailStatus.queued, 'mails still queued').toBe(0);
        return body.counts;
      },
      { timeout: 120_000, interval: 100 },
    );
    second.child.kill('SIGTERM');

    const sent = await mails();
    const perAddress = new Map<string, number>();
    for (const mail of sent) perAddress.set(mail.destination.to[0]!, (perAddress.get(mail.destination.to[0]!) ?? 0) + 1);
    // Nothing twice.
    expect([...perAddress.values()].filter((n) => n > 1)).toEqual([]);
    // The second sender did the rest.
    expect(sent.length).toBeGreaterThan(atKill);

    const list = await organiser('GET', `/api/events/${eventId}/invitations?limit=500`);
    const invitations = list.body.items as { invitationId: string; email: string; emailStatus: string; emailError?: string }[];
    expect(invitations).toHaveLength(INVITEES);
    // No one lost: each invitee was mailed, or, if the kill caught their mail in SES's hands
    // (or SES's answer never came in time: "uncertain"), is shown as failed for the organiser to
    // resend (never sent again on a guess).
    const failed = invitations.filter((i) => i.emailStatus === 'failed');
    const interrupted = failed.filter((i) => /interrupted/.test(i.emailError ?? ''));
    const answeredLater = new Set(secondLog.accepted);
    for (const invitation of invitations) {
      if (invitation.emailStatus === 'sent') expect(perAddress.get(invitation.email)).toBe(1);
      else {
        expect(invitation.emailStatus).toBe('failed');
        expect(invitation.emailError).toMatch(/interrupted|uncertain/);
        expect(answeredLater.has(invitation.email)).toBe(false);
      }
    }
    expect(counts.emailStatus.sent + failed.length).toBe(INVITEES);
    // Only the calls in flight at the kill can be in doubt: never a mail still waiting its turn,
    // never one whose answer SES had given.
    const idOf = new Map(invitations.map((i) => [i.email, i.invitationId]));
    const inFlight = new Set([...firstLog.calls.filter((address) => !answered.has(address)).map((a) => idOf.get(a)!), ...claimsInFlight]);
    expect(interrupted.length).toBeLessThanOrEqual(inFlight.size);
    for (const invitation of interrupted) {
      expect(inFlight.has(invitation.invitationId)).toBe(true);
      expect(answered.has(invitation.email)).toBe(false);
    }
    // Every mail SES answered for before the kill is recorded as sent: a resend of the failed
    // ones mails nobody twice.
    for (const address of answered) expect(invitations.find((i) => i.email === address)?.emailStatus).toBe('sent');
    // Each mail carries its invitee's own link.
    const links = sent.map((m) => /\/r\/([A-Za-z0-9_-]+)/.exec(m.body.text)![1]);
    expect(new Set(links).size).toBe(sent.length);
  }, 240_000);
});
