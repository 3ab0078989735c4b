import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { redactSecrets } from '../../../shared/logging/redact.js';
import { createTestContext } from '../../support/test-context.js';

afterEach(() => vi.restoreAllMocks());

const capture = () => {
  const lines: string[] = [];
  for (const level of ['error', 'warn', 'log', 'info'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
  }
  return lines;
};

describe('personal links never reach a log line', () => {
  it.each([
    ['a link mailed before (the secret alone)', randomBytes(32).toString('base64url')],
    ['an addressed link (event id, invitation id, secret)', `${randomBytes(12).toString('base64url')}${randomBytes(12).toString('base64url')}${randomBytes(16).toString('base64url').slice(0, 22)}`],
  ])('logs the route pattern of a 500 on /api/r/<token>, not the path, and redacts the error: %s', async (_, token) => {
    const ctx = await createTestContext();
    // The database fails while reading the link, and its message even quotes the request.
    ctx.deps.invitations.invitations.findByLink = async () => {
      throw new Error(`connection reset while serving GET /api/r/${token}?x=1 (token ${token})`);
    };
    const lines = capture();
    const response = await ctx.request('GET', `/api/r/${token}`);
    expect(response.status).toBe(500);
    expect(lines.length).toBeGreaterThan(0);
    const logged = lines.join('\n');
    expect(logged).not.toContain(token);
    expect(logged).toContain('/api/r/:token');
    expect(logged).toContain('connection reset');
  });

  it('redacts link paths and bare tokens in any text, and leaves other text alone', () => {
    const token = randomBytes(32).toString('base64url');
    expect(redactSecrets(`GET https://events.example.org/r/${token} failed`)).toBe('GET https://events.example.org/r/[redacted] failed');
    expect(redactSecrets(`/api/r/${token}/delegation/members`)).toBe('/api/r/[redacted]/delegation/members');
    expect(redactSecrets(`session ${token}.`)).toBe('session [redacted].');
    const addressed = `${randomBytes(24).toString('base64url')}${token.slice(0, 22)}`;
    expect(addressed).toHaveLength(54);
    expect(redactSecrets(`link ${addressed} failed`)).toBe('link [redacted] failed');
    const eventId = 'a1b2c3d4-0000-4000-8000-123456789abc';
    expect(redactSecrets(`/api/events/${eventId}/attendees`)).toBe(`/api/events/${eventId}/attendees`);
  });
});
