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
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
};

const root = resolve(import.meta.dirname, '../..');

/**
 * Starts the product as `npm start` does (engines and app), on free ports and a temporary data
 * folder, and waits until /api/health answers 200. For end-to-end and start-up tests.
 */
export async function startLocalProduct(
  options: { dataDir?: string; env?: Record<string, string>; args?: string[]; timeoutMs?: number } = {},
): Promise<LocalProduct> {
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
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));

  const url = `http://localhost:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the product exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the product did not answer /api/health in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    url,
    sesUrl: `http://127.0.0.1:${sesPort}`,
    dataDir,
    admin,
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
