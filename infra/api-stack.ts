import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpMethod, HttpRoute, HttpRouteKey, type IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { Construct } from 'constructs';
import { tableDesign } from '../shared/db/table-design.js';
import { lambdaBundling } from './lambda-bundling.js';
import { ApiFunction, type TableAccess } from './api-function.js';
import type { InfraConfig } from './config.js';
import { MailPipeline } from './mail-pipeline.js';
import { Monitoring } from './monitoring.js';
import type { MailSetup } from './stateful-stack.js';

/**
 * What the passport purge does to the table (shared/delegations/delegation-repository.ts and the
 * personal-data log): reads the years that hold events (GetItem), finds due delegations on the
 * listings index, reads each event's invitations
 * and registrations by key, removes the passport fields and marks the event (UpdateItem), and logs
 * the purge (PutItem). Nothing is deleted, nothing read by scan.
 */
export const PURGE_TABLE_ACCESS = {
  table: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:PutItem'],
  index: ['dynamodb:Query'],
} as const satisfies TableAccess;

/**
 * What the waiting list's repair sweep does to the table (shared/registrations/promote-from-waitlist.ts
 * through registrations-repository.ts and the invitation reader): queries the "promotion due" marks'
 * partition and an event's waiting list (Query, table only), reads the mark, the tally and the
 * invitation (GetItem), promotes in one transaction (the invitation and tally updated, the
 * waiting-list item deleted, the registration, door change and 'promoted' notice put, or the
 * tally's condition checked), and deletes the mark it read. No index, no scan, no mail.
 */
export const PROMOTION_TABLE_ACCESS = {
  table: [
    'dynamodb:GetItem',
    'dynamodb:Query',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:ConditionCheckItem',
  ],
  index: [],
} as const satisfies TableAccess;

/**
 * How often the repair sweep looks for unfinished promotions. It repairs what the API could not
 * finish, which is rare, and the seats wait for the head of the list meanwhile (nobody can take
 * them), so five minutes is soon enough at a fifth of the cost of every minute.
 */
export const PROMOTION_SWEEP_EVERY = Duration.minutes(5);

/** 02:00 in Asia/Ho_Chi_Minh (19:00 UTC), when nobody is entering a delegation. */
export const PURGE_SCHEDULE = { minute: '0', hour: '19' } as const;

/**
 * The gateway's routes, all to the API function: the catch-all, and one per resource so that the
 * access log tells a personal link's request (/api/r/…) from an organiser's, without its path.
 */
export const GATEWAY_ROUTES = {
  ApiRoute: '/api/{proxy+}',
  AnswerRoute: '/api/r/{proxy+}',
  AuthRoute: '/api/auth/{proxy+}',
  UsersRoute: '/api/users/{proxy+}',
  EventsRoute: '/api/events/{proxy+}',
} as const;

export type ApiStackProps = StackProps & {
  config: InfraConfig;
  table: ITable;
  mail: MailSetup;
  /** The secret personal links are derived from (StatefulStack.linkSecretName). */
  linkSecretName: string;
  /** The secret CloudFront sends with every /api/* request (WebStack.originSecretName). */
  originSecretName: string;
  /** The gateway CloudFront sends /api/* to (it lives in WebStack: see there why). */
  httpApi: IHttpApi;
  /** The origin emailed links point at. */
  publicUrl: string;
};

/**
 * The Hono app as one Lambda function behind the HTTP API gateway, the mail pipeline that sends
 * what it queues (infra/mail-pipeline.ts), the daily purge of passport data and the waiting
 * list's repair sweep, with their alarms. The pipeline lives here, not in a stack of its own:
 * the API wakes its sweeper and both notify the same alarm topic, so two stacks would refer to
 * each other; both are stateless and deploy together anyway.
 */
export class ApiStack extends Stack {
  readonly api: ApiFunction;
  readonly mailPipeline: MailPipeline;
  readonly passportPurge: ApiFunction;
  readonly promotionSweep: ApiFunction;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.monitoring = new Monitoring(this, 'Monitoring', { config });
    const failures = this.monitoring.failures;

    this.mailPipeline = new MailPipeline(this, 'Mail', {
      table: props.table,
      mail: props.mail,
      linkSecretName: props.linkSecretName,
      publicUrl: props.publicUrl,
      mailRatePerSecond: config.mailRatePerSecond,
      failures,
    });

