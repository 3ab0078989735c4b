import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportResult, Invitation, InvitationCounts } from '../../../shared/invitations/invitation-schema.js';
import { ApiError } from '../../lib/api-client.js';
import { defineMessages, inBoth, pickLocalized, textIn, type LocalizedText } from '../../lib/i18n.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { StatusBadge } from '../components/event-badges.js';
import { InvitationFilters } from '../components/invitation-filters.js';
import { InvitationPager } from '../components/invitation-pager.js';
import { InvitationEditDialog } from '../components/invitation-edit-dialog.js';
import { emailStatusList, responseList } from '../components/invitation-labels.js';
import { InviteeImport } from '../components/invitee-import.js';
import { DirectoryInvite } from '../components/directory-invite.js';
import { ActionNotice, BackToEvent, EventNotFound, LoadErrorNotice, type ActionStatus } from '../components/page-notices.js';
import { PageHeading } from '../components/page-heading.js';
import { InvitationTable } from '../components/invitation-table.js';
import { SendConfirmDialog } from '../components/send-confirm-dialog.js';
import { InvitationSendCard } from '../components/invitation-send-card.js';
import { useSendRun } from '../components/send-progress.js';
import { useApp, useCan, useText } from '../context.js';
import { navigate } from '../router.js';
import { useEvent } from '../hooks/use-event.js';
import { useInvitationList } from '../hooks/use-invitation-list.js';
import { useInvitationSending } from '../hooks/use-invitation-sending.js';
import type { PageProps } from '../routes.js';
import { errorText } from '../../lib/error-text.js';

const messages = defineMessages({
  vi: {
    title: 'Khách mời',
    back: 'Về trang sự kiện',
    notFound: 'Không tìm thấy sự kiện này.',
    add: 'Thêm khách mời',
    templates: 'Mẫu thư mời',
    sendingNow: 'Đang gửi…',
    listTitle: 'Danh sách khách mời',
    shown: 'Đang hiện {count} khách mời.',
    shownMore: 'Đang hiện {count} khách mời đầu tiên; bấm “Tải thêm” để xem tiếp.',
    empty: 'Chưa có khách mời nào. Bấm “Thêm khách mời” để bắt đầu.',
    emptyReadOnly: 'Chưa có khách mời nào.',
    noMatch: 'Không có khách mời nào phù hợp.',
    loaded: 'Đã hiện {count} khách mời.',
    resent: 'Đã xếp thư mời gửi {name} vào hàng gửi.',
    remove: 'Xóa',
    removeTitle: 'Xóa khách mời này?',
    removeText: '{name} sẽ bị xóa khỏi danh sách khách mời; đường dẫn riêng đã gửi cho họ sẽ không mở được nữa.',
    removed: 'Đã xóa {name} khỏi danh sách.',
    saved: 'Đã lưu thông tin của {name}.',
    savedAddress: 'Đã lưu thông tin của {name}. Đường dẫn cũ đã bị hủy: hãy bấm “Gửi lại” để khách nhận đường dẫn mới.',
    imported: 'Đã thêm {count} khách mời.',
  },
  en: {
    title: 'Invitees',
    back: 'Back to the event',
    notFound: 'This event was not found.',
    add: 'Add invitees',
    templates: 'Invitation mail',
    sendingNow: 'Sending…',
    listTitle: 'Invitees',
    shown: 'Showing {count} invitees.',
    shownMore: 'Showing the first {count} invitees; press “Load more” for the rest.',
    empty: 'No invitees yet. Press “Add invitees” to start.',
    emptyReadOnly: 'No invitees yet.',
    noMatch: 'No invitee matches.',
    loaded: '{count} invitees shown.',
    resent: 'The invitation to {name} is queued to go.',
    remove: 'Remove',
    removeTitle: 'Remove this invitee?',
    removeText: '{name} will be removed from the list of invitees; the personal link sent to them will stop working.',
    removed: '{name} was removed from the list.',
    saved: 'The details of {name} are saved.',
    savedAddress: 'The details of {name} are saved. The old link is revoked: press “Resend” so they get a new one.',
    imported: '{count} invitees added.',
  },
});

type Status = ActionStatus;

const pick = <T extends string>(list: readonly T[], value: string | null): T | '' => ((list as readonly string[]).includes(value ?? '') ? (value as T) : '');

/**
 * The invitees of one event: counts that filter, search as you type (the API ignores accents),
 * the list a page at a time, and for organisers adding, correcting, removing and sending. The
 * filters live in the address, so a reload or a shared link shows the same list. While mail is
 * queued the counts are read every second and drive a progress bar, also after a reload.
 */
