/**
 * A crowd answering at once, against the goals of issues #21 and #26: 1,000 invitees of a
 * 100-seat event accept at the same moment, over HTTP, with the local client in its contention
 * mode (a transaction on an item another holds is cancelled, 2% of calls throttled, as the
 * service does) → exactly 100 confirmed and 900 waitlisted, no error, no `registration_busy`,
 * one notice each. Then 30 confirmed withdraw at once → exactly the first 30 of the waiting list
 * promoted, in order, each mailed once.
 *
 * Printed side by side from the same run, on the same DynamoDB Local: answers/s and p50/p95 of
 * the crowd; `GET /api/health` of the same crowd (the cheapest route that reads the table); and
 * the engine's own rate for the bare transaction a seat needs (the counter under its condition
 * and the registration) at the same concurrency, on the plain client. Goal: answers/s at least
 * 60% of that bare rate, p95 under 5 s.
 *
 *   npx tsx bench/answers.bench.ts   (BENCH_INVITEES=1000 BENCH_CAPACITY=100 BENCH_WITHDRAW=30
 *                                     BENCH_CONTENTION=1 BENCH_THROTTLE=0.02 BENCH_LINKS=addressed)
 *
 * BENCH_LINKS=secret-alone answers with the links mailed before the addressed shape (the secret
 * alone, read through its link item: one read more per answer), for a comparison on the same
 * machine (shared/invitations/link-tokens.ts).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { serve } from '@hono/node-server';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../shared/aws/dynamodb-client.js';
import { createLinkTokens } from '../shared/invitations/link-tokens.js';
import { freePort } from '../test/support/free-port.js';
import { startBenchApp, type Timed } from './support/bench-app.js';

const INVITEES = Number(process.env.BENCH_INVITEES ?? 1000);
const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 100);
const WITHDRAW = Number(process.env.BENCH_WITHDRAW ?? 30);
const CONTENTION = process.env.BENCH_CONTENTION ?? '1';
const THROTTLE = process.env.BENCH_THROTTLE ?? '0.02';
const LINKS = process.env.BENCH_LINKS === 'secret-alone' ? 'secret-alone' : 'addressed';
/** Long enough for the last of a crowd on a machine at load 30 (the answers' own p95 passed 20 s there). */
const REQUEST_TIMEOUT_MS = 120_000;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

function summary(label: string, runs: { ms: number; status?: number; error?: string }[], wallMs: number) {
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  const failed = runs.filter((r) => r.error !== undefined || (r.status !== undefined && r.status !== 200)).length;
  return (
    `${label.padEnd(34)} ${String(runs.length).padStart(5)} at once  ${(wallMs / 1000).toFixed(2).padStart(6)} s  ` +
    `${Math.round(runs.length / (wallMs / 1000)).toString().padStart(6)} /s  p50 ${percentile(ms, 50).toFixed(0).padStart(5)} ms  p95 ${percentile(ms, 95).toFixed(0).padStart(5)} ms` +
    (failed ? `  (${failed} failed)` : '')
  );
}

/** The machine's 1-minute load average: the rates move with it, the ratios much less. */
const load = () => loadavg()[0]!.toFixed(1);

/**
 * CPU time spent by this process (the crowd's HTTP client, the app, its DynamoDB client) and by the
 * engine's JVM, in ms: the work a crowd costs, which moves far less with the other engineers' load
 * than its wall time. On the 2 cores of a quiet machine, a crowd's wall time is about its CPU / 2.
 */
