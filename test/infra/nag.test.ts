import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, describe, expect, it } from 'vitest';
import { defineStacks } from '../../infra/app.js';
import { readInfraConfig } from '../../infra/config.js';

const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

type Report = {
  pluginReports: { pluginName: string; violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[] }[];
};

/** Every stack through the AwsSolutions pack (bundling skipped): the findings nobody acknowledged. */
function unacknowledgedFindings(stage: Record<string, unknown>): string[] {
  const outdir = mkdtempSync(join(tmpdir(), 'huu-nghi-nag-'));
  outdirs.push(outdir);
  const app = new App({ outdir, context: { stage: 'prod', 'aws:cdk:bundling-stacks': [] } });
  defineStacks(app, readInfraConfig((key) => app.node.tryGetContext(key), {}, () => stage));
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  try {
    app.synth();
  } catch (error) {
    if (!existsSync(join(outdir, 'validation-report.json'))) throw error;
  }
  const reportFile = join(outdir, 'validation-report.json');
  if (!existsSync(reportFile)) return [];
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
  return report.pluginReports.flatMap((plugin) =>
    plugin.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.severity} ${v.ruleName} at ${c.constructPath}`)),
  );
}

const SENDER = 'no-reply@huunghi.example.vn';

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing unacknowledged in a rehearsal stage without domain or alarm address', { timeout: 120_000 }, () => {
    expect(unacknowledgedFindings({ sender: SENDER })).toEqual([]);
  });

  it('finds nothing unacknowledged in a production stage with domain, zone, MAIL FROM, alarms and budget', { timeout: 120_000 }, () => {
    expect(
      unacknowledgedFindings({
        production: true,
        sender: SENDER,
        sesIdentity: 'domain',
        mailFromDomain: 'mail.huunghi.example.vn',
        domain: 'events.huunghi.example.vn',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab',
        hostedZoneId: 'Z0123456789ABC',
        hostedZoneName: 'huunghi.example.vn',
        alarmEmail: 'ops@huunghi.example.vn',
        monthlyBudgetUsd: 5,
      }),
    ).toEqual([]);
  });
});
