import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The deployment's settings: each stage's file in the repository (infra/stages/<stage>.json, the
 * stage chosen by `-c stage=…`, HUU_NGHI_STAGE or cdk.json's "prod"), over which CDK context
 * (`-c key=value`) and the environment (`HUU_NGHI_<KEY>`, e.g. HUU_NGHI_SENDER) may set single
 * keys. Checked before any stack is built: a bad value stops synth with one readable line per
 * problem instead of a half-built template.
 */

/** The sender in the committed stage files, so that a fresh clone synthesizes. It can never be deployed. */
export const PLACEHOLDER_SENDER = 'no-reply@example.org';

/** Addresses at these domains are examples in the committed stage files: never deployed. */
const PLACEHOLDER_DOMAINS = ['example.org', 'example.com', 'example.net'];

/** Where each stage's settings live: infra/stages/<stage>.json. */
export const STAGES_DIR = fileURLToPath(new URL('./stages/', import.meta.url));

/** CloudWatch Logs accepts only these retention periods (days). */
const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

const hostname = z
  .string()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a host name such as events.example.org');

const stageName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,15}$/, 'must be 1-16 lower-case letters, digits or dashes, starting with a letter (e.g. prod)');

const schema = z
  .object({
    stage: stageName.default('prod'),
    /** Where everything runs. AWS has no region in Vietnam: see infra/README.md (Decree 13/2023). */
    region: z
      .string()
      .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'must be an AWS region such as ap-southeast-1')
      .default('ap-southeast-1'),
    /** A production stage must have someone to alarm and a budget. */
    production: z
      .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')], { error: 'must be true or false' })
      .default(false),
    sender: z.email('must be an email address such as no-reply@your-domain.org'),
    senderName: z.string().trim().min(1).max(64).default('Hữu Nghị Events'),
    /** `address`: SES verifies the sender address by a link; `domain`: DKIM records for its domain. */
    sesIdentity: z.enum(['address', 'domain']).default('address'),
    domain: hostname.optional(),
    certificateArn: z
      .string()
      .regex(
        /^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/,
        'must be an ACM certificate ARN in us-east-1 (CloudFront only uses certificates from there)',
      )
      .optional(),
    hostedZoneId: z.string().regex(/^Z[0-9A-Z]{1,32}$/, 'must be a Route 53 hosted zone id such as Z0123456789ABC').optional(),
    hostedZoneName: hostname.optional(),
    allowedOrigin: z
      .url({ protocol: /^https?$/ })
      .refine((value) => new URL(value).origin === value.replace(/\/$/, ''), 'must be an origin only, e.g. https://events.example.org (no path)')
      .transform((value) => new URL(value).origin)
      .optional(),
    adminEmail: z.email('must be an email address').optional(),
    alarmEmail: z.email('must be an email address').optional(),
    /**
     * Custom MAIL FROM domain (a subdomain of the sender's, e.g. mail.your-domain.org): bounces go
     * there, and SPF then aligns with the From domain for DMARC.
     */
    mailFromDomain: hostname.optional(),
    /** US$ a month; the budget mails alarmEmail at 80 % and 100 % of it (actual and forecast). */
    monthlyBudgetUsd: z.coerce
      .number({ error: 'must be a number of US dollars a month, e.g. 5' })
      .positive('must be above 0')
      .max(10_000)
      .optional(),
    /** Days every log group keeps its events (the API's access log included). */
    logRetentionDays: z.coerce
      .number()
      .refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), `must be one of CloudWatch's periods: ${LOG_RETENTION_DAYS.join(', ')}`)
      .default(90),
    /** Days a delegation's passport data is kept after the trip (Decree 13/2023): PASSPORT_RETENTION_DAYS. */
    passportRetentionDays: z.coerce.number().int().min(0).max(3650).default(30),
    /** SES's per-second sending quota (14 for a new production account, 1 in the sandbox). */
    mailRatePerSecond: z.coerce
      .number({ error: 'must be a number of mails per second, e.g. 14 (your SES sending quota)' })
      .positive('must be above 0')
      .max(500, 'must be at most 500 (one sender sends at most that many a second)')
      .default(14),
  })
  .superRefine((c, ctx) => {
    if (c.production && !c.alarmEmail) {
      ctx.addIssue({ code: 'custom', path: ['alarmEmail'], message: 'is required for a production stage: alarms must reach someone' });
    }
    if (c.production && c.monthlyBudgetUsd === undefined) {
      ctx.addIssue({ code: 'custom', path: ['monthlyBudgetUsd'], message: 'is required for a production stage: the budget mails at 80 % and 100 % of it' });
    }
    if (c.mailFromDomain && !isWithin(c.mailFromDomain, senderDomain(c.sender))) {
      ctx.addIssue({ code: 'custom', path: ['mailFromDomain'], message: `must be a subdomain of the sender's domain ${senderDomain(c.sender)}` });
    }
    if (c.mailFromDomain && c.sesIdentity !== 'domain') {
      ctx.addIssue({ code: 'custom', path: ['mailFromDomain'], message: 'needs sesIdentity=domain' });
    }
    if (c.domain && !c.certificateArn) {
      ctx.addIssue({ code: 'custom', path: ['certificateArn'], message: `is needed with domain=${c.domain}: a us-east-1 ACM certificate for it` });
    }
    if (!c.domain && c.certificateArn) {
      ctx.addIssue({ code: 'custom', path: ['domain'], message: 'is needed when certificateArn is set' });
    }
    if (c.hostedZoneId && !c.domain && c.sesIdentity !== 'domain') {
      ctx.addIssue({ code: 'custom', path: ['hostedZoneId'], message: 'is only used with domain or sesIdentity=domain' });
    }
    const zoneName = zoneNameOf(c);
    if (c.hostedZoneId && !zoneName) {
      ctx.addIssue({ code: 'custom', path: ['hostedZoneName'], message: 'is needed with hostedZoneId' });
    }
    if (c.domain && zoneName && c.hostedZoneId && !isWithin(c.domain, zoneName)) {
      ctx.addIssue({ code: 'custom', path: ['hostedZoneName'], message: `${zoneName} does not contain domain ${c.domain}` });
    }
    if (c.sesIdentity === 'domain' && c.hostedZoneId && zoneName && !isWithin(senderDomain(c.sender), zoneName)) {
      ctx.addIssue({ code: 'custom', path: ['sender'], message: `its domain is not in hosted zone ${zoneName}` });
    }
  });

