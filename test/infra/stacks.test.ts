import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { defineStacks } from '../../infra/app.js';
import {
  envName,
  InfraConfigError,
  mailFrom,
  knownStages,
  PLACEHOLDER_SENDER,
  PlaceholderSenderError,
  placeholderKeys,
  readInfraConfig,
} from '../../infra/config.js';
import { SENDER_INSTANCES } from '../../infra/mail-pipeline.js';
import { PROMOTION_TABLE_ACCESS, PURGE_TABLE_ACCESS } from '../../infra/api-stack.js';
import { CONTENT_SECURITY_POLICY, PAGE_ROUTING_FUNCTION, VIEWER_ADDRESS_FUNCTION } from '../../infra/web-stack.js';
import { ORIGIN_SECRET_HEADER } from '../../shared/http/origin-secret.js';

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};
const SENDER = 'no-reply@huunghi.example.vn';
const LINK_SECRET_REFERENCE = '{{resolve:ssm:/huu-nghi-events/prod/link-secret}}';
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

/** CDK's hasResourceProperties as an assertion vitest counts (every test must make one). */
const hasResource = (template: Template, type: string, properties: unknown) =>
  expect(() => template.hasResourceProperties(type, properties)).not.toThrow();

const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * A stage file of the tests' own (infra/stages/*.json hold example values): a rehearsal stage,
 * without alarm address or budget unless a test's context adds them.
 */
const TEST_STAGE = { region: 'ap-southeast-1', sender: SENDER, sesIdentity: 'address' };

/** The whole app, as `cdk synth` builds it from cdk.json and a stage file, minus bundling (no esbuild, no web build). */
function synthApp(context: Record<string, unknown> = {}, stage: Record<string, unknown> = TEST_STAGE) {
  const outdir = mkdtempSync(join(tmpdir(), 'huu-nghi-cdk-'));
  outdirs.push(outdir);
  const app = new App({
    outdir,
    context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [], ...context },
  });
  const config = readInfraConfig((key) => app.node.tryGetContext(key), {}, () => stage);
  return { app, config, stacks: defineStacks(app, config) };
}

function synth(context: Record<string, unknown> = {}, stage: Record<string, unknown> = TEST_STAGE) {
  const { stacks } = synthApp(context, stage);
  return {
    stateful: Template.fromStack(stacks.stateful),
    web: Template.fromStack(stacks.web),
    api: Template.fromStack(stacks.api),
  };
}

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Condition?: Record<string, any> };

function only(template: Template, type: string): [string, Resource] {
  const found = Object.entries(template.findResources(type));
  expect(found, type).toHaveLength(1);
  return found[0] as [string, Resource];
}

function statements(template: Template): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
    (policy) => (policy as Resource).Properties.PolicyDocument.Statement as Statement[],
  );
}

/** A function of a stack by its construct id: Api, MailSender, MailSweeper, MailSesEvents, PassportPurge, PromotionSweep. */
function lambdaNamed(template: Template, name: string): [string, Resource] {
  const found = Object.entries(template.findResources('AWS::Lambda::Function')).filter(([id]) =>
    new RegExp(`^${name}Function[0-9A-F]{8}$`).test(id),
  );
  expect(found, name).toHaveLength(1);
  return found[0] as [string, Resource];
}

/** The statements of one function's own role policy. */
function statementsOf(template: Template, name: string): Statement[] {
  const found = Object.entries(template.findResources('AWS::IAM::Policy')).filter(([id]) =>
    new RegExp(`^${name}FunctionServiceRoleDefaultPolicy[0-9A-F]{8}$`).test(id),
  );
  expect(found, name).toHaveLength(1);
  return (found[0]![1] as Resource).Properties.PolicyDocument.Statement as Statement[];
}

const envOf = (template: Template, name: string) =>
  lambdaNamed(template, name)[1].Properties.Environment.Variables as Record<string, unknown>;

const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const resourcesOf = (s: Statement) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]);

/** Asset hashes change with the aws-cdk-lib version and the bundled code, not with the design. */
function normalised(template: Template) {
  return JSON.parse(JSON.stringify(template.toJSON()).replace(/[0-9a-f]{64}/g, '<asset-hash>'));
}

const base = synth();
const placeholder = synth({ sender: PLACEHOLDER_SENDER });
const withDomain = synth({
  stage: 'staging',
  production: 'true',
  monthlyBudgetUsd: '5',
  domain: 'events.huunghi.example.vn',
  certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab',
  hostedZoneId: 'Z0123456789ABC',
  hostedZoneName: 'huunghi.example.vn',
  sesIdentity: 'domain',
  mailFromDomain: 'mail.huunghi.example.vn',
  alarmEmail: 'ops@huunghi.example.vn',
  adminEmail: 'admin@huunghi.example.vn',
  mailRatePerSecond: '40',
});

