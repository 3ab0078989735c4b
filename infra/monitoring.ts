import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { CfnBudget } from 'aws-cdk-lib/aws-budgets';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { InfraConfig } from './config.js';

/** SES reviews an account from a 5 % bounce rate and may pause its sending at 10 %. */
export const BOUNCE_RATE_ALARM = 0.05;
/** SES reviews an account from a 0.1 % complaint rate and may pause its sending at 0.5 %. */
export const COMPLAINT_RATE_ALARM = 0.001;
/** The budget mails at these percentages of the monthly amount (actual spend). */
export const BUDGET_THRESHOLDS = [80, 100] as const;

export type MonitoringProps = { config: InfraConfig };

/**
 * What tells a person that something needs them, for the fewest alarms (each costs US$0.10 a
 * month): every failure of work nobody waits for ends in ONE failures queue (the mail queue's
 * dead letters, the SES-events subscription's undeliverable notifications, the sweeper's, the
 * SES-events function's and the purge's failed asynchronous runs), watched by one alarm; the API's
 * 5xx answers; SES's bounce and complaint rates, which decide whether AWS pauses the account's
 * sending; and a budget. A production stage mails them to alarmEmail (required there).
 */
export class Monitoring extends Construct {
  readonly topic?: Topic;
  /** Every failed background run and undeliverable message, kept 14 days to read and redrive. */
  readonly failures: Queue;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { config } = props;
    if (config.alarmEmail) {
      this.topic = new Topic(this, 'Alarms', { displayName: `Hữu Nghị Events alarms (${config.stage})`, enforceSSL: true });
      this.topic.addSubscription(new EmailSubscription(config.alarmEmail));
    }

    this.failures = new Queue(this, 'Failures', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.add(
      new Alarm(this, 'FailuresAlarm', {
        alarmDescription:
          'Background work failed for good (a mail the sender failed on 5 times, an SES event not recorded, a sweep or passport purge that failed): read the message in the failures queue (FailuresQueueUrl output) and the log group it names. infra/README.md, "Alarms".',
        metric: this.failures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    // Account-wide SES reputation (the metrics carry no dimension): the account is the union's own.
    const reputation = (metricName: string) =>
      new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1) });
    this.add(
      new Alarm(this, 'BounceRateAlarm', {
        alarmDescription: `SES bounce rate at or above ${BOUNCE_RATE_ALARM * 100} %: AWS reviews the account and may pause sending at 10 %. Stop sending to old lists; check the bounced invitations. infra/README.md, "Alarms".`,
        metric: reputation('Reputation.BounceRate'),
        threshold: BOUNCE_RATE_ALARM,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
    this.add(
      new Alarm(this, 'ComplaintRateAlarm', {
        alarmDescription: `SES complaint rate at or above ${COMPLAINT_RATE_ALARM * 100} %: AWS reviews the account and may pause sending at 0.5 %. Check who complained and why. infra/README.md, "Alarms".`,
        metric: reputation('Reputation.ComplaintRate'),
        threshold: COMPLAINT_RATE_ALARM,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    if (config.monthlyBudgetUsd !== undefined && config.alarmEmail) {
      new CfnBudget(this, 'Budget', {
        budget: {
          budgetName: `huu-nghi-events-${config.stage}`,
          budgetType: 'COST',
          timeUnit: 'MONTHLY',
          budgetLimit: { amount: config.monthlyBudgetUsd, unit: 'USD' },
        },
        notificationsWithSubscribers: BUDGET_THRESHOLDS.map((threshold) => ({
          notification: { notificationType: 'ACTUAL', comparisonOperator: 'GREATER_THAN', threshold, thresholdType: 'PERCENTAGE' },
          subscribers: [{ subscriptionType: 'EMAIL', address: config.alarmEmail! }],
        })),
      });
    }
  }

  /** Any 5xx answer of the API in 5 minutes: the API never answers 500 by design. */
  alarmOnServerErrors(httpApi: IHttpApi): Alarm {
    return this.add(
      new Alarm(this, 'ApiServerErrorsAlarm', {
        alarmDescription:
          'The API answered 5xx: read the API function\'s log group (LogGroup output) and the access log (AccessLogGroup output) around that time. infra/README.md, "Alarms".',
        metric: httpApi.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }

  private add(alarm: Alarm): Alarm {
    if (this.topic) alarm.addAlarmAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
    return alarm;
  }
}
