import type { Role } from '../auth/auth-schema.js';
import { can } from '../auth/permissions.js';
import type { DelegationsDeps } from './delegations-deps.js';
import {
  hasPassportData,
  PASSPORT_CONSENT_VERSION,
  passportConsentText,
} from './passport-data.js';
import { assertDelegation, byProtocol, eventOrFail, presentMember } from './delegation-members.js';

/**
 * The delegation of an event for the console: every invitee is a member (docs/design.md, "One delegation,
 * one list"), whichever way they came, in protocol order, with the list's version (read first:
 * a save from it fails if anything changed after) and direction. Passport data is shown to
 * organisers and admins, masked for staff; an organiser's read of it is logged (who, when).
 */
export async function listDelegationRoster(deps: DelegationsDeps, eventId: string, reader: { userId: string; role: Role }) {
  const event = await eventOrFail(deps, eventId);
  assertDelegation(event);
  const settings = await deps.delegations.readSettings(eventId);
  const members = (await deps.invitations.listAllByEvent(eventId)).sort(byProtocol);
  const seesPassports = can(reader.role, 'passports:read');
  const shown = members.filter((m) => hasPassportData(m.details)).length;
  if (seesPassports && shown > 0) {
    await deps.personalDataLog.recordRead({
      eventId,
      userId: reader.userId,
      at: deps.now().toISOString(),
      what: 'delegation roster with passport data',
      count: shown,
    });
  }
  return {
    items: members.map((m) => presentMember(m, event, seesPassports)),
    version: settings.version,
    direction: settings.direction,
    /** What an organiser shows before entering passport data on someone's behalf. */
    passportConsent: { version: PASSPORT_CONSENT_VERSION, text: passportConsentText(deps.passportRetentionDays).onBehalf },
  };
}
