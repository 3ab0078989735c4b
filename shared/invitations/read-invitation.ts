import type { InvitationsDeps } from './invitations-deps.js';
import { findInvitation } from './find-invitation.js';
import { presentInvitation } from './present-invitation.js';

/** One invitation as the console shows it: its answer and mail status. */
export async function readInvitation(deps: Pick<InvitationsDeps, 'invitations'>, eventId: string, invitationId: string) {
  return { invitation: presentInvitation(await findInvitation(deps, eventId, invitationId)) };
}
