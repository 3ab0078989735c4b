import { setPasswordDeliveryRecorder } from '../../shared/auth/set-password-mail.js';
import { createUsersRepository } from '../../shared/auth/users-repository.js';
import { createDocumentClient } from '../../shared/aws/dynamodb-client.js';
import { createOutboxRepository } from '../../shared/email/outbox-repository.js';
import { recordSesEvent, type SesEvent, type SesEventDeps } from '../../shared/email/record-ses-event.js';
import { parseLambdaEnv, tableSettings } from './lambda-env.js';
import { log, withRequestId } from '../../shared/logging/logger.js';
import { buildGreetingMail } from './mail-deps.js';

/**
 * SES's sending events (the configuration set publishes them to an SNS topic, which invokes this
 * function): a delivery, a bounce or a complaint updates the invitation; a hard bounce or a
 * complaint puts the address on the suppression list. See shared/email/record-ses-event.ts.
 *
 * An unexpected error throws: Lambda retries the SNS delivery (recording is idempotent) and the
 * Errors alarm shows it. A message that is not an SES event is logged and dropped.
 */

/** The parts of Lambda's SNS event used here (no @types/aws-lambda). */
export type SnsEvent = { Records: { Sns: { MessageId?: string; Message: string } }[] };

export function sesEventOf(message: string): SesEvent | undefined {
  try {
    const parsed = JSON.parse(message) as Partial<SesEvent> | null;
    return typeof parsed?.eventType === 'string' && typeof parsed.mail?.messageId === 'string' ? (parsed as SesEvent) : undefined;
  } catch {
    return undefined;
  }
}

export function createSesEventsHandler(deps: SesEventDeps) {
  return async function recordAll(event: SnsEvent): Promise<void> {
    for (const record of event.Records) {
      const sesEvent = sesEventOf(record.Sns.Message);
      if (!sesEvent) {
        log.warn('not an SES event; dropped', { snsMessageId: record.Sns.MessageId });
        continue;
      }
      const result = await recordSesEvent(deps, sesEvent);
      // The SES message id, not the addresses: the log keeps no personal data.
      log.info('SES event', { eventType: sesEvent.eventType, sesMessageId: sesEvent.mail.messageId, result });
    }
  };
}

let recordAll: ReturnType<typeof createSesEventsHandler> | undefined;

/** Settings read and clients made once, at the first invocation of a cold start. */
function fromEnvironment() {
  const env = parseLambdaEnv(tableSettings, process.env);
  const db = createDocumentClient({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT });
  return createSesEventsHandler({ outbox: createOutboxRepository(db, env.TABLE_NAME), now: () => new Date(), directMail: { greeting: buildGreetingMail(db, env.TABLE_NAME), set_password: setPasswordDeliveryRecorder(createUsersRepository(db, env.TABLE_NAME)) } });
}

export async function handler(event: SnsEvent, context?: { awsRequestId?: string }): Promise<void> {
  recordAll ??= fromEnvironment();
  await withRequestId(context?.awsRequestId, () => recordAll!(event));
}
