import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { buildWeb, type WebBuild } from '../../web/build.js';
import { startLocalProduct, type LocalProduct } from './local-product.js';

/** Debian's Chromium as the browser tests run it: no sandbox, no GPU, nothing fetched on its own. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...chromiumArgs, ...extraArgs] });
}

/** The product serves web/dist, read when a page is asked for: build it before starting the product. */
export function buildWebDist(): Promise<WebBuild> {
  return buildWeb(join(import.meta.dirname, '../../web/dist'));
}

/** Builds web/dist, then starts the product and Chromium side by side. */
export async function startProductAndBrowser(
  options: Parameters<typeof startLocalProduct>[0] = {},
): Promise<{ build: WebBuild; product: LocalProduct; browser: Browser }> {
  const build = await buildWebDist();
  const [product, browser] = await Promise.allSettled([startLocalProduct(options), launchChromium()]);
  if (product.status === 'rejected' || browser.status === 'rejected') {
    // The one that started is not left running for the rest of the run.
    if (product.status === 'fulfilled') await product.value.stop();
    if (browser.status === 'fulfilled') await browser.value.close();
    throw product.status === 'rejected' ? product.reason : (browser as PromiseRejectedResult).reason;
  }
  return { build, product: product.value, browser: browser.value };
}

/** Collects the page's uncaught errors and its Content-Security-Policy refusals. */
export function recordProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  return problems;
}

/** A fresh browser profile (kept in `contexts` for closing) and its page, recording problems. */
export async function openContextPage(browser: Browser, contexts: BrowserContext[], options: BrowserContextOptions) {
  const context = await browser.newContext(options);
  contexts.push(context);
  const page = await context.newPage();
  const problems = recordProblems(page);
  return { context, page, problems };
}

/** Closes the profiles, the browser and the product, whichever were started. */
export async function closeAll(contexts: BrowserContext[], browser: Browser | undefined, product: LocalProduct | undefined) {
  await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
  await browser?.close();
  await product?.stop();
}

/** Signs in through the console's form (in Vietnamese) and waits for the events list. */
export async function signInOnPage(page: Page, url: string, account: { email: string; password: string }) {
  await page.goto(`${url}/console/sign-in`);
  await page.getByRole('textbox', { name: 'Email' }).fill(account.email);
  await page.getByLabel('Mật khẩu').fill(account.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sự kiện' }).waitFor();
}
