import type { NewInvitation } from '../../shared/invitations/invitations-repository.js';

/**
 * Invitee number `i` of an event as the repositories take it before any mail is sent: a
 * Vietnamese guest with an address of their own (`guest<i>@example.org`).
 */
export function guest(eventId: string, i: number, at = new Date().toISOString()): NewInvitation {
  return { eventId, name: `Khách ${i}`, email: `guest${i}@example.org`, language: 'vi', emailStatus: 'not_sent', response: 'none', createdAt: at, updatedAt: at };
}
