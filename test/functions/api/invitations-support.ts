import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from '../../support/test-context.js';
import { heldOn } from '../../support/event-times.js';

/** Helpers for the invitation route tests: events to invite to, CSV uploads as raw bytes. */
export const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures', name));

export const conference = {
  type: 'ngo_conference',
  title: { vi: 'Hội nghị các tổ chức phi chính phủ nước ngoài', en: 'Conference of foreign NGOs' },
  description: { vi: 'Hội nghị thường niên', en: 'Annual conference' },
  venue: 'Khách sạn Sài Gòn – Ban Mê, Buôn Ma Thuột',
  ...heldOn('2026-11-20', '08:00', '17:00'),
};

export async function createEvent(caller: (m: string, p: string, i?: { body?: unknown }) => Promise<{ status: number; body: any }>, overrides: Record<string, unknown> = {}) {
  const response = await caller('POST', '/api/events', { body: { ...conference, ...overrides } });
  if (response.status !== 201) throw new Error(`event not created: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.event.eventId as string;
}

/** Posts bytes as they come from a file, with the caller's session cookie. */
export async function postCsv(
  ctx: TestContext,
  cookie: string,
  eventId: string,
  body: Uint8Array | string,
  options: { query?: string; contentType?: string; language?: string } = {},
) {
  const response = await ctx.app.request(`/api/events/${eventId}/invitations${options.query ?? ''}`, {
    method: 'POST',
    headers: {
      cookie,
      'content-type': options.contentType ?? 'text/csv; charset=utf-8',
      ...(options.language ? { 'accept-language': options.language } : {}),
    },
    body: typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const cp1258Byte = new Map<string, number>();
{
  const decoder = new TextDecoder('windows-1258');
  for (let b = 0; b < 256; b += 1) cp1258Byte.set(decoder.decode(Uint8Array.of(b)), b);
}
const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

/**
 * Text as an old Excel saves it in code page 1258: letters like ê and ơ precomposed, the tone as a
 * combining mark after them. For testing that such a file is refused (or read when declared).
 */
export function encodeWindows1258(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = cp1258Byte.get(ch);
    if (direct !== undefined) {
      bytes.push(direct);
      continue;
    }
    const parts = [...ch.normalize('NFD')];
    const tone = parts.find((p) => TONES.has(p));
    const letter = parts.filter((p) => !TONES.has(p)).join('').normalize('NFC');
    for (const piece of [letter, ...(tone ? [tone] : [])]) {
      const byte = cp1258Byte.get(piece);
      if (byte === undefined) throw new Error(`not in code page 1258: ${piece}`);
      bytes.push(byte);
    }
  }
  return Uint8Array.from(bytes);
}
