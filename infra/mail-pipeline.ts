import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import {
  ConfigurationSet,
  ConfigurationSetEventDestination,
  EmailSendingEvent,
  EventDestination,
} from 'aws-cdk-lib/aws-ses';
import { Topic, type ITopic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { tableDesign } from '../shared/db/table-design.js';
import { ApiFunction, type TableAccess } from './api-function.js';
import type { MailSetup } from './stateful-stack.js';

/**
 * What each mail function does to the table, by the repository calls it makes
 * (shared/email/outbox-repository.ts and the repositories deliverOutboxMessage reads).
 */
export const MAIL_TABLE_ACCESS = {
  /** listDue: a Query on the listings index, nothing on the table itself. */
  sweeper: { table: [], index: ['dynamodb:Query'] },
  /**
   * findById, claim, the event, invitation and suppression reads, and completeSent /
   * completeUnsent / retryLater / drop (transactions of Put, Update and Delete): items by key only.
   */
  sender: { table: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'], index: [] },
  /** findBySesMessageId, suppress, recordDeliveryStatus. */
  sesEvents: { table: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], index: [] },
} as const satisfies Record<string, TableAccess>;

/** The SES events the configuration set publishes; shared/email/record-ses-event.ts reads them. */
export const SES_EVENTS = [
  EmailSendingEvent.SEND,
  EmailSendingEvent.DELIVERY,
  EmailSendingEvent.BOUNCE,
  EmailSendingEvent.COMPLAINT,
  EmailSendingEvent.REJECT,
];

/**
 * Under a second per batch of 10 at 14 mails/s, 10 s at the sandbox's 1/s; well under the outbox
 * lease (LEASE_SECONDS, 120 s), so a claim never runs out while its sender still holds the mail.
 */
const SENDER_TIMEOUT = Duration.seconds(30);

export type MailPipelineProps = {
  table: ITable;
  mail: MailSetup;
  /** The secret personal links are derived from (StatefulStack.linkSecretName). */
  linkSecretName: string;
  /** The origin emailed links point at. */
  publicUrl: string;
  /** SES's per-second quota: the sender's pace and the sweeper's batch. */
  mailRatePerSecond: number;
  alarmTopic?: ITopic;
};

/**
 * The cloud side of the outbox (the local side is functions/mail/outbox-worker.ts):
 *
 *   outbox items ─► sweeper (every minute, and when the API queues) ─► SQS ─► sender (one at a
 *   time, at SES's rate) ─► SES ─► configuration set ─► SNS ─► ses-events ─► invitation status,
 *   suppression list
 *
 * The outbox in DynamoDB is the record of what is to be sent; the queue is only a doorbell. A lost
 * or duplicated SQS message costs nothing: the sweeper enqueues a due message again each minute,
 * and the sender's claim is conditional, so a mail goes at most once.
 */
export class MailPipeline extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly deadLetterAlarm: Alarm;
  readonly sender: ApiFunction;
  readonly sweeper: ApiFunction;
  readonly sesEvents: ApiFunction;
  readonly sesEventsTopic: Topic;

  constructor(scope: Construct, id: string, props: MailPipelineProps) {
    super(scope, id);
    const rate = String(props.mailRatePerSecond);

    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    this.queue = new Queue(this, 'Queue', {
      // Six times the sender's timeout, as Lambda advises for a function with reserved
      // concurrency: a batch the pollers could not hand over at once is retried within it.
      visibilityTimeout: Duration.seconds(SENDER_TIMEOUT.toSeconds() * 6),
      // A message is only a doorbell, rung again every minute while the mail is due: an old one
      // is a duplicate, and keeping it would only pile up copies while the sender is down.
      retentionPeriod: Duration.hours(1),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 5 },
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    this.deadLetterAlarm = new Alarm(this, 'DeadLettersAlarm', {
      alarmDescription:
        'Outbox messages the sender failed on 5 times: see the sender function\'s log group. The mails stay in the outbox and are retried; redrive or purge the dead-letter queue once the cause is fixed.',
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    if (props.alarmTopic) this.deadLetterAlarm.addAlarmAction(new SnsAction(props.alarmTopic));

    this.sender = new ApiFunction(this, 'Sender', {
      entry: 'functions/mail/sqs-sender.ts',
      description: 'Hữu Nghị Events: sends queued mail through SES, one instance at the SES rate',
      memorySize: 512,
      timeout: SENDER_TIMEOUT,
      // One instance, pacing itself at MAIL_RATE_PER_SECOND: the SES quota is per account.
      reservedConcurrentExecutions: 1,
      // The queue's pollers outnumber one instance, so their extra invocations are throttled by
      // design and wait in the queue; the dead-letter alarm says when mail is really stuck.
      throttlesAlarm: false,
      environment: { PUBLIC_URL: props.publicUrl, MAIL_RATE_PER_SECOND: rate },
      alarmTopic: props.alarmTopic,
    })
      .useTable(props.table, { envName: 'TABLE_NAME', indexNames: [], access: MAIL_TABLE_ACCESS.sender })
      .useSecret({ envName: 'LINK_SECRET', secretName: props.linkSecretName })
      .sendMailAs({ ...props.mail, healthCheck: false });
    this.sender.function.addEventSource(
      new SqsEventSource(this.queue, { batchSize: 10, reportBatchItemFailures: true }),
    );

    this.sweeper = new ApiFunction(this, 'Sweeper', {
      entry: 'functions/mail/outbox-sweeper.ts',
      description: 'Hữu Nghị Events: puts due outbox messages on the send queue',
      memorySize: 256,
      timeout: Duration.seconds(50),
      environment: { MAIL_RATE_PER_SECOND: rate },
      alarmTopic: props.alarmTopic,
    })
      .useTable(props.table, { envName: 'TABLE_NAME', indexNames: [tableDesign.listingIndex.name], access: MAIL_TABLE_ACCESS.sweeper })
      .sendToQueue(this.queue, { envName: 'OUTBOX_QUEUE_URL' });
    new Rule(this, 'SweepEveryMinute', {
      description: 'Puts due outbox messages on the send queue',
      schedule: Schedule.rate(Duration.minutes(1)),
      // A missed run is the next minute's work anyway: no retries to pile up behind it.
      targets: [new LambdaFunction(this.sweeper.function, { retryAttempts: 0, maxEventAge: Duration.minutes(1) })],
    });

    this.sesEventsTopic = new Topic(this, 'SesEventsTopic', { displayName: 'Hữu Nghị Events: SES sending events' });
    new ConfigurationSetEventDestination(this, 'SesEventsDestination', {
      configurationSet: ConfigurationSet.fromConfigurationSetName(this, 'ConfigurationSet', props.mail.configurationSetName),
      configurationSetEventDestinationName: 'sns-ses-events',
      destination: EventDestination.snsTopic(this.sesEventsTopic),
      events: SES_EVENTS,
    });
    this.sesEvents = new ApiFunction(this, 'SesEvents', {
      entry: 'functions/mail/ses-events.ts',
      description: 'Hữu Nghị Events: records SES deliveries, bounces and complaints',
      memorySize: 256,
      alarmTopic: props.alarmTopic,
    }).useTable(props.table, { envName: 'TABLE_NAME', indexNames: [], access: MAIL_TABLE_ACCESS.sesEvents });
    this.sesEventsTopic.addSubscription(new LambdaSubscription(this.sesEvents.function));
  }
}