describe('stateful stack', () => {
  it('creates the one table from shared/db/table-design.ts, kept and protected', () => {
    const [, table] = only(base.stateful, 'AWS::DynamoDB::Table');
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    expect(table.Properties).toMatchObject({
      TableName: 'huu-nghi-events-prod',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'listings',
          KeySchema: [
            { AttributeName: 'listPk', KeyType: 'HASH' },
            { AttributeName: 'listSk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
    expect(table.Properties.AttributeDefinitions).toEqual(
      expect.arrayContaining(['pk', 'sk', 'listPk', 'listSk'].map((name) => ({ AttributeName: name, AttributeType: 'S' }))),
    );
  });

  it('keeps the link secret outside every stack, in an SSM parameter named for the stage (no US$0.40 secret)', () => {
    for (const template of [base.stateful, base.web, base.api, withDomain.api]) {
      template.resourceCountIs('AWS::SecretsManager::Secret', 0);
      template.resourceCountIs('AWS::SSM::Parameter', 0);
    }
    const outputs = base.stateful.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.LinkSecretParameter?.Value).toBe('/huu-nghi-events/prod/link-secret');
    // Resolved by CloudFormation at deploy time: the value is never in the template.
    expect(envOf(base.api, 'Api').LINK_SECRET).toBe(LINK_SECRET_REFERENCE);
    expect(envOf(withDomain.api, 'Api').LINK_SECRET).toBe('{{resolve:ssm:/huu-nghi-events/staging/link-secret}}');
  });

  it('verifies the sender address with SES and sends through a configuration set', () => {
    const [setId, set] = only(base.stateful, 'AWS::SES::ConfigurationSet');
    expect(set.Properties.Name).toBe('huu-nghi-events-prod');
    expect(set.Properties.SuppressionOptions).toEqual({ SuppressedReasons: ['BOUNCE', 'COMPLAINT'] });
    base.stateful.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: SENDER,
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: setId } },
    });
  });

  it('verifies a domain identity with DKIM records in the hosted zone when asked', () => {
    withDomain.stateful.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'huunghi.example.vn' });
    // Three DKIM CNAMEs, and the custom MAIL FROM's MX and SPF records.
    const records = Object.values(withDomain.stateful.findResources('AWS::Route53::RecordSet')) as Resource[];
    expect(records.map((r) => r.Properties.Type).sort()).toEqual(['CNAME', 'CNAME', 'CNAME', 'MX', 'TXT']);
  });

  it('sends bounces to a custom MAIL FROM subdomain when set, falling back to SES\'s own until its records exist', () => {
    withDomain.stateful.hasResourceProperties('AWS::SES::EmailIdentity', {
      MailFromAttributes: { MailFromDomain: 'mail.huunghi.example.vn', BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' },
    });
    const outputs = withDomain.stateful.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(JSON.stringify(outputs.MailFromRecords?.Value)).toContain('v=spf1 include:amazonses.com');
    expect(base.stateful.toJSON().Outputs).not.toHaveProperty('MailFromRecords');
  });

  it('carries a rule that refuses to deploy the placeholder sender, and only then', () => {
    const rules = placeholder.stateful.toJSON().Rules as Record<string, { Assertions: { AssertDescription: string }[] }>;
    expect(rules.SenderIsConfigured?.Assertions[0]?.AssertDescription).toMatch(/example values \(sender\)/);
    expect(base.stateful.toJSON().Rules).not.toHaveProperty('SenderIsConfigured');
  });
});

describe('api stack', () => {
  it('runs the Hono app on Node.js 24, ARM64, with its settings in the environment', () => {
    const [, fn] = lambdaNamed(base.api, 'Api');
    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Timeout: 15,
    });
    expect(fn.Properties.MemorySize).toBeGreaterThanOrEqual(512);
    const env = fn.Properties.Environment.Variables as Record<string, unknown>;
    expect(Object.keys(env).sort()).toEqual(
      ['LINK_SECRET', 'MAIL_FROM', 'NODE_OPTIONS', 'ORIGIN_SECRET', 'PASSPORT_RETENTION_DAYS', 'PUBLIC_URL', 'SES_CONFIGURATION_SET', 'SWEEPER_FUNCTION_NAME', 'TABLE_NAME'].sort(),
    );
    expect(env.PASSPORT_RETENTION_DAYS).toBe('30');
    expect(env.NODE_OPTIONS).toBe('--enable-source-maps');
    expect(env.MAIL_FROM).toBe(`=?UTF-8?B?${Buffer.from('Hữu Nghị Events').toString('base64')}?= <${SENDER}>`);
    // Without a domain, emailed links point at the CloudFront distribution of the web stack.
    expect(JSON.stringify(env.PUBLIC_URL)).toMatch(/https:\/\/.*HuuNghi-prod-Web.*Distribution.*DomainName/);
    // A dynamic reference CloudFormation resolves at deploy time: the value is not in the template.
    expect(env.LINK_SECRET).toBe(LINK_SECRET_REFERENCE);
    expect(env.SWEEPER_FUNCTION_NAME).toEqual({ Ref: lambdaNamed(base.api, 'MailSweeper')[0] });
  });

  it('uses the custom domain as PUBLIC_URL and passes ADMIN_EMAIL when configured', () => {
    hasResource(withDomain.api, 'AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({ PUBLIC_URL: 'https://events.huunghi.example.vn', ADMIN_EMAIL: 'admin@huunghi.example.vn' }),
      },
    });
  });

  it('grants DynamoDB actions by name on its own table and index only, never on *', () => {
    // Every function of the stack, the mail pipeline's too.
    const dynamo = statements(base.api).filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    expect(dynamo.length).toBeGreaterThan(0);
    for (const statement of dynamo) {
      expect(actionsOf(statement).every((a) => /^dynamodb:[A-Za-z]+$/.test(a)), JSON.stringify(statement)).toBe(true);
      for (const resource of resourcesOf(statement)) {
        expect(resource).not.toBe('*');
        // The only ARN referred to is the stateful stack's table ARN (bare, or + /index/listings).
        const text = JSON.stringify(resource);
        expect(text).toMatch(/HuuNghi-prod-Stateful.*Table[0-9A-F]+Arn/);
        expect(text).not.toMatch(/\*/);
      }
    }
    const api = statementsOf(base.api, 'Api').filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    const onTable = api.find((s) => actionsOf(s).includes('dynamodb:PutItem'))!;
    expect(actionsOf(onTable).sort()).toEqual(
      ['BatchGetItem', 'BatchWriteItem', 'ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'].map((a) => `dynamodb:${a}`),
    );
    const onIndex = api.find((s) => JSON.stringify(s.Resource).includes('/index/'))!;
    expect(actionsOf(onIndex)).toEqual(['dynamodb:Query']);
    expect(JSON.stringify(onIndex.Resource)).toContain('"/index/listings"');
  });

  it('lets the function send mail only from the sender, through its configuration set', () => {
    // The API (set-password mails) and the mail sender; nothing else in the stack sends.
    for (const name of ['Api', 'MailSender']) {
      const sending = statementsOf(base.api, name).filter((s) => actionsOf(s).some((a) => a.startsWith('ses:Send')));
      expect(sending, name).toHaveLength(1);
      const [send] = sending;
      expect(actionsOf(send!).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
      expect(send!.Condition).toEqual({ StringEquals: { 'ses:FromAddress': SENDER } });
      const resources = resourcesOf(send!).map((r) => JSON.stringify(r));
      expect(resources).toHaveLength(2);
      expect(resources.some((r) => r.includes(':configuration-set/') && r.includes('MailConfiguration'))).toBe(true);
      expect(resources.some((r) => r.includes(':identity/*'))).toBe(true);
    }
    const senders = statements(base.api).filter((s) => actionsOf(s).some((a) => a.startsWith('ses:Send')));
    expect(senders).toHaveLength(2);
    // The only `*` resource is for GetAccount (the API's health check), which has no resource ARNs.
    const starred = statements(base.api).filter((s) => resourcesOf(s).includes('*'));
    expect(starred.map(actionsOf)).toEqual([['ses:GetAccount']]);
    expect(statementsOf(base.api, 'Api')).toContainEqual(expect.objectContaining({ Action: 'ses:GetAccount' }));
  });

  it('routes ANY /api/{proxy+} on the web stack gateway to the function', () => {
    const [integrationId] = only(base.api, 'AWS::ApiGatewayV2::Integration');
    hasResource(base.api, 'AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      ApiId: Match.objectLike({ 'Fn::GetStackOutput': Match.objectLike({ StackName: 'HuuNghi-prod-Web' }) }),
    });
    hasResource(base.api, 'AWS::ApiGatewayV2::Route', {
      RouteKey: 'ANY /api/{proxy+}',
      Target: { 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] },
    });
  });

  it('names the route in a JSON access log kept 90 days, never the path that holds a personal link', () => {
    const routes = Object.values(base.api.findResources('AWS::ApiGatewayV2::Route')) as Resource[];
    expect(routes.map((r) => r.Properties.RouteKey).sort()).toEqual(
      ['ANY /api/auth/{proxy+}', 'ANY /api/events/{proxy+}', 'ANY /api/r/{proxy+}', 'ANY /api/users/{proxy+}', 'ANY /api/{proxy+}'].sort(),
    );
    const [, stage] = only(base.web, 'AWS::ApiGatewayV2::Stage');
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format as string) as Record<string, string>;
    expect(format.route).toBe('$context.routeKey');
    expect(format.status).toBe('$context.status');
    const fields = Object.values(format).join(' ');
    for (const personal of ['$context.path', '$context.resourcePath', '$context.identity.sourceIp', 'querystring']) {
      expect(fields).not.toContain(personal);
    }
    const [groupId, group] = Object.entries(base.web.findResources('AWS::Logs::LogGroup')).find(([id]) => id.startsWith('AccessLogs')) as [string, Resource];
    expect(stage.Properties.AccessLogSettings.DestinationArn).toEqual({ 'Fn::GetAtt': [groupId, 'Arn'] });
    expect(group.Properties.RetentionInDays).toBe(90);
  });
});

