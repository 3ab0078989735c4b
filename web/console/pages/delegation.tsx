import { useEffect, useRef, useState } from 'preact/hooks';
import type { Event } from '../../../shared/events/event-schema.js';
import { ApiError } from '../../lib/api-client.js';
import { defineMessages, pickLocalized } from '../../lib/i18n.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { DelegationMemberCard } from '../components/delegation-member-card.js';
import { MemberDialog } from '../components/delegation-member-dialog.js';
import { PassportDialog } from '../components/passport-dialog.js';
import { ActionNotice, BackToEvent, EventNotFound, LoadErrorNotice, type ActionStatus } from '../components/page-notices.js';
import { PageHeading } from '../components/page-heading.js';
import { useApp, useCan, useText } from '../context.js';
import type { Delegation, DialogProps, Member, Role } from '../delegation-members.js';
import type { PageProps } from '../routes.js';
import { errorText } from '../../lib/error-text.js';

/**
 * The organiser's delegation page (docs/design.md, "One delegation, one list"): every invitee of the
 * delegation event in protocol order, with role, organisation, position, answer and whether their
 * details are ready for the visa office. Organisers add, edit, remove and reorder members (buttons
 * that work from the keyboard, or dragging), enter passport data on a member's behalf with the
 * consent recorded, send or copy the head's link. Staff read it, passport data masked. Every save
 * names the list's version it was made from (If-Match): a save after someone else's is refused
 * and the current list shown.
 */
const messages = defineMessages({
  vi: {
    title: 'Thành viên đoàn',
    back: 'Về sự kiện',
    notFound: 'Không tìm thấy sự kiện này.',
    notDelegation: 'Sự kiện này không phải đoàn công tác.',
    readOnly: 'Bạn chỉ xem danh sách. Dữ liệu hộ chiếu được che: chỉ người tổ chức và quản trị viên được xem (Nghị định 13/2023/NĐ-CP).',
    oneList: 'Mọi khách mời của sự kiện đều là thành viên đoàn, dù được nhập từ danh sách, sao chép, tự đăng ký hay do trưởng đoàn thêm.',
    direction: 'Loại đoàn',
    outgoing: 'Đoàn ra (đi nước ngoài)',
    incoming: 'Đoàn vào (đón đoàn)',
    addHead: 'Thêm trưởng đoàn',
    addMember: 'Thêm thành viên',
    roster: 'In danh sách đoàn',
    passportLog: 'Nhật ký dữ liệu hộ chiếu',
    empty: 'Đoàn chưa có thành viên.',
    members: 'Thành viên theo thứ tự lễ tân',
    count: '{count} người',
    orderHint: 'Dùng nút Lên, Xuống hoặc kéo thả để đổi thứ tự, rồi bấm "Lưu thứ tự".',
    saveOrder: 'Lưu thứ tự',
    undoOrder: 'Bỏ thay đổi thứ tự',
    orderSaved: 'Đã lưu thứ tự lễ tân.',
    orderChanged: 'Thứ tự đã đổi, chưa lưu.',
    moved: '{name} đang ở vị trí {place}.',
    remove: 'Xóa',
    removeTitle: 'Xóa {name} khỏi đoàn?',
    removeBody: 'Thư mời, đường dẫn cá nhân và dữ liệu hộ chiếu của người này bị xóa; chỗ họ giữ được nhường cho danh sách chờ.',
    removed: 'Đã xóa {name} khỏi đoàn.',
    sent: 'Đã xếp thư mời gửi cho {name}.',
    linkCopied: 'Đã chép đường dẫn của {name}.',
    linkShown: 'Đường dẫn cá nhân của {name}',
  },
  en: {
    title: 'Delegation members',
    back: 'Back to the event',
    notFound: 'This event was not found.',
    notDelegation: 'This event is not a delegation.',
    readOnly: 'You can read this list only. Passport data is masked: only organisers and administrators may see it (Decree 13/2023).',
    oneList: 'Every invitee of the event is a member of the delegation, whether imported from a list, copied, self-registered or added by the head.',
    direction: 'Kind of delegation',
    outgoing: 'Outgoing (a trip abroad)',
    incoming: 'Incoming (a delegation we receive)',
    addHead: 'Add the head of delegation',
    addMember: 'Add a member',
    roster: 'Print the delegation list',
    passportLog: 'Passport data log',
    empty: 'The delegation has no members yet.',
    members: 'Members in protocol order',
    count: '{count} people',
    orderHint: 'Use Up, Down or drag and drop to change the order, then press "Save the order".',
    saveOrder: 'Save the order',
    undoOrder: 'Discard the new order',
    orderSaved: 'The protocol order is saved.',
    orderChanged: 'The order has changed and is not saved yet.',
    moved: '{name} is now in place {place}.',
    remove: 'Remove',
    removeTitle: 'Remove {name} from the delegation?',
    removeBody: 'Their invitation, personal link and passport data are deleted; a seat they held goes to the waiting list.',
    removed: '{name} was removed from the delegation.',
    sent: 'The invitation to {name} is queued.',
    linkCopied: 'The link of {name} is copied.',
    linkShown: 'The personal link of {name}',
  },
});

