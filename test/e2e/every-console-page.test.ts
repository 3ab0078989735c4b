import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SAMPLE_MARK } from '../../shared/demo/sample-events.js';
import { routes } from '../../web/console/routes.js';
import { seriousAxeViolations } from '../support/axe.js';
import { closeAll, openContextPage, startProductAndBrowser, signInOnPage } from '../support/browser.js';
import { startLocalProduct, type LocalProduct } from '../support/local-product.js';
import { apiFor, signInByApi, storedMails, type Api } from '../support/product-api.js';

/**
 * Issue 15 in Debian's Chromium against `npm run demo`'s product: the upcoming sample events hold
 * invitees at every stage, a delegation with members, and sent mails; loading twice adds nothing;
 * and every console page (web/console/routes.ts), the printed sheet, roster and certificates
 * included, has no serious or critical axe-core violation when an organiser opens it, at desktop
 * and phone sizes.
 */
let product: LocalProduct;
let browser: Browser;
let api: Api;
const contexts: BrowserContext[] = [];
const shots = join(import.meta.dirname, '../../test-results/every-console-page');

type Listed = { eventId: string; type: string; title: { vi: string }; counts: Record<string, number> };
let samples: Listed[] = [];

async function upcomingSamples(): Promise<Listed[]> {
  const listed = await api('GET', `/api/events?from=${encodeURIComponent(new Date().toISOString())}&limit=100`);
  expect(listed.status).toBe(200);
  return (listed.body.items as Listed[]).filter((event) => event.title.vi.startsWith(SAMPLE_MARK.vi));
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  ({ product, browser } = await startProductAndBrowser({ args: ['--demo'] }));
  api = apiFor(product, await signInByApi(product));
  samples = await upcomingSamples();
}, 240_000);

afterAll(async () => {
  await closeAll(contexts, browser, product);
});

describe('npm run demo', () => {
  test('adds upcoming sample events of each type, with invitees at every stage', async () => {
    expect(new Set(samples.map((event) => event.type))).toEqual(new Set(['youth_forum', 'training', 'ngo_conference', 'delegation', 'meeting', 'other']));
    // Every event's own counts, read one by one: the list may carry them a moment late.
    const totals: Record<string, number> = { invited: 0, confirmed: 0, waitlisted: 0, pending: 0, declined: 0, checkedIn: 0 };
    for (const sample of samples) {
      const { body } = await api('GET', `/api/events/${sample.eventId}`);
      for (const key of Object.keys(totals)) totals[key]! += body.event.counts[key] ?? 0;
    }
    for (const key of Object.keys(totals)) expect(totals[key], key).toBeGreaterThan(0);
    const answered = totals.confirmed! + totals.waitlisted! + totals.pending! + totals.declined!;
    expect(totals.invited).toBeGreaterThan(answered); // some have not answered yet

    const delegation = samples.find((event) => event.type === 'delegation')!;
    const members = await api('GET', `/api/events/${delegation.eventId}/delegation`);
    expect(members.status).toBe(200);
    expect(JSON.stringify(members.body)).toContain('Trần Quốc Bảo');

    // The invitations went out through the outbox to the SES emulator.
    await expect.poll(async () => (await storedMails(product)).filter((mail) => mail.subject.includes(SAMPLE_MARK.vi) || mail.subject.includes(SAMPLE_MARK.en)).length, { timeout: 30_000 }).toBeGreaterThan(10);
  });

  test('loading twice adds nothing', { timeout: 180_000 }, async () => {
    await product.stop();
    product = await startLocalProduct({ args: ['--demo'], dataDir: product.dataDir });
    api = apiFor(product, await signInByApi(product));
    expect(product.output()).toContain('already loaded');
    const again = await upcomingSamples();
    expect(again.map((event) => event.eventId).sort()).toEqual(samples.map((event) => event.eventId).sort());
  });
});

/** The address of a route with the sample events' ids in place of its parameters. */
async function addressOf(path: string): Promise<string> {
  const delegation = samples.find((event) => event.type === 'delegation')!;
  const forum = samples.find((event) => event.type === 'youth_forum')!;
  const eventId = path.endsWith('/roster') ? delegation.eventId : forum.eventId;
  let address = path.replace(':eventId', encodeURIComponent(eventId));
  if (address.includes(':registrationId')) {
    const attendees = await api('GET', `/api/events/${forum.eventId}/attendees`);
    const present = (attendees.body.items as { registrationId: string; checkedInAt?: string }[]).find((a) => a.checkedInAt);
    expect(present).toBeDefined();
    address = address.replace(':registrationId', encodeURIComponent(present!.registrationId));
  }
  return address;
}

const signIn = (page: Page) => signInOnPage(page, product.url, product.admin);

/** The page has finished loading: a heading, and no "loading…" line left. */
async function settled(page: Page) {
  await page.locator('main h1').first().waitFor();
  await expect.poll(() => page.locator('main .loading').count(), { timeout: 20_000 }).toBe(0);
  await page.waitForTimeout(300);
}

describe('axe-core on every console page', () => {
  const sizes = [
    { name: 'desktop', viewport: { width: 1366, height: 768 } },
    { name: 'phone', viewport: { width: 390, height: 844 } },
  ];
  for (const { name, viewport } of sizes) {
    test(`no serious or critical violation on any page, signed in as an organiser, at ${name} size`, { timeout: 240_000 }, async () => {
      const { page, problems } = await openContextPage(browser, contexts, { viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
      const publicPaths = routes.filter((route) => route.access === 'public').map((route) => route.path);
      const found: Record<string, unknown> = {};
      for (const path of publicPaths) {
        await page.goto(`${product.url}${path}`);
        await settled(page);
        const violations = await seriousAxeViolations(page);
        if (violations.length) found[path] = violations;
      }
      await signIn(page);
      for (const route of routes.filter((r) => r.access !== 'public')) {
        const address = await addressOf(route.path);
        await page.goto(`${product.url}${address}`);
        await settled(page);
        await page.screenshot({ path: join(shots, `${name}-${route.path.replace(/[/:]+/g, '_')}.png`), fullPage: false });
        const violations = await seriousAxeViolations(page);
        if (violations.length) found[route.path] = violations;
      }
      expect(found).toEqual({});
      expect(problems).toEqual([]);
    });
  }
});
