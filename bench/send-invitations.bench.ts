/**
 * Sending a large list, against the issue's goal: 5,000 invitations at SES's rate of 50/s drain in
 * about 100 s, an achieved rate of at least 90% of the limit, no mail twice, none lost; the same
 * again with throttling errors injected on 10% of the calls to SES. Side by side in one run.
 *
 * The real path: the app queues (`POST /invitations/send`), the local outbox worker of `npm start`
 * delivers at MAIL_RATE_PER_SECOND through the SES client to the SES emulator, on an in-memory
 * DynamoDB Local. The injected throttling answers TooManyRequestsException without sending, as SES
 * does; the message goes back to the outbox for its backoff.
 *
 *   npx tsx bench/send-invitations.bench.ts     (BENCH_INVITATIONS=5000 BENCH_RATE=50 BENCH_THROTTLE=0.1)
 */
import { randomUUID } from 'node:crypto';
import { startSesLocal } from '../functions/local/engines.js';
import { buildMailDeps } from '../functions/mail/mail-deps.js';
import { startOutboxWorker } from '../functions/mail/outbox-worker.js';
import { createSesClient } from '../shared/aws/ses-client.js';
import type { Mailer } from '../shared/email/mailer.js';
import { createSesMailer } from '../shared/email/ses-mailer.js';
import { freePort } from '../test/support/free-port.js';
import { startBenchApp } from './support/bench-app.js';

const INVITATIONS = Number(process.env.BENCH_INVITATIONS ?? 5000);
const RATE = Number(process.env.BENCH_RATE ?? 50);
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 0.1);
const GOAL = 0.9;

type StoredMail = { destination: { to: string[] }; body: { text: string } };

/** The SES emulator behind a gate that refuses a share of calls as SES does when throttling. */
function throttlingMailer(ses: Mailer, share: number) {
  const stats = { calls: 0, throttled: 0, accepted: 0, firstCall: 0, lastAccepted: 0 };
  const mailer: Mailer = {
    isReachable: () => ses.isReachable(),
    async send(mail) {
      stats.calls += 1;
      stats.firstCall ||= performance.now();
      if (Math.random() < share) {
        stats.throttled += 1;
        throw Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429 } });
      }
      const sent = await ses.send(mail);
      stats.accepted += 1;
      stats.lastAccepted = performance.now();
      return sent;
    },
  };
  return { mailer, stats };
}

