import type { Context } from 'hono';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { createAttendeesRepository } from '../../shared/attendees/attendees-repository.js';
import { createCheckInCodes } from '../../shared/attendees/check-in-codes.js';
import type { CheckInDeps } from '../../shared/attendees/check-in-deps.js';
import type { AttendeesDeps } from '../../shared/attendees/list-attendees.js';
import { createPersonalDataLog } from '../../shared/attendees/personal-data-reads-repository.js';
import type { AuthDeps } from '../../shared/auth/auth-deps.js';
import { createPasswordHasher, type HashingBounds } from '../../shared/auth/password-hashing.js';
import { createPasswordTokensRepository } from '../../shared/auth/password-tokens-repository.js';
import { createSessionsRepository } from '../../shared/auth/sessions-repository.js';
import { createUsersRepository } from '../../shared/auth/users-repository.js';
import type { AppConfig } from '../../shared/config.js';
import { createDatabaseProbe } from '../../shared/db/health-probe.js';
import type { DelegationsDeps, PassportPurgeDeps } from '../../shared/delegations/delegations-deps.js';
import type { Mailer } from '../../shared/email/mailer.js';
import type { EventsDeps } from '../../shared/events/events-deps.js';
import { createEventsRepository } from '../../shared/events/events-repository.js';
import type { QueueMailsDeps } from '../../shared/email/queue-mails.js';
import type { EventNoticeDeps } from '../../shared/email/event-notice-deps.js';
import type { MailPreviewDeps } from '../../shared/email/render-mail-preview.js';
import type { RateLimiter } from '../../shared/rate-limits/rate-limiter.js';
import { buildMailQueueDeps } from '../mail/mail-queue-deps.js';
import type { InvitationsDeps } from '../../shared/invitations/invitations-deps.js';
import { createLinkTokens } from '../../shared/invitations/link-tokens.js';
import { createInvitationsRepository } from '../../shared/invitations/invitations-repository.js';
import { createRateLimitRepository } from '../../shared/rate-limits/rate-limit-repository.js';
import { createRateLimiter } from '../../shared/rate-limits/rate-limiter.js';
import { promoteFromWaitlist } from '../../shared/registrations/promote-from-waitlist.js';
import type { OpenRegistrationDeps } from '../../shared/registrations/open-registration.js';
import type { RegistrationsDeps } from '../../shared/registrations/registrations-deps.js';
import type { PapersDeps } from '../../shared/papers/papers-deps.js';
import type { PartnersDeps } from '../../shared/partners/partners-deps.js';
import { createRegistrationsRepository } from '../../shared/registrations/registrations-repository.js';
import type { UnitsDeps } from '../../shared/units/units-deps.js';
import { createUnitsRepository } from '../../shared/units/units-repository.js';
import { createUnitDirectory } from '../../shared/units/unit-directory.js';
import { senderNameOf } from '../../shared/units/unit-signer.js';
import { ROOT_UNIT_ID } from '../../shared/units/unit-schema.js';
import type { PersonalDataLogDeps } from '../../shared/delegations/personal-data-log.js';
import { onDemandObject } from './on-demand.js';

/** Everything the HTTP app needs, built once per process and handed to createApp. */
export type AppDeps = {
  auth: AuthDeps;
  events: EventsDeps;
  invitations: InvitationsDeps;
  registrations: RegistrationsDeps;
  attendees: AttendeesDeps;
  checkIn: CheckInDeps;
  delegations: DelegationsDeps;
  openRegistration: OpenRegistrationDeps;
  /** The purge of passport data after a trip: run daily (functions/local/start.ts, functions/jobs/). */
  passportPurge: PassportPurgeDeps;
  /** Who read an event's passport data (shared/delegations/personal-data-log.ts). */
  personalDataLog: PersonalDataLogDeps;
  mail: QueueMailsDeps;
  /** Previews, test mails and the event's notices (cancelled, changed). */
  eventMail: EventNoticeDeps & MailPreviewDeps & { mailer: Mailer; rateLimiter: RateLimiter };
  /** Official papers: giấy mời and the year's report (shared/papers). */
  papers: PapersDeps;
  /** The union, its associations and clubs: who reaches which events (shared/units). */
  units: UnitsDeps;
  /** The partners directory, occasions and greetings (shared/partners). */
  partners: PartnersDeps;
  health: { database: () => Promise<boolean>; mail: () => Promise<boolean> };
  cookies: { secure: boolean; sessionHours: number };
  /** The address a request comes from, as the adapter (Node or Lambda) knows it. */
  clientAddress: (c: Context) => string;
  /** Locally, the built web frontend to serve; in the cloud CloudFront serves it from S3. */
  webRoot?: string;
};

