import { useEffect, useRef, useState } from 'preact/hooks';
import type { Event, Field } from '../../../shared/events/event-schema.js';
import type { InvitationResponse } from '../../../shared/invitations/invitation-schema.js';
import { ApiError } from '../../lib/api-client.js';
import { parseLocalDate } from '../../lib/datetime.js';
import { errorsFromFailure } from '../../lib/form.js';
import { defineMessages, pickLocalized, textIn, type LocalizedText } from '../../lib/i18n.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { CheckboxField, DialogActions, Form, LanguageField, SelectField, TextField, useFormState } from '../components/form.js';
import { ResponseBadge } from '../components/invitation-labels.js';
import { ActionNotice, BackToEvent, EventNotFound, LoadErrorNotice, type ActionStatus } from '../components/page-notices.js';
import { PageHeading } from '../components/page-heading.js';
import { useApp, useCan, useSchemaMessages, useText } from '../context.js';
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
    empty: 'Đoàn chưa có thành viên.',
    members: 'Thành viên theo thứ tự lễ tân',
    count: '{count} người',
    orderHint: 'Dùng nút Lên, Xuống hoặc kéo thả để đổi thứ tự, rồi bấm "Lưu thứ tự".',
    saveOrder: 'Lưu thứ tự',
    undoOrder: 'Bỏ thay đổi thứ tự',
    orderSaved: 'Đã lưu thứ tự lễ tân.',
    orderChanged: 'Thứ tự đã đổi, chưa lưu.',
    up: 'Lên',
    down: 'Xuống',
    upLabel: 'Đưa {name} lên một bậc',
    downLabel: 'Đưa {name} xuống một bậc',
    moved: '{name} đang ở vị trí {place}.',
    edit: 'Sửa',
    editLabel: 'Sửa {name}',
    passport: 'Nhập hộ chiếu',
    passportLabel: 'Nhập hộ chiếu cho {name}',
    send: 'Gửi thư mời',
    sendLabel: 'Gửi thư mời cho {name}',
    resend: 'Gửi lại thư mời',
    resendLabel: 'Gửi lại thư mời cho {name}',
    copyLink: 'Chép đường dẫn',
    copyLinkLabel: 'Chép đường dẫn cá nhân của {name}',
    remove: 'Xóa',
    removeLabel: 'Xóa {name} khỏi đoàn',
    removeTitle: 'Xóa {name} khỏi đoàn?',
    removeBody: 'Thư mời, đường dẫn cá nhân và dữ liệu hộ chiếu của người này bị xóa; chỗ họ giữ được nhường cho danh sách chờ.',
    removed: 'Đã xóa {name} khỏi đoàn.',
    sent: 'Đã xếp thư mời gửi cho {name}.',
    linkCopied: 'Đã chép đường dẫn của {name}.',
    linkShown: 'Đường dẫn cá nhân của {name}',
    ready: 'Đủ thông tin',
    missing: 'Thiếu: {fields}',
    expiresSoon: 'Hộ chiếu hết hạn {expiry}, chưa đủ 6 tháng sau chuyến đi (cần còn hạn đến {needed})',
    expiresSoonMasked: 'Hộ chiếu hết hạn chưa đủ 6 tháng sau chuyến đi (cần còn hạn đến {needed})',
    passportLine: '{number}, hết hạn {expiry}',
    consentBy: 'Đồng ý xử lý dữ liệu: {by}',
    'by.self': 'tự xác nhận',
    'by.head': 'trưởng đoàn xác nhận',
    'by.organiser': 'ban tổ chức ghi nhận',
    'channel.paper_form': 'phiếu giấy có chữ ký',
    'channel.phone': 'qua điện thoại',
    'channel.in_person': 'gặp trực tiếp',
    organisation: 'Đơn vị',
    position: 'Chức vụ',
    role: 'Vai trò',
    answer: 'Trả lời',
    arrival: 'Đến',
    departure: 'Đi',
    stay: 'Khách sạn, phòng',
    // The member form
    addTitle: 'Thêm thành viên đoàn',
    addHeadTitle: 'Thêm trưởng đoàn',
    editTitle: 'Sửa thông tin {name}',
    name: 'Họ và tên',
    email: 'Email',
    emailHint: 'Người có email nhận thư mời và đường dẫn cá nhân của mình.',
    phone: 'Số điện thoại',
    language: 'Ngôn ngữ thư mời',
    vi: 'Tiếng Việt',
    en: 'Tiếng Anh',
    logistics: 'Đón đoàn',
    arrivalDate: 'Ngày đến (dd/mm/yyyy)',
    arrivalTime: 'Giờ đến',
    arrivalTransport: 'Chuyến bay hoặc xe khi đến',
    departureDate: 'Ngày đi (dd/mm/yyyy)',
    departureTime: 'Giờ đi',
    departureTransport: 'Chuyến bay hoặc xe khi đi',
    hotel: 'Khách sạn',
    room: 'Phòng',
    dietary: 'Yêu cầu ăn uống',
    interpreterLanguage: 'Ngôn ngữ phiên dịch',
    save: 'Lưu',
    cancel: 'Hủy',
    added: 'Đã thêm {name} vào đoàn.',
    saved: 'Đã lưu thông tin {name}.',
    nameRequired: 'Hãy nhập họ và tên.',
    badDate: 'Ngày viết theo dạng dd/mm/yyyy, ví dụ 15/01/2032.',
    // The passport form
    passportTitle: 'Nhập hộ chiếu thay {name}',
    passportIntro: 'Dùng khi thành viên đưa thông tin qua giấy tờ, điện thoại hoặc gặp trực tiếp. Đọc cho họ nghe nội dung đồng ý dưới đây trước khi nhập.',
    consentText: 'Nội dung đồng ý',
    consentGiven: 'Người này đã đồng ý với nội dung trên',
    consentChannel: 'Sự đồng ý được đưa cho ban tổ chức qua',
    consentNeeded: 'Hãy xác nhận người này đã đồng ý trước khi lưu dữ liệu hộ chiếu.',
    dateHint: 'dd/mm/yyyy',
    passportSaved: 'Đã lưu hộ chiếu của {name}, kèm sự đồng ý ({channel}).',
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
    empty: 'The delegation has no members yet.',
    members: 'Members in protocol order',
    count: '{count} people',
    orderHint: 'Use Up, Down or drag and drop to change the order, then press "Save the order".',
    saveOrder: 'Save the order',
    undoOrder: 'Discard the new order',
    orderSaved: 'The protocol order is saved.',
    orderChanged: 'The order has changed and is not saved yet.',
    up: 'Up',
    down: 'Down',
    upLabel: 'Move {name} up one place',
    downLabel: 'Move {name} down one place',
    moved: '{name} is now in place {place}.',
    edit: 'Edit',
    editLabel: 'Edit {name}',
    passport: 'Enter passport',
    passportLabel: 'Enter passport for {name}',
    send: 'Send the invitation',
    sendLabel: 'Send the invitation to {name}',
    resend: 'Send the invitation again',
    resendLabel: 'Send the invitation again to {name}',
    copyLink: 'Copy the link',
    copyLinkLabel: 'Copy the link of {name}',
    remove: 'Remove',
    removeLabel: 'Remove {name} from the delegation',
    removeTitle: 'Remove {name} from the delegation?',
    removeBody: 'Their invitation, personal link and passport data are deleted; a seat they held goes to the waiting list.',
    removed: '{name} was removed from the delegation.',
    sent: 'The invitation to {name} is queued.',
    linkCopied: 'The link of {name} is copied.',
    linkShown: 'The personal link of {name}',
    ready: 'Details complete',
    missing: 'Missing: {fields}',
    expiresSoon: 'The passport expires on {expiry}, less than six months after the trip (it must be valid until {needed})',
    expiresSoonMasked: 'The passport expires less than six months after the trip (it must be valid until {needed})',
    passportLine: '{number}, expires {expiry}',
    consentBy: 'Consent to data processing: {by}',
    'by.self': 'given by themself',
    'by.head': 'confirmed by the head',
    'by.organiser': 'recorded by the organisers',
    'channel.paper_form': 'signed paper form',
    'channel.phone': 'by phone',
    'channel.in_person': 'in person',
    organisation: 'Organisation',
    position: 'Position',
    role: 'Role',
    answer: 'Answer',
    arrival: 'Arrives',
    departure: 'Leaves',
    stay: 'Hotel, room',
    addTitle: 'Add a member of the delegation',
    addHeadTitle: 'Add the head of delegation',
    editTitle: 'Edit {name}',
    name: 'Full name',
    email: 'Email',
    emailHint: 'Someone with an email gets the invitation and their own personal link.',
    phone: 'Phone',
    language: 'Language of the invitation',
    vi: 'Vietnamese',
    en: 'English',
    logistics: 'Reception',
    arrivalDate: 'Arrival date (dd/mm/yyyy)',
    arrivalTime: 'Arrival time',
    arrivalTransport: 'Arriving flight or vehicle',
    departureDate: 'Departure date (dd/mm/yyyy)',
    departureTime: 'Departure time',
    departureTransport: 'Departing flight or vehicle',
    hotel: 'Hotel',
    room: 'Room',
    dietary: 'Dietary needs',
    interpreterLanguage: 'Interpreter language',
    save: 'Save',
    cancel: 'Cancel',
    added: '{name} was added to the delegation.',
    saved: 'The details of {name} are saved.',
    nameRequired: 'Enter the full name.',
    badDate: 'Write the date as dd/mm/yyyy, e.g. 15/01/2032.',
    passportTitle: 'Enter the passport of {name}',
    passportIntro: 'For a member who gave their details on paper, by phone or in person. Read them the consent text below before entering anything.',
    consentText: 'Consent text',
    consentGiven: 'This person agreed to the text above',
    consentChannel: 'The consent was given to the organisers',
    consentNeeded: 'Confirm that this person agreed before saving passport data.',
    dateHint: 'dd/mm/yyyy',
    passportSaved: 'The passport of {name} is saved, with the consent ({channel}).',
  },
});
type Key = keyof typeof messages.vi;

