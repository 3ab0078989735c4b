import { useEffect, useState } from 'preact/hooks';

/**
 * A router the size of the job: the History API, `:param` patterns, and every same-origin link
 * under /console handled in the page. The app answers /console/* with this page (locally and
 * behind CloudFront), so a reload or a shared link opens the same view.
 */
export type Location = { pathname: string; search: string; hash: string };

const listeners = new Set<() => void>();
let current: Location = read();

function read(): Location {
  const { pathname, search, hash } = window.location;
  return { pathname: normalize(pathname), search, hash };
}

/** "/console/events/" and "/console/events" are one page. */
function normalize(pathname: string): string {
  return pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
}

function notify() {
  current = read();
  for (const listener of listeners) listener();
}

export function currentLocation(): Location {
  return current;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = new URL(to, window.location.href);
  const target = url.pathname + url.search + url.hash;
  if (target === window.location.pathname + window.location.search + window.location.hash && !options.replace) return;
  if (options.replace) history.replaceState(null, '', target);
  else history.pushState(null, '', target);
  notify();
  if (!options.replace) window.scrollTo(0, 0);
}

export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const update = () => setLocation(current);
    listeners.add(update);
    update();
    return () => void listeners.delete(update);
  }, []);
  return location;
}

export type Params = Record<string, string>;

export function compilePattern(pattern: string): (pathname: string) => Params | undefined {
  const names: string[] = [];
  const source = normalize(pattern)
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':')) {
        names.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  const regex = new RegExp(`^${source}$`);
  return (pathname) => {
    const match = regex.exec(normalize(pathname));
    if (!match) return undefined;
    const params: Params = {};
    names.forEach((name, index) => {
      params[name] = decodeURIComponent(match[index + 1]!);
    });
    return params;
  };
}

/** Handles clicks on <a href="/console/..."> in the page; new tabs and downloads stay native. */
export function interceptLinks(root: HTMLElement | Document = document, prefix = '/console'): void {
  root.addEventListener('click', (event) => {
    const e = event as MouseEvent;
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const anchor = (e.target as Element | null)?.closest?.('a');
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    if (anchor.origin !== window.location.origin || !anchor.pathname.startsWith(prefix)) return;
    e.preventDefault();
    navigate(anchor.pathname + anchor.search + anchor.hash);
  });
  window.addEventListener('popstate', notify);
}
