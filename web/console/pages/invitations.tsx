import { useEffect, useRef, useState } from 'preact/hooks';
import { downloadFile } from '../../lib/download.js';
import type { Event } from '../../../shared/events/event-schema.js';
import type {
  EmailStatus,
  ImportResult,
  Invitation,
  InvitationCounts,
  InvitationResponse,
} from '../../../shared/invitations/invitation-schema.js';
import { ApiError, type Query } from '../../lib/api-client.js';
import { formatDateTime } from '../../lib/datetime.js';
import { defineMessages, inBoth, pickLocalized, textIn, type LocalizedText } from '../../lib/i18n.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { StatusBadge } from '../components/event-badges.js';
import { InvitationPager } from '../components/invitation-pager.js';
import { InvitationEditDialog } from '../components/invitation-edit-dialog.js';
import {
  EmailStatusBadge,
  ResponseBadge,
  emailStatusList,
  invitationLabels,
  responseList,
  undeliveredStatuses,
} from '../components/invitation-labels.js';
import { InviteeImport } from '../components/invitee-import.js';
import { DirectoryInvite } from '../components/directory-invite.js';
import { OnBehalfMark } from '../components/on-behalf-mark.js';
import { ActionNotice, BackToEvent, EventNotFound, LoadErrorNotice, type ActionStatus } from '../components/page-notices.js';
import { PageHeading } from '../components/page-heading.js';
import { SendProgress, failuresIn, useSendRun } from '../components/send-progress.js';
import { useApp, useCan, useText } from '../context.js';
import { navigate } from '../router.js';
import type { PageProps } from '../routes.js';

