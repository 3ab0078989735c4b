import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildOffice, SMALL_OFFICE, type Office } from '../../bench/office/build-office.js';
import { seriousAxeViolations } from '../support/axe.js';
import { recordNetworkBytes } from '../support/network-bytes.js';
import { productInBrowser } from '../support/product-in-browser.js';

/**
 * Ten years of the union's events (issue 23), built through the API by the office generator at a
 * test's size (150 events, a big meeting of 240): the first screen lists what comes next, an event
 * is found by words of its title and its year, a Vietnamese name typed without accents finds the
 * exact names first, and the door reads little over a phone's data plan. At 1366 px and 375 px.
 */
const e2e = productInBrowser();
const { open } = e2e;
let office: Office;

beforeAll(async () => {
  office = await buildOffice(e2e.admin, SMALL_OFFICE);
}, 600_000);

const viewports = [
  { name: 'desktop', viewport: { width: 1366, height: 768 } },
  { name: 'phone', viewport: { width: 375, height: 812 } },
] as const;

async function signedInPage(viewport: { width: number; height: number }): Promise<{ page: Page; problems: string[] }> {
  const { context, page, problems } = await open({ viewport, locale: 'vi-VN' });
  const [name, value] = e2e.admin.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: e2e.product.url }]);
  return { page, problems };
}

