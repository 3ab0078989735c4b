/**
 * A crowd answering at once, against the issue's goal: 1,000 invitees of a 100-seat event accept
 * at the same moment → exactly 100 confirmed and 900 waitlisted, no error, no lost answer. Then
 * 30 confirmed withdraw at once → exactly the first 30 of the waiting list promoted, in order,
 * each with one 'promoted' mail queued. Every answer goes through the real app (`app.request`:
 * public route, token lookup, one transaction per answer, retried on write conflicts) on an
 * in-memory DynamoDB Local; answers/s and p50/p95 latency are printed beside a `GET /api/health`
 * baseline of the same crowd size from the same run.
 *
 *   npx tsx bench/answers.bench.ts        (BENCH_INVITEES=1000 BENCH_CAPACITY=100 BENCH_WITHDRAW=30)
 */
import '../functions/local/quiet-node-version-warning.js';
import { startBenchApp, type Timed } from './support/bench-app.js';

const INVITEES = Number(process.env.BENCH_INVITEES ?? 1000);
const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 100);
const WITHDRAW = Number(process.env.BENCH_WITHDRAW ?? 30);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

function summary(label: string, runs: Timed[], wallMs: number) {
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  return (
    `${label.padEnd(26)} ${String(runs.length).padStart(5)} requests  ${(wallMs / 1000).toFixed(2).padStart(6)} s  ` +
    `${Math.round(runs.length / (wallMs / 1000)).toString().padStart(6)} req/s  p50 ${percentile(ms, 50).toFixed(0).padStart(5)} ms  p95 ${percentile(ms, 95).toFixed(0).padStart(5)} ms`
  );
}

async function main() {
  const bench = await startBenchApp();
  const { deps, cookie } = bench;
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
    const tokens = new Map(stored.map((s) => [s.invitationId, deps.invitations.invitations.linkTokenOf(s)]));

    // The baseline: the same crowd asking the cheapest route that still reads the table.
    let started = performance.now();
    const health = await Promise.all(stored.map(() => call('GET', '/api/health')));
    const healthWall = performance.now() - started;

    started = performance.now();
    const answers = await Promise.all(stored.map((s) => call('POST', `/api/r/${tokens.get(s.invitationId)}/accept`, { body: {} })));
    const answersWall = performance.now() - started;

    const responses = answers.map((a) => a.body?.response);
    const confirmed = responses.filter((r) => r === 'confirmed').length;
    const waitlisted = responses.filter((r) => r === 'waitlisted').length;
    const errors = answers.filter((a) => a.status !== 200);
    const counts = (await deps.events.events.findById(eventId))!.counts;
    const after = await deps.invitations.invitations.listAllByEvent(eventId);

    console.log(`Answers: ${INVITEES} invitees of a ${CAPACITY}-seat event accept at once, DynamoDB Local in memory`);
    console.log(summary('GET /api/health (baseline)', health, healthWall));
    console.log(summary('POST /api/r/:token/accept', answers, answersWall));
    console.log(`confirmed ${confirmed}, waitlisted ${waitlisted}, errors ${errors.length}; event counts confirmed ${counts.confirmed}, waitlisted ${counts.waitlisted}`);
    check(confirmed === CAPACITY && waitlisted === INVITEES - CAPACITY, `exactly ${CAPACITY} confirmed and ${INVITEES - CAPACITY} waitlisted`);
    check(errors.length === 0, `no error${errors.length ? ` (first: ${JSON.stringify(errors[0]!.body)})` : ''}`);
    check(counts.confirmed === CAPACITY && counts.waitlisted === INVITEES - CAPACITY, 'the counters agree');
    check(after.filter((i) => i.response === 'confirmed').length === CAPACITY && after.filter((i) => i.response === 'waitlisted').length === INVITEES - CAPACITY, 'no lost answer: the stored responses agree');

    const waitlist = await deps.registrations.registrations.listWaitlist(eventId);
    const leaving = stored.filter((_, i) => responses[i] === 'confirmed').slice(0, WITHDRAW);
    started = performance.now();
    const withdrawals = await Promise.all(leaving.map((s) => call('POST', `/api/r/${tokens.get(s.invitationId)}/withdraw`)));
    const withdrawWall = performance.now() - started;
    console.log(summary(`POST .../withdraw (${WITHDRAW})`, withdrawals, withdrawWall));
    const expected = waitlist.slice(0, WITHDRAW).map((w) => w.invitationId);
    const nowConfirmed = new Set((await deps.invitations.invitations.listAllByEvent(eventId)).filter((i) => i.response === 'confirmed').map((i) => i.invitationId));
    const promotedIds = expected.filter((id) => nowConfirmed.has(id));
    const rest = (await deps.registrations.registrations.listWaitlist(eventId)).map((w) => w.invitationId);
    const mails = (await deps.mail.outbox.listDue('9999-12-31T00:00:00.000Z', 100000)).filter((m) => m.eventId === eventId && m.kind === 'promoted');
    const countsAfter = (await deps.events.events.findById(eventId))!.counts;
    check(withdrawals.every((w) => w.status === 200 && w.body.response === 'withdrawn'), `${WITHDRAW} withdrawn`);
    check(promotedIds.length === WITHDRAW && JSON.stringify(rest) === JSON.stringify(waitlist.slice(WITHDRAW).map((w) => w.invitationId)), `exactly the first ${WITHDRAW} of the waiting list promoted, the rest still in order`);
    check(countsAfter.confirmed === CAPACITY && countsAfter.waitlisted === INVITEES - CAPACITY - WITHDRAW, `counts: confirmed ${countsAfter.confirmed}, waitlisted ${countsAfter.waitlisted}`);
    check(mails.length === WITHDRAW && new Set(mails.map((m) => m.invitationId)).size === WITHDRAW && mails.every((m) => expected.includes(m.invitationId)), `each promoted person mailed once (${mails.length} 'promoted' mails)`);
  } finally {
    await bench.stop();
  }
  if (failed) process.exit(1);
}

await main();
