import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { seriousAxeViolations } from '../support/axe.js';
import { productInBrowser } from '../support/product-in-browser.js';

/**
 * The API reference page (/api/docs) as a developer opens it from the running product: Swagger UI
 * from the product's own files (no CDN), reading /api/openapi.json, under the product's CSP, on a
 * laptop and on a phone; the console never loads the viewer.
 */
const e2e = productInBrowser();
const { open } = e2e;

const shots = join(import.meta.dirname, '../../.tmp/screenshots');

mkdirSync(shots, { recursive: true });

describe('GET /api/docs', () => {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    test(`lists every route, readable at ${viewport.width}×${viewport.height}, with nothing refused by the CSP`, { timeout: 120_000 }, async () => {
      const { page, problems } = await open({ viewport });
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      await page.goto(`${e2e.product.url}/api/docs`);
      const document = (await (await fetch(`${e2e.product.url}/api/openapi.json`)).json()) as { paths: Record<string, object> };
      const operations = Object.values(document.paths).reduce((sum, ops) => sum + Object.keys(ops).length, 0);
      await expect.poll(() => page.locator('.opblock').count(), { timeout: 60_000 }).toBe(operations);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.locator('h1').innerText()).toContain('Hữu Nghị Events API');
      expect(await page.locator('.opblock-summary-path', { hasText: '/api/events/{eventId}/invitations' }).first().isVisible()).toBe(true);
      // Swagger UI finds nothing to warn about in the document.
      expect(await page.locator('.information-container').innerText()).not.toMatch(/Warning|Error/);
      expect(problems).toEqual([]);
      // Every file from the product itself: no CDN at run time.
      expect(requested.filter((url) => !url.startsWith(e2e.product.url))).toEqual([]);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, `api-docs-${viewport.width}.png`) });
    });
  }

  test('the console does not load the viewer', async () => {
    const html = await (await fetch(`${e2e.product.url}/console/`)).text();
    expect(html).not.toContain('swagger');
    const viewer = await fetch(`${e2e.product.url}/api-docs/swagger-ui-bundle.js`);
    expect(viewer.status).toBe(200);
    expect(viewer.headers.get('content-type')).toMatch(/javascript/);
  });
});
