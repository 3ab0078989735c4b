/**
 * What the benchmarks that open the console in Chromium share: the product (web/dist built,
 * DynamoDB Local, the SES emulator) and Debian's Chromium, both stopped however the measuring
 * ends; and a main that exits 1 when the figures miss their goals or the run throws.
 */
import type { Browser } from 'playwright-core';
import { startProductAndBrowser } from '../../test/support/browser.js';
import type { LocalProduct } from '../../test/support/local-product.js';

/** Builds web/dist, starts the product and Chromium, measures, then stops both; answers `measure`'s verdict. */
export async function withProductAndBrowser(measure: (product: LocalProduct, browser: Browser) => Promise<boolean>): Promise<boolean> {
  const { product, browser } = await startProductAndBrowser();
  try {
    return await measure(product, browser);
  } finally {
    await browser.close();
    await product.stop();
  }
}

/** Runs a benchmark's main; the process exits 0 when it met its goals, 1 when it missed one or threw. */
export function runBench(main: () => Promise<boolean>): void {
  main().then(
    (ok) => process.exit(ok ? 0 : 1),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