    this.api = new ApiFunction(this, 'Api', {
      entry: 'functions/api/lambda.ts',
      loadOnDemand: lambdaBundling.onDemand,
      splitChunks: true,
      description: 'Hữu Nghị Events HTTP API (Hono)',
      environment: {
        PUBLIC_URL: props.publicUrl,
        PASSPORT_RETENTION_DAYS: String(config.passportRetentionDays),
        ...(config.adminEmail ? { ADMIN_EMAIL: config.adminEmail } : {}),
      },
    })
      .useTable(props.table, { envName: 'TABLE_NAME', indexNames: [tableDesign.listingIndex.name] })
      .sendMailAs(props.mail)
      .useSecret({ envName: 'LINK_SECRET', secretName: props.linkSecretName })
      .useSecret({ envName: 'ORIGIN_SECRET', secretName: props.originSecretName })
      // Queued mail starts going at once instead of at the sweeper's next minute.
      .invokeFunction(this.mailPipeline.sweeper.function, { envName: 'SWEEPER_FUNCTION_NAME' });

    // Decree 13/2023: a delegation's passport data goes a set number of days after the trip. Safe
    // to run twice (purged events are marked), so a retried or missed day costs nothing.
    this.passportPurge = new ApiFunction(this, 'PassportPurge', {
      entry: 'functions/jobs/purge-passport-data.ts',
      description: "Hữu Nghị Events: removes delegations' passport data after their trips",
      memorySize: 256,
      timeout: Duration.minutes(5),
      environment: { PASSPORT_RETENTION_DAYS: String(config.passportRetentionDays) },
      // Retried twice by Lambda after the schedule's own retries; then kept and alarmed on.
      onFailure: { queue: failures, retryAttempts: 2 },
    }).useTable(props.table, { envName: 'TABLE_NAME', indexNames: [tableDesign.listingIndex.name], access: PURGE_TABLE_ACCESS });
    new Rule(this, 'PurgePassportDataDaily', {
      description: "Removes delegations' passport data once their retention after the trip is over",
      schedule: Schedule.cron(PURGE_SCHEDULE),
      targets: [
        new LambdaFunction(this.passportPurge.function, { retryAttempts: 2, maxEventAge: Duration.hours(6), deadLetterQueue: failures }),
      ],
    });

    // The waiting list's repair sweep: a freed seat whose promotion the API could not finish
    // leaves its event marked; this finds the marks and finishes, as npm start does locally.
    this.promotionSweep = new ApiFunction(this, 'PromotionSweep', {
      entry: 'functions/jobs/repair-promotions.ts',
      description: 'Hữu Nghị Events: gives freed seats to the waiting list where the API could not finish',
      memorySize: 256,
      // One event's run waits up to a minute for a busy tally (promote-from-waitlist.ts, RUN_BUDGET_MS).
      timeout: Duration.minutes(3),
      // A failed run is the next run's work: no retry, but it is kept and alarmed on.
      onFailure: { queue: failures, retryAttempts: 0 },
    }).useTable(props.table, { envName: 'TABLE_NAME', indexNames: [], access: PROMOTION_TABLE_ACCESS });
    new Rule(this, 'RepairPromotions', {
      description: 'Gives freed seats to the head of the waiting list where the API could not finish',
      schedule: Schedule.rate(PROMOTION_SWEEP_EVERY),
      // A missed run is the next run's work anyway: no retries to pile up behind it.
      targets: [
        new LambdaFunction(this.promotionSweep.function, { retryAttempts: 0, maxEventAge: Duration.minutes(1), deadLetterQueue: failures }),
      ],
    });

    // One function behind them all; the routes only name the resource in the access log
    // (web-stack.ts, ACCESS_LOG_FIELDS), which never holds the path.
    const integration = new HttpLambdaIntegration('ApiIntegration', this.api.function);
    for (const [id, path] of Object.entries(GATEWAY_ROUTES)) {
      new HttpRoute(this, id, { httpApi: props.httpApi, routeKey: HttpRouteKey.with(path, HttpMethod.ANY), integration });
    }

    new CfnOutput(this, 'FunctionName', { value: this.api.function.functionName });
    new CfnOutput(this, 'LogGroup', { value: this.api.logGroup.logGroupName });
    new CfnOutput(this, 'MailSenderLogGroup', { value: this.mailPipeline.sender.logGroup.logGroupName });
    new CfnOutput(this, 'PassportPurgeLogGroup', { value: this.passportPurge.logGroup.logGroupName });
    new CfnOutput(this, 'PromotionSweepLogGroup', { value: this.promotionSweep.logGroup.logGroupName });
    this.monitoring.alarmOnServerErrors(props.httpApi);

    new CfnOutput(this, 'FailuresQueueUrl', {
      value: failures.queueUrl,
      description: "Failed background work (mail, SES events, sweeps, purges): read, fix, then purge (infra/README.md, 'Alarms')",
    });
  }
}