const messages = defineMessages({
  vi: {
    'matchedOn.organisation': 'Khớp đơn vị',
    'matchedOn.email': 'Khớp email',
    'matchedOn.phone': 'Khớp số điện thoại',
    title: 'Khách mời',
    back: 'Về trang sự kiện',
    notFound: 'Không tìm thấy sự kiện này.',
    add: 'Thêm khách mời',
    templates: 'Mẫu thư mời',
    sendTitle: 'Gửi thư mời',
    send: 'Gửi thư mời',
    sendingNow: 'Đang gửi…',
    remind: 'Nhắc người chưa trả lời',
    notPublished: 'Thư mời chỉ được gửi khi sự kiện đã công bố. Hãy công bố sự kiện ở trang sự kiện.',
    counting: 'Đang đếm…',
    sendConfirmTitle: 'Gửi thư mời?',
    sendConfirm: 'Thư mời sẽ được gửi tới {count} khách mời chưa nhận thư, mỗi người bằng ngôn ngữ của mình.',
    sendNone: 'Không còn khách mời nào có email mà chưa được gửi thư mời.',
    phoneOnly: '{count} khách mời chỉ có số điện thoại sẽ không nhận được email; hãy liên hệ họ bằng điện thoại.',
    sendGo: 'Gửi {count} thư mời',
    remindConfirmTitle: 'Gửi thư nhắc?',
    remindConfirm: 'Thư nhắc sẽ được gửi tới {count} khách mời đã nhận thư mời nhưng chưa trả lời.',
    remindNone: 'Không có ai cần nhắc: mọi khách mời đã nhận thư đều đã trả lời.',
    remindGo: 'Gửi {count} thư nhắc',
    queued: 'Đã xếp {count} thư vào hàng gửi.',
    queuedNone: 'Không có thư nào cần gửi.',
    undelivered: '{count} thư không đến được người nhận:',
    undeliveredHint:
      'Kiểm tra lại địa chỉ (nút Sửa), rồi bấm Gửi lại. Địa chỉ bị trả lại hoặc báo thư rác sẽ bị chặn: hệ thống không gửi tới đó nữa; hãy xin khách mời một địa chỉ khác.',
    show: 'Xem',
    countsTitle: 'Lọc danh sách',
    byMail: 'Theo tình trạng thư',
    byAnswer: 'Theo phản hồi',
    all: 'Tất cả',
    search: 'Tìm khách mời',
    searchHint: 'Tên, đơn vị, email hoặc số điện thoại; gõ không dấu cũng được.',
    group: 'Nhóm',
    allGroups: 'Tất cả các nhóm',
    clear: 'Bỏ lọc',
    exportTitle: 'Tải danh sách đang xem',
    exportXlsx: 'Tải Excel (XLSX)',
    exportCsv: 'Tải CSV',
    exportHint: 'Tệp gồm đúng những khách mời bộ lọc đang chọn, kèm tình trạng thư và câu trả lời.',
    listTitle: 'Danh sách khách mời',
    shown: 'Đang hiện {count} khách mời.',
    shownMore: 'Đang hiện {count} khách mời đầu tiên; bấm “Tải thêm” để xem tiếp.',
    empty: 'Chưa có khách mời nào. Bấm “Thêm khách mời” để bắt đầu.',
    emptyReadOnly: 'Chưa có khách mời nào.',
    noMatch: 'Không có khách mời nào phù hợp.',
    loaded: 'Đã hiện {count} khách mời.',
    invitee: 'Khách mời',
    contact: 'Liên hệ',
    mail: 'Thư mời',
    answer: 'Phản hồi',
    actions: 'Thao tác',
    invitedAt: 'Mời: {at}',
    remindedAt: 'Nhắc: {at}',
    edit: 'Sửa',
    editLabel: 'Sửa thông tin của {name}',
    resend: 'Gửi lại',
    sendOne: 'Gửi',
    resendLabel: 'Gửi lại thư mời cho {name}',
    sendOneLabel: 'Gửi thư mời cho {name}',
    resent: 'Đã xếp thư mời gửi {name} vào hàng gửi.',
    remove: 'Xóa',
    removeLabel: 'Xóa {name} khỏi danh sách',
    removeTitle: 'Xóa khách mời này?',
    removeText: '{name} sẽ bị xóa khỏi danh sách khách mời; đường dẫn riêng đã gửi cho họ sẽ không mở được nữa.',
    removed: 'Đã xóa {name} khỏi danh sách.',
    saved: 'Đã lưu thông tin của {name}.',
    savedAddress: 'Đã lưu thông tin của {name}. Đường dẫn cũ đã bị hủy: hãy bấm “Gửi lại” để khách nhận đường dẫn mới.',
    imported: 'Đã thêm {count} khách mời.',
  },
  en: {
    'matchedOn.organisation': 'Organisation matches',
    'matchedOn.email': 'Email matches',
    'matchedOn.phone': 'Phone matches',
    title: 'Invitees',
    back: 'Back to the event',
    notFound: 'This event was not found.',
    add: 'Add invitees',
    templates: 'Invitation mail',
    sendTitle: 'Send invitations',
    send: 'Send invitations',
    sendingNow: 'Sending…',
    remind: 'Remind those who have not answered',
    notPublished: 'Invitations go out only once the event is published. Publish it on the event page.',
    counting: 'Counting…',
    sendConfirmTitle: 'Send the invitations?',
    sendConfirm: 'The invitation goes to {count} invitees who have not had it yet, each in their own language.',
    sendNone: 'Every invitee with an email address has already been sent the invitation.',
    phoneOnly: '{count} invitees have only a phone number and get no email; please call them.',
    sendGo: 'Send {count} invitations',
    remindConfirmTitle: 'Send reminders?',
    remindConfirm: 'A reminder goes to {count} invitees who were sent the invitation and have not answered.',
    remindNone: 'Nobody to remind: everyone who was sent the invitation has answered.',
    remindGo: 'Send {count} reminders',
    queued: '{count} mails queued to go.',
    queuedNone: 'There was nothing to send.',
    undelivered: '{count} mails did not reach their reader:',
    undeliveredHint:
      'Check the address (Edit) and press Resend. An address that bounced or reported spam is blocked: nothing is sent there again; ask the invitee for another address.',
    show: 'Show',
    countsTitle: 'Filter the list',
    byMail: 'By mail status',
    byAnswer: 'By answer',
    all: 'All',
    search: 'Search invitees',
    searchHint: 'Name, organisation, email or phone; accents are optional.',
    group: 'Group',
    allGroups: 'All groups',
    clear: 'Clear filters',
    exportTitle: 'Download the list shown',
    exportXlsx: 'Download Excel (XLSX)',
    exportCsv: 'Download CSV',
    exportHint: 'The file holds exactly the invitees the filters show, with their email status and answer.',
    listTitle: 'Invitees',
    shown: 'Showing {count} invitees.',
    shownMore: 'Showing the first {count} invitees; press “Load more” for the rest.',
    empty: 'No invitees yet. Press “Add invitees” to start.',
    emptyReadOnly: 'No invitees yet.',
    noMatch: 'No invitee matches.',
    loaded: '{count} invitees shown.',
    invitee: 'Invitee',
    contact: 'Contact',
    mail: 'Invitation',
    answer: 'Answer',
    actions: 'Actions',
    invitedAt: 'Invited: {at}',
    remindedAt: 'Reminded: {at}',
    edit: 'Edit',
    editLabel: 'Edit {name}',
    resend: 'Resend',
    sendOne: 'Send',
    resendLabel: 'Resend the invitation to {name}',
    sendOneLabel: 'Send the invitation to {name}',
    resent: 'The invitation to {name} is queued to go.',
    remove: 'Remove',
    removeLabel: 'Remove {name} from the list',
    removeTitle: 'Remove this invitee?',
    removeText: '{name} will be removed from the list of invitees; the personal link sent to them will stop working.',
    removed: '{name} was removed from the list.',
    saved: 'The details of {name} are saved.',
    savedAddress: 'The details of {name} are saved. The old link is revoked: press “Resend” so they get a new one.',
    imported: '{count} invitees added.',
  },
});

