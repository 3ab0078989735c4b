import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createCheckInCodes } from '../../shared/attendees/check-in-codes.js';
import type { AppConfig } from '../../shared/config.js';
import { createPasswordTokensRepository } from '../../shared/auth/password-tokens-repository.js';
import { setPasswordMailHandler } from '../../shared/auth/set-password-mail.js';
import { createUsersRepository } from '../../shared/auth/users-repository.js';
import type { MailDeliveryDeps } from '../../shared/email/deliver-outbox-message.js';
import type { Mailer } from '../../shared/email/mailer.js';
import { createCalendarSequences } from '../../shared/email/calendar-sequences-repository.js';
import { createEventNoticesRepository } from '../../shared/email/event-notices-repository.js';
import type { QueueMailsDeps } from '../../shared/email/queue-mails.js';
import { createInvitationsRepository } from '../../shared/invitations/invitations-repository.js';
import { createLinkTokens } from '../../shared/invitations/link-tokens.js';
import { createUnitLookup } from '../../shared/units/unit-directory.js';
import { createUnitsRepository } from '../../shared/units/units-repository.js';
import { greetingMailHandler } from '../../shared/partners/greeting-mail.js';
import { createGreetingsRepository } from '../../shared/partners/greetings-repository.js';
import { createPapersRepository } from '../../shared/papers/papers-repository.js';
import { buildMailQueueDeps } from './mail-queue-deps.js';
import { createSendJobsRepository } from '../../shared/email/send-jobs-repository.js';

/**
 * The mail side, built once per process: the local worker and the cloud's sender Lambda deliver
 * with it, the SES-events Lambda records with it. The API builds only its queue side
 * (mail-queue-deps.ts).
 */
export function buildMailDeps(
  config: Pick<AppConfig, 'tableName' | 'publicUrl' | 'linkSecret'> & Partial<Pick<AppConfig, 'union'>>,
  db: DynamoDBDocumentClient,
  mailer: Mailer,
  now: () => Date = () => new Date(),
): { queue: QueueMailsDeps; delivery: MailDeliveryDeps } {
  const queue = buildMailQueueDeps(config, db, createSendJobsRepository(db, config.tableName), now);
  const { outbox, events } = queue;
  const invitations = createInvitationsRepository(db, config.tableName, createLinkTokens(config.linkSecret));
  // The same secret as the desk's check-in (functions/api/deps.ts), so the mailed code opens the door.
  const checkInCodes = createCheckInCodes(config.linkSecret);
  // By key only: the sender's grants (infra/mail-pipeline.ts) allow no Query.
  const unitFor = createUnitLookup(createUnitsRepository(db, config.tableName));
  const papers = createPapersRepository(db, config.tableName);
  return {
    queue,
    delivery: {
      outbox,
      events,
      findInvitation: (eventId, invitationId) => invitations.findById(eventId, invitationId),
      linkFor: async (invitation) => `${config.publicUrl}/r/${invitations.linkTokenOf(invitation)}`,
      mailer,
      checkInCodeFor: (eventId, invitationId) => checkInCodes.codeFor(eventId, invitationId),
      notices: createEventNoticesRepository(db, config.tableName),
      calendarSequences: createCalendarSequences(db, config.tableName),
      // Loaded with the first letter: a sender that never attaches one never reads the PDF
      // rendering (infra/lambda-bundling.ts).
      letterFor: async (event, invitation) => {
        const { invitationLetterAttachment } = await import('../../shared/papers/invitation-letter-attachment.js');
        return invitationLetterAttachment({ papers, now, unitOf: unitFor }, event, invitation);
      },
      now,
      union: config.union,
      unitFor,
      directMail: {
        greeting: buildGreetingMail(db, config.tableName, config.union),
        set_password: setPasswordMailHandler({
          users: createUsersRepository(db, config.tableName),
          passwordTokens: createPasswordTokensRepository(db, config.tableName),
          now,
          publicUrl: config.publicUrl,
          union: config.union,
        }),
      },
    },
  };
}

/** Greetings' side of the outbox (shared/partners/greeting-mail.ts): the sender and the SES-events Lambda use it. */
export function buildGreetingMail(db: DynamoDBDocumentClient, tableName: string, union?: AppConfig['union']) {
  return greetingMailHandler({ greetings: createGreetingsRepository(db, tableName), union });
}
