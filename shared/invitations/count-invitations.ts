import { EventNotFoundError } from '../events/event-errors.js';
import { readCounters } from './invitation-counts.js';
import { emailStatuses, invitationResponses, type EmailStatus, type InvitationCounts, type InvitationResponse } from './invitation-schema.js';
import type { InvitationsDeps } from './invitations-deps.js';

/**
 * How many invitations of an event are in each email status and each response, and in each group:
 * read from the event's count items (one Query of a few small items), which every change moves in
 * its own transaction (shared/invitations/invitation-counts.ts; answers on the tally). An event
 * from before those counts is counted once from its invitations, and the counts written under a
 * condition that nothing moved meanwhile; from then on it reads as the others.
 */
const collator = new Intl.Collator('vi', { numeric: true });

type Counted = { emailStatus: Record<string, number>; response: Record<string, number>; groups: Map<string, number> };

function present(counted: Counted): InvitationCounts {
  const emailStatus = Object.fromEntries(emailStatuses.map((s) => [s, Math.max(0, counted.emailStatus[s] ?? 0)])) as Record<EmailStatus, number>;
  const response = Object.fromEntries(invitationResponses.map((r) => [r, Math.max(0, counted.response[r] ?? 0)])) as Record<InvitationResponse, number>;
  return {
    total: Object.values(response).reduce((a, b) => a + b, 0),
    emailStatus,
    response,
    groups: [...counted.groups]
      .filter(([, count]) => count > 0)
      .map(([group, count]) => ({ group, count }))
      .sort((a, b) => collator.compare(a.group, b.group)),
  };
}

const responsesOf = (tally: Record<string, unknown>) =>
  Object.fromEntries(invitationResponses.map((r) => [r, Number(tally[r] ?? 0)])) as Record<string, number>;

export async function countInvitations(deps: InvitationsDeps, eventId: string): Promise<InvitationCounts> {
  let counted: Counted | undefined;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const seen = await deps.invitations.readCountItems(eventId);
    if (!seen.tally) {
      // No tally: no such event, or one stored before the tallies (reading it writes them).
      if (attempt > 0 || !(await deps.events.findById(eventId))) throw new EventNotFoundError();
      continue;
    }
    if (seen.tally.responsesCounted && seen.counts?.counted) {
      const { emailStatus, groups } = readCounters(seen.counts);
      return present({ emailStatus, response: responsesOf(seen.tally), groups });
    }
    counted = { emailStatus: {}, response: {}, groups: new Map() };
    for (const invitation of await deps.invitations.listCountedFields(eventId)) {
      counted.emailStatus[invitation.emailStatus] = (counted.emailStatus[invitation.emailStatus] ?? 0) + 1;
      counted.response[invitation.response] = (counted.response[invitation.response] ?? 0) + 1;
      if (invitation.group) counted.groups.set(invitation.group, (counted.groups.get(invitation.group) ?? 0) + 1);
    }
    if (await deps.invitations.writeCountedOnce(eventId, { tally: seen.tally, counts: seen.counts }, counted)) break;
  }
  // Counted from the invitations (written, or too busy to write this time: the next read tries again).
  if (!counted) throw new EventNotFoundError();
  return present(counted);
}
