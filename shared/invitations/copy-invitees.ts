import { EventNotFoundError } from '../events/event-errors.js';
import type { Language } from '../errors.js';
import { findOpenEventOrFail } from './find-open-event.js';
import type { CopySkipped, ImportResult } from './invitation-schema.js';
import type { InvitationsDeps } from './invitations-deps.js';
import { addCandidates, toCandidate } from './import-invitees.js';
import { contactOf } from './present-invitation.js';

export type CopyInviteesInput = {
  eventId: string;
  fromEventId: string;
  /** Leave out those who declined the earlier event. */
  excludeDeclined?: boolean;
  language: Language;
  preview?: boolean;
};

const skippedText = {
  walk_in: {
    vi: 'Khách vãng lai đến tại cửa, không có lời mời để sao chép.',
    en: 'A walk-in, who came to the door unannounced: there is no invitation to copy.',
  },
  no_address: {
    vi: 'Không có email hay số điện thoại để gửi lời mời.',
    en: 'No email address or phone number to send an invitation to.',
  },
} as const;

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
  const skipped: CopySkipped[] = [];
  const copyable = source
    .filter((invitation) => !(input.excludeDeclined && invitation.response === 'declined'))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .filter((invitation) => {
      const reason = (invitation as { walkIn?: boolean }).walkIn ? 'walk_in' : !invitation.email && !invitation.phone ? 'no_address' : undefined;
      if (reason) skipped.push({ invitationId: invitation.invitationId, name: invitation.name, reason, message: skippedText[reason][input.language] });
      return reason === undefined;
    });
  const candidates = copyable
    .map((invitation) =>
      toCandidate(
        input.eventId,
        { ...contactOf(invitation), group: invitation.group },
        now,
      ),
    );
  const result = await addCandidates(deps, input.eventId, candidates, [], input);
  return skipped.length ? { ...result, skipped } : result;
}
