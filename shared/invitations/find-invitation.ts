import { InvitationNotFoundError } from './invitation-errors.js';
import type { InvitationsDeps } from './invitations-deps.js';
import type { StoredInvitation } from './invitations-repository.js';

/** One invitation of an event, or 404 (an id of another event is as unknown as a made-up one). */
export async function findInvitation(deps: Pick<InvitationsDeps, 'invitations'>, eventId: string, invitationId: string): Promise<StoredInvitation> {
  const invitation = await deps.invitations.findById(eventId, invitationId);
  if (!invitation) throw new InvitationNotFoundError();
  return invitation;
}
