import { findEventOrFail } from '../events/get-event.js';
import type { RegistrationsDeps } from './registrations-deps.js';

/** The waiting list in order, with who is on it. */
export async function listWaitlist(deps: RegistrationsDeps, eventId: string) {
  await findEventOrFail(deps, eventId);
  const entries = await deps.registrations.listWaitlist(eventId);
  const items = await Promise.all(
    entries.map(async (entry, index) => {
      const invitation = await deps.invitations.findById(eventId, entry.invitationId);
      return {
        position: index + 1,
        invitationId: entry.invitationId,
        waitlistedAt: entry.waitlistedAt,
        name: invitation?.name,
        organisation: invitation?.organisation,
        email: invitation?.email,
      };
    }),
  );
  return { items };
}
