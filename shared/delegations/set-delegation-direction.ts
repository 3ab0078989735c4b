import type { DelegationDirection } from './delegation-repository.js';
import type { DelegationsDeps } from './delegations-deps.js';
import { type Actor, assertDelegation, eventOrFail, versionChanged } from './delegation-members.js';

/** Outgoing or incoming: an incoming delegation's page also keeps each member's logistics. */
export async function setDelegationDirection(
  deps: DelegationsDeps,
  eventId: string,
  direction: DelegationDirection,
  actor: Extract<Actor, { kind: 'organiser' }>,
) {
  const event = await eventOrFail(deps, eventId);
  assertDelegation(event);
  try {
    await deps.delegations.claimVersion(eventId, actor.expectedVersion, deps.now().toISOString(), direction);
  } catch (error) {
    await versionChanged(deps, eventId, error);
  }
  return deps.delegations.readSettings(eventId);
}
