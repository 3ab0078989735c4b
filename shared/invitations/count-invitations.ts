import { EventNotFoundError } from '../events/event-errors.js';
import { emailStatuses, invitationResponses, type InvitationCounts } from './invitation-schema.js';
import type { InvitationsDeps } from './invitations-deps.js';

/**
 * How many invitations of an event are in each email status and each response, and in each group.
 * Computed from the invitations (one paginated Query of the event's partition), not kept as
 * counters: email statuses are moved by SES notifications arriving in bursts and answers by
 * invitees, and fifteen counters on the event item would make every one of those writes contend
 * for one hot item, and any drift would stay for good. A list of a few thousand invitations
 * reads in well under a second. The event's `counts.invited` is the one counter, kept in the
 * same transaction as the invitations it counts.
 */
const collator = new Intl.Collator('vi', { numeric: true });

export async function countInvitations(deps: InvitationsDeps, eventId: string): Promise<InvitationCounts> {
  if (!(await deps.events.findById(eventId))) throw new EventNotFoundError();
  const invitations = await deps.invitations.listAllByEvent(eventId);
  const emailStatus = Object.fromEntries(emailStatuses.map((s) => [s, 0])) as InvitationCounts['emailStatus'];
  const response = Object.fromEntries(invitationResponses.map((r) => [r, 0])) as InvitationCounts['response'];
  const groups = new Map<string, number>();
  for (const invitation of invitations) {
    emailStatus[invitation.emailStatus] = (emailStatus[invitation.emailStatus] ?? 0) + 1;
    response[invitation.response] = (response[invitation.response] ?? 0) + 1;
    if (invitation.group) groups.set(invitation.group, (groups.get(invitation.group) ?? 0) + 1);
  }
  return {
    total: invitations.length,
    emailStatus,
    response,
    groups: [...groups].map(([group, count]) => ({ group, count })).sort((a, b) => collator.compare(a.group, b.group)),
  };
}
