import type { Context } from 'hono';
import type { Language } from '../../shared/errors.js';

/**
 * The language of a response's human text: the first of vi or en the client prefers in
 * Accept-Language (the console sends the language the user chose), Vietnamese otherwise.
 */
export function requestLanguage(c: Context): Language {
  const header = c.req.header('accept-language') ?? '';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag, q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('vi')) return 'vi';
    if (tag.startsWith('en')) return 'en';
  }
  return 'vi';
}
