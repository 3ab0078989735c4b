import type { UnionSigner } from '../email/mail-layout.js';
import type { InvitationsDeps } from '../invitations/invitations-deps.js';
import type { PapersRepository } from '../papers/papers-repository.js';
import type { GreetingsRepository } from './greetings-repository.js';
import type { PartnersRepository } from './partners-repository.js';

/** What the partners directory and greetings need; built once per process (functions/api/deps.ts). */
export type PartnersDeps = {
  partners: PartnersRepository;
  greetings: GreetingsRepository;
  /** The invitation side: events, their lists, and the import the directory draws lists through. */
  invitationsDeps: InvitationsDeps;
  /** The letterhead of printed greetings: the union's papers settings. */
  papers: Pick<PapersRepository, 'findSettings'>;
  union?: UnionSigner;
  now: () => Date;
  /** Locally, wakes the in-process sender as soon as mail is queued. */
  afterQueued?: (count: number) => void;
};