export type InfraConfig = z.output<typeof schema> & {
  /** The zone the DNS records go into, when Route 53 manages the names. */
  hostedZone?: { id: string; name: string };
};

export const CONFIG_KEYS = Object.keys(schema.shape) as (keyof z.input<typeof schema>)[];

export class InfraConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The deployment configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        'Set a value in infra/stages/<stage>.json, with `-c key=value`, or with the environment variable HUU_NGHI_<KEY>.',
    );
    this.name = 'InfraConfigError';
  }
}

export class PlaceholderSenderError extends Error {
  constructor(readonly keys: string[] = ['sender'], stage = 'prod') {
    super(
      `Refusing to deploy with example values (${keys.join(', ')}) from infra/stages/${stage}.json.\n` +
        `Put your own addresses in infra/stages/${stage}.json (sender, adminEmail, alarmEmail), then\n` +
        `  npm run deploy -- --stage ${stage}\n` +
        '(see infra/README.md).',
    );
    this.name = 'PlaceholderSenderError';
  }
}

/** The keys whose value is an example address or domain (example.org …): a deploy refuses them. */
export function placeholderKeys(config: Pick<InfraConfig, 'sender' | 'adminEmail' | 'alarmEmail' | 'domain' | 'mailFromDomain'>): string[] {
  const isExample = (value: string | undefined) => {
    if (!value) return false;
    const host = value.includes('@') ? senderDomain(value) : value.toLowerCase();
    return PLACEHOLDER_DOMAINS.some((d) => isWithin(host, d));
  };
  return (['sender', 'adminEmail', 'alarmEmail', 'domain', 'mailFromDomain'] as const).filter((key) => isExample(config[key]));
}

/** A stage's file, or undefined when there is none. Throws InfraConfigError on a file that is not JSON. */
export function readStageFile(stage: string): Record<string, unknown> | undefined {
  const path = `${STAGES_DIR}${stage}.json`;
  if (!existsSync(path)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new InfraConfigError([`infra/stages/${stage}.json: is not a JSON object (${(error as Error).message})`]);
  }
}