export function buildDeps(
  config: AppConfig,
  clients: { db: DynamoDBDocumentClient; ses?: SESv2Client | (() => Promise<SESv2Client>); mailer?: Mailer },
  adapter: {
    clientAddress: AppDeps['clientAddress'];
    webRoot?: string;
    now?: () => Date;
    scryptCost?: number;
    /** How many password hashes run and wait at once (password-hashing.ts); the defaults by default. */
    hashingBounds?: HashingBounds;
    /** Locally, wakes the in-process sender as soon as mail is queued. */
    afterQueued?: (count: number) => void;
    /**
     * How long a send or reminder request works on its job before answering (queue-mails.ts,
     * 300 ms by default); a process with no background runner (tests) lets it finish.
     */
    sendInlineBudgetMs?: number;
  },
): AppDeps {
  const { db } = clients;
  const table = config.tableName;
  const now = adapter.now ?? (() => new Date());
  // The API sends few mails itself (tests, set-password links): the SES mailer loads with the first.
  const mailer =
    clients.mailer ??
    onDemandObject(async () =>
      (await import('../../shared/email/ses-mailer.js')).createSesMailer(clients.ses!, { from: config.mailFrom, configurationSet: config.sesConfigurationSet }),
    );
  const events = createEventsRepository(db, table);
  const rateLimiter = createRateLimiter(createRateLimitRepository(db, table), now);
  const invitations = createInvitationsRepository(db, table, createLinkTokens(config.linkSecret));
  const personalDataLog = createPersonalDataLog(db, table);
  const users = createUsersRepository(db, table);
  const registrations: RegistrationsDeps = {
    registrations: createRegistrationsRepository(db, table),
    invitations,
    events,
    rateLimiter,
    now,
    afterQueued: adapter.afterQueued,
    personalDataLog,
    passportRetentionDays: config.passportRetentionDays,
  };
  const attendees: AttendeesDeps = {
    attendees: createAttendeesRepository(db, table),
    events,
    personalDataLog,
    now,
  };
  // Send jobs (a send or a reminder to a whole list) are an organiser's few clicks: their repository loads with the first.
  const sendJobs = onDemandObject(async () => (await import('../../shared/email/send-jobs-repository.js')).createSendJobsRepository(db, table));
  const mail = { ...buildMailQueueDeps(config, db, sendJobs, now), afterQueued: adapter.afterQueued, inlineBudgetMs: adapter.sendInlineBudgetMs };
  // Delegations (an official trip's roster, its passport data) are the events of a few: built at first use.
  const delegationRepository = onDemandObject(async () => (await import('../../shared/delegations/delegation-repository.js')).createDelegationRepository(db, table));
  const unitsRepository = createUnitsRepository(db, table);
  const units: UnitsDeps = {
    units: unitsRepository,
    directory: createUnitDirectory(unitsRepository),
    now,
    root: { signer: config.union, senderName: senderNameOf(config.mailFrom) },
  };
  const invitationsDeps = {
    invitations,
    events,
    rateLimiter,
    now,
    passportRetentionDays: config.passportRetentionDays,
    afterSeatFreed: async (eventId: string) => void (await promoteFromWaitlist(registrations, eventId)),
    // The union's own events need no host line: the page already carries the union's name.
    hostOf: async (unitId: string) => (unitId === ROOT_UNIT_ID ? undefined : (await units.directory.including([unitId])).get(unitId)?.name),
  };
  // Repositories of rare paths (papers, the partners directory, greetings, event notices), loaded
  // with their first use: in the Lambda each is a chunk the cold start does not read.
  const papers = onDemandObject(async () => (await import('../../shared/papers/papers-repository.js')).createPapersRepository(db, table));
  const partners = onDemandObject(async () => (await import('../../shared/partners/partners-repository.js')).createPartnersRepository(db, table));
  const greetings = onDemandObject(async () => (await import('../../shared/partners/greetings-repository.js')).createGreetingsRepository(db, table));
  const notices = onDemandObject(async () => (await import('../../shared/email/event-notices-repository.js')).createEventNoticesRepository(db, table));
  return {
    units,
    delegations: {
      ...registrations,
      delegations: delegationRepository,
      outbox: mail.outbox,
      personalDataLog,
      passportRetentionDays: config.passportRetentionDays,
      publicUrl: config.publicUrl,
    },
    openRegistration: { ...registrations, outbox: mail.outbox },
    passportPurge: { delegations: delegationRepository, personalDataLog, passportRetentionDays: config.passportRetentionDays },
    personalDataLog: { personalDataLog, events, users },
    attendees,
    checkIn: { ...attendees, codes: createCheckInCodes(config.linkSecret) },
    auth: {
      users,
      sessions: createSessionsRepository(db, table),
      passwordTokens: createPasswordTokensRepository(db, table),
      rateLimiter,
      mailer,
      passwords: createPasswordHasher(adapter.scryptCost, adapter.hashingBounds),
      now,
      publicUrl: config.publicUrl,
      sessionHours: config.sessionHours,
      union: config.union,
      units: units.directory,
      outbox: mail.outbox,
      afterQueued: adapter.afterQueued,
    },
    events: { events, now, afterCapacityRaised: async (eventId) => void (await promoteFromWaitlist(registrations, eventId)) },
    mail,
    eventMail: {
      notices,
      events,
      listInvitations: (eventId) => invitations.listAllByEvent(eventId),
      findInvitation: (eventId, invitationId) => invitations.findById(eventId, invitationId),
      publicUrl: config.publicUrl,
      unitFor: async (unitId) => (unitId ? (await units.directory.including([unitId])).get(unitId) : undefined),
      union: config.union,
      mailer,
      rateLimiter,
      now,
      afterQueued: adapter.afterQueued,
    },
    invitations: invitationsDeps,
    registrations,
    papers: {
      papers,
      events,
      invitations,
      now,
      unitOf: async (unitId) => (await units.directory.including([unitId])).get(unitId),
      greetings: { greetings, organisations: partners },
    },
    partners: {
      partners,
      greetings,
      invitationsDeps,
      papers,
      union: config.union,
      now,
      afterQueued: adapter.afterQueued,
    },
    health: { database: createDatabaseProbe(db, table), mail: () => mailer.isReachable() },
    cookies: { secure: config.secureCookies, sessionHours: config.sessionHours },
    clientAddress: adapter.clientAddress,
    webRoot: adapter.webRoot,
  };
}