describe.each(viewports)('the office at $name size', ({ viewport }) => {
  test('the first screen lists the next events although 147 lie in the past', async () => {
    const { page, problems } = await signedInPage(viewport);
    await page.goto(`${e2e.product.url}/console/events`);
    const upcoming = office.events.filter((e) => Date.parse(e.endsAt) >= Date.now());
    expect(upcoming).toHaveLength(3);
    const titles = page.locator('.event-card h2');
    await expect.poll(() => titles.count(), { timeout: 30_000 }).toBe(3);
    expect(await titles.allTextContents()).toEqual(upcoming.map((e) => e.title.vi));
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 90_000);

  test('finds the 2019 youth forum by words typed without accents and by its year', async () => {
    const { page } = await signedInPage(viewport);
    await page.goto(`${e2e.product.url}/console/events`);
    await page.locator('#filter-q').fill('dien dan thanh nien');
    await page.locator('#filter-year').selectOption('2019');
    const forums = office.events.filter((e) => /Diễn đàn Thanh niên/.test(e.title.vi)).reverse();
    const of2019 = forums.filter((e) => e.startsAt.startsWith('2019')).map((e) => e.title.vi);
    expect(of2019).toContain(office.forum2019.title.vi);
    await expect.poll(() => page.locator('.event-card h2').allTextContents(), { timeout: 30_000 }).toEqual(of2019);
    expect(new URL(page.url()).searchParams.get('year')).toBe('2019');
    // Without the year: every youth forum of ten years whose title holds the words, latest first.
    await page.locator('#filter-year').selectOption('');
    await expect.poll(() => page.locator('.event-card h2').allTextContents(), { timeout: 30_000 }).toEqual(forums.slice(0, 20).map((e) => e.title.vi));
    expect(await seriousAxeViolations(page)).toEqual([]);
  }, 90_000);

  test('ranks the invitees named exactly as typed first, for a Vietnamese name typed without accents', async () => {
    const { page } = await signedInPage(viewport);
    await page.goto(`${e2e.product.url}/console/events/${office.big.eventId}/invitations`);
    await page.locator('#invitation-search').fill('nguyen thi huong');
    const names = page.locator('.invitations-table tbody tr .invitee-name');
    await expect.poll(async () => (await names.allTextContents()).slice(0, office.huongs + 2), { timeout: 30_000 }).toEqual([
      ...Array(office.huongs).fill('Nguyễn Thị Hương'),
      'Hương Thị Nguyễn',
      'Nguyễn Thị Thu Hương',
    ]);
    // Đặng Thị Hương has no "nguyen" in her name; she is not offered before them, nor at all.
    expect(await names.allTextContents()).not.toContain('Đặng Thị Hương');
    expect(await seriousAxeViolations(page)).toEqual([]);
  }, 90_000);
});

describe.each([
  { size: 'desktop', viewport: { width: 1366, height: 768 }, language: 'vi', listName: /^Danh sách: \d+ người$/ },
  { size: 'phone', viewport: { width: 390, height: 844 }, language: 'en', listName: /^List: \d+ people$/ },
  { size: 'phone', viewport: { width: 390, height: 844 }, language: 'vi', listName: /^Danh sách: \d+ người$/ },
  { size: 'desktop', viewport: { width: 1366, height: 768 }, language: 'en', listName: /^List: \d+ people$/ },
] as const)('the door list at $size size in $language', ({ size, viewport, language, listName }) => {
  test('holds only the rows in view, reaches the last person by scrolling, and Tab walks it row by row', async () => {
    const { context, page, problems } = await open({ viewport, locale: 'vi-VN' });
    const [name, value] = e2e.admin.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: e2e.product.url }]);
    await context.addInitScript((lang) => localStorage.setItem('hn.language', lang), language);
    const whole = (await e2e.admin.call('GET', `/api/events/${office.big.eventId}/attendees/door`)).body.items as { name: string }[];
    await page.goto(`${e2e.product.url}/console/events/${office.big.eventId}/check-in`);
    await expect.poll(() => page.locator('[data-testid="door-count"]').textContent(), { timeout: 30_000 }).toMatch(/^\d+ \/ \d+$/);
    const list = page.getByRole('list', { name: listName });
    expect(await list.getAttribute('aria-label')).toMatch(String(whole.length));
    const rows = list.locator(':scope > li');
    // Bounded by the box, not by the list: a few dozen rows of the whole.
    const drawn = await rows.count();
    expect(drawn).toBeLessThan(40);
    expect(drawn).toBeLessThan(whole.length);
    expect(await rows.first().getAttribute('aria-setsize')).toBe(String(whole.length));
    await page.screenshot({ path: `.tmp/door-list-${size}-${language}-top.png` });

    // Scrolled to its end: the last person of the whole list, said to be the last.
    await page.locator('.virtual-list').evaluate((box) => box.scrollTo(0, box.scrollHeight));
    const last = rows.last();
    await expect.poll(() => last.getAttribute('aria-posinset'), { timeout: 10_000 }).toBe(String(whole.length));
    expect(await last.locator('.door-name').textContent()).toBe(whole[whole.length - 1]!.name);
    expect(await rows.count()).toBeLessThan(40);
    await page.screenshot({ path: `.tmp/door-list-${size}-${language}-end.png` });

    // From the top with the keyboard: each Tab reaches the next row's button, drawn as it comes.
    await page.locator('.virtual-list').evaluate((box) => box.scrollTo(0, 0));
    await expect.poll(() => rows.first().getAttribute('aria-posinset')).toBe('1');
    await rows.first().locator('button, a').first().focus();
    const positions: number[] = [];
    for (let i = 0; i < 45; i += 1) {
      await page.keyboard.press('Tab');
      positions.push(Number(await page.evaluate(() => document.activeElement?.closest('li[aria-posinset]')?.getAttribute('aria-posinset') ?? 0)));
    }
    // Present people have two buttons, so a row may take two Tabs; never a step back, never out.
    expect(positions.every((p, i) => p > 0 && (i === 0 || p >= positions[i - 1]!)), `positions reached by Tab: ${positions.join(' ')}`).toBe(true);
    expect(positions[positions.length - 1]!).toBeGreaterThan(25);
    expect(await rows.count()).toBeLessThan(60);
    await page.screenshot({ path: `.tmp/door-list-${size}-${language}-keyboard.png` });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);
});

test('the door draws its first buttons before the whole list arrives, and a tap made meanwhile stays', async () => {
  const { page, problems } = await signedInPage({ width: 390, height: 844 });
  // The whole list is held back, as a big meeting's list on a slow phone line is.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route(/\/attendees\/door$/, async (route) => {
    asked = true;
    await released;
    await route.continue();
  });
  await page.goto(`${e2e.product.url}/console/events/${office.big.eventId}/check-in`);
  const firstTap = page.locator('.door-row .door-tap').first();
  await firstTap.waitFor({ timeout: 30_000 });
  expect(await page.locator('[data-testid="door-count"]').textContent()).toBe('… / …');
  await expect.poll(() => page.locator('.door .muted[role="status"]').textContent()).toContain('Đang tải cả danh sách');
  // Typing a name waits for the whole list rather than answering from the first screen.
  await page.locator('#door-q').fill('nguyen');
  expect(await page.locator('.door-row').count()).toBe(0);
  await page.locator('#door-q').fill('');

  const index = await page.locator('.door-row').evaluateAll((rows) => rows.findIndex((r) => r.querySelector('.door-tap')));
  const name = (await page.locator('.door-row .door-name').nth(index).textContent())!;
  await firstTap.click();
  await expect.poll(() => page.locator('.door-notice').textContent(), { timeout: 15_000 }).toContain(name);
  expect(asked).toBe(true);
  release();
  // The whole list, older than the tap, does not undo it on the screen.
  const counts = (await e2e.admin.call('GET', `/api/events/${office.big.eventId}/attendees/counts`)).body;
  await expect.poll(() => page.locator('[data-testid="door-count"]').textContent(), { timeout: 30_000 }).toBe(`${counts.checkedIn} / ${counts.confirmed}`);
  // The whole list is in the first screen's order: the row tapped is there, present.
  expect(await page.locator('.door-row .door-name').nth(index).textContent()).toBe(name);
  expect(await page.locator('.door-row').nth(index).getAttribute('class')).toContain('is-present');
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
}, 120_000);

