import type { PersonalDataLog } from '../attendees/personal-data-reads-repository.js';
import { EventNotFoundError } from '../events/event-errors.js';
import type { EventsRepository } from '../events/events-repository.js';
import { toLocalIso } from '../time/ho-chi-minh.js';
import type { UsersRepository } from '../auth/users-repository.js';

export type PersonalDataLogDeps = {
  personalDataLog: Pick<PersonalDataLog, 'listReads'>;
  events: Pick<EventsRepository, 'findById'>;
  /** Names the reader; none for 'system' or a user since removed. */
  users: Pick<UsersRepository, 'findById'>;
};

async function describeUser(deps: PersonalDataLogDeps, userId: string) {
  const user = userId === 'system' ? undefined : await deps.users.findById(userId);
  return user ? { name: user.name, email: user.email } : undefined;
}

/** Who read an event's passport data and when, and when it was purged: newest first. */
export async function readPersonalDataLog(deps: PersonalDataLogDeps, eventId: string) {
  if (!(await deps.events.findById(eventId))) throw new EventNotFoundError();
  const reads = await deps.personalDataLog.listReads(eventId);
  const users = new Map<string, { name: string; email: string } | undefined>();
  for (const userId of new Set(reads.map((r) => r.userId))) {
    users.set(userId, await describeUser(deps, userId));
  }
  const items = reads
    .sort((a, b) => b.at.localeCompare(a.at))
    .map((read) => ({
      kind: read.kind ?? 'read',
      userId: read.userId,
      ...(users.get(read.userId) ? { user: users.get(read.userId) } : {}),
      at: toLocalIso(read.at),
      what: read.what,
      ...(read.count !== undefined ? { count: read.count } : {}),
    }));
  return { items };
}
