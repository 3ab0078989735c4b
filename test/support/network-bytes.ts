import type { Page } from 'playwright-core';

/**
 * What a page receives over the network, as Chromium counts it (DevTools `Network.loadingFinished`
 * encodedDataLength: the bytes on the wire, headers and compressed body), request by request.
 */
export async function recordNetworkBytes(page: Page) {
  const session = await page.context().newCDPSession(page);
  const urls = new Map<string, string>();
  const finished: { url: string; bytes: number; at: number }[] = [];
  session.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) => urls.set(e.requestId, e.request.url));
  session.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    finished.push({ url: urls.get(e.requestId) ?? '', bytes: e.encodedDataLength, at: Date.now() });
  });
  await session.send('Network.enable');
  return {
    /** A mark to count from. */
    mark: () => finished.length,
    /** The requests finished since `mark`, and their bytes. */
    since(mark: number, filter: (url: string) => boolean = () => true) {
      const list = finished.slice(mark).filter((r) => filter(r.url));
      return { requests: list, bytes: list.reduce((sum, r) => sum + r.bytes, 0) };
    },
  };
}