const PAGE_SIZE = 50;
type Page = { items: Invitation[]; nextCursor?: string };
type Status = ActionStatus;
/** Statuses from which the API sends an invitation again on request. */
const resendable: readonly EmailStatus[] = ['not_sent', 'sent', 'delivered', 'failed'];

const pick = <T extends string>(list: readonly T[], value: string | null): T | '' =>
  (list as readonly string[]).includes(value ?? '') ? (value as T) : '';

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
  const tl = useText(invitationLabels);
  const eventId = params.eventId!;
  const base = `/api/events/${encodeURIComponent(eventId)}/invitations`;
  const mayWrite = can('invitations:write');

  const emailStatus = pick(emailStatusList, query.get('emailStatus'));
  const response = pick(responseList, query.get('response'));
  const group = query.get('group') ?? '';
  const q = (query.get('q') ?? '').trim();
  const from = query.get('from') ?? '';

  const [event, setEvent] = useState<Event>();
  const [notFound, setNotFound] = useState(false);
  const [exportError, setExportError] = useState<string>();
  const [counts, setCounts] = useState<InvitationCounts>();
  const [items, setItems] = useState<Invitation[]>([]);
  const [cursor, setCursor] = useState<string>();
  // The cursors of the pages before this one (the first page has none): one page on screen at a time.
  const [trail, setTrail] = useState<(string | undefined)[]>([]);
  const [pageCursor, setPageCursor] = useState<string>();
  const [loaded, setLoaded] = useState(false);
  const [listBusy, setListBusy] = useState<'refresh' | 'more'>();
  const [loadError, setLoadError] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const [search, setSearch] = useState(q);
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<Invitation>();
  const [removing, setRemoving] = useState<Invitation>();
  const [busyRow, setBusyRow] = useState<string>();
  const [confirm, setConfirm] = useState<{ kind: 'send' | 'remind'; count?: number; phoneOnly?: number }>();
  const [sending, setSending] = useState(false);
  const listRequest = useRef(0);
  const firstNew = useRef<string | undefined>(undefined);
  const addButton = useRef<HTMLButtonElement>(null);
  const countsRef = useRef<InvitationCounts | undefined>(undefined);
  countsRef.current = counts;

  const sendRun = useSendRun(eventId, counts, () => void loadList(false));

  const report = (kind: Status['kind'], text: string | LocalizedText) => {
    setStatus({ kind, text });
    if (kind === 'success') announce(textIn(text, language));
  };
  const failureText = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

  useEffect(() => {
    api
      .get<{ event: Event }>(`/api/events/${encodeURIComponent(eventId)}`)
      .then((answer) => setEvent(answer.event))
      .catch((failure: unknown) => {
        if (failure instanceof ApiError && failure.status === 404) setNotFound(true);
        else setLoadError(failureText(failure));
      });
    void refreshCounts();
  }, [eventId]);

  async function refreshCounts(): Promise<InvitationCounts | undefined> {
    try {
      const answer = await api.get<{ counts: InvitationCounts }>(`${base}/counts`);
      setCounts(answer.counts);
      return answer.counts;
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 404) setNotFound(true);
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

  /** A page of the list: the first (`more` false), or the one at `at` (a step forward or back). */
  async function loadList(more: boolean, at?: string, back = false) {
    const id = ++listRequest.current;
    setListBusy(more ? 'more' : 'refresh');
    try {
      const pageAt = more ? at : undefined;
      const page = await api.get<Page>(base, {
        emailStatus,
        response,
        group,
        q,
        from: q ? undefined : from,
        limit: PAGE_SIZE,
        cursor: pageAt,
      } satisfies Query);
      if (id !== listRequest.current) return;
      firstNew.current = more ? page.items[0]?.invitationId : undefined;
      setItems(page.items);
      if (!more) setTrail([]);
      else if (back) setTrail((current) => current.slice(0, -1));
      else setTrail((current) => [...current, pageCursor]);
      setPageCursor(pageAt);
      setCursor(page.nextCursor);
      setLoaded(true);
      setLoadError(undefined);
      if (more) announce(t('loaded', { count: page.items.length }));
    } catch (failure) {
      if (id !== listRequest.current) return;
      if (failure instanceof ApiError && failure.status === 404) setNotFound(true);
      else setLoadError(failureText(failure));
    } finally {
      if (id === listRequest.current) setListBusy(undefined);
    }
  }

  useEffect(() => void loadList(false), [emailStatus, response, group, q, from]);
  useEffect(() => {
    if (!firstNew.current) return;
    document.getElementById(`invitee-${firstNew.current}`)?.focus();
    firstNew.current = undefined;
  }, [items]);

  // Search as you type: the address (and so the list) follows the box after a short pause.
  useEffect(() => {
    if (search.trim() === q) return;
    const timer = setTimeout(() => navigate(link({ q: search.trim() }), { replace: true }), 300);
    return () => clearTimeout(timer);
  }, [search]);

  /** This page's address with some filters changed; read from the address bar, never stale. */
  function link(changes: Record<string, string>): string {
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    const text = next.toString();
    return `/console/events/${encodeURIComponent(eventId)}/invitations${text ? `?${text}` : ''}`;
  }
  const filter = (changes: Record<string, string>) => navigate(link(changes), { replace: true });

  /** How many invitations match, counted through the list (the counts do not cross filters). */
  async function countMatching(filters: Query, keep: (invitation: Invitation) => boolean) {
    let matching = 0;
    let without = 0;
    let next: string | undefined;
    for (let round = 0; round < 50; round += 1) {
      const page = await api.get<Page>(base, { ...filters, limit: 1000, cursor: next });
      for (const invitation of page.items) {
        if (!invitation.email) without += 1;
        else if (keep(invitation)) matching += 1;
      }
      next = page.nextCursor;
      if (!next) break;
    }
    return { matching, without };
  }

  async function askToSend(kind: 'send' | 'remind') {
    setStatus(undefined);
    setConfirm({ kind });
    try {
      const { matching, without } =
        kind === 'send'
          ? await countMatching({ emailStatus: 'not_sent' }, () => true)
          : await countMatching({ response: 'none' }, (i) => i.emailStatus === 'sent' || i.emailStatus === 'delivered');
      setConfirm((current) => current && { ...current, count: matching, phoneOnly: kind === 'send' ? without : 0 });
    } catch (failure) {
      setConfirm(undefined);
      report('error', failureText(failure));
    }
  }

  async function sendNow(kind: 'send' | 'remind') {
    setSending(true);
    const before = countsRef.current;
    try {
      // A long list goes on in the background (`job` running): the count the dialog showed is the run's size.
      const { queued, job } = await api.post<{ queued: number; job?: { state: string } }>(`${base}/${kind}`, kind === 'send' ? {} : undefined);
      const expected = job?.state === 'running' ? Math.max(queued, confirm?.count ?? 0) : queued;
      sendRun.started(queued, before, expected);
      // The rows the API has just queued say so at once (the list is read again when all is sent).
      const queuedNow = (i: Invitation) =>
        Boolean(i.email) && (kind === 'send' ? i.emailStatus === 'not_sent' : i.response === 'none' && (i.emailStatus === 'sent' || i.emailStatus === 'delivered'));
      if (expected > 0) setItems((current) => current.map((i) => (queuedNow(i) ? { ...i, emailStatus: 'queued' } : i)));
      report('success', expected > 0 ? inBoth(messages, 'queued', { count: expected }) : inBoth(messages, 'queuedNone'));
      await refreshCounts();
    } catch (failure) {
      report('error', failureText(failure));
    } finally {
      setSending(false);
      setConfirm(undefined);
    }
  }

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
      report('error', failureText(failure));
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
      report('error', failureText(failure));
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
  const failures = counts ? failuresIn(counts) : 0;
  const filtered = Boolean(emailStatus || response || group || q);
  /** The export of the list as filtered now (export-invitations.ts). */
  const exportHref = (format: 'csv' | 'xlsx') => {
    const filters = Object.entries({ emailStatus, response, group, q }).filter((entry): entry is [string, string] => Boolean(entry[1]));
    return `${base}/export?${new URLSearchParams([['format', format], ...filters]).toString()}`;
  };
  async function exportList(e: MouseEvent) {
    e.preventDefault();
    setExportError(undefined);
    try {
      setExportError(await downloadFile((e.currentTarget as HTMLAnchorElement).href, language));
    } catch (failure) {
      setExportError(failure instanceof Error ? failure.message : String(failure));
    }
  }

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
        <section class="card send-card" aria-labelledby="send-title">
          <h2 id="send-title">{t('sendTitle')}</h2>
          {mayWrite && event && !published && <p class="hint">{t('notPublished')}</p>}
          {mayWrite && (
            <div class="row-actions">
              <button
                type="button"
                class="button primary"
                disabled={!published || sending || confirm !== undefined}
                onClick={() => void askToSend('send')}
              >
                {sending && confirm?.kind === 'send' ? t('sendingNow') : t('send')}
              </button>
              <button type="button" class="button" disabled={!published || sending || confirm !== undefined} onClick={() => void askToSend('remind')}>
                {t('remind')}
              </button>
            </div>
          )}
          {sendRun.run && <SendProgress run={sendRun.run} counts={counts} />}
          {failures > 0 && (
            <div class="notice warning undelivered">
              <p>
                {t('undelivered', { count: failures })}{' '}
                {undeliveredStatuses
                  .filter((s) => counts.emailStatus[s] > 0)
                  .map((s, index) => (
                    <span key={s}>
                      {index > 0 && ', '}
                      <a href={link({ emailStatus: s })} aria-label={`${t('show')}: ${tl(`emailStatus.${s}`)}`}>
                        {tl(`emailStatus.${s}`)} {counts.emailStatus[s]}
                      </a>
                    </span>
                  ))}
              </p>
              <p class="hint">{t('undeliveredHint')}</p>
            </div>
          )}
        </section>
      )}

      {(counts?.total !== 0 || filtered) && (
        <section class="card filters-card" aria-labelledby="filters-title">
          <h2 id="filters-title" class="visually-hidden">
            {t('countsTitle')}
          </h2>
          {counts && (
            <>
              <Chips
                id="chips-mail"
                label={t('byMail')}
                allLabel={t('all')}
                total={counts.total}
                active={emailStatus}
                entries={emailStatusList.map((s) => ({ value: s, label: tl(`emailStatus.${s}`), count: counts.emailStatus[s] }))}
                onPick={(value) => filter({ emailStatus: value })}
              />
              <Chips
                id="chips-answer"
                label={t('byAnswer')}
                allLabel={t('all')}
                total={counts.total}
                active={response}
                entries={responseList.map((r) => ({ value: r, label: tl(`response.${r}`), count: counts.response[r] }))}
                onPick={(value) => filter({ response: value })}
              />
            </>
          )}
          <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
            <div class="field search-field">
              <label for="invitation-search">{t('search')}</label>
              <p class="hint" id="invitation-search-hint">
                {t('searchHint')}
              </p>
              <input
                id="invitation-search"
                type="search"
                value={search}
                autoComplete="off"
                spellcheck={false}
                aria-describedby="invitation-search-hint"
                aria-controls="invitation-list"
                onInput={(e) => setSearch(e.currentTarget.value)}
              />
            </div>
            {counts && counts.groups.length > 0 && (
              <div class="field group-field">
                <label for="invitation-group">{t('group')}</label>
                <select id="invitation-group" value={group} onChange={(e) => filter({ group: e.currentTarget.value })}>
                  <option value="">{t('allGroups')}</option>
                  {counts.groups.map((g) => (
                    <option key={g.group} value={g.group}>
                      {g.group} ({g.count})
                    </option>
                  ))}
                  {group && !counts.groups.some((g) => g.group === group) && <option value={group}>{group}</option>}
                </select>
              </div>
            )}
          </form>
          {counts && counts.total > 0 && (
            <div class="export-actions" role="group" aria-labelledby="export-title">
              <h3 id="export-title">{t('exportTitle')}</h3>
              <p class="hint">{t('exportHint')}</p>
              {/* Excel first: it is the file the office opens; CSV for other programs. */}
              <a class="button" href={exportHref('xlsx')} download onClick={(e) => void exportList(e)}>
                {t('exportXlsx')}
              </a>{' '}
              <a class="button" href={exportHref('csv')} download onClick={(e) => void exportList(e)}>
                {t('exportCsv')}
              </a>
              {exportError && (
                <p class="notice error" role="alert">
                  {exportError}
                </p>
              )}
            </div>
          )}
          {filtered && (
            <p class="clear-filters">
              <button
                type="button"
                class="button link"
                onClick={() => {
                  setSearch('');
                  filter({ emailStatus: '', response: '', group: '', q: '' });
                }}
              >
                {t('clear')}
              </button>
            </p>
          )}
        </section>
      )}

      <datalist id="invitation-groups">
        {counts?.groups.map((g) => <option key={g.group} value={g.group} />)}
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
          <table class="table invitations-table">
            <thead>
              <tr>
                <th scope="col">{t('invitee')}</th>
                <th scope="col">{t('contact')}</th>
                <th scope="col">{t('mail')}</th>
                <th scope="col">{t('answer')}</th>
                {mayWrite && <th scope="col">{t('actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((invitation) => (
                <Row
                  key={invitation.invitationId}
                  invitation={invitation}
                  mayWrite={mayWrite}
                  mayResend={published}
                  busy={busyRow === invitation.invitationId}
                  onEdit={() => setEditing(invitation)}
                  onRemove={() => setRemoving(invitation)}
                  onResend={() => void resend(invitation)}
                />
              ))}
            </tbody>
          </table>
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

      <ConfirmDialog
        open={confirm !== undefined}
        title={confirm?.kind === 'remind' ? t('remindConfirmTitle') : t('sendConfirmTitle')}
        confirmLabel={
          confirm?.count === undefined
            ? t('counting')
            : t(confirm.kind === 'remind' ? 'remindGo' : 'sendGo', { count: confirm.count })
        }
        busy={sending || !confirm?.count}
        busyLabel={sending ? t('sendingNow') : undefined}
        onConfirm={() => confirm && void sendNow(confirm.kind)}
        onClose={() => setConfirm(undefined)}
      >
        {confirm?.count === undefined ? (
          <p role="status">{t('counting')}</p>
        ) : confirm.count === 0 ? (
          <p>{confirm.kind === 'remind' ? t('remindNone') : t('sendNone')}</p>
        ) : (
          <p>{t(confirm.kind === 'remind' ? 'remindConfirm' : 'sendConfirm', { count: confirm.count })}</p>
        )}
        {confirm?.phoneOnly ? <p class="hint">{t('phoneOnly', { count: confirm.phoneOnly })}</p> : null}
      </ConfirmDialog>
    </section>
  );
}

