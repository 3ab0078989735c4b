import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json',
};

/**
 * The built web frontend, served by the app when it runs locally (in the cloud CloudFront serves
 * the same files from S3). Client-side routes answer with their page, as CloudFront does.
 */
export function webPageRoutes(webRoot: string) {
  const serve = async (c: Context, relative: string, cache: string) => {
    const path = normalize(join(webRoot, relative));
    if (!path.startsWith(webRoot + sep)) return c.notFound();
    try {
      const body = await readFile(path);
      c.header('Content-Type', contentTypes[extname(path)] ?? 'application/octet-stream');
      c.header('Cache-Control', cache);
      return c.body(body);
    } catch {
      return c.notFound();
    }
  };
  const page = (file: string) => (c: Context) => serve(c, file, 'no-cache');
  // Gzipped as CloudFront does in the cloud, so a slow phone gets the same bytes locally. Only on
  // these routes: the API's answers are left as they are.
  const gzip = compress({ encoding: 'gzip' });

  return new Hono()
    .get('/', (c) => c.redirect('/console/'))
    .get('/console', (c) => c.redirect('/console/'))
    .get('/console/*', gzip, page('console.html'))
    .get('/r/*', gzip, page('answer.html'))
    // An event's open registration page; the page asks the API whether the event has one.
    .get('/dang-ky/*', gzip, page('register.html'))
    .get('/assets/*', gzip, (c) => serve(c, c.req.path.slice(1), 'public, max-age=31536000, immutable'))
    // The API reference's viewer (/api/docs), never part of the console's load.
    .get('/api-docs/*', gzip, (c) => serve(c, c.req.path.slice(1), 'no-cache'))
    .get('/favicon.svg', (c) => serve(c, 'favicon.svg', 'public, max-age=86400'));
}