describe('alarms and budget (api stack)', () => {
  const alarmsOf = (template: Template) => Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Resource[];
  const alarmOn = (template: Template, namespace: string, metricName: string) => {
    const found = alarmsOf(template).filter((a) => a.Properties.Namespace === namespace && a.Properties.MetricName === metricName);
    expect(found, `${namespace} ${metricName}`).toHaveLength(1);
    return found[0]!.Properties;
  };

  it('alarms at an SES bounce rate of 5 % and a complaint rate of 0.1 %, the rates at which AWS reviews the account', () => {
    expect(alarmOn(base.api, 'AWS/SES', 'Reputation.BounceRate')).toMatchObject({ Threshold: 0.05, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    expect(alarmOn(base.api, 'AWS/SES', 'Reputation.ComplaintRate')).toMatchObject({ Threshold: 0.001, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
  });

  it("alarms at the API's first 5xx answer", () => {
    const alarm = alarmOn(base.api, 'AWS/ApiGateway', '5xx');
    expect(alarm).toMatchObject({ Threshold: 1, Statistic: 'Sum', ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });
    expect(JSON.stringify(alarm.Dimensions)).toMatch(/"Name":"ApiId".*HuuNghi-prod-Web/);
  });

  it('keeps to four alarms in all: failures, bounces, complaints and 5xx (each costs US$0.10 a month)', () => {
    expect(alarmsOf(base.api)).toHaveLength(4);
    for (const template of [base.stateful, base.web]) template.resourceCountIs('AWS::CloudWatch::Alarm', 0);
  });

  it('mails every alarm to alarmEmail, which a production stage must have', () => {
    // Only the topic SES publishes its events to: no alarm topic without alarmEmail.
    base.api.resourceCountIs('AWS::SNS::Topic', 1);
    withDomain.api.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@huunghi.example.vn' });
    const alarms = alarmsOf(withDomain.api);
    expect(alarms).toHaveLength(4);
    for (const alarm of alarms) expect(JSON.stringify(alarm.Properties.AlarmActions)).toMatch(/\{"Ref":"MonitoringAlarms[0-9A-F]{8}"\}/);
    expect(() => readInfraConfig(() => undefined, {}, () => ({ ...TEST_STAGE, production: true, monthlyBudgetUsd: 5 }))).toThrow(
      /alarmEmail: is required for a production stage/,
    );
  });

  it('sets a monthly budget that mails at 80 % and 100 % of it, required in production', () => {
    base.api.resourceCountIs('AWS::Budgets::Budget', 0);
    const [, budget] = only(withDomain.api, 'AWS::Budgets::Budget');
    expect(budget.Properties.Budget).toMatchObject({ BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: 5, Unit: 'USD' } });
    const notifications = budget.Properties.NotificationsWithSubscribers as { Notification: Record<string, unknown>; Subscribers: unknown[] }[];
    expect(notifications.map((n) => n.Notification.Threshold)).toEqual([80, 100]);
    for (const n of notifications) {
      expect(n.Notification).toMatchObject({ NotificationType: 'ACTUAL', ThresholdType: 'PERCENTAGE' });
      expect(n.Subscribers).toEqual([{ SubscriptionType: 'EMAIL', Address: 'ops@huunghi.example.vn' }]);
    }
    expect(() => readInfraConfig(() => undefined, {}, () => ({ ...TEST_STAGE, production: true, alarmEmail: 'ops@huunghi.example.vn' }))).toThrow(
      /monthlyBudgetUsd: is required for a production stage/,
    );
  });

  it('keeps every failure of background work in one failures queue: the SES events subscription, the sweepers, the SES-events function and the purge', () => {
    const failures = Object.entries(base.api.findResources('AWS::SQS::Queue')).find(([id]) => id.startsWith('MonitoringFailures'))!;
    expect(failures).toBeDefined();
    const failuresArn = { 'Fn::GetAtt': [failures[0], 'Arn'] };
    const [sesEventsId] = lambdaNamed(base.api, 'MailSesEvents');
    base.api.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      Endpoint: { 'Fn::GetAtt': [sesEventsId, 'Arn'] },
      RedrivePolicy: { deadLetterTargetArn: failuresArn },
    });
    const retries: Record<string, number> = { MailSweeper: 0, MailSesEvents: 2, PassportPurge: 2, PromotionSweep: 0 };
    for (const [name, retryAttempts] of Object.entries(retries)) {
      const [fnId] = lambdaNamed(base.api, name);
      base.api.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: fnId },
        MaximumRetryAttempts: retryAttempts,
        DestinationConfig: { OnFailure: { Destination: failuresArn } },
      });
    }
    for (const name of ['MailSweeper', 'PassportPurge', 'PromotionSweep']) {
      const rule = ruleTargeting(base.api, lambdaNamed(base.api, name)[0]);
      expect(rule.Properties.Targets[0].DeadLetterConfig).toEqual({ Arn: failuresArn });
    }
  });
});

