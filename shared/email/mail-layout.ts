import { escapeHtml, singleLine } from './mailer.js';

/**
 * Who signs the product's mail when an event names no contact: the union, its name in both
 * languages and its address, set once in configuration (shared/config.ts: UNION_NAME,
 * UNION_NAME_EN, UNION_ADDRESS).
 */
export type UnionSigner = { name: { vi: string; en: string }; address?: string };

export const defaultUnion: UnionSigner = {
  name: { vi: 'Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk', en: 'Đắk Lắk Union of Friendship Organisations' },
  address: 'Buôn Ma Thuột, Đắk Lắk',
};

/**
 * The lines under "Trân trọng." / "Yours sincerely,": the event's contact (name, then phone and
 * email) on behalf of the union, or the union with its address when the event names nobody.
 */
export function signerLines(language: 'vi' | 'en', union: UnionSigner = defaultUnion, contact?: { name: string; email?: string; phone?: string }): string[] {
  const unionName = singleLine(union.name[language] || union.name.vi);
  if (contact?.name) {
    const reach = [contact.phone, contact.email].filter(Boolean).map((v) => singleLine(v!));
    return [singleLine(contact.name), ...(reach.length ? [reach.join(' · ')] : []), unionName];
  }
  return [unionName, ...(union.address ? [singleLine(union.address)] : [])];
}

/**
 * A link as a button a thumb can hit, labelled with what it does. The address itself stays out of
 * the HTML, where a long token would run off a phone's screen; the plain-text part keeps it whole.
 */
export function linkButton(href: string, label: string): string {
  return (
    `<a href="${escapeHtml(href)}" style="display:inline-block;padding:12px 20px;margin:4px 0;background:#17467e;color:#ffffff;` +
    `text-decoration:none;border-radius:6px;font-weight:bold;max-width:100%;box-sizing:border-box">${escapeHtml(label)}</a>`
  );
}

/**
 * A whole HTML document for a mail: doctype, language, a title (the subject), a viewport for
 * phones. Long words (an address, a code) wrap instead of widening the mail past a 375 px screen.
 */
export function mailDocument(input: { language: 'vi' | 'en'; title: string; bodyHtml: string }): string {
  return (
    `<!doctype html><html lang="${input.language}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(singleLine(input.title))}</title></head>` +
    `<body style="margin:0;padding:16px;font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a;overflow-wrap:anywhere;word-wrap:break-word">` +
    `<div style="max-width:600px">${input.bodyHtml}</div></body></html>`
  );
}