function cpuClock(enginePid: number | undefined) {
  const engineMs = () => {
    if (!enginePid) return Number.NaN;
    try {
      // Fields 14 and 15 (user, system) after the command name, in clock ticks of 10 ms.
      const fields = readFileSync(`/proc/${enginePid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return Number.NaN;
    }
  };
  const appMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  return {
    /** Starts a measure; its result is the CPU ms per request of `count` requests. */
    start() {
      const app = appMs();
      const engine = engineMs();
      return (count: number) => ({ app: (appMs() - app) / count, engine: (engineMs() - engine) / count });
    },
  };
}
const cpuText = (label: string, cpu: { app: number; engine: number }) => `${label} ${cpu.app.toFixed(1)} + ${cpu.engine.toFixed(1)} ms`;

async function main() {
  const loadAtStart = load();
  const bench = await startBenchApp({ env: { DYNAMODB_CONTENTION: CONTENTION, DYNAMODB_THROTTLE_SHARE: THROTTLE } });
  const { deps, cookie } = bench;
  const port = await freePort();
  const server = serve({ fetch: bench.app.fetch, port, hostname: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}`;
  /** Over HTTP, as a phone would: the app on @hono/node-server, as npm start runs it. */
  // A bench must survive a busy machine: a request that fails on the way (a refused or timed-out
  // connection) is counted as an error (status 0), never thrown, so the run still prints.
  const http = async (method: string, path: string, body?: unknown): Promise<Timed & { retryAfter?: string; error?: string }> => {
    const started = performance.now();
    try {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: body !== undefined ? { 'content-type': 'application/json', origin: base } : { origin: base },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // Not JSON (a proxy's or the runtime's own error page): kept as text.
      }
      return { status: response.status, body: parsed, ms: performance.now() - started, retryAfter: response.headers.get('retry-after') ?? undefined };
    } catch (error) {
      return { status: 0, body: undefined, ms: performance.now() - started, error: (error as Error).message };
    }
  };
  const call = bench.request;
  let failed = false;
  const check = (ok: boolean, what: string) => {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failed = true;
  };
  try {
    const year = new Date().getUTCFullYear() + 1;
    const created = await call('POST', '/api/events', {
      cookie,
      body: {
        type: 'meeting',
        title: { vi: 'Hội nghị benchmark' },
        venue: 'Buôn Ma Thuột',
        startsAt: `${year}-11-20T08:00:00+07:00`,
        endsAt: `${year}-11-20T17:00:00+07:00`,
        capacity: CAPACITY,
        fields: [],
      },
    });
    const eventId = created.body.event.eventId as string;
    const invitees = Array.from({ length: INVITEES }, (_, i) => ({ name: `Khách ${i + 1}`, email: `khach.${i + 1}@example.org` }));
    const imported = await call('POST', `/api/events/${eventId}/invitations`, { cookie, body: { invitees } });
    if (imported.status !== 200) throw new Error(`import failed: ${imported.status} ${JSON.stringify(imported.body)}`);
    await call('POST', `/api/events/${eventId}/publish`, { cookie });
    const stored = await deps.invitations.invitations.listAllByEvent(eventId);
    const mailedBefore = createLinkTokens(bench.config.linkSecret);
    const linkOf = (s: (typeof stored)[number]) =>
      LINKS === 'addressed' ? deps.invitations.invitations.linkTokenOf(s) : mailedBefore.tokenFor(s.invitationId, s.tokenVersion ?? 1);
    const tokens = new Map(stored.map((s) => [s.invitationId, linkOf(s)]));

    // The engine's own rate: the bare two-write transaction of a seat, the same crowd at once,
    // on a plain client (no contention mode) against the same engine.
    const plain = createDocumentClient({ region: 'local', endpoint: bench.endpoint });
    const cpu = cpuClock(bench.enginePid);
    let cpuOf = cpu.start();
    let started = performance.now();
    const bare = await Promise.all(
      stored.map(async (_, i) => {
        const t = performance.now();
        try {
          await plain.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Update: {
                    TableName: bench.config.tableName,
                    Key: { pk: 'BENCH#BARE', sk: 'COUNTER' },
                    UpdateExpression: 'SET confirmed = if_not_exists(confirmed, :zero) + :one',
                    ConditionExpression: 'attribute_not_exists(confirmed) OR confirmed < :capacity',
                    ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':capacity': 1_000_000 },
                  },
                },
                { Put: { TableName: bench.config.tableName, Item: { pk: 'BENCH#BARE', sk: `REG#${i}`, response: 'confirmed', answeredAt: new Date().toISOString() } } },
              ],
            }),
          );
          return { ms: performance.now() - t };
        } catch (error) {
          // One transaction at a time in the engine: a call can still time out on a busy machine.
          return { ms: performance.now() - t, error: (error as Error).name };
        }
      }),
    );
    const bareWall = performance.now() - started;
    const bareCpu = cpuOf(stored.length);

    // The baseline: the same crowd asking the cheapest route that still reads the table.
    cpuOf = cpu.start();
    started = performance.now();
    const health = await Promise.all(stored.map(() => http('GET', '/api/health')));
    const healthWall = performance.now() - started;
    const healthCpu = cpuOf(stored.length);

    // What each answer costs the table: the product's DynamoDB calls during the crowd, by command.
    const calls = new Map<string, number>();
    const engineMs = new Map<string, number>();
    let counting = true;
    bench.db.middlewareStack.add(
      (next, context) => (args) => {
        const name = (context as { commandName?: string }).commandName ?? '?';
        if (counting) calls.set(name, (calls.get(name) ?? 0) + 1);
        return next(args);
      },
      { step: 'initialize', priority: 'low', name: 'benchCallCount' },
    );
    // The time each call spends on the wire to the engine (after its turn among the 32 at once).
    bench.db.middlewareStack.add(
      (next, context) => async (args) => {
        const t = performance.now();
        try {
          return await next(args);
        } finally {
          const name = (context as { commandName?: string }).commandName ?? '?';
          if (counting) engineMs.set(name, (engineMs.get(name) ?? 0) + performance.now() - t);
        }
      },
      { step: 'finalizeRequest', priority: 'low', name: 'benchEngineTime' },
    );
    cpuOf = cpu.start();
    started = performance.now();
    const answers = await Promise.all(stored.map((s) => http('POST', `/api/r/${tokens.get(s.invitationId)}/accept`, {})));
    const answersWall = performance.now() - started;
    const answersCpu = cpuOf(stored.length);
    counting = false;

    const responses = answers.map((a) => a.body?.response);
    const confirmed = responses.filter((r) => r === 'confirmed').length;
    const waitlisted = responses.filter((r) => r === 'waitlisted').length;
    const errors = answers.filter((a) => a.status !== 200);
    const counts = (await deps.events.events.findById(eventId))!.counts;
    const after = await deps.invitations.invitations.listAllByEvent(eventId);

    const bareRate = stored.length / (bareWall / 1000);
    const answerRate = stored.length / (answersWall / 1000);
    console.log(`Answers: ${INVITEES} invitees of a ${CAPACITY}-seat event accept at once over HTTP; DynamoDB Local, contention mode ${CONTENTION === '1' ? `on (throttle ${THROTTLE})` : 'off'}; links ${LINKS}`);
    console.log(`load average (1 min) ${loadAtStart} at the start, ${load()} after the crowds`);
    console.log(summary('bare 2-write transaction (engine)', bare, bareWall));
    console.log(summary('GET /api/health (same crowd)', health, healthWall));
    console.log(summary('POST /api/r/:token/accept', answers, answersWall));
    const perAnswer = [...calls].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name.replace(/Command$/, '')} ${(n / INVITEES).toFixed(2)}`);
    console.log(`DynamoDB calls per answer (including the client's retries): ${perAnswer.join(', ')}`);
    const perCall = [...calls].map(([name, n]) => `${name.replace(/Command$/, '')} ${((engineMs.get(name) ?? 0) / n).toFixed(0)} ms`);
    console.log(`mean time on the wire per call: ${perCall.join(', ')}`);
    console.log(`CPU per request, this process + the engine: ${[cpuText('bare', bareCpu), cpuText('health', healthCpu), cpuText('answer', answersCpu)].join(', ')}`);
    console.log(`answers/s ${answerRate.toFixed(0)} = ${((answerRate / bareRate) * 100).toFixed(0)}% of the bare transaction rate (goal ≥ 60%)`);
    console.log(`confirmed ${confirmed}, waitlisted ${waitlisted}, errors ${errors.length}; event counts confirmed ${counts.confirmed}, waitlisted ${counts.waitlisted}`);
    check(confirmed === CAPACITY && waitlisted === INVITEES - CAPACITY, `exactly ${CAPACITY} confirmed and ${INVITEES - CAPACITY} waitlisted`);
    check(errors.length === 0, `no error, no registration_busy${errors.length ? ` (first: ${errors[0]!.status} ${errors[0]!.error ?? JSON.stringify(errors[0]!.body)})` : ''}`);
    check(counts.confirmed === CAPACITY && counts.waitlisted === INVITEES - CAPACITY, 'the counters agree');
    check(after.filter((i) => i.response === 'confirmed').length === CAPACITY && after.filter((i) => i.response === 'waitlisted').length === INVITEES - CAPACITY, 'no lost answer: the stored responses agree');
    const answerP95 = percentile(answers.map((a) => a.ms).sort((a, b) => a - b), 95);
    check(answerP95 < 5000, `p95 ${answerP95.toFixed(0)} ms (goal < 5,000 ms)`);
    check(answerRate >= 0.6 * bareRate, `answers/s at least 60% of the bare transaction rate`);

    const waitlist = await deps.registrations.registrations.listWaitlist(eventId);
    const leaving = stored.filter((_, i) => responses[i] === 'confirmed').slice(0, WITHDRAW);
    started = performance.now();
    const withdrawals = await Promise.all(leaving.map((s) => http('POST', `/api/r/${tokens.get(s.invitationId)}/withdraw`)));
    const withdrawWall = performance.now() - started;
    console.log(summary(`POST .../withdraw (${WITHDRAW})`, withdrawals, withdrawWall));
    const expected = waitlist.slice(0, WITHDRAW).map((w) => w.invitationId);
    const nowConfirmed = new Set((await deps.invitations.invitations.listAllByEvent(eventId)).filter((i) => i.response === 'confirmed').map((i) => i.invitationId));
    const promotedIds = expected.filter((id) => nowConfirmed.has(id));
    const rest = (await deps.registrations.registrations.listWaitlist(eventId)).map((w) => w.invitationId);
    const mails = (await deps.mail.outbox.listDue('9999-12-31T00:00:00.000Z', 100000)).filter((m) => m.eventId === eventId);
    const promotedMails = mails.filter((m) => m.kind === 'promoted');
    const countsAfter = (await deps.events.events.findById(eventId))!.counts;
    check(withdrawals.every((w) => w.status === 200 && w.body?.response === 'withdrawn'), `${WITHDRAW} withdrawn`);
    check(promotedIds.length === WITHDRAW && JSON.stringify(rest) === JSON.stringify(waitlist.slice(WITHDRAW).map((w) => w.invitationId)), `exactly the first ${WITHDRAW} of the waiting list promoted, the rest still in order`);
    check(countsAfter.confirmed === CAPACITY && countsAfter.waitlisted === INVITEES - CAPACITY - WITHDRAW, `counts: confirmed ${countsAfter.confirmed}, waitlisted ${countsAfter.waitlisted}`);
    check(promotedMails.length === WITHDRAW && new Set(promotedMails.map((m) => m.invitationId)).size === WITHDRAW && promotedMails.every((m) => expected.includes(m.invitationId)), `each promoted person mailed once (${promotedMails.length} 'promoted' mails)`);
    const notices = mails.filter((m) => m.kind === 'confirmed' || m.kind === 'waitlisted');
    check(notices.length === INVITEES && new Set(notices.map((m) => m.invitationId)).size === INVITEES, `one answer notice each (${notices.length})`);
  } finally {
    server.close();
    await bench.stop();
  }
  if (failed) process.exit(1);
}

await main();