/** The one EventBridge rule that invokes a function. */
function ruleTargeting(template: Template, functionId: string): Resource {
  const rules = (Object.values(template.findResources('AWS::Events::Rule')) as Resource[]).filter((r) =>
    JSON.stringify(r.Properties.Targets).includes(`"Fn::GetAtt":["${functionId}","Arn"]`),
  );
  expect(rules, functionId).toHaveLength(1);
  return rules[0]!;
}

/**
 * The one EventBridge rule that invokes a function runs on `schedule`, enabled, with that retry
 * policy; and EventBridge may invoke the function for that rule.
 */
function expectScheduled(functionId: string, schedule: string, retryPolicy: Record<string, number>): void {
  const rule = ruleTargeting(base.api, functionId);
  expect(rule.Properties).toMatchObject({ ScheduleExpression: schedule, State: 'ENABLED', Targets: [{ Arn: { 'Fn::GetAtt': [functionId, 'Arn'] }, RetryPolicy: retryPolicy }] });
  const ruleId = Object.entries(base.api.findResources('AWS::Events::Rule')).find(([, r]) => r === rule)![0];
  base.api.hasResourceProperties('AWS::Lambda::Permission', {
    FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] },
    Principal: 'events.amazonaws.com',
    SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
  });
}

describe('passport purge (api stack)', () => {
  it('runs functions/jobs/purge-passport-data.ts once a day, at night in Vietnam, retried a little', () => {
    const [purgeId, purge] = lambdaNamed(base.api, 'PassportPurge');
    expect(purge.Properties).toMatchObject({ Handler: 'index.handler', Runtime: 'nodejs24.x', Architectures: ['arm64'], Timeout: 300 });
    expect(purge.Properties.Description).toMatch(/passport data/);
    base.api.resourceCountIs('AWS::Events::Rule', 3);
    // 19:00 UTC is 02:00 in Asia/Ho_Chi_Minh; every day.
    expectScheduled(purgeId, 'cron(0 19 * * ? *)', { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 21600 });
  });

  it('knows only its table and the retention: no link secret, no public URL, no mail', () => {
    expect(Object.keys(envOf(base.api, 'PassportPurge')).sort()).toEqual(['NODE_OPTIONS', 'PASSPORT_RETENTION_DAYS', 'TABLE_NAME']);
    expect(JSON.stringify(envOf(base.api, 'PassportPurge').TABLE_NAME)).toMatch(/HuuNghi-prod-Stateful.*Table/);
  });

  it('may only read the events index item, query, update and log on its own table and query the listings index: never delete, scan or send', () => {
    const all = statementsOf(base.api, 'PassportPurge');
    // Besides the table: handing a failed run to the failures queue (its on-failure destination).
    const [toFailures, ...others] = all.filter((s) => actionsOf(s).some((a) => a.startsWith('sqs:')));
    expect(others).toEqual([]);
    expect(actionsOf(toFailures!)).toContain('sqs:SendMessage');
    expect(JSON.stringify(toFailures!.Resource)).toMatch(/MonitoringFailures/);
    const grants = all.filter((s) => s !== toFailures);
    expect(grants).toHaveLength(2);
    const onTable = grants.find((s) => !JSON.stringify(s.Resource).includes('/index/'))!;
    const onIndex = grants.find((s) => JSON.stringify(s.Resource).includes('/index/'))!;
    expect([...actionsOf(onTable)].sort()).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    expect([...actionsOf(onTable)].sort()).toEqual([...PURGE_TABLE_ACCESS.table].sort());
    expect(resourcesOf(onTable).map((r) => JSON.stringify(r))).toEqual([expect.stringMatching(/HuuNghi-prod-Stateful.*TableCD117FA1Arn/)]);
    expect(actionsOf(onIndex)).toEqual(['dynamodb:Query']);
    expect(resourcesOf(onIndex).map((r) => JSON.stringify(r))).toEqual([expect.stringMatching(/TableCD117FA1Arn.*"\/index\/listings"/)]);
  });
});