/** `-c sesIdentity` → HUU_NGHI_SES_IDENTITY */
export function envName(key: string): string {
  return `HUU_NGHI_${key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

/**
 * Reads every key from the environment first (so CI can set values without editing files), then
 * from context, then from the stage's file (infra/stages/<stage>.json). Empty strings count as
 * unset. A stage without a file, or a file with a key this app does not know, is an error: a
 * misspelt key would otherwise drop a setting silently.
 */
export function readInfraConfig(
  context: (key: string) => unknown,
  env: Record<string, string | undefined> = process.env,
  stageFile: (stage: string) => Record<string, unknown> | undefined = readStageFile,
): InfraConfig {
  const given = (key: string) => {
    const value = env[envName(key)] ?? context(key);
    return value === undefined || value === null || value === '' ? undefined : value;
  };
  const stage = stageName.safeParse(given('stage') ?? 'prod');
  const file = stage.success ? stageFile(stage.data) : {};
  if (stage.success && !file) {
    throw new InfraConfigError([
      `stage: infra/stages/${stage.data}.json does not exist (stages: ${knownStages().join(', ') || 'none'}); copy prod.json to make one`,
    ]);
  }
  const unknownKeys = Object.keys(file ?? {}).filter((key) => !key.startsWith('$') && !(CONFIG_KEYS as string[]).includes(key));
  if (unknownKeys.length > 0) {
    throw new InfraConfigError(unknownKeys.map((key) => `${key}: is not a setting (infra/stages/${stage.data}.json); known: ${CONFIG_KEYS.join(', ')}`));
  }
  const raw: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) {
    const value = given(key) ?? (key === 'stage' ? undefined : file?.[key]);
    if (value !== undefined && value !== null && value !== '') raw[key] = typeof value === 'string' ? value.trim() : value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new InfraConfigError(
      parsed.error.issues.map((issue) => {
        const key = issue.path.join('.') || '(config)';
        const given = typeof raw[key] === 'string' ? ` (got "${String(raw[key])}")` : '';
        return `${key}: ${issue.message}${given}`;
      }),
    );
  }
  const c = parsed.data;
  const zoneName = zoneNameOf(c);
  return { ...c, hostedZone: c.hostedZoneId && zoneName ? { id: c.hostedZoneId, name: zoneName } : undefined };
}

/** The table (and configuration set) of a stage: the stateful stack names it, the admin command finds it. */
export function tableNameOf(stage: string): string {
  return `huu-nghi-events-${stage}`;
}

/**
 * The SSM parameter holding a stage's LINK_SECRET. Outside every stack on purpose: `npm run deploy`
 * creates it once with a random value and never changes it, and a teardown leaves it in place.
 */
export function linkSecretParameterOf(stage: string): string {
  return `/huu-nghi-events/${stage}/link-secret`;
}

/**
 * The SSM parameter holding the header CloudFront adds to every /api/* request (the API refuses
 * requests without it). Created once by `npm run deploy`, outside every stack, like the link
 * secret; unlike it, it may be rotated: a new value, then a deploy of both stacks.
 */
export function originSecretParameterOf(stage: string): string {
  return `/huu-nghi-events/${stage}/origin-secret`;
}

/** The stacks of a stage, deployed in this order. */
export function stackNamesOf(stage: string) {
  const prefix = `HuuNghi-${stage}`;
  return { stateful: `${prefix}-Stateful`, web: `${prefix}-Web`, api: `${prefix}-Api` };
}

/** The stages that have a file in infra/stages/. */
export function knownStages(): string[] {
  try {
    return readdirSync(STAGES_DIR)
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .sort();
  } catch {
    return [];
  }
}

export function senderDomain(sender: string): string {
  return sender.slice(sender.lastIndexOf('@') + 1).toLowerCase();
}

/** The public origin the product is reached at when it has its own domain. */
export function customOrigin(config: InfraConfig): string | undefined {
  return config.domain ? `https://${config.domain}` : undefined;
}

/**
 * The From header for SES: a display name outside ASCII must be an RFC 2047 encoded-word, or
 * SES refuses the message.
 */
export function mailFrom(config: Pick<InfraConfig, 'sender' | 'senderName'>): string {
  const name = config.senderName;
  const encoded = /^[\x20-\x7e]*$/.test(name) && !/["\\]/.test(name)
    ? `"${name}"`
    : `=?UTF-8?B?${Buffer.from(name, 'utf8').toString('base64')}?=`;
  return `${encoded} <${config.sender}>`;
}

function zoneNameOf(c: { hostedZoneName?: string; domain?: string; sesIdentity: string; sender: string }) {
  return c.hostedZoneName ?? c.domain ?? (c.sesIdentity === 'domain' ? senderDomain(c.sender) : undefined);
}

function isWithin(name: string, zone: string): boolean {
  return name === zone || name.endsWith(`.${zone}`);
}

/**
 * Whether the CDK CLI that runs this app is deploying (deploy or watch), not only synthesizing.
 *
 * The CLI tells an app nothing about its command (aws/aws-cdk#9619): every command passes the
 * same context and environment. So we look at the command lines of our ancestor processes for
 * the `cdk` executable and its arguments. This gives an early, friendly refusal; the stateful
 * stack also carries a CloudFormation rule that refuses the placeholder sender at deploy time,
 * whatever tool does the deploying (see stateful-stack.ts).
 */
export function isCdkDeploy(): boolean {
  return ancestorCommandLines().some((argv) => {
    const cli = argv.findIndex((arg) => /(^|[\\/])cdk(\.js|\.cmd)?$/.test(arg) || /aws-cdk[\\/]bin[\\/]cdk/.test(arg));
    return cli !== -1 && argv.slice(cli + 1).some((arg) => arg === 'deploy' || arg === 'watch');
  });
}

function ancestorCommandLines(): string[][] {
  const lines: string[][] = [];
  let pid = process.ppid;
  for (let depth = 0; depth < 12 && pid > 1; depth += 1) {
    const found = processInfo(pid);
    if (!found) break;
    lines.push(found.argv);
    pid = found.ppid;
  }
  return lines;
}

function processInfo(pid: number): { argv: string[]; ppid: number } | undefined {
  try {
    if (process.platform === 'linux') {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return { argv, ppid };
    }
    if (process.platform === 'win32') return undefined;
    const out = execFileSync('ps', ['-o', 'ppid=,command=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    const match = /^(\d+)\s+(.*)$/.exec(out);
    return match ? { ppid: Number(match[1]), argv: match[2]!.split(/\s+/) } : undefined;
  } catch {
    return undefined;
  }
}
