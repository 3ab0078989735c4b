import type { PersonalDataLog } from '../attendees/personal-data-reads-repository.js';
import type { OutboxRepository } from '../email/outbox-repository.js';
import type { RegistrationsDeps } from '../registrations/registrations-deps.js';
import type { DelegationRepository } from './delegation-repository.js';

/** What the delegation use cases need; built once per process (functions/api/deps.ts). */
export type DelegationsDeps = RegistrationsDeps & {
  delegations: DelegationRepository;
  /** A member with an email gets their invitation mail through the outbox. */
  outbox: Pick<OutboxRepository, 'queueMail'>;
  personalDataLog: PersonalDataLog;
  /** The origin of personal links (PUBLIC_URL), for the link an organiser copies. */
  publicUrl: string;
};

/** The purge job needs only this (functions/jobs/purge-passport-data.ts, functions/local/start.ts). */
export type PassportPurgeDeps = {
  delegations: Pick<DelegationRepository, 'listDelegationsToPurge' | 'removeDetailFields' | 'markPurged'>;
  personalDataLog: Pick<PersonalDataLog, 'recordRead'>;
  passportRetentionDays: number;
};
