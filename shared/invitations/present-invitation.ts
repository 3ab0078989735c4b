import { toLocalIso } from '../time/ho-chi-minh.js';
import type { Invitation } from './invitation-schema.js';
import type { StoredInvitation } from './invitations-repository.js';

/** Who an invitee is and how to reach them: what a copy of the invitation, or a member's view, carries. */
export function contactOf(invitation: Pick<StoredInvitation, 'name' | 'email' | 'phone' | 'organisation' | 'position' | 'language'>) {
  const { name, email, phone, organisation, position, language } = invitation;
  return { name, email, phone, organisation, position, language };
}

/** An invitation as the API shows it: local times, no search text, no token hash. */
export function presentInvitation(stored: StoredInvitation): Invitation {
  return {
    invitationId: stored.invitationId,
    eventId: stored.eventId,
    name: stored.name,
    email: stored.email,
    phone: stored.phone,
    organisation: stored.organisation,
    position: stored.position,
    language: stored.language,
    group: stored.group,
    salutation: stored.salutation,
    emailStatus: stored.emailStatus,
    emailError: stored.emailError,
    response: stored.response,
    createdAt: toLocalIso(stored.createdAt),
    updatedAt: toLocalIso(stored.updatedAt),
    invitedAt: stored.invitedAt ? toLocalIso(stored.invitedAt) : undefined,
    remindedAt: stored.remindedAt ? toLocalIso(stored.remindedAt) : undefined,
    answeredAt: stored.answeredAt ? toLocalIso(stored.answeredAt) : undefined,
    // An answer an organiser recorded (by phone, in person) is shown as such.
    answeredBy: stored.answeredBy ? { ...stored.answeredBy } : undefined,
  };
}
