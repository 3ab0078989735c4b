import { describe, expect, it } from 'vitest';
import { buildMimeMessage, encodeWords, MimeHeaderError, type MimeMessageInput } from '../../../shared/email/mime-message.js';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 300 }, (_, i) => i % 256)]);
const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';

const input: MimeMessageInput = {
  from: 'Hữu Nghị Events <no-reply@huu-nghi.example.org>',
  to: 'an.nv@example.org',
  replyTo: 'ha.ltt@example.org',
  subject: 'Xác nhận tham dự: Hội nghị tổng kết công tác đối ngoại nhân dân năm 2026 tỉnh Đắk Lắk',
  text: 'Kính gửi Ông Nguyễn Văn An,\n\nMã vào cửa: ABCDE-FGHJK',
  html: '<p>Kính gửi Ông Nguyễn Văn An,</p><img src="cid:qr@huu-nghi.events">',
  attachments: [
    { filename: 'su-kien.ics', contentType: 'text/calendar; charset=UTF-8; method=PUBLISH', content: Buffer.from(ics) },
    { filename: 'ma-vao-cua.png', contentType: 'image/png', content: png, inline: true, contentId: 'qr@huu-nghi.events' },
  ],
  date: new Date('2027-01-10T03:00:00Z'),
};

type Entity = { headers: Map<string, string>; body: string };

/** A deliberately small reader: unfolds headers, splits on the declared boundary. */
function readEntity(text: string): Entity {
  const split = text.indexOf('\r\n\r\n');
  const head = text.slice(0, split).replace(/\r\n[ \t]/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: text.slice(split + 4) };
}

function partsOf(entity: Entity): Entity[] {
  const boundary = entity.headers.get('content-type')!.match(/boundary="([^"]+)"/)![1]!;
  const sections = entity.body.split(`--${boundary}`);
  expect(sections.at(-1)).toBe('--\r\n');
  return sections.slice(1, -1).map((s) => readEntity(s.replace(/^\r\n/, '')));
}

const decodeWords = (value: string) =>
  value.replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/g, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8')).trim();

