import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { seriousAxeViolations } from '../support/axe.js';
import { renderEveryMail } from '../support/every-mail.js';
import { nuErrors } from '../support/nu-checker.js';
import { inviteAndSend, personalLinks, signInByApi } from '../support/product-api.js';
import { conference } from '../functions/api/invitations-support.js';
import { productInBrowser } from '../support/product-in-browser.js';

/**
 * Markup a validator accepts: the W3C Nu Html Checker reads every page the product serves, every
 * console page as Chromium renders it, the participant's and the open registration's pages, every
 * mail's HTML and the stylesheets, in one run, and finds no error.
 */
const e2e = productInBrowser();
const { api, open } = e2e;

const event = {
  ...conference,
  startsAt: '2031-11-20T08:00:00+07:00',
  endsAt: '2031-11-20T17:00:00+07:00',
  contact: { name: 'Lê Thị Thu Hà', phone: '0905 123 456', email: 'ha@example.org' },
};

/** The page as Chromium holds it once rendered, with the doctype outerHTML leaves out. */
async function rendered(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.locator('h1').first().waitFor();
  await expect.poll(() => page.locator('[aria-busy="true"], .loading').count()).toBe(0);
  return `<!DOCTYPE html>\n${await page.evaluate(() => document.documentElement.outerHTML)}`;
}

describe('markup a validator accepts', () => {
  test('no Nu Html Checker error in served pages, rendered pages and mails', { timeout: 300_000 }, async () => {
    const invitees = [
      { name: 'Nguyễn Văn An', email: 'an@example.org', organisation: 'PACCOM' },
      { name: "H'Linh Niê", email: 'linh@example.org', organisation: 'Sở Ngoại vụ' },
    ];
    const eventId = await inviteAndSend(api, event, invitees);
    const links = await personalLinks(e2e.product, { an: 'an@example.org', linh: 'linh@example.org' }, 60_000);
    const token = links.an.split('/r/')[1]!;
    expect((await fetch(`${e2e.product.url}/api/r/${token}/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
    const forum = await api('POST', '/api/events', { ...event, title: { vi: 'Diễn đàn thanh niên', en: 'Youth forum' }, openRegistration: true });
    expect(forum.status).toBe(201);
    const openId = forum.body.event.eventId as string;
    expect((await api('POST', `/api/events/${openId}/publish`)).status).toBe(200);

    const documents: { name: string; html: string }[] = [];
    // As served, before any script runs.
    for (const path of ['/console/', `/r/${token}`, `/dang-ky/${openId}`]) {
      const response = await fetch(`${e2e.product.url}${path}`);
      expect(response.status).toBe(200);
      documents.push({ name: `served${path}`, html: await response.text() });
    }

    const visitor = await open({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    documents.push({ name: 'sign-in', html: await rendered(visitor.page, `${e2e.product.url}/console/sign-in`) });
    documents.push({ name: 'set-password', html: await rendered(visitor.page, `${e2e.product.url}/console/set-password#token=abc`) });
    documents.push({ name: 'answer', html: await rendered(visitor.page, links.linh) });
    documents.push({ name: 'answer-accepted', html: await rendered(visitor.page, links.an) });
    documents.push({ name: 'register', html: await rendered(visitor.page, `${e2e.product.url}/dang-ky/${openId}`) });

    const admin = await open({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const cookie = (await signInByApi(e2e.product)).split('=');
    await admin.context.addCookies([{ name: cookie[0]!, value: cookie.slice(1).join('='), url: e2e.product.url }]);
    const consolePages = [
      '/console/events',
      '/console/events/new',
      `/console/events/${eventId}`,
      `/console/events/${eventId}/edit`,
      `/console/events/${eventId}/invitations`,
      `/console/events/${eventId}/answers`,
      `/console/events/${eventId}/print`,
      `/console/events/${eventId}/roster`,
      `/console/events/${eventId}/mail-templates`,
      `/console/events/${eventId}/check-in`,
      `/console/events/${eventId}/certificates`,
      '/console/users',
      '/console/account',
    ];
    // axe too on the pages whose markup this check changed (the export buttons, the chart's
    // figure, the confirm dialog's focus).
    const axeChecked = new Set([`/console/events/${eventId}/print`, `/console/events/${eventId}/answers`, `/console/events/${eventId}/invitations`]);
    const axeFindings: Record<string, unknown> = {};
    for (const path of consolePages) {
      documents.push({ name: `console${path}`, html: await rendered(admin.page, `${e2e.product.url}${path}`) });
      if (axeChecked.has(path)) {
        const violations = await seriousAxeViolations(admin.page);
        if (violations.length > 0) axeFindings[path] = violations;
      }
    }
    expect(axeFindings).toEqual({});

    documents.push(...renderEveryMail().map((mail) => ({ name: `mail-${mail.name}`, html: mail.html })));

    const stylesheets = ['web/console/console.css', 'web/answer/answer.css'].map((file) => join(import.meta.dirname, '../..', file));
    expect(await nuErrors(documents, stylesheets)).toEqual([]);
    expect(admin.problems).toEqual([]);
  });
});
