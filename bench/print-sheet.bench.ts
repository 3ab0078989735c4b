/**
 * The sign-in sheet of a big event, against the goal: a 2,000-person sheet renders in the
 * console and prints to PDF in headless Chromium in under 15 s. The real product (DynamoDB Local,
 * app, built console) is seeded through its API; the time runs from opening the page (list
 * fetched, every row measured, pages laid out) to the PDF in hand, and is printed beside a
 * 100-person sheet from the same run.
 *
 *   npx tsx bench/print-sheet.bench.ts        (BENCH_PEOPLE=2000 BENCH_SMALL=100 BENCH_GOAL_MS=15000)
 */
import type { BrowserContext } from 'playwright-core';
import { manyInvitees, seedConfirmedEvent, signInApi } from '../test/support/seed-attendees.js';
import { runBench, withProductAndBrowser } from './support/browser-bench.js';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 2000);
const SMALL = Number(process.env.BENCH_SMALL ?? 100);
const GOAL_MS = Number(process.env.BENCH_GOAL_MS ?? 15_000);

const event = (size: number) => ({
  title: { vi: `Hội nghị ${size} đại biểu`, en: `Conference of ${size}` },
  venue: 'Hội trường Liên hiệp, 45 Lê Duẩn, Buôn Ma Thuột',
  startsAt: '2031-11-20T08:00:00+07:00',
  endsAt: '2031-11-20T17:00:00+07:00',
});

async function printOnce(context: BrowserContext, url: string) {
  const page = await context.newPage();
  try {
    const started = performance.now();
    await page.goto(url);
    await page.locator('.sheet-pages').waitFor({ timeout: 120_000 });
    const rendered = performance.now();
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const printed = performance.now();
    const pages = await page.locator('.sheet-pages .sheet-page').count();
    return { renderMs: rendered - started, pdfMs: printed - rendered, totalMs: printed - started, pages, bytes: pdf.byteLength };
  } finally {
    await page.close();
  }
}

runBench(() =>
  withProductAndBrowser(async (product, browser) => {
    const admin = await signInApi(product.url, product.admin.email, product.admin.password);
    const seedStarted = performance.now();
    const small = await seedConfirmedEvent(admin, event(SMALL), manyInvitees(SMALL), { concurrency: 6 });
    const big = await seedConfirmedEvent(admin, event(PEOPLE), manyInvitees(PEOPLE), { concurrency: 6 });
    console.log(`seeded ${SMALL} + ${PEOPLE} confirmed people through the API in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const [name, value] = admin.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: product.url }]);
    // A first opening warms the browser's cache of the console's files, as a second visit would be.
    await printOnce(context, `${product.url}/console/events/${small.eventId}/print`);

    const rows: [string, Awaited<ReturnType<typeof printOnce>>][] = [];
    for (const [label, eventId] of [
      [`${SMALL} people`, small.eventId],
      [`${PEOPLE} people`, big.eventId],
    ] as const) {
      rows.push([label, await printOnce(context, `${product.url}/console/events/${eventId}/print`)]);
    }
    for (const [label, r] of rows) {
      console.log(
        `${label.padEnd(12)} ${String(r.pages).padStart(4)} pages  render ${(r.renderMs / 1000).toFixed(2).padStart(6)} s  ` +
          `PDF ${(r.pdfMs / 1000).toFixed(2).padStart(6)} s  total ${(r.totalMs / 1000).toFixed(2).padStart(6)} s  ${(r.bytes / 1024).toFixed(0).padStart(6)} KB`,
      );
    }
    const bigTotal = rows[1]![1].totalMs;
    const ok = bigTotal < GOAL_MS;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${PEOPLE}-person sheet rendered and printed in ${(bigTotal / 1000).toFixed(2)} s (goal < ${GOAL_MS / 1000} s)`);
    return ok;
  }),
);
