import type { StoredInvitation } from '../invitations/invitations-repository.js';

/** Undeliverable addresses are skipped before queuing; the sender checks the suppression list again. */
const unreachable = new Set(['bounced', 'complained', 'suppressed']);

/**
 * Who hears about the event: everyone with an address who holds its link (the invitation went
 * out, or they answered or registered themself). Someone whose invitation never went has nothing
 * to unlearn.
 */
export function noticeRecipients(invitations: StoredInvitation[]): StoredInvitation[] {
  return invitations.filter(
    (i) =>
      i.email &&
      !unreachable.has(i.emailStatus) &&
      (i.invitedAt !== undefined || i.response !== 'none' || i.emailStatus === 'sent' || i.emailStatus === 'delivered'),
  );
}
