import { Duration } from 'aws-cdk-lib';
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
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption, type IQueue } from 'aws-cdk-lib/aws-sqs';
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
 * About 1.5 s per batch of 10 at 14 mails/s shared by two instances, 20 s at the sandbox's 1/s;
 * well under the outbox lease (LEASE_SECONDS, 120 s), so a claim never runs out while its sender
 * still holds the mail.
 */
const SENDER_TIMEOUT = Duration.seconds(30);

/**
 * How many sender instances may run at once: the SQS event source's maximum concurrency, whose
 * lowest value is 2. Each instance paces itself at its share of SES's per-second quota
 * (MAIL_RATE_PER_SECOND ÷ this), so together they keep to it. No reserved concurrency: a new
 * account's quota is 10 and a reservation must leave 100 unreserved, so any reservation fails.
 */
export const SENDER_INSTANCES = 2;

export type MailPipelineProps = {
  table: ITable;
  mail: MailSetup;
  /** The secret personal links are derived from (StatefulStack.linkSecretName). */
  linkSecretName: string;
  /** The origin emailed links point at. */
  publicUrl: string;
  /** SES's per-second quota: the senders' pace together and the sweeper's batch. */
  mailRatePerSecond: number;
  /**
   * Where failures end (Monitoring.failures, with its alarm): the queue's dead letters, the SES
   * events that could not be delivered to their function, failed sweeps and SES-event runs.
   */
  failures: IQueue;
};

/**
 * The cloud side of the outbox (the local side is functions/mail/outbox-worker.ts):
 *
 *   outbox items ─► sweeper (every minute, and when the API queues) ─► SQS ─► sender (two at a
 *   time, each at half SES's rate) ─► SES ─► configuration set ─► SNS ─► ses-events ─► invitation status,
 *   suppression list
 *
 * The outbox in DynamoDB is the record of what is to be sent; the queue is only a doorbell. A lost
 * or duplicated SQS message costs nothing: the sweeper enqueues a due message again each minute,
 * and the sender's claim is conditional, so a mail goes at most once.
 */
export class MailPipeline extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: IQueue;
  readonly sender: ApiFunction;
  readonly sweeper: ApiFunction;
  readonly sesEvents: ApiFunction;
  readonly sesEventsTopic: Topic;

  constructor(scope: Construct, id: string, props: MailPipelineProps) {
    super(scope, id);
    const rate = String(props.mailRatePerSecond);
    const ratePerSender = String(props.mailRatePerSecond / SENDER_INSTANCES);

    this.deadLetterQueue = props.failures;
    this.queue = new Queue(this, 'Queue', {
      // Six times the sender's timeout, as Lambda advises for an SQS event source.
      visibilityTimeout: Duration.seconds(SENDER_TIMEOUT.toSeconds() * 6),
      // A message is only a doorbell, rung again every minute while the mail is due: an old one
      // is a duplicate, and keeping it would only pile up copies while the sender is down.
      retentionPeriod: Duration.hours(1),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 5 },
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    this.sender = new ApiFunction(this, 'Sender', {
      entry: 'functions/mail/sqs-sender.ts',
      // An invitation that carries its giấy mời prints it here (shared/papers): the PDF library
      // and its fonts sit beside the bundle, read only by such a send.
      loadOnDemand: ['pdf-lib', '@pdf-lib/fontkit'],
      description: `Hữu Nghị Events: sends queued mail through SES, ${SENDER_INSTANCES} instances sharing the SES rate`,
      memorySize: 512,
      timeout: SENDER_TIMEOUT,
      // This instance's share: the SES quota is per account, and up to SENDER_INSTANCES run at once.
      environment: { PUBLIC_URL: props.publicUrl, MAIL_RATE_PER_SECOND: ratePerSender },
    })
      .useTable(props.table, { envName: 'TABLE_NAME', indexNames: [], access: MAIL_TABLE_ACCESS.sender })
      .useSecret({ envName: 'LINK_SECRET', secretName: props.linkSecretName })
      .sendMailAs({ ...props.mail, healthCheck: false });
    this.sender.function.addEventSource(
      new SqsEventSource(this.queue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: SENDER_INSTANCES }),
    );

    this.sweeper = new ApiFunction(this, 'Sweeper', {
      entry: 'functions/mail/outbox-sweeper.ts',
      description: 'Hữu Nghị Events: puts due outbox messages on the send queue',
      memorySize: 256,
      timeout: Duration.seconds(50),
      environment: { MAIL_RATE_PER_SECOND: rate },
      // A failed sweep is the next minute's work: no retry, but it is kept and alarmed on.
      onFailure: { queue: props.failures, retryAttempts: 0 },
    })
      .useTable(props.table, { envName: 'TABLE_NAME', indexNames: [tableDesign.listingIndex.name], access: MAIL_TABLE_ACCESS.sweeper })
      .sendToQueue(this.queue, { envName: 'OUTBOX_QUEUE_URL' });
    new Rule(this, 'SweepEveryMinute', {
      description: 'Puts due outbox messages on the send queue',
      schedule: Schedule.rate(Duration.minutes(1)),
      // A missed run is the next minute's work anyway: no retries to pile up behind it.
      targets: [
        new LambdaFunction(this.sweeper.function, { retryAttempts: 0, maxEventAge: Duration.minutes(1), deadLetterQueue: props.failures }),
      ],
    });

    this.sesEventsTopic = new Topic(this, 'SesEventsTopic', { displayName: 'Hữu Nghị Events: SES sending events', enforceSSL: true });
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
      // Recording an event is idempotent: retried twice, then kept in the failures queue.
      onFailure: { queue: props.failures, retryAttempts: 2 },
    }).useTable(props.table, { envName: 'TABLE_NAME', indexNames: [], access: MAIL_TABLE_ACCESS.sesEvents });
    // A bounce or complaint SNS cannot hand to the function (throttled, permissions) is kept too.
    this.sesEventsTopic.addSubscription(new LambdaSubscription(this.sesEvents.function, { deadLetterQueue: props.failures }));
  }
}