/** An address may wrap after its @, not in the middle of a word. */
function breakableEmail(email: string) {
  const at = email.indexOf('@');
  if (at <= 0) return email;
  return (
    <>
      {email.slice(0, at)}
      <wbr />
      {email.slice(at)}
    </>
  );
}

/** Counts that filter: one pressed at a time, "All" releases it. Empty ones are left out. */
function Chips(props: {
  id: string;
  label: string;
  allLabel: string;
  total: number;
  active: string;
  entries: { value: string; label: string; count: number }[];
  onPick: (value: string) => void;
}) {
  const shown = props.entries.filter((entry) => entry.count > 0 || entry.value === props.active);
  return (
    <div class="chip-row">
      <span class="chip-label" id={props.id}>
        {props.label}
      </span>
      <div class="chips" role="group" aria-labelledby={props.id}>
        <button type="button" class="chip" aria-pressed={props.active === '' ? 'true' : 'false'} onClick={() => props.onPick('')}>
          {props.allLabel} <span class="chip-count">{props.total}</span>
        </button>
        {shown.map((entry) => (
          <button
            key={entry.value}
            type="button"
            class={`chip chip-${entry.value}`}
            aria-pressed={props.active === entry.value ? 'true' : 'false'}
            onClick={() => props.onPick(props.active === entry.value ? '' : entry.value)}
          >
            {entry.label} <span class="chip-count">{entry.count}</span>
          </button>
        ))}
      </div>
    </div>
  );
}

