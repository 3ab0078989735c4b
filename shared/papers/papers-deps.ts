import type { EventsRepository } from '../events/events-repository.js';
import type { InvitationsRepository } from '../invitations/invitations-repository.js';
import type { PapersRepository } from './papers-repository.js';

/** What the official papers need; built once per process (functions/api/deps.ts). */
export type PapersDeps = {
  papers: PapersRepository;
  events: EventsRepository;
  invitations: InvitationsRepository;
  now: () => Date;
};
