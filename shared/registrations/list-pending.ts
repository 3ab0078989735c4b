import type { Role } from '../auth/auth-schema.js';
import { can } from '../auth/permissions.js';
import { hasPassportData, maskPassportDetails } from '../delegations/passport-data.js';
import { findEventOrFail } from '../events/get-event.js';
import type { RegistrationsDeps } from './registrations-deps.js';

/**
 * Answers waiting for approval, oldest first. Their details may hold passport data: masked for
 * staff, and an organiser's read of it is logged (Decree 13/2023).
 */
export async function listPending(
  deps: RegistrationsDeps,
  eventId: string,
  reader?: { userId: string; role: Role },
) {
  await findEventOrFail(deps, eventId);
  const pending = await deps.registrations.listByResponse(eventId, 'pending');
  pending.sort((a, b) => (a.answeredAt ?? '').localeCompare(b.answeredAt ?? ''));
  const seesPassports = reader ? can(reader.role, 'passports:read') : false;
  const shown = pending.filter((i) => hasPassportData(i.details)).length;
  if (seesPassports && shown > 0 && reader) {
    await deps.personalDataLog?.recordRead({ eventId, userId: reader.userId, at: deps.now().toISOString(), what: 'pending registrations with passport data', count: shown });
  }
  return {
    items: pending.map((i) => ({
      invitationId: i.invitationId,
      name: i.name,
      organisation: i.organisation,
      position: i.position,
      email: i.email,
      answeredAt: i.answeredAt,
      details: seesPassports ? (i.details ?? {}) : maskPassportDetails((i.details ?? {}) as Record<string, string>),
      ...(i.answeredBy ? { answeredBy: i.answeredBy } : {}),
    })),
  };
}
