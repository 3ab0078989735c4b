import type { Salutation } from './salutations.js';
import { memberRoleOf, type DelegationRole } from '../delegations/delegation-roles.js';
import { PASSPORT_CONSENT_VERSION, PASSPORT_FIELDS, passportConsentText } from '../delegations/passport-data.js';
import type { LocalizedText } from '../errors.js';
import type { Event, Field } from '../events/event-schema.js';
import { presentEvent, publicEventFacts } from '../events/present-event.js';
import type { InvitationResponse, InviteeLanguage } from './invitation-schema.js';
import { invitationByLink } from './invitation-by-link.js';
import type { InvitationsDeps } from './invitations-deps.js';

export type OpenedInvitation = {
  event: Pick<Event, 'eventId' | 'title' | 'description' | 'agenda' | 'venue' | 'venueMapUrl' | 'contact' | 'startsAt' | 'endsAt' | 'cancelReason' | 'timeZone' | 'registrationClosesAt' | 'addressForm'> & {
    type: string;
    status: string;
    /** The association or club running its own event; absent for the union's. */
    host?: { vi: string; en?: string };
  };
  invitee: { name: string; email?: string; organisation?: string; position?: string; language: InviteeLanguage; salutation?: Salutation };
  response: InvitationResponse;
  fields: Field[];
  details?: Record<string, unknown>;
  /**
   * When the event asks for passport data: the consent text to show before it is given, and
   * whether this person consented to it already.
   */
  passportConsent?: { version: string; text: LocalizedText; given: boolean };
  /** A delegation member: their place; a head manages the delegation at /api/r/<token>/delegation. */
  delegation?: { role: DelegationRole; protocolRank?: number; isHead: boolean };
  /**
   * Came through the event's open registration page: opening the mailed link is how the person
   * confirms their address (POST /api/r/<token>/confirm-email), which takes the place.
   */
  selfRegistered?: true;
};

/** What the person who opens their personal link sees (docs/api/API.md, "Answering an invitation"). */
export async function openInvitation(deps: InvitationsDeps, token: string, clientAddress: string): Promise<OpenedInvitation> {
  // The event as an answer reads it (invitationByLink): its text from a copy checked against the
  // tally's version, status and counts fresh, so a crowd opening the mail at once does not read
  // the whole event each.
  const { invitation, event: stored } = await invitationByLink(deps, token, clientAddress);
  const event = presentEvent(stored);
  const host = await deps.hostOf?.(event.unitId);
  return {
    event: {
      ...publicEventFacts(event),
      status: event.status,
      cancelReason: event.cancelReason,
      addressForm: event.addressForm,
      ...(host ? { host } : {}),
    },
    invitee: {
      name: invitation.name,
      email: invitation.email,
      organisation: invitation.organisation,
      position: invitation.position,
      language: invitation.language,
      salutation: invitation.salutation,
    },
    response: invitation.response,
    fields: event.fields,
    ...(invitation.details ? { details: invitation.details } : {}),
    ...(event.fields.some((f) => PASSPORT_FIELDS.includes(f.key))
      ? {
          passportConsent: {
            version: PASSPORT_CONSENT_VERSION,
            text: passportConsentText(deps.passportRetentionDays ?? 30).self,
            given: invitation.consent?.version === PASSPORT_CONSENT_VERSION,
          },
        }
      : {}),
    // One list: on a delegation event every invitee is a member, with the role derived on read.
    ...(invitation.delegationRole || event.type === 'delegation'
      ? { delegation: { role: memberRoleOf(invitation), protocolRank: invitation.protocolRank, isHead: invitation.delegationRole === 'head' } }
      : {}),
    ...(invitation.selfRegistered ? { selfRegistered: true as const } : {}),
  };
}