describe("waiting list's repair sweep (api stack)", () => {
  it('runs functions/jobs/repair-promotions.ts every 5 minutes, on the Lambda major, without retries piling up', () => {
    const [sweepId, sweep] = lambdaNamed(base.api, 'PromotionSweep');
    expect(sweep.Properties).toMatchObject({ Handler: 'index.handler', Runtime: 'nodejs24.x', Architectures: ['arm64'], MemorySize: 256, Timeout: 180 });
    expect(sweep.Properties.Description).toMatch(/waiting list/);
    expectScheduled(sweepId, 'rate(5 minutes)', { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 });
    // Its log group, for the FailuresAlarm's reader.
    expect(Object.keys(base.api.findOutputs('PromotionSweepLogGroup'))).toEqual(['PromotionSweepLogGroup']);
  });

  it('knows only its table: no link secret, no public URL, no mail settings', () => {
    expect(Object.keys(envOf(base.api, 'PromotionSweep')).sort()).toEqual(['NODE_OPTIONS', 'TABLE_NAME']);
    expect(JSON.stringify(envOf(base.api, 'PromotionSweep').TABLE_NAME)).toMatch(/HuuNghi-prod-Stateful.*Table/);
  });

  it('may read, query and write items of its own table by key, nothing on an index, never scan, batch, mail or read secrets', () => {
    const all = statementsOf(base.api, 'PromotionSweep');
    // Besides the table: handing a failed run to the failures queue (its on-failure destination).
    const toFailures = all.filter((s) => actionsOf(s).some((a) => a.startsWith('sqs:')));
    expect(toFailures).toHaveLength(1);
    expect([...actionsOf(toFailures[0]!)].sort()).toEqual(['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage']);
    expect(JSON.stringify(toFailures[0]!.Resource)).toMatch(/MonitoringFailures/);
    const grants = all.filter((s) => s !== toFailures[0]);
    expect(grants).toHaveLength(1);
    const onTable = grants[0]!;
    expect([...actionsOf(onTable)].sort()).toEqual([
      'dynamodb:ConditionCheckItem',
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    expect([...actionsOf(onTable)].sort()).toEqual([...PROMOTION_TABLE_ACCESS.table].sort());
    expect(resourcesOf(onTable).map((r) => JSON.stringify(r))).toEqual([expect.stringMatching(/HuuNghi-prod-Stateful.*TableCD117FA1Arn/)]);
    expect(JSON.stringify(onTable.Resource)).not.toContain('/index/');
    expect(onTable.Effect).toBe('Allow');
  });
});

describe('mail pipeline (api stack)', () => {
  const queueId = () => {
    const queues = Object.entries(base.api.findResources('AWS::SQS::Queue')) as [string, Resource][];
    expect(queues).toHaveLength(2);
    const [id] = queues.find(([, q]) => q.Properties.RedrivePolicy)!;
    const [dlqId] = queues.find(([, q]) => !q.Properties.RedrivePolicy)!;
    return { id, dlqId, arn: { 'Fn::GetAtt': [id, 'Arn'] } };
  };

  it('feeds the sender from a queue whose failures go to a dead-letter queue kept 14 days', () => {
    const { id, dlqId } = queueId();
    const queues = base.api.findResources('AWS::SQS::Queue') as Record<string, Resource>;
    expect(queues[id]!.Properties).toMatchObject({
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] }, maxReceiveCount: 5 },
      SqsManagedSseEnabled: true,
    });
    expect(queues[dlqId]!.Properties).toMatchObject({ MessageRetentionPeriod: 14 * 24 * 3600, SqsManagedSseEnabled: true });
    // Lambda's advice for a function with reserved concurrency: six times its timeout.
    const [, sender] = lambdaNamed(base.api, 'MailSender');
    expect(queues[id]!.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * sender.Properties.Timeout);
  });

  it('alarms as soon as the dead-letter (failures) queue holds a message, to the alarm topic when set', () => {
    const { dlqId } = queueId();
    for (const template of [base.api, withDomain.api]) {
      hasResource(template, 'AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId, 'QueueName'] } }],
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      });
    }
    hasResource(withDomain.api, 'AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      AlarmActions: [Match.objectLike({ Ref: Match.stringLikeRegexp('^MonitoringAlarms') })],
    });
  });

  it('runs at most two senders at once through the event source, with no reserved concurrency a new account could not grant', () => {
    const [senderId, sender] = lambdaNamed(base.api, 'MailSender');
    // A new account has a concurrency quota of 10 and must keep 100 unreserved: any reservation fails.
    for (const template of [base.api, withDomain.api]) {
      for (const fn of Object.values(template.findResources('AWS::Lambda::Function')) as Resource[]) {
        expect(fn.Properties.ReservedConcurrentExecutions).toBeUndefined();
      }
    }
    expect(sender.Properties.Environment.Variables.MAIL_RATE_PER_SECOND).toBe('7');
    const [, mapping] = only(base.api, 'AWS::Lambda::EventSourceMapping');
    expect(mapping.Properties).toEqual({
      BatchSize: 10,
      EventSourceArn: queueId().arn,
      FunctionName: { Ref: senderId },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      // SQS event sources accept 2 to 1000: two instances, each at half SES's quota.
      ScalingConfig: { MaximumConcurrency: SENDER_INSTANCES },
    });
    expect(SENDER_INSTANCES).toBeGreaterThanOrEqual(2);
  });

  it('gives the sender what it needs to mail links at the SES rate, and the link secret by reference', () => {
    const env = envOf(base.api, 'MailSender');
    expect(Object.keys(env).sort()).toEqual(
      ['LINK_SECRET', 'MAIL_FROM', 'MAIL_RATE_PER_SECOND', 'NODE_OPTIONS', 'PUBLIC_URL', 'SES_CONFIGURATION_SET', 'TABLE_NAME'].sort(),
    );
    expect(env.LINK_SECRET).toBe(LINK_SECRET_REFERENCE);
    // Each of the two instances sends at half the quota of 14: together they keep to it.
    expect(env.MAIL_RATE_PER_SECOND).toBe('7');
    expect(env.PUBLIC_URL).toEqual(envOf(base.api, 'Api').PUBLIC_URL);
    expect(envOf(withDomain.api, 'MailSender')).toMatchObject({
      MAIL_RATE_PER_SECOND: '20',
      PUBLIC_URL: 'https://events.huunghi.example.vn',
      LINK_SECRET: '{{resolve:ssm:/huu-nghi-events/staging/link-secret}}',
    });
    // The other two get neither the secret nor the links' origin.
    expect(Object.keys(envOf(base.api, 'MailSweeper')).sort()).toEqual(['MAIL_RATE_PER_SECOND', 'NODE_OPTIONS', 'OUTBOX_QUEUE_URL', 'TABLE_NAME']);
    expect(envOf(base.api, 'MailSweeper').OUTBOX_QUEUE_URL).toEqual({ Ref: queueId().id });
    expect(Object.keys(envOf(base.api, 'MailSesEvents')).sort()).toEqual(['NODE_OPTIONS', 'TABLE_NAME']);
  });

  it('runs the sweeper every minute, without retries piling up', () => {
    const [sweeperId] = lambdaNamed(base.api, 'MailSweeper');
    expectScheduled(sweeperId, 'rate(1 minute)', { MaximumRetryAttempts: 0 });
  });

  it("publishes the configuration set's send, delivery, bounce, complaint and reject events to a topic the ses-events function reads", () => {
    const [topicId] = only(base.api, 'AWS::SNS::Topic');
    const denyPlainHttp = (s: { Effect: string; Condition?: Record<string, any> }) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false';
    const [, destination] = only(base.api, 'AWS::SES::ConfigurationSetEventDestination');
    expect(JSON.stringify(destination.Properties.ConfigurationSetName)).toMatch(/HuuNghi-prod-Stateful.*MailConfiguration/);
    expect(destination.Properties.EventDestination).toMatchObject({ Enabled: true, SnsDestination: { TopicARN: { Ref: topicId } } });
    expect([...destination.Properties.EventDestination.MatchingEventTypes].sort()).toEqual(['bounce', 'complaint', 'delivery', 'reject', 'send']);
    // SES may publish to the topic for this configuration set only.
    const [, topicPolicy] = only(base.api, 'AWS::SNS::TopicPolicy');
    const topicStatements = topicPolicy.Properties.PolicyDocument.Statement as Statement[];
    expect(topicStatements.filter(denyPlainHttp)).toHaveLength(1);
    expect(topicStatements.filter((st) => !denyPlainHttp(st))).toEqual([
      expect.objectContaining({
        Action: 'sns:Publish',
        Principal: { Service: 'ses.amazonaws.com' },
        Resource: { Ref: topicId },
        Condition: { StringEquals: expect.objectContaining({ 'AWS:SourceArn': expect.anything() }) },
      }),
    ]);
    const [sesEventsId] = lambdaNamed(base.api, 'MailSesEvents');
    base.api.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: topicId },
      Endpoint: { 'Fn::GetAtt': [sesEventsId, 'Arn'] },
    });
    base.api.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [sesEventsId, 'Arn'] },
      Principal: 'sns.amazonaws.com',
      SourceArn: { Ref: topicId },
    });
  });

  it('grants each function only its own actions on its own resources', () => {
    const byService = (name: string) => {
      const grants: Record<string, { actions: string[]; resources: string[] }[]> = {};
      for (const s of statementsOf(base.api, name)) {
        const service = actionsOf(s)[0]!.split(':')[0]!;
        expect(actionsOf(s).every((a) => a.startsWith(`${service}:`))).toBe(true);
        (grants[service] ??= []).push({ actions: [...actionsOf(s)].sort(), resources: resourcesOf(s).map((r) => JSON.stringify(r)) });
      }
      return grants;
    };
    const table = /^\{"Fn::GetStackOutput":\{"StackName":"HuuNghi-prod-Stateful".*TableCD117FA1Arn.*\}$/;
    const queue = JSON.stringify(queueId().arn);
    const [sweeperId] = lambdaNamed(base.api, 'MailSweeper');
    // An on-failure destination: Lambda hands a failed asynchronous run to the failures queue.
    const toFailures = {
      actions: ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'],
      resources: [JSON.stringify({ 'Fn::GetAtt': [queueId().dlqId, 'Arn'] })],
    };

    const sender = byService('MailSender');
    expect(Object.keys(sender).sort()).toEqual(['dynamodb', 'ses', 'sqs']);
    expect(sender.dynamodb).toEqual([{ actions: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], resources: [expect.stringMatching(table)] }]);
    expect(sender.sqs).toEqual([
      { actions: ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'], resources: [queue] },
    ]);

    const sweeper = byService('MailSweeper');
    expect(Object.keys(sweeper).sort()).toEqual(['dynamodb', 'sqs']);
    // The send jobs it continues read and write the table by key and by the event's partition.
    expect(sweeper.dynamodb).toEqual([
      { actions: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'], resources: [expect.stringMatching(table)] },
      { actions: ['dynamodb:Query'], resources: [expect.stringMatching(/TableCD117FA1Arn.*"\/index\/listings"/)] },
    ]);
    expect(sweeper.sqs).toEqual(expect.arrayContaining([{ actions: ['sqs:SendMessage'], resources: [queue] }, toFailures]));
    expect(sweeper.sqs).toHaveLength(2);

    const sesEvents = byService('MailSesEvents');
    expect(Object.keys(sesEvents).sort()).toEqual(['dynamodb', 'sqs']);
    expect(sesEvents.sqs).toEqual([toFailures]);
    expect(sesEvents.dynamodb).toEqual([{ actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], resources: [expect.stringMatching(table)] }]);

    const api = byService('Api');
    expect(Object.keys(api).sort()).toEqual(['dynamodb', 'lambda', 'ses']);
    expect(api.lambda).toEqual([{ actions: ['lambda:InvokeFunction'], resources: [JSON.stringify({ 'Fn::GetAtt': [sweeperId, 'Arn'] })] }]);

    // The link secret is resolved by CloudFormation at deploy time: no function may read secrets or parameters,
    // and none publishes to SNS (the topic invokes ses-events through its resource policy).
    for (const s of statements(base.api)) {
      expect(actionsOf(s).some((a) => /^(secretsmanager|ssm|sns|kms):/.test(a)), JSON.stringify(s)).toBe(false);
    }
  });
});

