import { randomBytes } from 'node:crypto';
import { singleLine, type EmailAttachment } from './mailer.js';

/**
 * A whole mail as RFC 5322/2045 text, for the mails SES must carry files with (SendEmail's Raw
 * content). Everything it writes is 7-bit ASCII with CRLF line ends and lines of at most 78
 * characters: bodies in base64, non-ASCII header text as RFC 2047 encoded words. Every value that
 * comes from a person (a name, a subject) is put on one line first, so it can never add a header.
 */
export type MimeMessageInput = {
  /** `Name <address>` or a bare address. */
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  attachments?: EmailAttachment[];
  date?: Date;
  /** Tests fix the boundaries; by default they are random. */
  boundary?: () => string;
};

export class MimeHeaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MimeHeaderError';
  }
}

const CRLF = '\r\n';
const token = "[A-Za-z0-9!#$&^_.+-]+";
const contentTypePattern = new RegExp(`^${token}/${token}(?:\\s*;\\s*${token}=(?:${token}|"[^"\\\\\\r\\n]*"))*$`);
const contentIdPattern = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9.-]+$/;
const addressPattern = /^[^\s<>"(),;:\\[\]@]+@[^\s<>"(),;:\\[\]@]+$/;

export function buildMimeMessage(input: MimeMessageInput): string {
  // "=_" never occurs in base64, so no body line can be mistaken for a boundary.
  const boundary = input.boundary ?? (() => `=_hn_${randomBytes(12).toString('hex')}`);
  const attachments = input.attachments ?? [];
  const inline = attachments.filter((a) => a.inline);
  const regular = attachments.filter((a) => !a.inline);

  const text = leaf(header('Content-Type', 'text/plain; charset=UTF-8'), utf8(input.text));
  const html = leaf(header('Content-Type', 'text/html; charset=UTF-8'), utf8(input.html));
  let content = multipart('alternative', [text, html], boundary());
  if (inline.length > 0) content = multipart('related', [content, ...inline.map(attachmentPart)], boundary(), 'multipart/alternative');
  if (regular.length > 0) content = multipart('mixed', [content, ...regular.map(attachmentPart)], boundary());

  const headers: string[] = [
    header('From', address(input.from)),
    header('To', address(input.to)),
    ...(input.replyTo ? [header('Reply-To', address(input.replyTo))] : []),
    header('Subject', encodeHeaderText('Subject', singleLine(input.subject))),
    header('Date', rfc5322Date(input.date ?? new Date())),
    header('MIME-Version', '1.0'),
  ];
  return [...headers, ...content.headers].join(CRLF) + CRLF + CRLF + content.body;
}

type Entity = { headers: string[]; body: string };

function leaf(contentTypeHeader: string, content: Uint8Array, extra: string[] = []): Entity {
  return {
    headers: [contentTypeHeader, header('Content-Transfer-Encoding', 'base64'), ...extra],
    body: base64Lines(content),
  };
}

function multipart(subtype: string, parts: Entity[], boundary: string, relatedType?: string): Entity {
  const params = [`boundary="${boundary}"`, ...(relatedType ? [`type="${relatedType}"`] : [])];
  const body =
    `${parts.map((part) => `--${boundary}${CRLF}${part.headers.join(CRLF)}${CRLF}${CRLF}${part.body}`).join('')}--${boundary}--${CRLF}`;
  return { headers: [foldParams('Content-Type', `multipart/${subtype}`, params)], body };
}

function attachmentPart(attachment: EmailAttachment): Entity {
  const contentType = singleLine(attachment.contentType);
  if (!contentTypePattern.test(contentType)) throw new MimeHeaderError(`not a MIME type: ${JSON.stringify(contentType)}`);
  const name = filenameParam(attachment.filename);
  const [type, ...params] = contentType.split(/\s*;\s*/);
  const extra = [foldParams('Content-Disposition', attachment.inline ? 'inline' : 'attachment', [name.filename])];
  if (attachment.contentId !== undefined) {
    if (!contentIdPattern.test(attachment.contentId)) throw new MimeHeaderError(`not a Content-ID: ${JSON.stringify(attachment.contentId)}`);
    extra.push(header('Content-ID', `<${attachment.contentId}>`));
  }
  return leaf(foldParams('Content-Type', type!, [...params, name.name]), attachment.content, extra);
}

/** A file name as parameters: quoted when ASCII, RFC 2231 percent-encoded when not. */
function filenameParam(filename: string): { name: string; filename: string } {
  const clean = singleLine(filename.normalize('NFC')).replace(/[\x00-\x1f\x7f"\\/]/g, '_') || 'attachment';
  if (/^[\x20-\x7e]*$/.test(clean)) return { name: `name="${clean}"`, filename: `filename="${clean}"` };
  const encoded = encodeURIComponent(clean).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return { name: `name*=UTF-8''${encoded}`, filename: `filename*=UTF-8''${encoded}` };
}

/** `Name: value;` with each parameter on its own continuation line, so none runs past 78. */
function foldParams(name: string, value: string, params: string[]): string {
  return [`${name}: ${value}`, ...params].join(`;${CRLF} `);
}

function header(name: string, value: string): string {
  return `${name}: ${value}`;
}

/** `Name <address>` with the name quoted or encoded; an address that is not one is refused. */
function address(value: string): string {
  const line = singleLine(value);
  const match = line.match(/^\s*(?:"?((?:[^"\\<]|\\.)*?)"?\s*)?<([^<>]+)>\s*$/);
  const email = (match ? match[2]! : line).trim();
  if (!addressPattern.test(email)) throw new MimeHeaderError(`not an email address: ${JSON.stringify(email)}`);
  const name = match?.[1]?.replace(/\\(.)/g, '$1').trim();
  if (!name) return email;
  if (/^[\x20-\x7e]*$/.test(name) && !name.includes('=?')) return `"${name.replace(/(["\\])/g, '\\$1')}" <${email}>`;
  return `${encodeWords(name)} <${email}>`;
}

/** Plain when it is short ASCII; otherwise RFC 2047 encoded words, one per folded line. */
export function encodeHeaderText(name: string, value: string): string {
  if (/^[\x20-\x7e]*$/.test(value) && !value.includes('=?') && name.length + 2 + value.length <= 78) return value;
  return encodeWords(value);
}

/**
 * `=?UTF-8?B?…?=` words of at most 39 bytes of text each (64 characters), never splitting a
 * character, joined by folding white space, which a reader drops between encoded words.
 */
export function encodeWords(value: string): string {
  const words: string[] = [];
  let chunk = '';
  for (const char of value.normalize('NFC')) {
    if (Buffer.byteLength(chunk + char, 'utf8') > 39) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk || words.length === 0) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

function base64Lines(content: Uint8Array): string {
  const encoded = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('base64');
  let out = '';
  for (let i = 0; i < encoded.length; i += 76) out += encoded.slice(i, i + 76) + CRLF;
  return out;
}

const utf8 = (text: string) => Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8');

function rfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}
