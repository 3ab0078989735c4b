import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { WebBuild } from '../../web/build.js';
import { closeAll, openContextPage, startProductAndBrowser } from './browser.js';
import type { LocalProduct } from './local-product.js';
import type { Api } from './product-api.js';
import { signInApi, type Session } from './seed-attendees.js';

type Started = { build: WebBuild; product: LocalProduct; browser: Browser; admin?: Session };

/**
 * What a browser test file shares: the product and Chromium, started before the file's tests
 * (web/dist built first) with the admin signed in through the API, and closed after them with
 * every browser profile the file opened. Call it at the top of the file; the file's own
 * `beforeAll`, registered after it, runs once all this is up.
 */
export function productInBrowser(options: Parameters<typeof startProductAndBrowser>[0] = {}) {
  const contexts: BrowserContext[] = [];
  let started: Started | undefined;
  const ready = (): Required<Started> => {
    if (!started?.admin) throw new Error('the product and the browser start in beforeAll: read them inside a hook or a test');
    return started as Required<Started>;
  };
  beforeAll(async () => {
    started = await startProductAndBrowser(options);
    started.admin = await signInApi(started.product.url, started.product.admin.email, started.product.admin.password);
  });
  afterAll(() => closeAll(contexts, started?.browser, started?.product));
  /** JSON calls as the admin. */
  const api: Api = (method, path, body) => ready().admin.call(method, path, body);
  /** A fresh browser profile and its page, recording the page's errors and CSP refusals. */
  const open = (options: BrowserContextOptions) => openContextPage(ready().browser, contexts, options);
  return {
    get product(): LocalProduct {
      return ready().product;
    },
    get browser(): Browser {
      return ready().browser;
    },
    /** The admin's session: its cookie, and calls that also answer headers and non-JSON bodies. */
    get admin(): Session {
      return ready().admin;
    },
    /** web/dist as built for this run. */
    get build(): WebBuild {
      return ready().build;
    },
    api,
    open,
  };
}
