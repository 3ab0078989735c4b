import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, withRequestId } from '../../../shared/logging/logger.js';

/** The one logger: structured lines an operator can search, with nothing personal in them. */
const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE';

function capture() {
  const lines: { stream: string; entry: Record<string, unknown> }[] = [];
  for (const stream of ['log', 'warn', 'error'] as const) {
    vi.spyOn(console, stream).mockImplementation((line: unknown) => void lines.push({ stream, entry: JSON.parse(String(line)) }));
  }
  return lines;
}

afterEach(() => vi.restoreAllMocks());

describe('the logger', () => {
  it('writes one JSON line with level, message, function and the request it served', async () => {
    const lines = capture();
    const log = createLogger();
    await withRequestId('req-42', async () => {
      await Promise.resolve();
      log.warn('outbox swept', { due: 3 });
    });
    log.error('no request');
    expect(lines).toEqual([
      { stream: 'warn', entry: { level: 'warn', message: 'outbox swept', function: 'local', requestId: 'req-42', due: 3 } },
      { stream: 'error', entry: { level: 'error', message: 'no request', function: 'local' } },
    ]);
  });

  it('never writes a personal link, a token or passport data, in the message or any field', () => {
    const lines = capture();
    createLogger({ route: '/api/r/:token' }).info(`GET /r/${token} failed`, {
      path: `/api/r/${token}/accept`,
      member: { name: 'H’Linh Niê', details: { passportNumber: 'B1234567' }, passportNumber: 'B1234567', dateOfBirth: '1990-01-01' },
      error: new Error(`link ${token} expired`),
    });
    const written = JSON.stringify(lines);
    expect(written).not.toContain(token);
    expect(written).not.toContain('B1234567');
    expect(written).not.toContain('1990-01-01');
    const entry = lines[0]!.entry as { path: string; member: Record<string, unknown>; error: { name: string; message: string }; route: string };
    expect(entry.path).toBe('/api/r/[redacted]/accept');
    expect(entry.member).toEqual({ name: 'H’Linh Niê', details: '[redacted]', passportNumber: '[redacted]', dateOfBirth: '[redacted]' });
    expect(entry.error).toMatchObject({ name: 'Error', message: 'link [redacted] expired' });
    expect(entry.route).toBe('/api/r/:token');
  });
});