describe('MIME message', () => {
  const raw = buildMimeMessage(input);
  const message = readEntity(raw);

  it('is 7-bit text with CRLF line ends and no line over 78 characters', () => {
    expect(raw).toMatch(/^[\x20-\x7e\r\n]*$/);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('encodes non-ASCII names and subjects as RFC 2047 words that decode back', () => {
    expect(message.headers.get('from')).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= <no-reply@huu-nghi\.example\.org>$/);
    expect(decodeWords(message.headers.get('from')!.replace(/<.*>/, ''))).toBe('Hữu Nghị Events');
    expect(decodeWords(message.headers.get('subject')!)).toBe(input.subject);
    expect(message.headers.get('to')).toBe('an.nv@example.org');
    expect(message.headers.get('reply-to')).toBe('ha.ltt@example.org');
    expect(message.headers.get('date')).toBe('Sun, 10 Jan 2027 03:00:00 +0000');
    expect(message.headers.get('mime-version')).toBe('1.0');
    // Splitting into words never cuts a character in two.
    const long = 'Đường Hùng Vương'.repeat(12);
    for (const word of encodeWords(long).split('\r\n ')) {
      const bytes = Buffer.from(word.slice(10, -2), 'base64');
      expect(Buffer.from(bytes.toString('utf8'), 'utf8')).toEqual(bytes);
      expect(word.length).toBeLessThanOrEqual(75);
    }
  });

  it('nests text and HTML, the inline QR and the calendar file as mail readers expect', () => {
    expect(message.headers.get('content-type')).toMatch(/^multipart\/mixed; boundary="=_hn_[0-9a-f]{24}"$/);
    const [related, calendar, ...rest] = partsOf(message);
    expect(rest).toEqual([]);
    expect(related!.headers.get('content-type')).toMatch(/^multipart\/related; boundary="[^"]+"; type="multipart\/alternative"$/);
    expect(calendar!.headers.get('content-type')).toBe('text/calendar; charset=UTF-8; method=PUBLISH; name="su-kien.ics"');
    expect(calendar!.headers.get('content-disposition')).toBe('attachment; filename="su-kien.ics"');
    expect(calendar!.headers.get('content-transfer-encoding')).toBe('base64');
    expect(Buffer.from(calendar!.body, 'base64').toString('utf8')).toBe(ics);

    const [alternative, image] = partsOf(related!);
    expect(image!.headers.get('content-type')).toBe('image/png; name="ma-vao-cua.png"');
    expect(image!.headers.get('content-disposition')).toBe('inline; filename="ma-vao-cua.png"');
    expect(image!.headers.get('content-id')).toBe('<qr@huu-nghi.events>');
    expect(new Uint8Array(Buffer.from(image!.body, 'base64'))).toEqual(png);
    for (const line of image!.body.trimEnd().split('\r\n').slice(0, -1)) expect(line).toHaveLength(76);

    const [text, html] = partsOf(alternative!);
    expect(text!.headers.get('content-type')).toBe('text/plain; charset=UTF-8');
    expect(Buffer.from(text!.body, 'base64').toString('utf8')).toBe('Kính gửi Ông Nguyễn Văn An,\r\n\r\nMã vào cửa: ABCDE-FGHJK');
    expect(html!.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(Buffer.from(html!.body, 'base64').toString('utf8')).toBe(input.html);

    const boundaries = [message, related!, alternative!].map((e) => e.headers.get('content-type')!.match(/boundary="([^"]+)"/)![1]);
    expect(new Set(boundaries).size).toBe(3);
  });

  it('leaves out the layers it does not need', () => {
    const plain = readEntity(buildMimeMessage({ ...input, attachments: [input.attachments![0]!] }));
    expect(plain.headers.get('content-type')).toMatch(/^multipart\/mixed;/);
    expect(partsOf(plain)[0]!.headers.get('content-type')).toMatch(/^multipart\/alternative;/);
    const inlineOnly = readEntity(buildMimeMessage({ ...input, attachments: [input.attachments![1]!] }));
    expect(inlineOnly.headers.get('content-type')).toMatch(/^multipart\/related;/);
  });

  it('keeps an injected name, subject or file name on its own header line', () => {
    const hostile = buildMimeMessage({
      ...input,
      from: 'Ban tổ chức\r\nBcc: victim@example.org <no-reply@huu-nghi.example.org>',
      subject: 'Hello\r\nBcc: victim@example.org',
      attachments: [{ filename: 'a"\r\nBcc: victim@example.org.ics', contentType: 'text/calendar', content: Buffer.from(ics) }],
    });
    expect(hostile).not.toMatch(/^Bcc:/im);
    expect(hostile).not.toMatch(/\r\n[ \t]*Bcc:/i);
    const headers = readEntity(hostile).headers;
    expect(headers.has('bcc')).toBe(false);
    expect(decodeWords(headers.get('from')!.replace(/<.*>/, ''))).toBe('Ban tổ chức Bcc: victim@example.org');
    expect(headers.get('subject')).toBe('Hello Bcc: victim@example.org');
    const attachment = partsOf(readEntity(hostile))[1]!;
    expect(attachment.headers.get('content-disposition')).toBe('attachment; filename="a_ Bcc: victim@example.org.ics"');

    // An ASCII display name with quotes is quoted, not trusted.
    expect(readEntity(buildMimeMessage({ ...input, from: '"Events \\"HN\\"" <no-reply@huu-nghi.example.org>' })).headers.get('from')).toBe(
      '"Events \\"HN\\"" <no-reply@huu-nghi.example.org>',
    );
  });

  it('refuses an address, a type or a Content-ID that is not one', () => {
    expect(() => buildMimeMessage({ ...input, to: 'an@example.org\r\nBcc: victim@example.org' })).toThrow(MimeHeaderError);
    expect(() => buildMimeMessage({ ...input, replyTo: 'not an address' })).toThrow(MimeHeaderError);
    expect(() =>
      buildMimeMessage({ ...input, attachments: [{ filename: 'x.png', contentType: 'image/png\r\nBcc: v@example.org', content: png }] }),
    ).toThrow(MimeHeaderError);
    expect(() =>
      buildMimeMessage({ ...input, attachments: [{ filename: 'x.png', contentType: 'image/png', content: png, contentId: 'qr>\r\nBcc: v@x' }] }),
    ).toThrow(MimeHeaderError);
  });

  it('names a non-ASCII file the RFC 2231 way', () => {
    const message = readEntity(buildMimeMessage({ ...input, attachments: [{ filename: 'sự kiện.ics', contentType: 'text/calendar', content: Buffer.from(ics) }] }));
    expect(partsOf(message)[1]!.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''s%E1%BB%B1%20ki%E1%BB%87n.ics`);
  });
});
