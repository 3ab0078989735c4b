import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port.js';

export type LocalProduct = {
  url: string;
  sesUrl: string;
  dataDir: string;
  admin: { email: string; password: string };
  child: ChildProcess;
  output: () => string;
  /** Asks the product to stop (it stops its engines itself); after `graceMs`, ends its whole process group. */
  stop: (signal?: NodeJS.Signals, graceMs?: number) => Promise<number | null>;
};

/**
 * How long a start may take: the JVM of DynamoDB Local, tsx compiling the app and the first admin,
 * on two cores that six test runs share (three starts took over 30 s at a load of 10).
 */
export const PRODUCT_START_MS = 150_000;
/** A test that starts the product: the start's budget and a minute for what it does after. */
export const PRODUCT_TEST_MS = PRODUCT_START_MS + 60_000;

const root = resolve(import.meta.dirname, '../..');

/**
 * Products started by this process and not yet stopped, ended with the process. One set and one
 * exit hook per process, though a test worker evaluates this module again for each file.
 */
const shared = globalThis as typeof globalThis & { __huuNghiProducts?: Set<ChildProcess> };
const running = (shared.__huuNghiProducts ??= new Set<ChildProcess>());

/** Ends the product and everything it started (its engines are in its process group). */
function killGroup(child: ChildProcess) {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Gone already.
  }
}
if (!process.listeners('exit').some((listener) => listener.name === 'endHuuNghiProducts')) {
  process.once('exit', function endHuuNghiProducts() {
    for (const child of running) killGroup(child);
  });
}

/** Ends every product this process started and did not stop (a test that timed out, a failed start). */
export async function stopEveryLocalProduct() {
  const left = [...running];
  running.clear();
  for (const child of left) killGroup(child);
}

/**
 * Waits for /api/health to answer 200; fails at once when the product exits or the test ends
 * (a plain loop: the benches use this file outside vitest, so vi.waitFor is not at hand).
 */
async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, signal?: AbortSignal) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    signal?.throwIfAborted();
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`it exited with ${child.exitCode ?? child.signalCode}`);
    try {
      if ((await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) })).status === 200) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`/api/health did not answer 200 within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Starts the product as `npm start` does (engines and app), on free ports and a temporary data
 * folder, and waits until /api/health answers 200. For end-to-end and start-up tests.
 *
 * Pass the test's `signal` (`it('…', async ({ signal }) => …)`): when the test times out, a start
 * still under way is ended with its engines instead of living on. A start that fails or runs out
 * of time ends them too; stop a started product in `finally` or `afterAll`.
 */
export async function startLocalProduct(
  options: { dataDir?: string; env?: Record<string, string>; args?: string[]; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<LocalProduct> {
  options.signal?.throwIfAborted();
  const [port, dynamodbPort, sesPort] = [await freePort(), await freePort(), await freePort()];
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'huu-nghi-'));
  const admin = { email: 'admin@example.org', password: 'admin-password-for-tests' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local/start.ts', ...(options.args ?? [])], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DYNAMODB_LOCAL_PORT: String(dynamodbPort),
      SES_LOCAL_PORT: String(sesPort),
      DATA_DIR: dataDir,
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that a product that cannot stop itself is ended with its engines.
    detached: true,
  });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));

  const url = `http://localhost:${port}`;
  try {
    await waitForHealth(url, child, options.timeoutMs ?? PRODUCT_START_MS, options.signal);
  } catch (error) {
    killGroup(child);
    running.delete(child);
    throw new Error(`the product did not start: ${(error as Error).message}\n${output}`);
  }

  return {
    url,
    sesUrl: `http://127.0.0.1:${sesPort}`,
    dataDir,
    admin,
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM', graceMs = 30_000) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => killGroup(child), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
        running.delete(child);
      }
    },
  };
}
