/**
 * Giấy mời for a big event, against the issue's goal: 500 letters numbered and printed as one PDF
 * in under 30 s, through the API on DynamoDB Local (numbering from the register, then the PDF
 * with its fonts embedded), beside 50 letters from the same run.
 *
 *   npx tsx bench/invitation-letters.bench.ts        (BENCH_LETTERS=500 BENCH_SMALL=50 BENCH_GOAL_MS=30000)
 */
import { startBenchApp, type BenchApp } from './support/bench-app.js';

const LETTERS = Number(process.env.BENCH_LETTERS ?? 500);
const SMALL = Number(process.env.BENCH_SMALL ?? 50);
const GOAL_MS = Number(process.env.BENCH_GOAL_MS ?? 30_000);

async function eventWith(app: BenchApp, people: number): Promise<string> {
  const created = await app.organiser('POST', '/api/events', {
    body: {
      type: 'ngo_conference',
      title: { vi: `Hội nghị ${people} đại biểu`, en: `Conference of ${people}` },
      venue: 'Hội trường Liên hiệp, 45 Lê Duẩn, Buôn Ma Thuột',
      startsAt: '2031-11-20T08:00:00+07:00',
      endsAt: '2031-11-20T17:00:00+07:00',
      agenda: { vi: '08:00 Đón tiếp đại biểu\n08:30 Khai mạc\n09:00 Báo cáo kết quả hoạt động' },
      contact: { name: 'Lê Thị Mai', phone: '0905 123 456' },
    },
  });
  const eventId = created.body.event.eventId as string;
  const invitees = Array.from({ length: people }, (_, i) => ({
    name: `Nguyễn Thị Hồng ${String.fromCharCode(65 + (i % 26))}${i}`,
    email: `dai.bieu.${i}@example.org`,
    position: 'Phó Giám đốc',
    organisation: 'Sở Ngoại vụ tỉnh Đắk Lắk',
  }));
  const imported = await app.organiser('POST', `/api/events/${eventId}/invitations`, { body: { invitees } });
  if (imported.status !== 200) throw new Error(`import failed: ${imported.status}`);
  return eventId;
}

async function lettersFor(app: BenchApp, eventId: string) {
  const issued = await app.organiser('POST', `/api/events/${eventId}/letters`, { body: {} });
  if (issued.status !== 200) throw new Error(`issue failed: ${issued.status} ${JSON.stringify(issued.body)}`);
  const started = performance.now();
  const response = await app.app.request(`/api/events/${eventId}/letters/pdf`, { headers: { cookie: app.cookie } });
  const bytes = (await response.arrayBuffer()).byteLength;
  if (response.status !== 200) throw new Error(`print failed: ${response.status}`);
  return { issueMs: issued.ms, printMs: performance.now() - started, letters: issued.body.items.length as number, bytes };
}

const app = await startBenchApp();
try {
  const small = await eventWith(app, SMALL);
  const big = await eventWith(app, LETTERS);
  // The first paper of a process loads pdf-lib, fontkit and the fonts: a cold Lambda pays it once.
  const coldStarted = performance.now();
  const first = await lettersFor(app, small);
  const coldMs = performance.now() - coldStarted;
  const warm = await lettersFor(app, small);
  const bigRun = await lettersFor(app, big);
  const total = bigRun.issueMs + bigRun.printMs;
  const row = (name: string, r: typeof first, extra = '') =>
    `${name.padEnd(22)} ${String(r.letters).padStart(6)} ${(r.issueMs / 1000).toFixed(2).padStart(9)} s ${(r.printMs / 1000).toFixed(2).padStart(9)} s ${((r.issueMs + r.printMs) / 1000).toFixed(2).padStart(9)} s ${(r.bytes / 1024).toFixed(0).padStart(8)} KB${extra}`;
  console.log(`${'run'.padEnd(22)} ${'letters'.padStart(6)} ${'number'.padStart(11)} ${'print'.padStart(11)} ${'total'.padStart(11)} ${'PDF'.padStart(11)}`);
  console.log(row(`${SMALL}, first (cold)`, first, `   (cold total ${(coldMs / 1000).toFixed(2)} s)`));
  console.log(row(`${SMALL}, again`, warm));
  console.log(row(`${LETTERS}`, bigRun));
  console.log(`\n${LETTERS} letters numbered and printed in ${(total / 1000).toFixed(1)} s; goal under ${GOAL_MS / 1000} s: ${total < GOAL_MS ? 'met' : 'NOT met'}`);
} finally {
  await app.stop();
}
