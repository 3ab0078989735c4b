import { delegationRoleLabels, delegationRoles } from './delegation-roles.js';
import type { DelegationsDeps } from './delegations-deps.js';
import {
  PASSPORT_CONSENT_VERSION,
  passportConsentText,
} from './passport-data.js';
import { findHeadByLink, membersOf, presentMember } from './delegation-members.js';

/**
 * What the head sees: the trip, themself in full, and every member of their delegation with
 * passport data masked (shown only to organisers), each member's passport warnings, and the
 * consent text the head attests when entering a member's passport.
 */
export async function getDelegationForHead(deps: DelegationsDeps, token: string, clientAddress: string) {
  const { head, event } = await findHeadByLink(deps, token, clientAddress);
  const members = await membersOf(deps, event.eventId, head.invitationId);
  return {
    event: {
      eventId: event.eventId,
      title: event.title,
      venue: event.venue,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      status: event.status,
      registrationClosesAt: event.registrationClosesAt,
    },
    head: presentMember(head, event, true),
    members: members.map((m) => presentMember(m, event, false)),
    fields: event.fields,
    roles: delegationRoles.filter((r) => r !== 'head').map((role) => ({ role, label: delegationRoleLabels[role] })),
    passportConsent: { version: PASSPORT_CONSENT_VERSION, text: passportConsentText(deps.passportRetentionDays).onBehalf },
  };
}