function Row(props: {
  invitation: Invitation;
  mayWrite: boolean;
  mayResend: boolean;
  busy: boolean;
  onEdit: () => void;
  onRemove: () => void;
  onResend: () => void;
}) {
  const t = useText(messages);
  const invitation = props.invitation;
  const role = [invitation.position, invitation.organisation].filter(Boolean).join(' · ');
  const canResend = props.mayResend && Boolean(invitation.email) && resendable.includes(invitation.emailStatus);
  return (
    <tr>
      <th scope="row" class="cell-name">
        <span class="invitee-name" id={`invitee-${invitation.invitationId}`} tabIndex={-1}>
          {invitation.name}
        </span>
        {role && <span class="invitee-role">{role}</span>}
        {invitation.matchedOn && invitation.matchedOn !== 'name' && (
          <span class="badge matched-on">{t(`matchedOn.${invitation.matchedOn}`)}</span>
        )}
        {invitation.group && (
          <span class="badge group">
            <span class="visually-hidden">{t('group')}: </span>
            {invitation.group}
          </span>
        )}
      </th>
      <td class="cell-contact">
        {invitation.email && <span class="contact-line">{breakableEmail(invitation.email)}</span>}
        {invitation.phone && (
          <span class="contact-line">
            <a href={`tel:${invitation.phone}`}>{invitation.phone}</a>
          </span>
        )}
      </td>
      <td class="cell-mail">
        <EmailStatusBadge status={invitation.emailStatus} error={invitation.emailError} />
        {invitation.invitedAt && <span class="when">{t('invitedAt', { at: formatDateTime(invitation.invitedAt) })}</span>}
        {invitation.remindedAt && <span class="when">{t('remindedAt', { at: formatDateTime(invitation.remindedAt) })}</span>}
      </td>
      <td class="cell-answer">
        <ResponseBadge response={invitation.response as InvitationResponse} />
        {invitation.answeredBy && <> <OnBehalfMark channel={invitation.answeredBy.channel} /></>}
      </td>
      {props.mayWrite && (
        <td class="cell-actions">
          <div class="row-actions">
            <button type="button" class="button small" disabled={props.busy} aria-label={t('editLabel', { name: invitation.name })} onClick={props.onEdit}>
              {t('edit')}
            </button>
            {canResend && (
              <button
                type="button"
                class="button small"
                disabled={props.busy}
                aria-label={t(invitation.emailStatus === 'not_sent' ? 'sendOneLabel' : 'resendLabel', { name: invitation.name })}
                onClick={props.onResend}
              >
                {invitation.emailStatus === 'not_sent' ? t('sendOne') : t('resend')}
              </button>
            )}
            <button
              type="button"
              class="button small danger-outline"
              disabled={props.busy}
              aria-label={t('removeLabel', { name: invitation.name })}
              onClick={props.onRemove}
            >
              {t('remove')}
            </button>
          </div>
        </td>
      )}
    </tr>
  );
}