test('the door on a phone: the list once, then a few bytes per tap and per idle minute; other phones within seconds', async () => {
  const { page, problems } = await signedInPage({ width: 375, height: 812 });
  const network = await recordNetworkBytes(page);
  const api = (url: string) => url.includes('/api/');
  await page.goto(`${e2e.product.url}/console/events/${office.big.eventId}/check-in`);
  await page.locator('.door-tap').first().waitFor({ timeout: 30_000 });
  // The first buttons come from a small first read; the whole list follows, once.
  await expect.poll(() => page.locator('[data-testid="door-count"]').textContent(), { timeout: 30_000 }).toMatch(/^\d+ \/ \d+$/);
  const opened = network.since(0, (url) => url.includes('/attendees/door'));
  expect(opened.requests.filter((r) => /\/attendees\/door$/.test(r.url))).toHaveLength(1);

  // One tap: the check-in itself and the next read of changes.
  await page.locator('#door-q').fill('nguyen thi huong');
  const first = page.locator('.door-row').first();
  await expect.poll(() => first.locator('.door-name').textContent(), { timeout: 10_000 }).toBe('Nguyễn Thị Hương');
  const beforeTap = network.mark();
  await first.locator('.door-tap').click();
  await expect.poll(() => page.locator('.door-notice').textContent(), { timeout: 15_000 }).toContain('Nguyễn Thị Hương');
  // The next read of changes after the tap (every 5 s), not a fixed wait.
  await expect.poll(() => network.since(beforeTap, (url) => url.includes('/attendees/door/changes')).requests.length, { timeout: 30_000 }).toBeGreaterThan(0);
  const tap = network.since(beforeTap, api);
  expect(tap.requests.some((r) => r.url.includes('/check-in'))).toBe(true);
  expect(tap.requests.some((r) => /\/attendees\/door$/.test(r.url))).toBe(false);
  expect(tap.bytes).toBeLessThanOrEqual(5 * 1024);

  // A minute with nothing happening: polls of a few hundred bytes, never the list again.
  const beforeIdle = network.mark();
  await page.waitForTimeout(60_000);
  const idle = network.since(beforeIdle, api);
  expect(idle.requests.length).toBeGreaterThan(5);
  expect(idle.requests.every((r) => r.url.includes('/attendees/door/changes'))).toBe(true);
  expect(idle.bytes).toBeLessThanOrEqual(20 * 1024);

  // Another phone checks someone in: this one shows it without reloading.
  const before = await page.locator('[data-testid="door-count"]').textContent();
  // Someone not yet present: the tap above took one of the several Nguyễn Thị Hương, whichever
  // the list showed first, so the first not checked in at seeding may be her (alreadyCheckedIn).
  let checkedInElsewhere = false;
  for (const other of office.big.confirmedIds.filter((id) => !office.big.checkedInIds.includes(id))) {
    const answer = await e2e.admin.call('POST', `/api/events/${office.big.eventId}/attendees/${other}/check-in`);
    expect(answer.status).toBe(200);
    if (!answer.body.alreadyCheckedIn) {
      checkedInElsewhere = true;
      break;
    }
  }
  expect(checkedInElsewhere).toBe(true);
  // The page reads changes every 5 s (bench/office measures the 10 s goal on a quiet machine); in
  // the suite, beside other browsers and engines on two cores, a round can take longer.
  await expect.poll(() => page.locator('[data-testid="door-count"]').textContent(), { timeout: 30_000 }).not.toBe(before);
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
}, 180_000);