const roleKeys = ['head', 'deputy', 'member', 'interpreter', 'secretary', 'driver'] as const;
type Role = (typeof roleKeys)[number];
const roleLabels: Record<Role, LocalizedText> = {
  head: { vi: 'Trưởng đoàn', en: 'Head of delegation' },
  deputy: { vi: 'Phó đoàn', en: 'Deputy head' },
  member: { vi: 'Thành viên', en: 'Member' },
  interpreter: { vi: 'Phiên dịch', en: 'Interpreter' },
  secretary: { vi: 'Thư ký', en: 'Secretary' },
  driver: { vi: 'Lái xe', en: 'Driver' },
};
const channels = ['paper_form', 'phone', 'in_person'] as const;
type Channel = (typeof channels)[number];
const logisticsKeys = [
  'arrivalDate',
  'arrivalTime',
  'arrivalTransport',
  'departureDate',
  'departureTime',
  'departureTransport',
  'hotel',
  'room',
  'dietary',
  'interpreterLanguage',
] as const;
type Logistics = Partial<Record<(typeof logisticsKeys)[number], string>>;

type Member = {
  invitationId: string;
  name: string;
  email?: string;
  phone?: string;
  organisation?: string;
  position?: string;
  language: 'vi' | 'en';
  role: Role;
  roleLabel: LocalizedText;
  protocolRank?: number;
  headInvitationId?: string;
  response: InvitationResponse;
  emailStatus: string;
  details: Record<string, string>;
  consent?: { version: string; acceptedAt: string; by: 'self' | 'head' | 'organiser'; channel?: Channel };
  missing: string[];
  logistics?: Logistics;
  warnings: { code: string; field: string; validUntilAtLeast: string; message: string }[];
};
type Delegation = {
  items: Member[];
  version: number;
  direction: 'outgoing' | 'incoming';
  passportConsent: { version: string; text: LocalizedText };
};

