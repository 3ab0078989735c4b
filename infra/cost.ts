/**
 * `npm run cost`: the monthly bill at list price, from the synthesized templates (what is
 * deployed) and the union's stated usage (USAGE below), without any free tier. Prints the table
 * infra/README.md shows ("What it costs"); test/infra/cost.test.ts checks the README holds this
 * very output, so a change to the stacks that changes the bill changes the README.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { defineStacks } from './app.js';
import { readInfraConfig } from './config.js';

/** The union's scale: 20 events and 5,000 mails a year, a few thousand page views a month. */
export const USAGE = {
  mailsPerMonth: 5_000 / 12,
  /** Console and answer pages opened (each ~8 requests, ~100 KB with the console's first load). */
  pageViewsPerMonth: 3_000,
  requestsPerPageView: 8,
  kilobytesPerPageView: 100,
  apiRequestsPerMonth: 10_000,
  apiSecondsPerRequest: 0.15,
  /** Reads and writes the API makes per request, on average (capacity units). */
  apiReadUnitsPerRequest: 5,
  apiWriteUnitsPerRequest: 0.5,
  /** Outbox put, claim, completion, invitation status, the SES events' updates. */
  writeUnitsPerMail: 8,
  readUnitsPerMail: 6,
  /** SES events per mail (send, delivery; a few bounces). */
  sesEventsPerMail: 2.1,
  tableGigabytes: 0.1,
  /**
   * What one scheduled sweep costs when nothing is due: one Query that finds nothing (0.5 read
   * units for the outbox's index, 1 for the promotion marks read consistently; counted as 1).
   */
  sweepSeconds: 0.1,
  sweepReadUnits: 1,
  /** Lambda keeps this many long polls (20 s each) open on an SQS event source, with or without messages. */
  idlePollersPerQueue: 5,
  /** Log volume: about 0.3 KB per invocation (start, end, report) plus the app's own lines. */
  logKilobytesPerInvocation: 0.3,
  logKilobytesPerApiRequest: 1.2,
  webFilesGigabytes: 0.01,
} as const;

/** List prices in ap-southeast-1 (Singapore), US$, as published by AWS at the time of writing. */
export const PRICES = {
  alarmPerMetric: 0.1,
  secretPerMonth: 0.4,
  sqsPerMillionRequests: 0.4,
  lambdaArmPerGbSecond: 0.0000133334,
  lambdaPerMillionRequests: 0.2,
  httpApiPerMillionRequests: 1.0,
  dynamoPerMillionWriteUnits: 0.7125,
  dynamoPerMillionReadUnits: 0.1425,
  dynamoStoragePerGb: 0.285,
  dynamoPitrPerGb: 0.228,
  sesPerThousandMails: 0.1,
  cloudFrontPerGbAsia: 0.14,
  cloudFrontPer10kHttpsRequests: 0.012,
  cloudFrontFunctionsPerMillion: 0.1,
  s3StoragePerGb: 0.025,
  s3PerThousandGets: 0.00044,
  logsIngestPerGb: 0.7,
  logsStoragePerGb: 0.033,
  /** AWS Budgets: the first two budgets of an account are free. */
  budget: 0,
} as const;

type Template = { Resources: Record<string, { Type: string; Properties?: Record<string, any> }> };
export type CostRow = { service: string; use: string; usd: number };

const MINUTES_PER_MONTH = 60 * 24 * 30;

