import { EventNotFoundError } from '../events/event-errors.js';
import type { Language } from '../errors.js';
import { findOpenEventOrFail } from './find-open-event.js';
import type { ImportResult } from './invitation-schema.js';
import type { InvitationsDeps } from './invitations-deps.js';
import { addCandidates, toCandidate } from './import-invitees.js';

export type CopyInviteesInput = {
  eventId: string;
  fromEventId: string;
  /** Leave out those who declined the earlier event. */
  excludeDeclined?: boolean;
  language: Language;
  preview?: boolean;
};

/**
 * Invites the invitees of an earlier event again (the yearly programme invites the same partners):
 * names, addresses, organisations, positions, languages and groups; never their answers or links.
 * Those already invited here are reported as duplicates, as an import would.
 */
export async function copyInvitees(deps: InvitationsDeps, input: CopyInviteesInput): Promise<ImportResult> {
  await findOpenEventOrFail(deps.events, input.eventId);
  if (!(await deps.events.findById(input.fromEventId))) throw new EventNotFoundError();
  const source = await deps.invitations.listAllByEvent(input.fromEventId);
  const now = deps.now().toISOString();
  const candidates = source
    .filter((invitation) => !(input.excludeDeclined && invitation.response === 'declined'))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((invitation) =>
      toCandidate(
        input.eventId,
        {
          name: invitation.name,
          email: invitation.email,
          phone: invitation.phone,
          organisation: invitation.organisation,
          position: invitation.position,
          language: invitation.language,
          group: invitation.group,
        },
        now,
      ),
    );
  return addCandidates(deps, input.eventId, candidates, [], input);
}