/** 2032-01-15 → 15/01/2032; a masked or free value stays as it is. */
function asLocalDate(value: string | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}
/** 15/1/2032 → 2032-01-15, as the API stores dates; undefined when it is not a date. */
function asIsoDate(text: string): string | undefined {
  const tidy = parseLocalDate(text);
  if (!tidy) return undefined;
  const [day, month, year] = tidy.split('/');
  return `${year}-${month}-${day}`;
}

export function DelegationPage({ params }: PageProps) {
  const { api, language, announce } = useApp();
  const can = useCan();
  const t = useText(messages);
  const eventId = params.eventId!;
  const base = `/api/events/${encodeURIComponent(eventId)}`;
  const mayWrite = can('invitations:write');

  const [event, setEvent] = useState<Event>();
  const [delegation, setDelegation] = useState<Delegation>();
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
    try {
      await api.send('PATCH', `${base}/delegation`, { direction }, ifMatch());
      await refresh();
    } catch (failure) {
      await failed(failure);
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

  function readiness(member: Member) {
    const warning = member.warnings.find((w) => w.code === 'passport_expires_soon');
    const marks: { kind: 'ok' | 'missing' | 'warning'; text: string }[] = [];
    if (member.missing.length) marks.push({ kind: 'missing', text: t('missing', { fields: member.missing.map(fieldLabel).join(', ') }) });
    if (warning) {
      const expiry = member.details.passportExpiry;
      const needed = asLocalDate(warning.validUntilAtLeast);
      marks.push({
        kind: 'warning',
        text: expiry && /^\d{4}-/.test(expiry) ? t('expiresSoon', { expiry: asLocalDate(expiry), needed }) : t('expiresSoonMasked', { needed }),
      });
    }
    if (!marks.length) marks.push({ kind: 'ok', text: t('ready') });
    return marks;
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
                    <input type="radio" name="direction" value={d} checked={delegation.direction === d} onChange={() => void setDirection(d)} />{' '}
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
                <div class="member-place" aria-hidden="true">
                  {index + 1}
                </div>
                <div class="member-main">
                  <p class="member-name">
                    <strong>{member.name}</strong> <span class="badge role">{textIn(member.roleLabel, language)}</span>{' '}
                    <ResponseBadge response={member.response} />
                  </p>
                  <dl class="member-facts">
                    {member.organisation && (
                      <div>
                        <dt>{t('organisation')}</dt>
                        <dd>{member.organisation}</dd>
                      </div>
                    )}
                    {member.position && (
                      <div>
                        <dt>{t('position')}</dt>
                        <dd>{member.position}</dd>
                      </div>
                    )}
                    {member.details.passportNumber && (
                      <div>
                        <dt>{fieldLabel('passportNumber')}</dt>
                        <dd>{t('passportLine', { number: member.details.passportNumber, expiry: asLocalDate(member.details.passportExpiry) })}</dd>
                      </div>
                    )}
                    {delegation.direction === 'incoming' && member.logistics && (
                      <>
                        {(member.logistics.arrivalDate || member.logistics.arrivalTransport) && (
                          <div>
                            <dt>{t('arrival')}</dt>
                            <dd>{[asLocalDate(member.logistics.arrivalDate), member.logistics.arrivalTime, member.logistics.arrivalTransport].filter(Boolean).join(' · ')}</dd>
                          </div>
                        )}
                        {(member.logistics.departureDate || member.logistics.departureTransport) && (
                          <div>
                            <dt>{t('departure')}</dt>
                            <dd>{[asLocalDate(member.logistics.departureDate), member.logistics.departureTime, member.logistics.departureTransport].filter(Boolean).join(' · ')}</dd>
                          </div>
                        )}
                        {(member.logistics.hotel || member.logistics.room) && (
                          <div>
                            <dt>{t('stay')}</dt>
                            <dd>{[member.logistics.hotel, member.logistics.room].filter(Boolean).join(', ')}</dd>
                          </div>
                        )}
                        {member.logistics.dietary && (
                          <div>
                            <dt>{t('dietary')}</dt>
                            <dd>{member.logistics.dietary}</dd>
                          </div>
                        )}
                        {member.logistics.interpreterLanguage && (
                          <div>
                            <dt>{t('interpreterLanguage')}</dt>
                            <dd>{member.logistics.interpreterLanguage}</dd>
                          </div>
                        )}
                      </>
                    )}
                  </dl>
                  <ul class="readiness">
                    {readiness(member).map((mark) => (
                      <li key={mark.text} class={`readiness-${mark.kind}`}>
                        <span aria-hidden="true">{mark.kind === 'ok' ? '✓ ' : '! '}</span>
                        {mark.text}
                      </li>
                    ))}
                  </ul>
                  {member.consent && (
                    <p class="hint">
                      {t('consentBy', {
                        by: [t(`by.${member.consent.by}` as Key), member.consent.channel ? t(`channel.${member.consent.channel}` as Key) : '']
                          .filter(Boolean)
                          .join(', '),
                      })}
                    </p>
                  )}
                </div>
                {manageable && (
                  <div class="member-actions">
                    <div class="order-buttons">
                      <button type="button" class="button small" disabled={index === 0} aria-label={t('upLabel', { name: member.name })} onClick={() => move(index, index - 1)}>
                        ↑ {t('up')}
                      </button>
                      <button
                        type="button"
                        class="button small"
                        disabled={index === shown.length - 1}
                        aria-label={t('downLabel', { name: member.name })}
                        onClick={() => move(index, index + 1)}
                      >
                        ↓ {t('down')}
                      </button>
                    </div>
                    <button type="button" class="button small" aria-label={t('editLabel', { name: member.name })} onClick={() => setEditing({ member })}>
                      {t('edit')}
                    </button>
                    <button type="button" class="button small" aria-label={t('passportLabel', { name: member.name })} onClick={() => setPassportOf(member)}>
                      {t('passport')}
                    </button>
                    {member.email && event?.status === 'published' && (
                      <button
                        type="button"
                        class="button small"
                        disabled={busy}
                        aria-label={t(member.emailStatus === 'not_sent' ? 'sendLabel' : 'resendLabel', { name: member.name })}
                        onClick={() => void sendInvitation(member)}
                      >
                        {t(member.emailStatus === 'not_sent' ? 'send' : 'resend')}
                      </button>
                    )}
                    <button type="button" class="button small" aria-label={t('copyLinkLabel', { name: member.name })} onClick={() => void copyLink(member)}>
                      {t('copyLink')}
                    </button>
                    <button type="button" class="button small danger" aria-label={t('removeLabel', { name: member.name })} onClick={() => setRemoving(member)}>
                      {t('remove')}
                    </button>
                  </div>
                )}
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

type DialogProps = {
  base: string;
  ifMatch: () => Record<string, string>;
  onDone: (text: string) => void | Promise<void>;
  /** Someone saved first: the page reloads the list behind the dialog, which keeps what was typed. */
  onConflict: () => void | Promise<void>;
  onClose: () => void;
};

/**
 * A dialog's save to the roster: the form busy meanwhile; a list someone else saved first is read
 * again behind the dialog (which keeps what was typed), and the failure shown on the form.
 */
async function saveToRoster(
  form: { setBusy: (busy: boolean) => void; setErrors: (errors: Record<string, string>) => void },
  props: DialogProps,
  schemaText: Parameters<typeof errorsFromFailure>[1],
  work: () => Promise<void>,
) {
  form.setErrors({});
  form.setBusy(true);
  try {
    await work();
  } catch (failure) {
    if (failure instanceof ApiError && failure.code === 'delegation_changed') await props.onConflict();
    form.setErrors(errorsFromFailure(failure, schemaText));
  } finally {
    form.setBusy(false);
  }
}

type MemberValues = { name: string; role: Role; email: string; phone: string; organisation: string; position: string; language: 'vi' | 'en' } & Record<
  (typeof logisticsKeys)[number],
  string
>;

/** Add or edit one member: who they are, their role and contact; an incoming one's reception too. */
function MemberDialog(props: DialogProps & { member?: Member; role?: Role; head?: Member; incoming: boolean }) {
  const { api, language } = useApp();
  const t = useText(messages);
  const schemaText = useSchemaMessages();
  const ref = useRef<HTMLDialogElement>(null);
  const { member } = props;
  const form = useFormState<MemberValues>(() => ({
    name: member?.name ?? '',
    role: member?.role ?? props.role ?? 'member',
    email: member?.email ?? '',
    phone: member?.phone ?? '',
    organisation: member?.organisation ?? props.head?.organisation ?? '',
    position: member?.position ?? '',
    language: member?.language ?? 'vi',
    ...(Object.fromEntries(
      logisticsKeys.map((key) => [key, key.endsWith('Date') ? asLocalDate(member?.logistics?.[key]) : (member?.logistics?.[key] ?? '')]),
    ) as Record<(typeof logisticsKeys)[number], string>),
  }));
  useEffect(() => {
    ref.current?.showModal();
    document.getElementById('f-member-name')?.focus();
  }, []);
  const titleText = member ? t('editTitle', { name: member.name }) : form.values.role === 'head' && !props.head ? t('addHeadTitle') : t('addTitle');
  // A head's role is fixed while they lead members; no second head is offered.
  const roles = roleKeys.filter((r) => r !== 'head' || !props.head || props.head.invitationId === member?.invitationId);

  async function save() {
    const v = form.values;
    const errors: Record<string, string> = {};
    if (!v.name.trim()) errors.name = t('nameRequired');
    const logistics: Record<string, string> = {};
    if (props.incoming) {
      for (const key of logisticsKeys) {
        const value = v[key].trim();
        if (!value) continue;
        if (key.endsWith('Date')) {
          const iso = asIsoDate(value);
          if (!iso) errors[`logistics.${key}`] = t('badDate');
          else logistics[key] = iso;
        } else logistics[key] = value;
      }
    }
    if (Object.keys(errors).length) return form.setErrors(errors);
    const text = (value: string) => value.trim();
    await saveToRoster(form, props, schemaText, async () => {
      if (member) {
        const body: Record<string, unknown> = {
          name: text(v.name),
          email: text(v.email) || null,
          phone: text(v.phone) || null,
          organisation: text(v.organisation) || null,
          position: text(v.position) || null,
          language: v.language,
          ...(v.role !== member.role ? { role: v.role } : {}),
          ...(props.incoming ? { logistics: Object.keys(logistics).length ? logistics : null } : {}),
        };
        await api.send('PATCH', `${props.base}/delegation/members/${encodeURIComponent(member.invitationId)}`, body, props.ifMatch());
        await props.onDone(t('saved', { name: text(v.name) }));
      } else {
        const body: Record<string, unknown> = {
          name: text(v.name),
          role: v.role,
          language: v.language,
          ...(text(v.email) ? { email: text(v.email) } : {}),
          ...(text(v.phone) ? { phone: text(v.phone) } : {}),
          ...(text(v.organisation) ? { organisation: text(v.organisation) } : {}),
          ...(text(v.position) ? { position: text(v.position) } : {}),
          ...(v.role !== 'head' && props.head ? { headInvitationId: props.head.invitationId } : {}),
          ...(props.incoming && Object.keys(logistics).length ? { logistics } : {}),
        };
        await api.send('POST', `${props.base}/delegation/members`, body, props.ifMatch());
        await props.onDone(t('added', { name: text(v.name) }));
      }
      ref.current?.close();
    });
  }

  return (
    <dialog ref={ref} class="dialog wide" aria-labelledby="member-dialog-title" onClose={props.onClose} onCancel={props.onClose}>
      <h2 id="member-dialog-title">{titleText}</h2>
      <Form errors={form.errors} onSubmit={save} labelledBy="member-dialog-title">
        <TextField name="member.name" errorName="name" label={t('name')} required value={form.values.name} onValue={form.set('name')} input={{ autoComplete: 'off', spellcheck: false }} />
        <div class="grid-2">
          <SelectField
            name="member.role"
            errorName="role"
            label={t('role')}
            value={form.values.role}
            onValue={(value) => form.set('role')(value as Role)}
            options={roles.map((r) => ({ value: r, label: textIn(roleLabels[r], language) }))}
          />
          <LanguageField name="member.language" errorName="language" label={t('language')} value={form.values.language} onValue={form.set('language')} labels={{ vi: t('vi'), en: t('en') }} />
          <TextField name="member.email" errorName="email" label={t('email')} hint={t('emailHint')} value={form.values.email} onValue={form.set('email')} input={{ type: 'email', autoComplete: 'off', spellcheck: false }} />
          <TextField name="member.phone" errorName="phone" label={t('phone')} value={form.values.phone} onValue={form.set('phone')} input={{ type: 'tel', autoComplete: 'off' }} />
          <TextField name="member.organisation" errorName="organisation" label={t('organisation')} value={form.values.organisation} onValue={form.set('organisation')} />
          <TextField name="member.position" errorName="position" label={t('position')} value={form.values.position} onValue={form.set('position')} />
        </div>
        {props.incoming && (
          <fieldset class="logistics">
            <legend>{t('logistics')}</legend>
            <div class="grid-2">
              {logisticsKeys.map((key) => (
                <TextField key={key} name={`member.${key}`} errorName={`logistics.${key}`} label={t(key)} value={form.values[key]} onValue={form.set(key)} />
              ))}
            </div>
          </fieldset>
        )}
        <DialogActions busy={form.busy} cancelLabel={t('cancel')} saveLabel={t('save')} onCancel={() => ref.current?.close()} />
      </Form>
    </dialog>
  );
}

/**
 * Passport data entered by an organiser for a member who gave it on paper, by phone or in person:
 * the consent text is shown first, and the consent is recorded as given to the organisers, and how.
 */
function PassportDialog(props: DialogProps & { member: Member; fields: Field[]; consent: Delegation['passportConsent'] }) {
  const { api, language } = useApp();
  const t = useText(messages);
  const schemaText = useSchemaMessages();
  const ref = useRef<HTMLDialogElement>(null);
  const { member } = props;
  const wanted = ['dateOfBirth', 'nationality', 'passportNumber', 'passportExpiry'];
  const fields = wanted.map((key) => props.fields.find((f) => f.key === key)).filter((f): f is Field => Boolean(f));
  const masked = (value: string | undefined) => Boolean(value && /•/.test(value));
  const form = useFormState<{ values: Record<string, string>; consent: boolean; channel: Channel }>(() => ({
    values: Object.fromEntries(
      fields.map((f) => {
        const value = member.details[f.key];
        return [f.key, masked(value) ? '' : f.type === 'date' ? asLocalDate(value) : (value ?? '')];
      }),
    ),
    consent: false,
    channel: 'paper_form',
  }));
  useEffect(() => {
    ref.current?.showModal();
    document.getElementById('f-passport-consent')?.focus();
  }, []);
  const setValue = (key: string) => (value: string) => form.setValues((current) => ({ ...current, values: { ...current.values, [key]: value } }));

  async function save() {
    const errors: Record<string, string> = {};
    const details: Record<string, string> = {};
    for (const field of fields) {
      const value = form.values.values[field.key]!.trim();
      if (!value) continue;
      if (field.type === 'date') {
        const iso = asIsoDate(value);
        if (!iso) errors[`details.${field.key}`] = t('badDate');
        else details[field.key] = iso;
      } else details[field.key] = value;
    }
    if (!form.values.consent) errors.consent = t('consentNeeded');
    if (Object.keys(errors).length) return form.setErrors(errors);
    await saveToRoster(form, props, schemaText, async () => {
      await api.send(
        'PATCH',
        `${props.base}/delegation/members/${encodeURIComponent(member.invitationId)}`,
        { details, consent: { version: props.consent.version, channel: form.values.channel } },
        props.ifMatch(),
      );
      await props.onDone(t('passportSaved', { name: member.name, channel: t(`channel.${form.values.channel}` as Key) }));
      ref.current?.close();
    });
  }

  return (
    <dialog ref={ref} class="dialog wide" aria-labelledby="passport-dialog-title" onClose={props.onClose} onCancel={props.onClose}>
      <h2 id="passport-dialog-title">{t('passportTitle', { name: member.name })}</h2>
      <Form errors={form.errors} onSubmit={save} labelledBy="passport-dialog-title">
        <p class="hint">{t('passportIntro')}</p>
        <div class="consent-text">
          <h3>{t('consentText')}</h3>
          <p>{textIn(props.consent.text, language)}</p>
        </div>
        <CheckboxField name="passport.consent" errorName="consent" label={t('consentGiven')} checked={form.values.consent} onValue={(checked) => form.setValues((c) => ({ ...c, consent: checked }))} />
        <SelectField
          name="passport.channel"
          errorName="consent.channel"
          label={t('consentChannel')}
          value={form.values.channel}
          onValue={(value) => form.setValues((c) => ({ ...c, channel: value as Channel }))}
          options={channels.map((c) => ({ value: c, label: t(`channel.${c}` as Key) }))}
        />
        <div class="grid-2">
          {fields.map((field) => (
            <TextField
              key={field.key}
              name={`passport.${field.key}`}
              errorName={`details.${field.key}`}
              label={pickLocalized(field.label, language).text}
              hint={field.type === 'date' ? t('dateHint') : undefined}
              required={field.required}
              value={form.values.values[field.key] ?? ''}
              onValue={setValue(field.key)}
              input={{ autoComplete: 'off', spellcheck: false, ...(field.type === 'date' ? { inputMode: 'numeric' as const } : {}) }}
            />
          ))}
        </div>
        <DialogActions busy={form.busy} cancelLabel={t('cancel')} saveLabel={t('save')} onCancel={() => ref.current?.close()} />
      </Form>
    </dialog>
  );
}