export function InvitationsPage({ params, query }: PageProps) {
  const { api, language, announce } = useApp();
  const can = useCan();
  const t = useText(messages);
  const eventId = params.eventId!;
  const base = `/api/events/${encodeURIComponent(eventId)}/invitations`;
  const mayWrite = can('invitations:write');

  const emailStatus = pick(emailStatusList, query.get('emailStatus'));
  const response = pick(responseList, query.get('response'));
  const group = query.get('group') ?? '';
  const q = (query.get('q') ?? '').trim();
  const from = query.get('from') ?? '';

  const eventLoad = useEvent(eventId);
  const { event } = eventLoad;
  const [missing, setMissing] = useState(false);
  const [counts, setCounts] = useState<InvitationCounts>();
  const [status, setStatus] = useState<Status>();
  const [search, setSearch] = useState(q);
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<Invitation>();
  const [removing, setRemoving] = useState<Invitation>();
  const [busyRow, setBusyRow] = useState<string>();
  const addButton = useRef<HTMLButtonElement>(null);
  const countsRef = useRef<InvitationCounts | undefined>(undefined);
  countsRef.current = counts;

  const sendRun = useSendRun(eventId, counts, () => void list.loadList(false));

  const report = (kind: Status['kind'], text: string | LocalizedText) => {
    setStatus({ kind, text });
    if (kind === 'success') announce(textIn(text, language));
  };

  useEffect(() => void refreshCounts(), [eventId]);

  async function refreshCounts(): Promise<InvitationCounts | undefined> {
    try {
      const answer = await api.get<{ counts: InvitationCounts }>(`${base}/counts`);
      setCounts(answer.counts);
      return answer.counts;
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 404) setMissing(true);
      return undefined;
    }
  }

  // While anything is queued, or a send job still queues in the background, the counts are read
  // again every second (after a failed read too).
  useEffect(() => {
    if (!counts || (counts.emailStatus.queued === 0 && !(counts.sending ?? []).some((job) => job.state === 'running'))) return;
    const timer = setTimeout(() => {
      void refreshCounts().then((fresh) => {
        if (!fresh) setCounts((current) => current && { ...current });
      });
    }, 1000);
    return () => clearTimeout(timer);
  }, [counts]);

  const list = useInvitationList(
    base,
    { emailStatus, response, group, q, from },
    { onNotFound: () => setMissing(true), onMore: (count) => announce(t('loaded', { count })) },
  );
  const { items, setItems, cursor, trail, loaded, listBusy, loadList } = list;
  const notFound = missing || eventLoad.notFound;
  const loadError = list.loadError ?? (eventLoad.notFound ? undefined : eventLoad.error);
  const { confirm, setConfirm, sending, askToSend, sendNow } = useInvitationSending(base, {
    sendRun,
    countsNow: () => countsRef.current,
    onQueued: (queuedNow) => setItems((current) => current.map((i) => (queuedNow(i) ? { ...i, emailStatus: 'queued' } : i))),
    report,
    refreshCounts,
  });

  // Search as you type: the address (and so the list) follows the box after a short pause.
  useEffect(() => {
    if (search.trim() === q) return;
    const timer = setTimeout(() => navigate(link({ q: search.trim() }), { replace: true }), 300);
    return () => clearTimeout(timer);
  }, [search]);

  /** This page's address with some filters changed; read from the address bar, never stale. */
  function link(changes: Record<string, string | undefined>): string {
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    const text = next.toString();
    return `/console/events/${encodeURIComponent(eventId)}/invitations${text ? `?${text}` : ''}`;
  }
  const filter = (changes: Record<string, string | undefined>) => navigate(link(changes), { replace: true });

  async function resend(invitation: Invitation) {
    setBusyRow(invitation.invitationId);
    setStatus(undefined);
    const before = countsRef.current;
    try {
      const { queued } = await api.post<{ queued: number }>(`${base}/${encodeURIComponent(invitation.invitationId)}/resend`);
      sendRun.started(queued, before);
      setItems((current) => current.map((i) => (i.invitationId === invitation.invitationId ? { ...i, emailStatus: 'queued' } : i)));
      report('success', inBoth(messages, 'resent', { name: invitation.name }));
      await refreshCounts();
    } catch (failure) {
      report('error', errorText(failure));
    } finally {
      setBusyRow(undefined);
    }
  }

  async function remove(invitation: Invitation) {
    setBusyRow(invitation.invitationId);
    try {
      await api.delete(`${base}/${encodeURIComponent(invitation.invitationId)}`);
      setItems((current) => current.filter((i) => i.invitationId !== invitation.invitationId));
      report('success', inBoth(messages, 'removed', { name: invitation.name }));
      void refreshCounts();
      requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
    } catch (failure) {
      report('error', errorText(failure));
    } finally {
      setBusyRow(undefined);
      setRemoving(undefined);
    }
  }

  function imported(result: ImportResult) {
    setStatus(undefined);
    if (result.created > 0) {
      void refreshCounts();
      void loadList(false);
    }
  }

  const title = event ? pickLocalized(event.title, language) : undefined;
  const published = event?.status === 'published';
  /** Invitees are added, and mail templates changed, only while the event is a draft or published. */
  const open = event?.status === 'draft' || published;
  const filtered = Boolean(emailStatus || response || group || q);

  if (notFound) return <EventNotFound heading={t('title')} message={t('notFound')} />;

  return (
    <section class="invitations-page">
      <BackToEvent eventId={eventId} title={title} fallback={t('back')} />
      <PageHeading text={t('title')}>{event && <StatusBadge status={event.status} />}</PageHeading>
      <ActionNotice status={status} />
      <LoadErrorNotice message={loadError} onRetry={() => void loadList(false)} />

      {mayWrite && open && (
        <div class="toolbar">
          {!importing && (
            <button type="button" ref={addButton} class="button primary" onClick={() => setImporting(true)}>
              {t('add')}
            </button>
          )}
          {!importing && can('partners:read') && <DirectoryInvite eventId={eventId} onImported={imported} />}
          {can('events:write') && (
            <a class="button" href={`/console/events/${encodeURIComponent(eventId)}/mail-templates`}>
              {t('templates')}
            </a>
          )}
        </div>
      )}

      {mayWrite && open && importing && (
        <InviteeImport
          eventId={eventId}
          onImported={imported}
          onClose={() => {
            setImporting(false);
            requestAnimationFrame(() => addButton.current?.focus());
          }}
        />
      )}

      {(mayWrite || sendRun.run) && counts && (counts.total > 0 || sendRun.run) && (
        <InvitationSendCard
          counts={counts}
          run={sendRun.run}
          mayWrite={mayWrite}
          published={published}
          eventKnown={event !== undefined}
          busy={sending || confirm !== undefined}
          sendingNow={sending && confirm?.kind === 'send'}
          linkTo={link}
          onAsk={(kind) => {
            setStatus(undefined);
            void askToSend(kind);
          }}
        />
      )}

      {(counts?.total !== 0 || filtered) && (
        <InvitationFilters
          base={base}
          counts={counts}
          active={{ emailStatus, response, group, q }}
          search={search}
          onSearch={setSearch}
          onFilter={(changes) => filter(changes)}
        />
      )}

      <datalist id="invitation-groups">
        {counts?.groups.map((g) => (
          <option key={g.group} value={g.group} />
        ))}
      </datalist>

      <h2 class="visually-hidden">{t('listTitle')}</h2>
      <p class="result-line" role="status">
        {loaded && items.length > 0 ? (cursor ? t('shownMore', { count: items.length }) : t('shown', { count: items.length })) : ''}
      </p>
      <div id="invitation-list" aria-busy={listBusy === 'refresh' ? 'true' : 'false'}>
        {!loaded ? (
          !loadError && (
            <p class="loading" role="status">
              {t('common.loading')}
            </p>
          )
        ) : items.length === 0 ? (
          <p class="empty">{filtered ? t('noMatch') : mayWrite && open ? t('empty') : t('emptyReadOnly')}</p>
        ) : (
          <InvitationTable
            items={items}
            mayWrite={mayWrite}
            mayResend={published}
            busyRow={busyRow}
            onEdit={setEditing}
            onRemove={setRemoving}
            onResend={(invitation) => void resend(invitation)}
          />
        )}
      </div>
      {loaded && (cursor || trail.length > 0 || from) && (
        <InvitationPager
          from={from}
          showLetters={!q}
          hasPrevious={trail.length > 0}
          hasNext={Boolean(cursor)}
          busy={listBusy !== undefined}
          onFrom={(letter) => filter({ from: letter })}
          onPrevious={() => void loadList(true, trail[trail.length - 1], true)}
          onNext={() => void loadList(true, cursor)}
        />
      )}

      {editing && (
        <InvitationEditDialog
          eventId={eventId}
          invitation={editing}
          onSaved={(invitation, addressChanged) => {
            setItems((current) => current.map((i) => (i.invitationId === invitation.invitationId ? invitation : i)));
            report('success', inBoth(messages, addressChanged ? 'savedAddress' : 'saved', { name: invitation.name }));
            void refreshCounts();
          }}
          onClose={() => setEditing(undefined)}
        />
      )}

      <ConfirmDialog
        open={removing !== undefined}
        title={t('removeTitle')}
        confirmLabel={t('remove')}
        danger
        busy={busyRow !== undefined}
        onConfirm={() => removing && void remove(removing)}
        onClose={() => setRemoving(undefined)}
      >
        <p>{t('removeText', { name: removing?.name ?? '' })}</p>
      </ConfirmDialog>

      <SendConfirmDialog confirm={confirm} sending={sending} onSend={(kind) => void sendNow(kind)} onClose={() => setConfirm(undefined)} />
    </section>
  );
}