function cloudFrontFunction(code: string): [string, Resource] {
  const found = Object.entries(base.web.findResources('AWS::CloudFront::Function') as Record<string, Resource>).filter(
    ([, fn]) => fn.Properties.FunctionCode === code,
  );
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('web stack', () => {
  it("gives the API the viewer's own address, not the edge server's, in a header the viewer cannot set", () => {
    const [fnId, fn] = cloudFrontFunction(VIEWER_ADDRESS_FUNCTION);
    expect(fn.Properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    const [, distribution] = only(base.web, 'AWS::CloudFront::Distribution');
    const api = (distribution.Properties.DistributionConfig.CacheBehaviors as { PathPattern: string; FunctionAssociations?: unknown }[]).find(
      (b) => b.PathPattern === '/api/*',
    )!;
    expect(api.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [fnId, 'FunctionARN'] } }]);

    const handler = new Function(`${VIEWER_ADDRESS_FUNCTION}; return handler;`)() as (event: unknown) => any;
    const forged = { 'x-viewer-address': { value: '198.51.100.7' }, cookie: { value: 'session=abc' } };
    const request = handler({ viewer: { ip: '203.0.113.25' }, request: { uri: '/api/auth/login', headers: forged } });
    expect(request.headers['x-viewer-address']).toEqual({ value: '203.0.113.25' });
    expect(request.headers.cookie).toEqual({ value: 'session=abc' });
  });

  it('adds a secret made at deploy (an SSM parameter outside the stacks) to every /api/* request, and gives the API function the same by reference', () => {
    // No Secrets Manager secret (US$0.40 a month): `npm run deploy` writes the parameter once.
    base.web.resourceCountIs('AWS::SecretsManager::Secret', 0);
    const [, distribution] = only(base.web, 'AWS::CloudFront::Distribution');
    const origins = distribution.Properties.DistributionConfig.Origins as { OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[]; S3OriginConfig?: unknown }[];
    const api = origins.find((o) => !o.S3OriginConfig)!;
    expect(api.OriginCustomHeaders).toEqual([{ HeaderName: ORIGIN_SECRET_HEADER, HeaderValue: '{{resolve:ssm:/huu-nghi-events/prod/origin-secret}}' }]);
    // The web files' origin never gets it.
    expect(origins.find((o) => o.S3OriginConfig)!.OriginCustomHeaders).toBeUndefined();
    expect(envOf(base.api, 'Api').ORIGIN_SECRET).toBe('{{resolve:ssm:/huu-nghi-events/prod/origin-secret}}');
  });

  it('keeps the web files in a private bucket that refuses plain HTTP', () => {
    hasResource(base.web, 'AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    hasResource(base.web, 'AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('serves S3 through origin access control and sends /api/* to the gateway uncached', () => {
    const [oacId, oac] = only(base.web, 'AWS::CloudFront::OriginAccessControl');
    expect(oac.Properties.OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' });
    const [, distribution] = only(base.web, 'AWS::CloudFront::Distribution');
    const config = distribution.Properties.DistributionConfig;
    const origins = config.Origins as { Id: string; DomainName: unknown; OriginAccessControlId?: unknown; S3OriginConfig?: unknown }[];
    const s3 = origins.find((o) => o.OriginAccessControlId)!;
    expect(s3.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oacId, 'Id'] });
    expect(s3.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    const api = origins.find((o) => o !== s3)!;
    expect(JSON.stringify(api.DomainName)).toMatch(/Gateway.*execute-api/);

    expect(config.DefaultCacheBehavior.TargetOriginId).toBe(s3.Id);
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.CacheBehaviors).toHaveLength(1);
    expect(config.CacheBehaviors[0]).toMatchObject({
      PathPattern: '/api/*',
      TargetOriginId: api.Id,
      CachePolicyId: CACHING_DISABLED,
      OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
    });
    // API errors must reach the browser as they are: no global 403/404 → page rewrite.
    expect(config.CustomErrorResponses).toBeUndefined();
  });

  it('answers client-side routes with their page through a viewer-request function', () => {
    const [fnId, fn] = cloudFrontFunction(PAGE_ROUTING_FUNCTION);
    expect(fn.Properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    const [, distribution] = only(base.web, 'AWS::CloudFront::Distribution');
    expect(distribution.Properties.DistributionConfig.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [fnId, 'FunctionARN'] } },
    ]);

    const handler = new Function(`${PAGE_ROUTING_FUNCTION}; return handler;`)() as (event: unknown) => any;
    const route = (uri: string) => handler({ request: { uri, headers: {} } });
    expect(route('/console/').uri).toBe('/console.html');
    expect(route('/console/events/e1/print').uri).toBe('/console.html');
    expect(route('/r/abc123').uri).toBe('/answer.html');
    // An event's open registration page (the page itself says "not found" when the event has none).
    expect(route('/dang-ky/Ab3_x-Yz9').uri).toBe('/register.html');
    expect(route('/register.html').uri).toBe('/register.html');
    expect(route('/assets/app-1a2b.js').uri).toBe('/assets/app-1a2b.js');
    expect(route('/favicon.svg').uri).toBe('/favicon.svg');
    expect(route('/console.html').uri).toBe('/console.html');
    // As the local app does (functions/api/routes/web-pages.ts).
    for (const uri of ['/', '/console']) {
      expect(route(uri)).toMatchObject({ statusCode: 302, headers: { location: { value: '/console/' } } });
    }
  });

  it('adds HSTS, CSP, nosniff, frame denial and a referrer policy to every response', () => {
    const [policyId, policy] = only(base.web, 'AWS::CloudFront::ResponseHeadersPolicy');
    const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(headers.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true });
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(headers.ReferrerPolicy).toEqual({ ReferrerPolicy: 'no-referrer', Override: true });
    const csp = headers.ContentSecurityPolicy.ContentSecurityPolicy as string;
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    for (const directive of ["default-src 'self'", "img-src 'self' data: blob:", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive);
    }
    const [, distribution] = only(base.web, 'AWS::CloudFront::Distribution');
    const config = distribution.Properties.DistributionConfig;
    for (const behaviour of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      expect(behaviour.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    }
  });

  it('uploads hashed assets before pages, and invalidates the cache with the pages', () => {
    const deployments = Object.values(base.web.findResources('Custom::CDKBucketDeployment')) as (Resource & { DependsOn?: string[] })[];
    expect(deployments).toHaveLength(2);
    const pages = deployments.find((d) => d.Properties.DistributionPaths)!;
    expect(pages.Properties.DistributionPaths).toEqual(['/*']);
    expect(pages.Properties.SystemMetadata).toEqual({ 'cache-control': 'no-cache' });
    expect(pages.DependsOn?.some((id) => id.startsWith('DeployAssets'))).toBe(true);
    const assets = deployments.find((d) => d !== pages)!;
    expect(assets.Properties).toMatchObject({ Prune: false, Include: ['assets/*'] });
    expect(assets.Properties.SystemMetadata).toEqual({ 'cache-control': 'public, max-age=31536000, immutable' });
  });

  it('serves a custom domain with its certificate and alias records', () => {
    hasResource(withDomain.web, 'AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['events.huunghi.example.vn'],
        ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' }),
      }),
    });
    for (const type of ['A', 'AAAA']) {
      hasResource(withDomain.web, 'AWS::Route53::RecordSet', {
        Name: 'events.huunghi.example.vn.',
        Type: type,
        HostedZoneId: 'Z0123456789ABC',
      });
    }
  });
});

