import * as z from 'zod';
import { defaultUnion, type UnionSigner } from './email/mail-layout.js';

/**
 * The application's configuration, read once from the environment (at start-up locally, at cold
 * start in Lambda). A bad value stops the process with one readable line per problem.
 */
const positiveNumber = (fallback: number) => z.coerce.number().positive().default(fallback);

/**
 * Days a delegation's passport data is kept after the trip (Decree 13/2023): the consent text says
 * it and the purge applies it, so the API and the purge job read it with this one rule.
 */
export const passportRetentionDaysSetting = z.coerce.number().int().min(0).max(3650).default(30);

const configSchema = z.object({
  TABLE_NAME: z.string().min(1).default('huu-nghi-events'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, '')),
  AWS_REGION: z.string().min(1).default('ap-southeast-1'),
  DYNAMODB_ENDPOINT: z.url().optional(),
  SES_ENDPOINT: z.url().optional(),
  MAIL_FROM: z.string().min(3).default('Hữu Nghị Events <no-reply@example.org>'),
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
  MAIL_RATE_PER_SECOND: positiveNumber(14),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(10, 'ADMIN_PASSWORD needs at least 10 characters').optional(),
  SESSION_HOURS: positiveNumber(12),
  PASSPORT_RETENTION_DAYS: passportRetentionDaysSetting,
  UNION_NAME: z.string().min(3).max(200).default(defaultUnion.name.vi),
  UNION_NAME_EN: z.string().min(3).max(200).default(defaultUnion.name.en),
  UNION_ADDRESS: z.string().min(3).max(300).default(defaultUnion.address!),
  /** Test mode of the local client (shared/aws/contention-mode.ts): conflicts and throttling as the service makes them. */
  DYNAMODB_CONTENTION: z.enum(['0', '1', 'true', 'false']).optional(),
  DYNAMODB_THROTTLE_SHARE: z.coerce.number().min(0).max(0.5).default(0),
  LINK_SECRET: z.string({ error: 'LINK_SECRET is required: a random secret of at least 32 characters for personal links' }).min(32, 'LINK_SECRET needs at least 32 characters'),
});

export type AppConfig = {
  tableName: string;
  publicUrl: string;
  region: string;
  dynamodbEndpoint?: string;
  sesEndpoint?: string;
  mailFrom: string;
  sesConfigurationSet?: string;
  mailRatePerSecond: number;
  admin?: { email: string; password?: string };
  sessionHours: number;
  /** Derives the personal links' tokens (shared/invitations/link-tokens.ts); never stored in the table. */
  linkSecret: string;
  /** Passport data of a delegation is purged this many days after the trip ends (Decree 13/2023). */
  passportRetentionDays: number;
  /** Cookies get `Secure` when the product is served over HTTPS. */
  secureCookies: boolean;
  /** Signs the product's mail when an event names no contact (shared/email/mail-layout.ts). */
  union: UnionSigner;
  /** Only against a local engine: make it conflict and throttle like the service under a rush. */
  contention?: { throttleShare: number };
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`),
    );
  }
  const c = parsed.data;
  return {
    tableName: c.TABLE_NAME,
    publicUrl: c.PUBLIC_URL,
    region: c.AWS_REGION,
    dynamodbEndpoint: c.DYNAMODB_ENDPOINT,
    sesEndpoint: c.SES_ENDPOINT,
    mailFrom: c.MAIL_FROM,
    sesConfigurationSet: c.SES_CONFIGURATION_SET,
    mailRatePerSecond: c.MAIL_RATE_PER_SECOND,
    admin: c.ADMIN_EMAIL ? { email: c.ADMIN_EMAIL, password: c.ADMIN_PASSWORD } : undefined,
    sessionHours: c.SESSION_HOURS,
    linkSecret: c.LINK_SECRET,
    passportRetentionDays: c.PASSPORT_RETENTION_DAYS,
    secureCookies: c.PUBLIC_URL.startsWith('https://'),
    union: { name: { vi: c.UNION_NAME, en: c.UNION_NAME_EN }, address: c.UNION_ADDRESS },
    ...(c.DYNAMODB_CONTENTION === '1' || c.DYNAMODB_CONTENTION === 'true'
      ? { contention: { throttleShare: c.DYNAMODB_THROTTLE_SHARE } }
      : {}),
  };
}
