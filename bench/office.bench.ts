/**
 * The office at its real size (issue 23): the generator builds ten years of events through the API
 * (bench/office/build-office.ts), then every figure of the issue is measured and printed beside its
 * goal. API figures are timed from this process over HTTP to the local product; the console's
 * figures come from Debian's Chromium (network bytes from DevTools, long tasks from the page).
 *
 *   npx tsx bench/office.bench.ts            (OFFICE=small for a quick run at the test suite's size)
 *
 * OFFICE_DATA=<folder> keeps DynamoDB Local's data and the office's description there: the first
 * run builds it (about 25 minutes at full size on a shared machine), later runs on the same day
 * measure the same office again without rebuilding it (dates are relative to the day it was built).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { buildWeb } from '../web/build.js';
import { startLocalProduct } from '../test/support/local-product.js';
import { recordNetworkBytes } from '../test/support/network-bytes.js';
import { signInApi, type Session } from '../test/support/seed-attendees.js';
import { buildOffice, FULL_OFFICE, SMALL_OFFICE, type Office } from './office/build-office.js';
import { runBench } from './support/browser-bench.js';

const size = process.env.OFFICE === 'small' ? SMALL_OFFICE : FULL_OFFICE;
type Row = { figure: string; measured: string; goal: string; ok: boolean | undefined };
const rows: Row[] = [];
const row = (figure: string, measured: string, goal: string, ok?: boolean) => {
  rows.push({ figure, measured, goal, ok });
  console.log(`${ok === undefined ? '    ' : ok ? 'ok  ' : 'MISS'} ${figure}: ${measured} (goal: ${goal})`);
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

/** Every page of a list, with the size of each page. */
async function allPages(session: Session, path: string) {
  const pages: number[] = [];
  const items: { eventId: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await session.call('GET', `${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    pages.push(page.body.items.length);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return { pages, items };
}

/** Long tasks (over 50 ms) of the page from its start, as the browser reports them. */
const LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
`;
const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.slice());

async function main() {
  await buildWeb(join(import.meta.dirname, '../web/dist'));
  const kept = process.env.OFFICE_DATA ? resolve(process.env.OFFICE_DATA) : undefined;
  if (kept) mkdirSync(kept, { recursive: true });
  const described = kept ? join(kept, `office-${size === FULL_OFFICE ? 'full' : 'small'}.json`) : undefined;
  const product = await startLocalProduct({ timeoutMs: 120_000, ...(kept ? { dataDir: kept } : {}) });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic'] });
  try {
    const admin = await signInApi(product.url, product.admin.email, product.admin.password);
    const earlier = described && existsSync(described) ? (JSON.parse(readFileSync(described, 'utf8')) as { office: Office; buildMs: number }) : undefined;
    const [office, buildMs] = earlier
      ? [earlier.office, earlier.buildMs]
      : await timed(() => buildOffice(admin, size, new Date(), (line) => console.log(`  ${line}`)));
    if (described && !earlier) writeFileSync(described, JSON.stringify({ office, buildMs }));
    if (earlier) console.log(`  the office kept in ${kept} (built earlier)`);
    row('office built through the API', `${office.events.length} events, ${office.invitations} invitations, ${office.big.confirmedIds.length} confirmed and ${office.big.checkedInIds.length} checked in at the big meeting, ${(buildMs / 1000).toFixed(0)} s`, '150 events, ≥ 30,000 invitations, one event of 5,000', office.events.length >= 150 && office.invitations >= (size === FULL_OFFICE ? 30_000 : 0));

    // The events list.
    const now = new Date().toISOString();
    const upcoming = office.events.filter((e) => e.endsAt >= now || Date.parse(e.endsAt) >= Date.now());
    const [first, firstMs] = await timed(() => admin.call('GET', `/api/events?from=${encodeURIComponent(now)}&order=asc&limit=20`));
    row('"upcoming" first page', `${first.body.items.length} of ${upcoming.length} next events, ${ms(firstMs)}`, 'every next event on the first page', first.body.items.length === upcoming.length);
    const oldOnes = office.events.filter((e) => Date.parse(e.endsAt) < Date.parse('2020-01-01T00:00:00+07:00'));
    const [before, beforeMs] = await timed(() => allPages(admin, `/api/events?before=2020-01-01T00:00:00%2B07:00&order=desc&limit=20`));
    row('before=2020-01-01, latest first', `${before.items.length} of ${oldOnes.length} in pages of ${before.pages.join(', ')}, ${ms(beforeMs)}`, 'all, full pages', before.items.length === oldOnes.length && before.pages.slice(0, -1).every((n) => n === 20));
    const trainings = office.events.filter((e) => e.type === 'training');
    const [training, trainingMs] = await timed(() => allPages(admin, `/api/events?type=training&limit=20`));
    row('type=training', `${training.items.length} of ${trainings.length} in pages of ${training.pages.join(', ')}, ${ms(trainingMs)}`, 'all, full pages', training.items.length === trainings.length && training.pages.slice(0, -1).every((n) => n === 20));
    const [search, searchMs] = await timed(() => admin.call('GET', `/api/events?q=dien%20dan%20thanh%20nien&year=2019&limit=20`));
    const found = search.body.items.some((e: { eventId: string }) => e.eventId === office.forum2019.eventId);
    row('q="dien dan thanh nien"&year=2019', `${found ? 'found' : 'not found'} among ${search.body.items.length}, ${ms(searchMs)}`, 'the 2019 youth forum in one step', found);

    // People by the name typed, at the big meeting.
    const big = office.big.eventId;
    const [ranked, rankedMs] = await timed(() => admin.call('GET', `/api/events/${big}/invitations?q=nguyen%20thi%20huong&limit=50`));
    const names: string[] = ranked.body.items.map((i: { name: string }) => i.name);
    const exactFirst = names.slice(0, office.huongs).every((n) => n === 'Nguyễn Thị Hương');
    row(`invitations ?q=nguyen thi huong (${size.bigEvent.invitees})`, `${exactFirst ? `the ${office.huongs} exact names first` : `first: ${names.slice(0, 3).join(', ')}`}, ${names.length} hits, ${ms(rankedMs)}`, 'exact names first', exactFirst);
    const [attendees, attendeesMs] = await timed(() => admin.call('GET', `/api/events/${big}/attendees?q=nguyen%20thi%20huong`));
    const attendeeNames: string[] = attendees.body.items.map((i: { name: string }) => i.name);
    row('attendees ?q=nguyen thi huong', `${attendeeNames.slice(0, office.huongs).every((n) => n === 'Nguyễn Thị Hương') ? 'exact names first' : 'not ranked'}, ${ms(attendeesMs)}`, 'same ranking', attendeeNames.slice(0, office.huongs).every((n) => n === 'Nguyễn Thị Hương'));
    const [attendeePage, attendeePageMs] = await timed(() => admin.call('GET', `/api/events/${big}/attendees?limit=100`));
    row('attendees ?limit=100', `status ${attendeePage.status}, ${attendeePage.body.items?.length} items, next cursor ${attendeePage.body.nextCursor ? 'yes' : 'no'}, ${ms(attendeePageMs)}`, 'pages with limit and cursor', attendeePage.status === 200 && Boolean(attendeePage.body.nextCursor));
    // Asked several times: one reading on a shared machine says more about the machine than the route.
    const countReads: [Awaited<ReturnType<Session['call']>>, number][] = [];
    for (let i = 0; i < 7; i += 1) countReads.push(await timed(() => admin.call('GET', `/api/events/${big}/invitations/counts`)));
    const countsMs = median(countReads.map(([, t]) => t));
    row(
      'invitations/counts',
      `status ${countReads.map(([r]) => r.status).every((s) => s === 200) ? 200 : 'not 200'}, median ${ms(countsMs)} of 7 (${countReads.map(([, t]) => Math.round(t)).join(', ')})`,
      '≤ 50 ms',
      countReads.every(([r]) => r.status === 200) && countsMs <= 50,
    );
    const firstReads: number[] = [];
    for (let i = 0; i < 7; i += 1) firstReads.push((await timed(() => admin.call('GET', `/api/events/${big}/attendees/door/first?limit=60`)))[1]);
    row('attendees/door/first?limit=60 (the API alone)', `median ${ms(median(firstReads))} of 7 (${firstReads.map(Math.round).join(', ')})`, 'part of the door’s 1 s');

    // The door on a phone.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const [name, value] = admin.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: product.url }]);
    const warm = await context.newPage();
    await warm.goto(`${product.url}/console/`);
    await warm.close();
    // Opened three times (the last one stays for the figures below): the median is the figure.
    const firstButtons: number[] = [];
    for (let i = 0; i < 2; i += 1) {
      const again = await context.newPage();
      const started = performance.now();
      await again.goto(`${product.url}/console/events/${big}/check-in`);
      await again.locator('.door-tap').first().waitFor({ timeout: 60_000 });
      firstButtons.push(performance.now() - started);
      // The whole list as well, so that the next opening does not share the engine with it.
      await again.waitForFunction(() => /^\d+ \/ \d+$/.test(document.querySelector('[data-testid="door-count"]')?.textContent ?? ''), undefined, { timeout: 120_000 });
      await again.close();
    }
    const door = await context.newPage();
    await door.addInitScript(LONG_TASKS);
    const network = await recordNetworkBytes(door);
    const opening = performance.now();
    await door.goto(`${product.url}/console/events/${big}/check-in`);
    await door.locator('.door-tap').first().waitFor({ timeout: 60_000 });
    firstButtons.push(performance.now() - opening);
    const firstButtonMs = median(firstButtons);
    row(`door: first "Có mặt" (${office.big.confirmedIds.length} confirmed)`, `median ${ms(firstButtonMs)} of 3 openings (${firstButtons.map(Math.round).join(', ')})`, '≤ 1 s', firstButtonMs <= 1000);
    await door.waitForFunction(() => /^\d+ \/ \d+$/.test(document.querySelector('[data-testid="door-count"]')?.textContent ?? ''), undefined, { timeout: 120_000 });
    const wholeMs = performance.now() - opening;
    const doorRows = await door.locator('.door-row').count();
    const doorTasks = await longTasks(door);
    row('door: the whole list in place', `${ms(wholeMs)}, ${doorRows} rows in the page of ${office.big.confirmedIds.length}, longest task ${ms(Math.max(0, ...doorTasks))}`, 'rows bounded by the screen, no task over 200 ms', doorRows < 60 && doorTasks.every((d) => d <= 200));
    const list = network.since(0, (url) => /\/attendees\/door$/.test(url));
    row('door: the list, once', `${list.requests.length} read of ${kb(list.bytes)} (compressed)`, 'once, compressed', list.requests.length === 1);
    const api = (url: string) => url.includes('/api/');
    await door.locator('#door-q').fill('nguyen thi huong');
    const tapMark = network.mark();
    await door.locator('.door-row .door-tap').first().click();
    await door.waitForTimeout(6000);
    const tap = network.since(tapMark, api);
    row('door: bytes per check-in tap', `${kb(tap.bytes)} (${tap.requests.length} requests in the 6 s after)`, '≤ 5 KB', tap.bytes <= 5 * 1024);
    const idleMark = network.mark();
    await door.waitForTimeout(60_000);
    const idle = network.since(idleMark, api);
    row('door: bytes per idle minute', `${kb(idle.bytes)} (${idle.requests.length} polls)`, '≤ 20 KB', idle.bytes <= 20 * 1024);
    // Someone not yet present as the server has it now (a kept office holds earlier runs' taps).
    const doorNow = await admin.call('GET', `/api/events/${big}/attendees/door`);
    const other = (doorNow.body.items as { registrationId: string; checkedInAt?: string }[]).find((p) => !p.checkedInAt)!.registrationId;
    const countBefore = await door.locator('[data-testid="door-count"]').textContent();
    const otherStarted = performance.now();
    await admin.call('POST', `/api/events/${big}/attendees/${other}/check-in`);
    await door.waitForFunction((before) => document.querySelector('[data-testid="door-count"]')?.textContent !== before, countBefore, { timeout: 30_000, polling: 100 });
    const shownMs = performance.now() - otherStarted;
    row("door: another phone's check-in shown", ms(shownMs), '≤ 10 s', shownMs <= 10_000);

    // The invitations page of the big meeting.
    const invitations = await context.newPage();
    await invitations.addInitScript(LONG_TASKS);
    await invitations.setViewportSize({ width: 1366, height: 768 });
    await invitations.goto(`${product.url}/console/events/${big}/invitations`);
    await invitations.locator('.invitations-table tbody tr').first().waitFor({ timeout: 60_000 });
    const endReach = await invitations.evaluate(() => {
      const more = [...document.querySelectorAll('button')].filter((b) => /Tải thêm|Load more/.test(b.textContent ?? '')).length;
      const pager = document.querySelector('[data-testid="invitation-pages"]');
      return { more, pager: Boolean(pager) };
    });
    row('invitations page: the end of 5,000 in one step', endReach.pager ? 'page choice shown' : `"Load more" only (${Math.ceil(size.bigEvent.invitees / 50)} clicks)`, 'one step', endReach.pager);
    const domNodes = await invitations.evaluate(() => document.getElementsByTagName('*').length);
    // Chromium's own figure of the page's JavaScript heap (the issue measured 210 MB at the end of "Load more").
    const heapMb = await invitations.evaluate(() => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1024 / 1024);
    const invitationTasks = (await longTasks(invitations)).filter((d) => d > 200);
    row('invitations page: DOM nodes, heap, tasks over 200 ms', `${domNodes} nodes, ${heapMb.toFixed(0)} MB heap, ${invitationTasks.length} tasks over 200 ms`, 'bounded by the screen, none', invitationTasks.length === 0);

    // The printed sheet of the big meeting.
    const print = await context.newPage();
    await print.addInitScript(LONG_TASKS);
    const printStarted = performance.now();
    await print.goto(`${product.url}/console/events/${big}/print`);
    await print.locator('.sheet-pages').waitFor({ timeout: 180_000 });
    const printMs = performance.now() - printStarted;
    const pages = await print.locator('.sheet-pages .sheet-page').count();
    const printTasks = await longTasks(print);
    const longest = Math.max(0, ...printTasks);
    row(`print: ${pages}-page sheet`, `${(printMs / 1000).toFixed(1)} s, longest task ${ms(longest)}, ${printTasks.filter((d) => d > 200).length} over 200 ms`, 'no task over 200 ms, progress shown', longest <= 200);
    await context.close();
  } finally {
    await browser.close();
    await product.stop();
  }
  console.log('\n| figure | measured | goal | |\n|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.figure} | ${r.measured} | ${r.goal} | ${r.ok === undefined ? '' : r.ok ? 'ok' : 'miss'} |`);
  // The figures are reported, not enforced: the office's run ends well whatever they are.
  return true;
}

runBench(main);
