/**
 * The web frontend against the console issue's budgets:
 *   - JS+CSS per page, gzipped: console ≤ 60 KB, participant page (with the head of delegation's
 *     roster, its lazily loaded chunk) and open registration page ≤ 30 KB. The console is split:
 *     its first load (entry, the chunks it imports, the CSS) and, for each of its pages, that first
 *     load plus the page's own chunks, are each held to the budget: what a person opening that
 *     page downloads;
 *   - time until the console's sign-in page is usable (email input visible and enabled) in
 *     Chromium on a slow connection (400 kbit/s down and up, 400 ms latency, cache disabled),
 *     opening /console/ as a person would: goal under 4 s.
 *
 *   npx tsx bench/console-size.bench.ts        (BENCH_LOADS=5 cold loads by default)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWeb, totalGzip, type BuiltFile } from '../web/build.js';
import { runBench, withProductAndBrowser } from './support/browser-bench.js';

const BUDGET_KB: Record<string, number> = { console: 60, answer: 30, register: 30 };
const GOAL_MS = 4000;
const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const network = { latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<boolean> {
  let failed = false;

  // Sizes, from a build of its own.
  const outDir = mkdtempSync(join(tmpdir(), 'huu-nghi-web-'));
  try {
    const build = await buildWeb(outDir);
    console.log('JS+CSS per page, gzipped (level 9):');
    const line = (label: string, total: number, budget: number, files: BuiltFile[]) => {
      const list = files.map((f) => `${f.file} ${kb(f.gzipBytes)}`).join(', ');
      console.log(`  ${label.padEnd(34)} ${kb(total).padStart(8)}  budget ${kb(budget)}  ${total <= budget ? 'ok' : 'OVER'}   (${list})`);
      if (total > budget) failed = true;
    };
    for (const page of build.pages) {
      const budget = BUDGET_KB[page.page]! * 1024;
      const initial = totalGzip(page);
      line(page.lazy.length ? `${page.page}: first load` : page.page, initial, budget, [...page.js, ...page.css]);
      const lazy = page.lazy
        .map((module) => ({ ...module, extra: module.js.reduce((sum, f) => sum + f.gzipBytes, 0) }))
        .sort((a, b) => b.extra - a.extra);
      for (const [index, module] of lazy.entries()) {
        const name = module.module.replace(/^web\/(console\/pages|answer)\//, '').replace(/\.tsx?$/, '');
        const label = `${page.page}: + ${name}${index === 0 ? ' (largest)' : ''}`;
        line(label, initial + module.extra, budget, module.js);
      }
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }

  // Load time: the product serves web/dist, so that is built too (same sources, same files).
  const loadsOk = await withProductAndBrowser(async (product, browser) => {
    const times: number[] = [];
    let transferred = 0;
    for (let run = 0; run < LOADS; run += 1) {
      const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
      let bytes = 0;
      cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => (bytes += event.encodedDataLength));
      await page.goto(`${product.url}/console/`, { waitUntil: 'commit' });
      // Milliseconds since navigation start, when a person could type their email.
      // No named function inside: the TypeScript loader would wrap it in a helper the page lacks.
      const usable = await page.waitForFunction(
        () => {
          const input = document.querySelector<HTMLInputElement>('input[type=email]');
          return input && !input.disabled && input.offsetParent !== null ? performance.now() : false;
        },
        undefined,
        { polling: 'raf', timeout: 60_000 },
      );
      const usableAt = (await usable.jsonValue()) as number;
      times.push(usableAt);
      transferred = bytes;
      await context.close();
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    console.log(
      `Sign-in page usable at /console/ on 400 kbit/s, 400 ms latency, no cache (${LOADS} cold loads):`,
    );
    console.log(
      `  median ${(median / 1000).toFixed(2)} s  (min ${(times[0]! / 1000).toFixed(2)} s, max ${(times.at(-1)! / 1000).toFixed(2)} s)  goal < ${GOAL_MS / 1000} s  ${median < GOAL_MS ? 'ok' : 'OVER'};  ${kb(transferred)} over the wire`,
    );
    return median < GOAL_MS;
  });
  return !failed && loadsOk;
}

runBench(main);
