import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PRODUCT_START_MS, PRODUCT_TEST_MS, startLocalProduct, type LocalProduct } from '../../support/local-product.js';

/** Processes whose command line mentions `text` (the DynamoDB Local of one data folder). */
function processesMentioning(text: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function api(product: LocalProduct, method: string, path: string, body?: unknown, cookie?: string) {
  const response = await fetch(`${product.url}${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, cookie: response.headers.get('set-cookie')?.split(';')[0] };
}

const dataDir = mkdtempSync(join(tmpdir(), 'huu-nghi-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start', () => {
  let eventId = '';

  // Each start may take PRODUCT_START_MS on a busy machine; a timed-out test ends its product.
  it('starts the engines and the app; the API works end to end; SIGTERM leaves nothing behind', { timeout: PRODUCT_TEST_MS }, async ({ signal }) => {
    const product = await startLocalProduct({ dataDir, signal });
    try {
      expect(product.output()).toContain(product.url);
      expect(product.output()).toContain('/store');
      expect((await api(product, 'GET', '/api/health')).body).toMatchObject({ ok: true });
      expect((await fetch(`${product.sesUrl}/store`)).status).toBe(200);

      const login = await api(product, 'POST', '/api/auth/login', { email: product.admin.email, password: product.admin.password });
      expect(login.status).toBe(200);
      const cookie = login.cookie!;
      const created = await api(product, 'POST', '/api/events', {
        type: 'training',
        title: { vi: 'Công tác đối ngoại nhân dân trong tình hình mới' },
        venue: 'Buôn Ma Thuột',
        startsAt: '2026-06-16T07:30:00+07:00',
        endsAt: '2026-06-17T16:30:00+07:00',
        capacity: 120,
      }, cookie);
      expect(created.status).toBe(201);
      eventId = created.body.event.eventId;
      expect((await api(product, 'GET', '/api/events', undefined, cookie)).body.items.map((e: { eventId: string }) => e.eventId)).toContain(eventId);
      expect((await api(product, 'PATCH', `/api/events/${eventId}`, { capacity: 150 }, cookie)).body.event.capacity).toBe(150);
      expect((await api(product, 'POST', `/api/events/${eventId}/publish`, undefined, cookie)).body.event.status).toBe('published');
      expect((await api(product, 'POST', `/api/events/${eventId}/cancel`, undefined, cookie)).body.event.status).toBe('cancelled');
      expect(processesMentioning(dataDir).length).toBeGreaterThan(0);
    } finally {
      expect(await product.stop('SIGTERM')).toBe(0);
    }
    expect(processesMentioning(dataDir)).toEqual([]);
  });

  // Two starts, and the first loads the sample events through the API.
  it('finds the data of the first start on the second, and loads the demo programme once', { timeout: 2 * PRODUCT_START_MS + 60_000 }, async ({ signal }) => {
    const product = await startLocalProduct({ dataDir, args: ['--demo'], signal });
    try {
      expect(product.output()).toMatch(/Loaded the 2015 programme: 4 events/);
      const { cookie } = await api(product, 'POST', '/api/auth/login', { email: product.admin.email, password: product.admin.password });
      const event = await api(product, 'GET', `/api/events/${eventId}`, undefined, cookie);
      expect(event.body.event.status).toBe('cancelled');
      const all = await api(product, 'GET', '/api/events?limit=100', undefined, cookie);
      const titles = all.body.items.map((e: { title: { vi: string } }) => e.title.vi).join('\n');
      expect(titles).toContain('Tây Nguyên');
      expect(titles).toContain('Công tác đối ngoại nhân dân trong tình hình mới');
      expect(titles).toContain('PACCOM');
      expect(titles).toContain('Mondulkiri');
    } finally {
      expect(await product.stop('SIGINT')).toBe(0);
    }
    const again = await startLocalProduct({ dataDir, args: ['--demo'], signal });
    try {
      expect(again.output()).toContain('already loaded');
    } finally {
      await again.stop();
    }
    expect(processesMentioning(dataDir)).toEqual([]);
  });

  it('prints a generated admin password once when none is given', { timeout: PRODUCT_TEST_MS }, async ({ signal }) => {
    const fresh = mkdtempSync(join(tmpdir(), 'huu-nghi-admin-'));
    try {
      const product = await startLocalProduct({ dataDir: fresh, env: { ADMIN_PASSWORD: '' }, signal });
      try {
        const password = product.output().match(/with this password[^\n]*\n\s+(\S+)/)?.[1];
        expect(password).toBeTruthy();
        expect((await api(product, 'POST', '/api/auth/login', { email: product.admin.email, password })).status).toBe(200);
      } finally {
        await product.stop();
      }
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  // tsx compiles the launcher before it looks for Java: seconds on a busy machine.
  it('says which package to install when Java is missing, without a stack trace', { timeout: 90_000 }, () => {
    const emptyBin = mkdtempSync(join(tmpdir(), 'no-java-'));
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'functions/local/start.ts'], {
      cwd: resolve(import.meta.dirname, '../../..'),
      env: { ...process.env, PATH: emptyBin, DATA_DIR: join(emptyBin, 'data'), PORT: '3999' },
      encoding: 'utf8',
      timeout: 80_000,
    });
    rmSync(emptyBin, { recursive: true, force: true });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('openjdk-17-jre-headless');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
