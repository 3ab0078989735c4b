import type { Role } from '../auth/auth-schema.js';
import { ValidationError } from '../errors.js';
import type { DelegationsDeps } from './delegations-deps.js';
import { type Actor, assertManageable, eventOrFail, versionChanged } from './delegation-members.js';
import { listDelegationRoster } from './list-delegation-roster.js';

/**
 * A new protocol order from the organiser's page: ranks 1, 2, 3... in the order given, all at once
 * and only from the version the page read. The order names every member once; one added or
 * removed meanwhile makes it stale (the version moved), and the page is shown the current list.
 */
export async function reorderMembers(
  deps: DelegationsDeps,
  eventId: string,
  invitationIds: string[],
  actor: Extract<Actor, { kind: 'organiser' }>,
  reader: { userId: string; role: Role },
) {
  const event = await eventOrFail(deps, eventId);
  assertManageable(deps, event, actor);
  if (new Set(invitationIds).size !== invitationIds.length) {
    throw new ValidationError({ vi: 'Mỗi thành viên chỉ có một vị trí.', en: 'Each member has one place only.' }, [
      { path: 'invitationIds', code: 'duplicate', message: 'Each member has one place only' },
    ]);
  }
  try {
    await deps.delegations.saveProtocolOrder(eventId, actor.expectedVersion, invitationIds, deps.now().toISOString());
  } catch (error) {
    await versionChanged(deps, eventId, error);
  }
  return listDelegationRoster(deps, eventId, reader);
}