/** The bill, line by line, from what the templates deploy and USAGE. */
export function monthlyCost(templates: Template[], usage = USAGE, prices = PRICES): CostRow[] {
  const resources = templates.flatMap((t) => Object.entries(t.Resources));
  const ofType = (type: string) => resources.filter(([, r]) => r.Type === type);
  const functions = new Map(ofType('AWS::Lambda::Function').map(([id, r]) => [id, r.Properties ?? {}]));
  const memoryGb = (pattern: RegExp) => {
    const found = [...functions].find(([id]) => pattern.test(id));
    if (!found) throw new Error(`no function matching ${pattern}`);
    return (found[1].MemorySize ?? 128) / 1024;
  };
  const rows: CostRow[] = [];
  const add = (service: string, use: string, usd: number) => rows.push({ service, use, usd });
  const n = (x: number) => Math.round(x).toLocaleString('en-US');

  const alarmMetrics = ofType('AWS::CloudWatch::Alarm').reduce((sum, [, a]) => sum + (a.Properties?.Metrics?.filter((m: any) => m.MetricStat).length || 1), 0);
  add('CloudWatch alarms', `${alarmMetrics} standard alarms (one metric each)`, alarmMetrics * prices.alarmPerMetric);

  const secrets = ofType('AWS::SecretsManager::Secret').length;
  if (secrets > 0) add('Secrets Manager', `${secrets} secret (the link secret; read only at deploy)`, secrets * prices.secretPerMonth);

  const sqsSources = ofType('AWS::Lambda::EventSourceMapping').length;
  const idlePolls = sqsSources * usage.idlePollersPerQueue * 3 * MINUTES_PER_MONTH;
  const sqsRequests = idlePolls + usage.mailsPerMonth * 4;
  add('SQS', `${n(idlePolls)} idle long polls of ${sqsSources} event source + ${n(usage.mailsPerMonth * 4)} for the mail`, (sqsRequests / 1e6) * prices.sqsPerMillionRequests);

  // Every rule run at a rate (the outbox sweeper, the promotion sweep): its runs a month, each
  // at the memory of the function it invokes.
  const sweepers = ofType('AWS::Events::Rule').flatMap(([, r]) => {
    const rate = /^rate\((\d+) minutes?\)$/.exec(r.Properties?.ScheduleExpression ?? '');
    if (!rate) return [];
    const target = functions.get(r.Properties?.Targets?.[0]?.Arn?.['Fn::GetAtt']?.[0]);
    if (!target) throw new Error(`no function behind the rule run at ${rate[0]}`);
    return [{ runs: MINUTES_PER_MONTH / Number(rate[1]), memoryGb: (target.MemorySize ?? 128) / 1024 }];
  });
  const sweeps = sweepers.reduce((sum, s) => sum + s.runs, 0);
  const mailBatches = usage.mailsPerMonth / 5;
  const sesEvents = usage.mailsPerMonth * usage.sesEventsPerMail;
  const gbSeconds =
    usage.apiRequestsPerMonth * usage.apiSecondsPerRequest * memoryGb(/^ApiFunction/) +
    sweepers.reduce((sum, s) => sum + s.runs * usage.sweepSeconds * s.memoryGb, 0) +
    mailBatches * 2 * memoryGb(/^MailSender/) +
    sesEvents * 0.05 * memoryGb(/^MailSesEvents/) +
    30 * 2 * memoryGb(/^PassportPurge/);
  const invocations = usage.apiRequestsPerMonth + sweeps + mailBatches + sesEvents + 30;
  add(
    'Lambda (arm64)',
    `${n(invocations)} invocations (${n(sweeps)} sweeps), ${n(gbSeconds)} GB-s`,
    gbSeconds * prices.lambdaArmPerGbSecond + (invocations / 1e6) * prices.lambdaPerMillionRequests,
  );

  add('API Gateway (HTTP API)', `${n(usage.apiRequestsPerMonth)} requests`, (usage.apiRequestsPerMonth / 1e6) * prices.httpApiPerMillionRequests);

  const tables = ofType('AWS::DynamoDB::Table');
  const pitr = tables.filter(([, t]) => t.Properties?.PointInTimeRecoverySpecification?.PointInTimeRecoveryEnabled).length;
  const writes = usage.apiRequestsPerMonth * usage.apiWriteUnitsPerRequest + usage.mailsPerMonth * usage.writeUnitsPerMail;
  const reads = usage.apiRequestsPerMonth * usage.apiReadUnitsPerRequest + usage.mailsPerMonth * usage.readUnitsPerMail + sweeps * usage.sweepReadUnits;
  add(
    'DynamoDB on-demand',
    `${n(writes)} writes, ${n(reads)} reads, ${usage.tableGigabytes} GB${pitr ? ' + point-in-time recovery' : ''}`,
    (writes / 1e6) * prices.dynamoPerMillionWriteUnits +
      (reads / 1e6) * prices.dynamoPerMillionReadUnits +
      tables.length * usage.tableGigabytes * prices.dynamoStoragePerGb +
      pitr * usage.tableGigabytes * prices.dynamoPitrPerGb,
  );

  add('SES', `${n(usage.mailsPerMonth)} mails`, (usage.mailsPerMonth / 1000) * prices.sesPerThousandMails);

  const cfRequests = usage.pageViewsPerMonth * usage.requestsPerPageView + usage.apiRequestsPerMonth;
  const cfGb = (usage.pageViewsPerMonth * usage.kilobytesPerPageView) / 1024 / 1024;
  const cfFunctions = ofType('AWS::CloudFront::Function').length > 0 ? cfRequests : 0;
  add(
    'CloudFront (+ Functions)',
    `${n(cfRequests)} requests, ${cfGb.toFixed(2)} GB out`,
    cfGb * prices.cloudFrontPerGbAsia + (cfRequests / 1e4) * prices.cloudFrontPer10kHttpsRequests + (cfFunctions / 1e6) * prices.cloudFrontFunctionsPerMillion,
  );

  const s3Gets = usage.pageViewsPerMonth * usage.requestsPerPageView * 0.2;
  add('S3', `${usage.webFilesGigabytes * 1000} MB of web files, ${n(s3Gets)} reads (CloudFront caches the rest)`, usage.webFilesGigabytes * prices.s3StoragePerGb + (s3Gets / 1000) * prices.s3PerThousandGets);

  const logGroups = ofType('AWS::Logs::LogGroup');
  const retentionMonths = Math.max(...logGroups.map(([, g]) => g.Properties?.RetentionInDays ?? 90)) / 30;
  const logGb = (invocations * usage.logKilobytesPerInvocation + usage.apiRequestsPerMonth * usage.logKilobytesPerApiRequest) / 1024 / 1024;
  add(
    'CloudWatch Logs',
    `${logGb.toFixed(2)} GB a month into ${logGroups.length} groups, kept ${Math.round(retentionMonths * 30)} days`,
    logGb * prices.logsIngestPerGb + logGb * retentionMonths * prices.logsStoragePerGb,
  );

  const budgets = ofType('AWS::Budgets::Budget').length;
  const topics = ofType('AWS::SNS::Topic').length;
  add('SNS, EventBridge, Budgets', `${topics} topics (alarm mails, SES events to Lambda), schedules, ${budgets} budget`, budgets * prices.budget);
  return rows;
}

export function costTable(rows: CostRow[]): string {
  const usd = (x: number) => `$${x.toFixed(2)}`;
  const total = rows.reduce((sum, r) => sum + r.usd, 0);
  return [
    '| Service | Monthly use | US$ a month |',
    '|---|---|---:|',
    ...rows.map((r) => `| ${r.service} | ${r.use} | ${usd(r.usd)} |`),
    `| **Total** | | **${usd(total)}** |`,
  ].join('\n');
}

/** The prod stage's templates, synthesized offline with bundling skipped (only the templates are read). */
export function prodTemplates(): Template[] {
  const outdir = mkdtempSync(join(tmpdir(), 'huu-nghi-cost-'));
  try {
    const app = new App({ outdir, context: { stage: 'prod', 'aws:cdk:bundling-stacks': [] } });
    const config = readInfraConfig((key) => app.node.tryGetContext(key), {});
    const stacks = defineStacks(app, config);
    const assembly = app.synth();
    return [stacks.stateful, stacks.web, stacks.api].map((s) => assembly.getStackByName(s.stackName).template as Template);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) console.log(costTable(monthlyCost(prodTemplates())));
