import type { EventsRepository } from '../events/events-repository.js';
import type { InvitationsRepository } from '../invitations/invitations-repository.js';
import type { GreetingsRepository } from '../partners/greetings-repository.js';
import type { PartnersRepository } from '../partners/partners-repository.js';
import type { PapersRepository } from './papers-repository.js';
import type { Unit } from '../units/unit-schema.js';

/** What the official papers need; built once per process (functions/api/deps.ts). */
export type PapersDeps = {
  papers: PapersRepository;
  events: EventsRepository;
  invitations: InvitationsRepository;
  now: () => Date;
  /** The unit running an event (shared/units): an association's letters go out in its name, under the union. */
  unitOf?: (unitId: string) => Promise<Unit | undefined>;
  /** The greetings sent to partners, for the year's report; absent: the report has no greetings section. */
  greetings?: {
    greetings: Pick<GreetingsRepository, 'listCampaigns' | 'listRecipients'>;
    organisations: Pick<PartnersRepository, 'listOrganisations'>;
  };
};