describe('operations', () => {
  it('gives every Lambda function in every stack a log group with retention', () => {
    for (const template of [base.stateful, base.web, base.api, withDomain.web, withDomain.api]) {
      const groups = template.findResources('AWS::Logs::LogGroup') as Record<string, Resource>;
      for (const group of Object.values(groups)) expect(group.Properties.RetentionInDays).toBe(90);
      for (const [id, fn] of Object.entries(template.findResources('AWS::Lambda::Function')) as [string, Resource][]) {
        const wired = fn.Properties.LoggingConfig?.LogGroup?.Ref;
        const byName = Object.values(groups).some((g) =>
          JSON.stringify(g.Properties.LogGroupName ?? '').includes(`{"Ref":"${id}"}`),
        );
        expect(Boolean(wired && groups[wired]) || byName, id).toBe(true);
      }
    }
  });
});

describe('configuration', () => {
  const read = (context: Record<string, unknown>, env: Record<string, string> = {}) =>
    readInfraConfig((key) => ({ ...cdkJson.context, ...context })[key], env);

  it('reads the committed prod stage as is: its example values synthesize, and a deploy refuses them', () => {
    const prod = read({});
    expect(prod).toMatchObject({ stage: 'prod', region: 'ap-southeast-1', production: true, sender: PLACEHOLDER_SENDER, sesIdentity: 'domain', monthlyBudgetUsd: 5, logRetentionDays: 90 });
    expect(placeholderKeys(prod)).toEqual(['sender', 'adminEmail', 'alarmEmail', 'mailFromDomain']);
    expect(new PlaceholderSenderError(placeholderKeys(prod), 'prod').message).toContain('infra/stages/prod.json');
    expect(placeholderKeys(readInfraConfig(() => undefined, {}, () => TEST_STAGE))).toEqual([]);
    for (const stage of knownStages()) expect(() => read({ stage }), stage).not.toThrow();
  });

  it('refuses a stage without a file and a file with a key it does not know', () => {
    expect(() => read({ stage: 'nowhere' })).toThrow(/stage: infra\/stages\/nowhere.json does not exist \(stages: .*prod/);
    expect(() => readInfraConfig(() => undefined, {}, () => ({ ...TEST_STAGE, alarmMail: 'x@y.vn' }))).toThrow(/alarmMail: is not a setting/);
    expect(() => readInfraConfig(() => undefined, {}, () => ({ ...TEST_STAGE, logRetentionDays: 100 }))).toThrow(/logRetentionDays: must be one of/);
    expect(() => readInfraConfig(() => undefined, {}, () => ({ ...TEST_STAGE, sesIdentity: 'domain', mailFromDomain: 'mail.other.vn' }))).toThrow(
      /mailFromDomain: must be a subdomain of the sender's domain huunghi.example.vn/,
    );
  });

  it('turns a malformed value into a readable error naming the key', () => {
    const error = (() => {
      try {
        read({ sender: 'not-an-address', stage: 'Prod!' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InfraConfigError);
    const message = (error as InfraConfigError).message;
    expect(message).toMatch(/^The deployment configuration is not valid:/);
    expect(message).toContain('sender: must be an email address');
    expect(message).toContain('"not-an-address"');
    expect(message).toContain('stage: ');
    expect(message).not.toMatch(/at .*\.ts:\d+/);
  });

  it('asks for the certificate that goes with a domain, and for origins without paths', () => {
    expect(() => read({ domain: 'events.example.org' })).toThrow(/certificateArn: is needed with domain=events.example.org/);
    expect(() => read({ domain: 'events.example.org', certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/ab-12' })).toThrow(
      /certificateArn: must be an ACM certificate ARN in us-east-1/,
    );
    expect(() => read({ allowedOrigin: 'https://x.example.org/app' })).toThrow(/allowedOrigin: must be an origin only/);
  });

  it('reads the SES rate as a number of mails per second, 14 unless set', () => {
    expect(read({}).mailRatePerSecond).toBe(14);
    expect(read({ mailRatePerSecond: '1' }).mailRatePerSecond).toBe(1);
    expect(read({}, { HUU_NGHI_MAIL_RATE_PER_SECOND: '50' }).mailRatePerSecond).toBe(50);
    expect(() => read({ mailRatePerSecond: 'fast' })).toThrow(/mailRatePerSecond: must be a number of mails per second/);
    expect(() => read({ mailRatePerSecond: '0' })).toThrow(/mailRatePerSecond: must be above 0/);
  });

  it('lets the environment override context, key by key', () => {
    expect(envName('sesIdentity')).toBe('HUU_NGHI_SES_IDENTITY');
    const config = read({}, { HUU_NGHI_SENDER: SENDER, HUU_NGHI_STAGE: 'staging' });
    expect(config).toMatchObject({ sender: SENDER, stage: 'staging', mailRatePerSecond: 1 });
  });

  it('encodes a non-ASCII display name for SES and quotes an ASCII one', () => {
    expect(mailFrom({ sender: SENDER, senderName: 'Hữu Nghị' })).toBe(`=?UTF-8?B?${Buffer.from('Hữu Nghị').toString('base64')}?= <${SENDER}>`);
    expect(mailFrom({ sender: SENDER, senderName: 'Friendship Union' })).toBe(`"Friendship Union" <${SENDER}>`);
  });
});

describe('snapshots', () => {
  it.each(['stateful', 'web', 'api'] as const)('%s stack', (name) => {
    expect(normalised(base[name])).toMatchSnapshot();
  });
});
