import type { Role } from './auth-schema.js';

/**
 * What each role may do (docs/api/API.md): admins everything; organisers events, invitations and lists;
 * staff read events and lists, print and check people in.
 */
export const permissions = {
  'events:read': ['admin', 'organiser', 'staff'],
  'events:write': ['admin', 'organiser'],
  'users:manage': ['admin'],
  // The union's associations and clubs (shared/units): created, renamed and retired by admins.
  'units:manage': ['admin'],
  // Staff read invitation lists (who is invited, who answered) to prepare the door; only
  // organisers and admins add, correct, remove or copy invitees.
  'invitations:read': ['admin', 'organiser', 'staff'],
  'invitations:write': ['admin', 'organiser'],
  // Staff see the waiting list and pending approvals at the door; organisers decide them.
  'registrations:read': ['admin', 'organiser', 'staff'],
  'registrations:write': ['admin', 'organiser'],
  // Lists, prints and exports; passport data inside them is masked for staff (list-attendees.ts).
  'attendees:read': ['admin', 'organiser', 'staff'],
  // The door: check-in, undo, walk-ins. Staff do all of it.
  'attendees:check-in': ['admin', 'organiser', 'staff'],
  // Passport data and its access log (Decree 13/2023): never staff, who see it masked.
  'passports:read': ['admin', 'organiser'],
  // How official papers are headed and signed: the union's name, symbol and signer.
  'papers:configure': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
