import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../../support/axe.js';
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

  it('scrolls no mail sideways, keeps the whole personal link in the text part, and reads well to axe', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    try {
      const page = await context.newPage();
      // The QR image is an attachment (cid:); no request leaves the page.
      await page.route('**/*', (route) => route.abort());
      const wide: string[] = [];
      const axeFindings: Record<string, unknown> = {};
      for (const mail of mails) {
        await page.setContent(mail.html);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 375) wide.push(`${mail.name}: ${width} px`);
        const violations = await seriousAxeViolations(page);
        if (violations.length > 0) axeFindings[mail.name] = violations;
        // A cancellation has nothing left to answer: it carries no personal link.
        if (!mail.name.startsWith('event_cancelled')) {
          expect(mail.text, mail.name).toMatch(/https:\/\/\S+\/(r\/|console\/set-password#token=)u3Jq9Xk2\S+Yz3/);
        }
      }
      expect(wide).toEqual([]);
      expect(axeFindings).toEqual({});
    } finally {
      await context.close();
    }
  });
});
