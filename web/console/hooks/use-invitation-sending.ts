import { useState } from 'preact/hooks';
import type { Invitation, InvitationCounts } from '../../../shared/invitations/invitation-schema.js';
import type { ApiClient, Query } from '../../lib/api-client.js';
import { errorText } from '../../lib/error-text.js';
import { defineMessages, inBoth, type LocalizedText } from '../../lib/i18n.js';
import type { SendConfirmation } from '../components/send-confirm-dialog.js';
import type { useSendRun } from '../components/send-progress.js';
import { useApp } from '../context.js';
import type { InvitationPage } from './use-invitation-list.js';

const messages = defineMessages({
  vi: {
    queued: 'Đã xếp {count} thư vào hàng gửi.',
    queuedNone: 'Không có thư nào cần gửi.',
  },
  en: {
    queued: '{count} mails queued to go.',
    queuedNone: 'There was nothing to send.',
  },
});

/** How many invitations match, counted through the list (the counts do not cross filters). */
async function countMatching(api: ApiClient, base: string, filters: Query, keep: (invitation: Invitation) => boolean) {
  let matching = 0;
  let without = 0;
  let next: string | undefined;
  for (let round = 0; round < 50; round += 1) {
    const page = await api.get<InvitationPage>(base, { ...filters, limit: 1000, cursor: next });
    for (const invitation of page.items) {
      if (!invitation.email) without += 1;
      else if (keep(invitation)) matching += 1;
    }
    next = page.nextCursor;
    if (!next) break;
  }
  return { matching, without };
}

/**
 * Sending an event's invitations or reminders: how many would go is counted first and asked
 * about (SendConfirmDialog), then the API queues them and the run's progress follows.
 */
export function useInvitationSending(
  base: string,
  deps: {
    sendRun: ReturnType<typeof useSendRun>;
    /** The counts as the page has them now (the run starts from them). */
    countsNow: () => InvitationCounts | undefined;
    /** The rows on screen that the API has just queued. */
    onQueued: (queuedNow: (invitation: Invitation) => boolean) => void;
    report: (kind: 'success' | 'error', text: string | LocalizedText) => void;
    refreshCounts: () => Promise<unknown>;
  },
) {
  const { api } = useApp();
  const [confirm, setConfirm] = useState<SendConfirmation>();
  const [sending, setSending] = useState(false);

  async function askToSend(kind: 'send' | 'remind') {
    setConfirm({ kind });
    try {
      const { matching, without } =
        kind === 'send'
          ? await countMatching(api, base, { emailStatus: 'not_sent' }, () => true)
          : await countMatching(api, base, { response: 'none' }, (i) => i.emailStatus === 'sent' || i.emailStatus === 'delivered');
      setConfirm((current) => current && { ...current, count: matching, phoneOnly: kind === 'send' ? without : 0 });
    } catch (failure) {
      setConfirm(undefined);
      deps.report('error', errorText(failure));
    }
  }

  async function sendNow(kind: 'send' | 'remind') {
    setSending(true);
    const before = deps.countsNow();
    try {
      // A long list goes on in the background (`job` running): the count the dialog showed is the run's size.
      const { queued, job } = await api.post<{ queued: number; job?: { state: string } }>(`${base}/${kind}`, kind === 'send' ? {} : undefined);
      const expected = job?.state === 'running' ? Math.max(queued, confirm?.count ?? 0) : queued;
      deps.sendRun.started(queued, before, expected);
      // The rows the API has just queued say so at once (the list is read again when all is sent).
      const queuedNow = (i: Invitation) =>
        Boolean(i.email) &&
        (kind === 'send' ? i.emailStatus === 'not_sent' : i.response === 'none' && (i.emailStatus === 'sent' || i.emailStatus === 'delivered'));
      if (expected > 0) deps.onQueued(queuedNow);
      deps.report('success', expected > 0 ? inBoth(messages, 'queued', { count: expected }) : inBoth(messages, 'queuedNone'));
      await deps.refreshCounts();
    } catch (failure) {
      deps.report('error', errorText(failure));
    } finally {
      setSending(false);
      setConfirm(undefined);
    }
  }

  return { confirm, setConfirm, sending, askToSend, sendNow };
}
