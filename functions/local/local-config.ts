import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod';
import { ConfigError } from '../../shared/config.js';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

/** Where the local copy listens and keeps its data; every value moves with the environment. */
const localSchema = z.object({
  PORT: port(3000),
  DYNAMODB_LOCAL_PORT: port(8000),
  SES_LOCAL_PORT: port(8005),
  DATA_DIR: z.string().min(1).default('.data'),
  HOST: z.string().min(1).default('127.0.0.1'),
});

export type LocalConfig = {
  port: number;
  dynamodbPort: number;
  sesPort: number;
  dataDir: string;
  host: string;
};

export function parseLocalConfig(env: Record<string, string | undefined>): LocalConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = localSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const c = parsed.data;
  return { port: c.PORT, dynamodbPort: c.DYNAMODB_LOCAL_PORT, sesPort: c.SES_LOCAL_PORT, dataDir: resolve(c.DATA_DIR), host: c.HOST };
}

/**
 * The secret behind personal links, made once per data folder and kept beside the data (like the
 * data, it stays on this machine): links mailed before a restart keep working after it.
 */
export function localLinkSecret(dataDir: string): string {
  const file = join(dataDir, 'link-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/** The application's environment for a local run: engines on localhost, links to this port. */
export function localAppEnv(local: LocalConfig, env: Record<string, string | undefined>) {
  return {
    ...env,
    LINK_SECRET: env.LINK_SECRET || localLinkSecret(local.dataDir),
    PUBLIC_URL: env.PUBLIC_URL || `http://localhost:${local.port}`,
    // Given: an engine already running (another copy's, or any DynamoDB-compatible endpoint).
    DYNAMODB_ENDPOINT: env.DYNAMODB_ENDPOINT || `http://127.0.0.1:${local.dynamodbPort}`,
    SES_ENDPOINT: `http://127.0.0.1:${local.sesPort}`,
    ADMIN_EMAIL: env.ADMIN_EMAIL || 'admin@example.org',
  };
}