async function main() {
  const sesPort = await freePort();
  const sesUrl = `http://127.0.0.1:${sesPort}`;
  const ses = await startSesLocal({ port: sesPort, maxSendRate: RATE });
  const bench = await startBenchApp({ env: { SES_ENDPOINT: sesUrl, MAIL_RATE_PER_SECOND: String(RATE) } });
  const { config, db } = bench;
  const call = bench.organiser;
  let failed = false;
  const check = (ok: boolean, what: string) => {
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failed = true;
  };
  /** The event's invitation job, once the background has finished it. */
  const jobDone = async (eventId: string) => {
    for (;;) {
      const { body } = await call('GET', `/api/events/${eventId}/invitations/sending`);
      const job = (body.items as { kind: string; state: string; queued: number }[]).find((j) => j.kind === 'invitation');
      if (job?.state === 'done') return job;
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  try {
    const sesMailer = createSesMailer(createSesClient({ region: 'local', endpoint: sesUrl }), { from: 'no-reply@example.org' });

    console.log(`Sending ${INVITATIONS} invitations at MAIL_RATE_PER_SECOND=${RATE} (ideal ${(INVITATIONS / RATE).toFixed(0)} s): the app queues, the local outbox worker sends to the SES emulator; DynamoDB Local in memory`);
    console.log(`${'Run'.padEnd(22)} ${'drain s'.padStart(8)} ${'sent/s'.padStart(7)} ${'of limit'.padStart(8)} ${'calls'.padStart(6)} ${'throttled'.padStart(9)} ${'mails'.padStart(6)} ${'twice'.padStart(5)} ${'lost'.padStart(5)}`);
    const results: string[] = [];
    // Issue #21: how long the organiser waits for the send button's answer (the 202), by list size.
    console.log(`\n${'POST …/invitations/send'.padEnd(26)} ${'invitees'.padStart(8)} ${'202 after'.padStart(10)} ${'queued'.padStart(7)} ${'all queued'.padStart(11)} ${'job'.padStart(6)}`);
    // The first transaction of each shape warms the local engine's JVM (not the product): a 1-invitee send first.
    for (const size of [1, ...(process.env.BENCH_SEND_SIZES ?? '500,5000').split(',').map(Number)]) {
      const year = new Date().getUTCFullYear() + 1;
      const created = await call('POST', '/api/events', {
        body: { type: 'meeting', title: { vi: `Gửi ${size} thư mời` }, venue: 'Buôn Ma Thuột', startsAt: `${year}-04-26T08:00:00+07:00`, endsAt: `${year}-04-26T17:00:00+07:00` },
      });
      const eventId = created.body.event.eventId as string;
      const tag = randomUUID().slice(0, 8);
      for (let i = 0; i < size; i += 5000) {
        const invitees = Array.from({ length: Math.min(5000, size - i) }, (_, j) => ({ name: `Khách ${i + j + 1}`, email: `k${i + j + 1}.${tag}@example.org` }));
        await call('POST', `/api/events/${eventId}/invitations`, { body: { invitees } });
      }
      await call('POST', `/api/events/${eventId}/publish`);
      const clicked = performance.now();
      const sent = await call('POST', `/api/events/${eventId}/invitations/send`, { body: {} });
      const again = await call('POST', `/api/events/${eventId}/invitations/send`, { body: {} });
      const job = await jobDone(eventId);
      const allQueuedS = (performance.now() - clicked) / 1000;
      console.log(
        `${''.padEnd(26)} ${String(size).padStart(8)} ${`${sent.ms.toFixed(0)} ms`.padStart(10)} ${String(sent.body?.queued).padStart(7)} ${`${allQueuedS.toFixed(1)} s`.padStart(11)} ${String(job.queued).padStart(6)}`,
      );
      if (size === 1) continue;
      check(sent.status === 202 && sent.ms < 1000, `${size} invitees: 202 within 1 s (${sent.ms.toFixed(0)} ms)`);
      // Issue 23's goal for the counts the console polls: read from the count items, not the list.
      // Read seven times: one reading on a shared machine says more about the machine than the route.
      const reads = [];
      for (let i = 0; i < 7; i += 1) reads.push(await call('GET', `/api/events/${eventId}/invitations/counts`));
      const countsMs = reads.map((r) => r.ms).sort((a, b) => a - b)[3]!;
      const counts = reads[0]!;
      check(
        counts.body?.counts?.total === size && countsMs <= 50,
        `${size} invitees: GET …/invitations/counts in ${countsMs.toFixed(0)} ms, the median of 7 (${reads.map((r) => r.ms.toFixed(0)).join(', ')}; goal ≤ 50 ms), total ${counts.body?.counts?.total}`,
      );
      check(again.body?.queued === 0 && job.queued === size, `${size} invitees: the background job queued each once (${job.queued}), a second click nothing (${again.body?.queued})`);
    }
    if (process.env.BENCH_ONLY_LATENCY === '1') return;
    console.log('');
    for (const [label, share] of [['no throttling', 0], [`${Math.round(THROTTLE * 100)}% of calls throttled`, THROTTLE]] as const) {
      const year = new Date().getUTCFullYear() + 1;
      const created = await call('POST', '/api/events', {
        body: { type: 'youth_forum', title: { vi: `Diễn đàn thanh niên (${label})` }, venue: 'Trường Đại học Tây Nguyên', startsAt: `${year}-03-26T08:00:00+07:00`, endsAt: `${year}-03-26T17:00:00+07:00` },
      });
      const eventId = created.body.event.eventId as string;
      const tag = randomUUID().slice(0, 8);
      const invitees = Array.from({ length: INVITATIONS }, (_, i) => ({ name: `Sinh viên ${i + 1}`, email: `sv${i + 1}.${tag}@example.org` }));
      const imported = await call('POST', `/api/events/${eventId}/invitations`, { body: { invitees } });
      if (imported.body?.created !== INVITATIONS) throw new Error(`import failed: ${JSON.stringify(imported.body).slice(0, 300)}`);
      await call('POST', `/api/events/${eventId}/publish`);

      const { mailer, stats } = throttlingMailer(sesMailer, share);
      const worker = startOutboxWorker(buildMailDeps(config, db, mailer).delivery, { ratePerSecond: RATE });
      const since = Math.floor(Date.now() / 1000) - 1;
      const started = performance.now();
      const queued = await call('POST', `/api/events/${eventId}/invitations/send`, { body: {} });
      worker.nudge();
      for (;;) {
        await new Promise((r) => setTimeout(r, 500));
        const { body } = await call('GET', `/api/events/${eventId}/invitations/counts`);
        const queuing = (body.counts.sending as { state: string }[]).some((job) => job.state === 'running');
        if (body.counts.emailStatus.queued === 0 && !queuing) break;
      }
      const drainS = (performance.now() - started) / 1000;
      await worker.stop();

      const store = (await (await fetch(`${sesUrl}/store?since=${since}`)).json()) as { emails: StoredMail[] };
      const perAddress = new Map<string, number>();
      for (const mail of store.emails) {
        const to = mail.destination.to[0]!;
        if (to.endsWith(`.${tag}@example.org`)) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
      }
      const twice = [...perAddress.values()].filter((n) => n > 1).length;
      const lost = invitees.filter((i) => !perAddress.has(i.email)).length;
      const mails = [...perAddress.values()].reduce((a, b) => a + b, 0);
      // The rate SES saw: accepted mail from the first call to the last accepted one.
      const sendingS = (stats.lastAccepted - stats.firstCall) / 1000;
      const rate = stats.accepted / sendingS;
      console.log(
        `${label.padEnd(22)} ${drainS.toFixed(1).padStart(8)} ${rate.toFixed(1).padStart(7)} ${`${((rate / RATE) * 100).toFixed(1)}%`.padStart(8)} ${String(stats.calls).padStart(6)} ${String(stats.throttled).padStart(9)} ${String(mails).padStart(6)} ${String(twice).padStart(5)} ${String(lost).padStart(5)}`,
      );
      results.push(label);
      const job = await jobDone(eventId);
      check(queued.status === 202 && job.queued === INVITATIONS, `${label}: 202 at once (${queued.ms.toFixed(0)} ms), ${job.queued} queued by its job`);
      check(rate >= GOAL * RATE, `${label}: achieved ${((rate / RATE) * 100).toFixed(1)}% of the limit (goal ≥ ${GOAL * 100}%)`);
      check(twice === 0 && lost === 0 && mails === INVITATIONS, `${label}: exactly one mail per invitee (${twice} twice, ${lost} lost)`);
    }
  } finally {
    await bench.stop();
    await ses.stop();
  }
  if (failed) process.exit(1);
}

await main();
