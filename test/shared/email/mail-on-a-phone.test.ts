import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/browser.js';
import { renderEveryMail } from '../../support/every-mail.js';

const mails = renderEveryMail();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('every mail on a 375 px phone screen', () => {
  it('covers every kind in both languages', () => {
    expect(mails.map((m) => m.name)).toEqual(expect.arrayContaining(['invitation-vi', 'reminder-en', 'confirm_address-vi', 'confirmed-en', 'set-password-vi', 'set-password-en']));
  });

  it('scrolls no mail sideways, and keeps the whole personal link in the text part', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      // The QR image is an attachment (cid:); no request leaves the page.
      await page.route('**/*', (route) => route.abort());
      const wide: string[] = [];
      for (const mail of mails) {
        await page.setContent(mail.html);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 375) wide.push(`${mail.name}: ${width} px`);
        expect(mail.text, mail.name).toMatch(/https:\/\/\S+\/(r\/|console\/set-password#token=)u3Jq9Xk2\S+Yz3/);
      }
      expect(wide).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
