/**
 * A sender killed mid-send (issue 16, item 6): 500 invitations queued, the local sender started as
 * its own process at SES's rate, SIGKILLed once about 393 mails are out, a new sender started to
 * send the rest, then the organiser resends every invitation marked failed. Prints:
 *   in doubt  marked failed (interrupted/uncertain) after the restart: the calls in flight at the kill;
 *   missing   invitees SES never took a mail for, before and after the resend;
 *   doubled   invitees SES took two mails for, before and after the resend;
 * beside the figures of the audit (lease taken before the send slot): 14 in doubt, 7 missing, 7 doubled.
 *
 *   npx tsx bench/crash-mid-send.bench.ts     (BENCH_INVITATIONS=500 BENCH_KILL_AT=393 BENCH_RATE=14)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startSesLocal } from '../functions/local/engines.js';
import { freePort } from '../test/support/free-port.js';
import { startBenchApp } from './support/bench-app.js';

const INVITATIONS = Number(process.env.BENCH_INVITATIONS ?? 500);
const KILL_AT = Number(process.env.BENCH_KILL_AT ?? 393);
const RATE = Number(process.env.BENCH_RATE ?? 14);
const root = join(import.meta.dirname, '..');

type StoredMail = { destination: { to: string[] } };

async function main() {
  const sesPort = await freePort();
  const sesUrl = `http://127.0.0.1:${sesPort}`;
  const ses = await startSesLocal({ port: sesPort, maxSendRate: RATE });
  const bench = await startBenchApp({ env: { SES_ENDPOINT: sesUrl, MAIL_RATE_PER_SECOND: String(RATE) } });
  const children: ChildProcess[] = [];
  try {
    const mails = async () => ((await (await fetch(`${sesUrl}/store`)).json()) as { emails: StoredMail[] }).emails;
    const startSender = async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/outbox-worker-process.ts'], {
        cwd: root,
        env: {
          ...process.env,
          TABLE_NAME: bench.config.tableName,
          DYNAMODB_ENDPOINT: bench.endpoint,
          SES_ENDPOINT: sesUrl,
          LINK_SECRET: bench.config.linkSecret,
          PUBLIC_URL: bench.config.publicUrl,
          MAIL_RATE_PER_SECOND: String(RATE),
          LEASE_SECONDS: '3',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      const log = { calls: 0, accepted: 0, leases: 0, leased: 0 };
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (chunk: Buffer) => {
          const text = chunk.toString();
          log.calls += text.match(/^call /gm)?.length ?? 0;
          log.accepted += text.match(/^accepted /gm)?.length ?? 0;
          log.leases += text.match(/^lease /gm)?.length ?? 0;
          log.leased += text.match(/^leased /gm)?.length ?? 0;
          if (text.includes('ready')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`the sender exited with ${code}`)));
      });
      return { child, log };
    };
    const waitFor = async (probe: () => Promise<boolean>) => {
      while (!(await probe())) await new Promise((r) => setTimeout(r, 50));
    };

    const created = await bench.organiser('POST', '/api/events', {
      body: { type: 'training', title: { vi: 'Tập huấn đối ngoại nhân dân' }, venue: 'Hội trường Liên hiệp', startsAt: '2099-12-15T08:00:00+07:00', endsAt: '2099-12-15T11:30:00+07:00' },
    });
    const eventId = created.body.event.eventId as string;
    const csv = ['name,email', ...Array.from({ length: INVITATIONS }, (_, i) => `Cán bộ số ${i + 1},can.bo.${i}@example.org`)].join('\n');
    await bench.organiser('POST', `/api/events/${eventId}/invitations`, { raw: csv, contentType: 'text/csv' });
    await bench.organiser('POST', `/api/events/${eventId}/publish`);
    await bench.organiser('POST', `/api/events/${eventId}/invitations/send`, { body: {} });

    const first = await startSender();
    await waitFor(async () => first.log.accepted >= KILL_AT);
    first.child.kill('SIGKILL');
    await new Promise<void>((resolve) => (first.child.exitCode !== null || first.child.signalCode !== null ? resolve() : first.child.once('exit', () => resolve())));
    // Writes to a pipe are synchronous on Linux: the dead sender's last lines are all here.
    await new Promise((r) => setTimeout(r, 200));
    const callsInFlight = first.log.calls - first.log.accepted;
    const claimsInFlight = first.log.leases - first.log.leased;
    const atKill = (await mails()).length;

    const second = await startSender();
    const queuedLeft = async () => (await bench.organiser('GET', `/api/events/${eventId}/invitations/counts`)).body.counts.emailStatus.queued as number;
    await waitFor(async () => (await queuedLeft()) === 0);

    const list = async () => (await bench.organiser('GET', `/api/events/${eventId}/invitations?limit=1000`)).body.items as { invitationId: string; email: string; emailStatus: string }[];
    const tally = async () => {
      const perAddress = new Map<string, number>();
      for (const mail of await mails()) perAddress.set(mail.destination.to[0]!, (perAddress.get(mail.destination.to[0]!) ?? 0) + 1);
      const invitations = await list();
      return {
        invitations,
        missing: invitations.filter((i) => !perAddress.has(i.email)).length,
        doubled: [...perAddress.values()].filter((n) => n > 1).length,
      };
    };
    const afterRestart = await tally();
    const inDoubt = afterRestart.invitations.filter((i) => i.emailStatus === 'failed');
    for (const invitation of inDoubt) await bench.organiser('POST', `/api/events/${eventId}/invitations/${invitation.invitationId}/resend`);
    await waitFor(async () => (await queuedLeft()) === 0);
    second.child.kill('SIGTERM');
    const afterResend = await tally();

    const row = (label: string, audit: string, now: string | number) => console.log(`  ${label.padEnd(38)} ${audit.padStart(8)}   ${String(now).padStart(8)}`);
    console.log(`Crash mid-send: ${INVITATIONS} invitations at ${RATE}/s, sender SIGKILLed after ${KILL_AT} accepted (${atKill} in SES's store at the kill)`);
    console.log(`  ${''.padEnd(38)} ${'audit'.padStart(8)}   ${'now'.padStart(8)}`);
    row('calls to SES in flight at the kill', '?', callsInFlight);
    row('claims (leases) in flight at the kill', '?', claimsInFlight);
    row('in doubt (marked failed)', '14', inDoubt.length);
    row('missing before the resend', '7', afterRestart.missing);
    row('doubled before the resend', '0', afterRestart.doubled);
    row('missing after the resend', '0', afterResend.missing);
    row('doubled after the resend', '7', afterResend.doubled);
    const ok = inDoubt.length <= callsInFlight + claimsInFlight && afterResend.missing === 0 && afterRestart.doubled === 0;
    console.log(ok ? 'OK: in doubt no more than the calls in flight; nobody missing after the resend; nothing doubled by the restart' : 'NOT MET');
    if (!ok) process.exitCode = 1;
  } finally {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await bench.stop();
    await ses.stop();
  }
}

await main();