export function DelegationPage({ params }: PageProps) {
  const { api, language, announce } = useApp();
  const can = useCan();
  const t = useText(messages);
  const eventId = params.eventId!;
  const base = `/api/events/${encodeURIComponent(eventId)}`;
  const mayWrite = can('invitations:write');

  const [event, setEvent] = useState<Event>();
  const [delegation, setDelegation] = useState<Delegation>();
  /** The kind just chosen, shown at once while it is saved (the stored one again if that fails). */
  const [choosing, setChoosing] = useState<Delegation['direction']>();
  const [order, setOrder] = useState<string[]>();
  const [loadError, setLoadError] = useState<string>();
  const [notFound, setNotFound] = useState<'event' | 'type'>();
  const [status, setStatus] = useState<ActionStatus>();
  const [editing, setEditing] = useState<{ member?: Member; role?: Role }>();
  const [passportOf, setPassportOf] = useState<Member>();
  const [removing, setRemoving] = useState<Member>();
  const [link, setLink] = useState<{ name: string; url: string }>();
  const [busy, setBusy] = useState(false);
  const dragged = useRef<string | undefined>(undefined);

  async function refresh(): Promise<Delegation | undefined> {
    try {
      const [loaded, list] = await Promise.all([api.get<{ event: Event }>(base).then((a) => a.event), api.get<Delegation>(`${base}/delegation`)]);
      setEvent(loaded);
      setDelegation(list);
      setOrder(undefined);
      setLoadError(undefined);
      return list;
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 404) setNotFound('event');
      else if (failure instanceof ApiError && failure.code === 'not_a_delegation') setNotFound('type');
      else setLoadError(errorText(failure));
      return undefined;
    }
  }
  useEffect(() => void refresh(), [eventId]);

  const report = (kind: ActionStatus['kind'], text: string) => {
    setStatus({ kind, text });
    if (kind === 'success') announce(text);
  };
  /**
   * After a save: the list and its version are read again before anything else may be saved, so
   * the next save names the version this one made (not a stale one, which would be refused).
   */
  async function saved(text: string) {
    setBusy(true);
    try {
      await refresh();
    } finally {
      setBusy(false);
    }
    report('success', text);
  }
  /** A save refused because someone saved first: say so and show the list as it is now. */
  async function failed(failure: unknown) {
    const message = errorText(failure);
    if (failure instanceof ApiError && failure.code === 'delegation_changed') await refresh();
    report('error', message);
  }
  const ifMatch = () => ({ 'If-Match': `"${delegation?.version ?? 0}"` });
  /** What a roster dialog needs from the page: closing it, then reading the list again. */
  const rosterDialog = (close: () => void): DialogProps => ({
    base,
    ifMatch,
    onDone: async (text) => {
      close();
      await saved(text);
    },
    onConflict: async () => void (await refresh()),
    onClose: close,
  });

  if (notFound) return <EventNotFound heading={t('title')} message={notFound === 'type' ? t('notDelegation') : t('notFound')} />;

  const title = event ? pickLocalized(event.title, language) : undefined;
  const items = delegation?.items ?? [];
  const byId = new Map(items.map((m) => [m.invitationId, m]));
  const shown = order ? order.map((id) => byId.get(id)!).filter(Boolean) : items;
  const head = items.find((m) => m.role === 'head');
  const fieldLabel = (key: string) => {
    const field = event?.fields.find((f) => f.key === key);
    return field ? pickLocalized(field.label, language).text : key;
  };
  const manageable = mayWrite && (event?.status === 'draft' || event?.status === 'published');

  function move(index: number, to: number) {
    if (to < 0 || to >= shown.length || to === index) return;
    const ids = shown.map((m) => m.invitationId);
    const [id] = ids.splice(index, 1);
    ids.splice(to, 0, id!);
    setOrder(ids);
    announce(t('moved', { name: byId.get(id!)!.name, place: to + 1 }));
  }

  async function saveOrder() {
    if (!order) return;
    setBusy(true);
    try {
      const saved = await api.send<Delegation>('PUT', `${base}/delegation/order`, { invitationIds: order }, ifMatch());
      setDelegation(saved);
      setOrder(undefined);
      report('success', t('orderSaved'));
    } catch (failure) {
      await failed(failure);
    } finally {
      setBusy(false);
    }
  }

  async function setDirection(direction: Delegation['direction']) {
    setChoosing(direction);
    try {
      await api.send('PATCH', `${base}/delegation`, { direction }, ifMatch());
      await refresh();
    } catch (failure) {
      await failed(failure);
    } finally {
      setChoosing(undefined);
    }
  }

  async function sendInvitation(member: Member) {
    setBusy(true);
    try {
      if (member.emailStatus === 'not_sent') await api.post(`${base}/invitations/send`, { invitationIds: [member.invitationId] });
      else await api.post(`${base}/invitations/${encodeURIComponent(member.invitationId)}/resend`);
      await saved(t('sent', { name: member.name }));
    } catch (failure) {
      await failed(failure);
    } finally {
      setBusy(false);
    }
  }

  async function copyLink(member: Member) {
    try {
      const { url } = await api.get<{ url: string }>(`${base}/delegation/members/${encodeURIComponent(member.invitationId)}/link`);
      setLink({ name: member.name, url });
      // The clipboard needs a secure page and a permission: the link is shown to copy by hand too.
      await navigator.clipboard?.writeText(url).then(
        () => report('success', t('linkCopied', { name: member.name })),
        () => undefined,
      );
    } catch (failure) {
      await failed(failure);
    }
  }

  async function remove(member: Member) {
    setBusy(true);
    try {
      await api.send('DELETE', `${base}/delegation/members/${encodeURIComponent(member.invitationId)}`, undefined, ifMatch());
      setRemoving(undefined);
      await saved(t('removed', { name: member.name }));
    } catch (failure) {
      setRemoving(undefined);
      await failed(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="delegation-page">
      <BackToEvent eventId={eventId} title={title} fallback={t('back')} />
      <PageHeading text={t('title')} />
      {title && (
        <p class="delegation-event" lang={title.lang}>
          {title.text}
        </p>
      )}
      {!mayWrite && <p class="notice warning">{t('readOnly')}</p>}
      <p class="hint">{t('oneList')}</p>
      <ActionNotice status={status} />
      <LoadErrorNotice message={loadError} onRetry={() => void refresh()} />
      {link && (
        <div class="card link-card">
          <label for="member-link">{t('linkShown', { name: link.name })}</label>
          <input id="member-link" type="text" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
      {!delegation && !loadError && (
        <p class="loading" role="status">
          {t('common.loading')}
        </p>
      )}
      {delegation && (
        <>
          <div class="delegation-toolbar">
            {manageable && (
              <fieldset class="field direction">
                <legend>{t('direction')}</legend>
                {(['outgoing', 'incoming'] as const).map((d) => (
                  <label key={d} class="radio">
                    <input type="radio" name="direction" value={d} checked={(choosing ?? delegation.direction) === d} onChange={() => void setDirection(d)} />{' '}
                    {t(d)}
                  </label>
                ))}
              </fieldset>
            )}
            {!manageable && <p class="muted">{t(delegation.direction)}</p>}
            <div class="actions">
              {manageable && !head && (
                <button type="button" class="button primary" disabled={busy} onClick={() => setEditing({ role: 'head' })}>
                  {t('addHead')}
                </button>
              )}
              {manageable && (
                <button type="button" class={head ? 'button primary' : 'button'} disabled={busy} onClick={() => setEditing({ role: 'member' })}>
                  {t('addMember')}
                </button>
              )}
              <a class="button" href={`/console/events/${encodeURIComponent(eventId)}/roster`}>
                {t('roster')}
              </a>
              {can('passports:read') && (
                <a class="button" href={`/console/events/${encodeURIComponent(eventId)}/personal-data-log`}>
                  {t('passportLog')}
                </a>
              )}
            </div>
          </div>

          <h2 id="members-heading">
            {t('members')} <span class="muted">({t('count', { count: items.length })})</span>
          </h2>
          {items.length === 0 && <p class="muted">{t('empty')}</p>}
          {manageable && items.length > 1 && <p class="hint">{t('orderHint')}</p>}
          {order && (
            <div class="notice warning order-bar" role="status">
              <p>{t('orderChanged')}</p>
              <div class="actions">
                <button type="button" class="button primary" disabled={busy} onClick={() => void saveOrder()}>
                  {t('saveOrder')}
                </button>
                <button type="button" class="button" onClick={() => setOrder(undefined)}>
                  {t('undoOrder')}
                </button>
              </div>
            </div>
          )}
          <ol class="delegation-members" aria-labelledby="members-heading">
            {shown.map((member, index) => (
              <li
                key={member.invitationId}
                class="delegation-member card"
                data-member-id={member.invitationId}
                draggable={manageable}
                onDragStart={(e) => {
                  dragged.current = member.invitationId;
                  e.dataTransfer?.setData('text/plain', member.invitationId);
                }}
                onDragOver={(e) => manageable && e.preventDefault()}
                onDrop={(e) => {
                  e.preventDefault();
                  const from = shown.findIndex((m) => m.invitationId === dragged.current);
                  if (from !== -1) move(from, index);
                  dragged.current = undefined;
                }}
              >
                <DelegationMemberCard
                  member={member}
                  place={index + 1}
                  last={index === shown.length - 1}
                  incoming={delegation.direction === 'incoming'}
                  manageable={manageable}
                  published={event?.status === 'published'}
                  busy={busy}
                  fieldLabel={fieldLabel}
                  onMove={(to) => move(index, to - 1)}
                  onEdit={() => setEditing({ member })}
                  onPassport={() => setPassportOf(member)}
                  onSend={() => void sendInvitation(member)}
                  onCopyLink={() => void copyLink(member)}
                  onRemove={() => setRemoving(member)}
                />
              </li>
            ))}
          </ol>
        </>
      )}
      {editing && delegation && (
        <MemberDialog {...rosterDialog(() => setEditing(undefined))} member={editing.member} role={editing.role} head={head} incoming={delegation.direction === 'incoming'} />
      )}
      {passportOf && delegation && event && (
        <PassportDialog {...rosterDialog(() => setPassportOf(undefined))} member={passportOf} fields={event.fields} consent={delegation.passportConsent} />
      )}
      <ConfirmDialog
        open={Boolean(removing)}
        title={removing ? t('removeTitle', { name: removing.name }) : ''}
        confirmLabel={t('remove')}
        danger
        busy={busy}
        onConfirm={() => removing && void remove(removing)}
        onClose={() => setRemoving(undefined)}
      >
        <p>{t('removeBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
