import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Event } from '../../../shared/events/event-schema.js';
import { choiceLabel } from '../../../shared/events/field-choices.js';
import { foldAccents } from '../../../shared/text/vietnamese.js';
import { ApiError } from '../../lib/api-client.js';
import { formatDateTime, formatRange, formatWeekday } from '../../lib/datetime.js';
import { defineMessages, inBoth, pickLocalized, type LocalizedText, type Translate } from '../../lib/i18n.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { CancelNoticeOptions, type CancelNotice } from '../components/cancel-notice.js';
import { StatusBadge, TypeBadge } from '../components/event-badges.js';
import { PageHeading } from '../components/page-heading.js';
import { RegistrationLink } from '../components/registration-link.js';
import { useApp, useCan, useText } from '../context.js';
import type { CommonKey } from '../messages.js';
import type { PageProps } from '../routes.js';
import { errorText } from '../../lib/error-text.js';

const messages = defineMessages({
  vi: {
    loadingTitle: 'Sự kiện',
    back: 'Tất cả sự kiện',
    edit: 'Sửa',
    publish: 'Công bố',
    publishing: 'Đang công bố…',
    published: 'Đã công bố sự kiện.',
    cancel: 'Hủy sự kiện',
    cancelTitle: 'Hủy sự kiện này?',
    cancelText: 'Sự kiện “{title}” sẽ chuyển sang trạng thái đã hủy. Không thể hoàn tác việc này.',
    cancelled: 'Đã hủy sự kiện.',
    cancelReason: 'Lý do hủy:',
    cancelledNotice: 'Đã hủy sự kiện. Thông báo hủy đang được gửi cho {count} người.',
    noticeProgress: 'Xem tiến độ gửi thông báo',
    close: 'Kết thúc sự kiện',
    closeTitle: 'Kết thúc sự kiện này?',
    closeText: 'Sự kiện “{title}” sẽ chuyển sang trạng thái đã kết thúc và không nhận đăng ký nữa.',
    closed: 'Đã kết thúc sự kiện.',
    actions: 'Thao tác',
    details: 'Thông tin',
    when: 'Thời gian',
    venue: 'Địa điểm',
    map: 'Xem bản đồ',
    type: 'Loại',
    status: 'Trạng thái',
    capacity: 'Sức chứa',
    noLimit: 'Không giới hạn',
    registrationCloses: 'Hạn đăng ký',
    noDeadline: 'Không có hạn',
    approval: 'Cần duyệt đăng ký',
    contact: 'Người liên hệ',
    titleEn: 'Tên tiếng Anh',
    description: 'Giới thiệu',
    agenda: 'Chương trình',
    fields: 'Thông tin người tham dự cần cung cấp',
    noFields: 'Không yêu cầu thêm thông tin.',
    fieldLabel: 'Trường',
    fieldType: 'Kiểu',
    fieldRequired: 'Bắt buộc',
    counts: 'Số liệu',
    invited: 'Đã mời',
    confirmed: 'Xác nhận',
    waitlisted: 'Danh sách chờ',
    pending: 'Chờ duyệt',
    declined: 'Từ chối',
    checkedIn: 'Đã có mặt',
    invitations: 'Khách mời',
    answers: 'Trả lời',
    mailTemplates: 'Mẫu thư mời',
    printSheet: 'In danh sách ký tên',
    roster: 'Danh sách đoàn',
    delegation: 'Thành viên đoàn',
    letters: 'Giấy mời (PDF)',
    checkIn: 'Điểm danh',
    certificates: 'Giấy chứng nhận',
    groupPeople: 'Người tham dự và trả lời',
    groupDoor: 'In ấn, giấy chứng nhận và điểm danh',
    groupEdit: 'Sửa và thư mời',
    ending: 'Kết thúc hoặc hủy sự kiện',
    closeConsequence:
      'Kết thúc: không nhận thêm trả lời hay đăng ký nào nữa (kể cả danh sách chờ). Danh sách, bản in và giấy chứng nhận vẫn dùng được. Dùng khi sự kiện đã diễn ra.',
    cancelConsequence:
      'Hủy: sự kiện không diễn ra. Người được mời mở đường dẫn sẽ thấy sự kiện đã hủy, thư chưa gửi sẽ không được gửi nữa. Không thể hoàn tác.',
  },
  en: {
    loadingTitle: 'Event',
    back: 'All events',
    edit: 'Edit',
    publish: 'Publish',
    publishing: 'Publishing…',
    published: 'The event is published.',
    cancel: 'Cancel event',
    cancelTitle: 'Cancel this event?',
    cancelText: '“{title}” will be marked as cancelled. This cannot be undone.',
    cancelled: 'The event is cancelled.',
    cancelReason: 'Reason for cancelling:',
    cancelledNotice: 'The event is cancelled. The notice is going out to {count} people.',
    noticeProgress: 'See how the notices are going',
    close: 'Close event',
    closeTitle: 'Close this event?',
    closeText: '“{title}” will be marked as closed and will take no more registrations.',
    closed: 'The event is closed.',
    actions: 'Actions',
    details: 'Details',
    when: 'When',
    venue: 'Venue',
    map: 'Open the map',
    type: 'Type',
    status: 'Status',
    capacity: 'Capacity',
    noLimit: 'No limit',
    registrationCloses: 'Registration closes',
    noDeadline: 'No deadline',
    approval: 'Registrations need approval',
    contact: 'Contact person',
    titleEn: 'English title',
    description: 'Description',
    agenda: 'Agenda',
    fields: 'What participants are asked for',
    noFields: 'Nothing beyond their name.',
    fieldLabel: 'Field',
    fieldType: 'Type',
    fieldRequired: 'Required',
    counts: 'Figures',
    invited: 'Invited',
    confirmed: 'Confirmed',
    waitlisted: 'Waiting list',
    pending: 'Awaiting approval',
    declined: 'Declined',
    checkedIn: 'Checked in',
    invitations: 'Invitees',
    answers: 'Answers',
    mailTemplates: 'Invitation mail',
    printSheet: 'Print the sign-in sheet',
    roster: 'Delegation list',
    delegation: 'Delegation members',
    letters: 'Invitation letters (PDF)',
    checkIn: 'Check-in',
    certificates: 'Certificates',
    groupPeople: 'People and answers',
    groupDoor: 'Printing, certificates and check-in',
    groupEdit: 'Edit and mail',
    ending: 'Close or cancel the event',
    closeConsequence:
      'Close: no more answers or registrations are taken (the waiting list included). Lists, printing and certificates stay available. Use it once the event has taken place.',
    cancelConsequence:
      'Cancel: the event will not take place. Invitees who open their link see that it is cancelled; mails not yet sent are not sent. This cannot be undone.',
  },
});

type Change = 'publish' | 'cancel' | 'close';
type Text = Translate<keyof (typeof messages)['vi'] | CommonKey>;

/** A file name without accents or spaces: "ma-qr-dang-ky-dien-dan-thanh-nien.svg". */
const fileSlug = (title: string) =>
  foldAccents(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/**
 * What can be done with the event, in three groups by purpose; publishing leads the editing group.
 * Closing and cancelling are kept apart, at the foot of the page, each with its consequence.
 */
function EventActions(props: { event: Event; t: Text; busy?: Change; onPublish: () => void }) {
  const { event, t, busy } = props;
  const can = useCan();
  const base = `/console/events/${encodeURIComponent(event.eventId)}`;
  const editable = event.status === 'draft' || event.status === 'published';
  // The door opens for a published event (the API refuses walk-ins otherwise).
  const doorOpen = event.status === 'published' && can('attendees:check-in');
  const people = [
    can('invitations:read') && { href: `${base}/invitations`, label: t('invitations') },
    can('registrations:read') && { href: `${base}/answers`, label: t('answers') },
    can('attendees:read') && event.type === 'delegation' && { href: `${base}/delegation`, label: t('delegation') },
  ];
  const door = [
    can('attendees:read') && { href: `${base}/print`, label: t('printSheet') },
    can('attendees:read') && event.type === 'delegation' && { href: `${base}/roster`, label: t('roster') },
    can('attendees:read') && { href: `${base}/certificates`, label: t('certificates') },
    can('attendees:read') && { href: `${base}/letters`, label: t('letters') },
    doorOpen && { href: `${base}/check-in`, label: t('checkIn') },
  ];
  const edit = [
    can('events:write') && editable && { href: `${base}/edit`, label: t('edit') },
    can('events:write') && editable && { href: `${base}/mail-templates`, label: t('mailTemplates') },
  ];
  const group = (id: string, title: string, links: (false | { href: string; label: string })[], extra?: ComponentChildren) => {
    const shown = links.filter((link): link is { href: string; label: string } => Boolean(link));
    if (!shown.length && !extra) return null;
    return (
      <div class="action-group" role="group" aria-labelledby={id}>
        <h2 id={id} class="action-group-title">
          {title}
        </h2>
        <div class="toolbar">
          {extra}
          {shown.map((link) => (
            <a key={link.href} class="button" href={link.href}>
              {link.label}
            </a>
          ))}
        </div>
      </div>
    );
  };
  const publish =
    can('events:write') && event.status === 'draft' ? (
      <button type="button" class="button primary" disabled={Boolean(busy)} onClick={props.onPublish}>
        {busy === 'publish' ? t('publishing') : t('publish')}
      </button>
    ) : undefined;
  return (
    <div class="action-groups">
      {group('actions-people', t('groupPeople'), people)}
      {group('actions-door', t('groupDoor'), door)}
      {group('actions-edit', t('groupEdit'), edit, publish)}
    </div>
  );
}

export function EventDetailPage({ params }: PageProps) {
  const { api, language, announce } = useApp();
  const can = useCan();
  const t = useText(messages);
  const [event, setEvent] = useState<Event>();
  const [error, setError] = useState<string>();
  const [notFound, setNotFound] = useState(false);
  const [status, setStatus] = useState<LocalizedText>();
  const [busy, setBusy] = useState<Change>();
  const [confirming, setConfirming] = useState<'cancel' | 'close'>();
  const [cancelNotice, setCancelNotice] = useState<CancelNotice>({ notify: true, reason: '' });
  const [noticed, setNoticed] = useState(false);
  const path = `/api/events/${encodeURIComponent(params.eventId!)}`;

  useEffect(() => {
    api
      .get<{ event: Event }>(path)
      .then((answer) => setEvent(answer.event))
      .catch((failure: unknown) => {
        if (failure instanceof ApiError && failure.status === 404) setNotFound(true);
        setError(errorText(failure));
      });
  }, [path]);

  async function change(kind: Change) {
    setBusy(kind);
    setError(undefined);
    setStatus(undefined);
    try {
      // Cancelling a published event tells those who hold its link, unless the organiser unticked it.
      const notify = kind === 'cancel' && event?.status === 'published' && cancelNotice.notify;
      const answer = await api.post<{ event: Event; notice?: { queued: number } }>(
        `${path}/${kind}`,
        kind === 'cancel' ? { notify, ...(cancelNotice.reason.trim() ? { reason: cancelNotice.reason } : {}) } : undefined,
      );
      setEvent(answer.event);
      setNoticed(answer.notice !== undefined);
      const done = answer.notice
        ? inBoth(messages, 'cancelledNotice', { count: answer.notice.queued })
        : inBoth(messages, kind === 'publish' ? 'published' : kind === 'cancel' ? 'cancelled' : 'closed');
      setStatus(done);
      announce(done[language]);
      // The button that was pressed is gone with the old status: continue from the heading.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(undefined);
      setConfirming(undefined);
    }
  }

  const title = event ? pickLocalized(event.title, language) : undefined;
  const description = event ? pickLocalized(event.description, language) : undefined;
  const agenda = event ? pickLocalized(event.agenda, language) : undefined;
  const editable = event && (event.status === 'draft' || event.status === 'published');

  return (
    <section>
      <p class="breadcrumb">
        <a href="/console/events">← {t('back')}</a>
      </p>
      <PageHeading text={title?.text ?? t('loadingTitle')} lang={title?.lang}>
        {event && <StatusBadge status={event.status} />}
      </PageHeading>

      {status && (
        <p class="notice success" role="status">
          {status[language]}
          {noticed && (
            <>
              {' '}
              <a href={`/console/events/${encodeURIComponent(params.eventId!)}/notices`}>{t('noticeProgress')}</a>
            </>
          )}
        </p>
      )}
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
      {!event && !error && !notFound && (
        <p class="loading" role="status">
          {t('common.loading')}
        </p>
      )}

      {event && (
        <>
          {event.status === 'cancelled' && event.cancelReason && (
            <p class="notice error">
              {t('cancelReason')} {event.cancelReason}
            </p>
          )}
          <EventActions event={event} t={t} busy={busy} onPublish={() => void change('publish')} />
          {event.openRegistration && can('events:write') && (
            <RegistrationLink eventId={event.eventId} status={event.status} fileName={`ma-qr-dang-ky-${fileSlug(event.title.vi)}.svg`} />
          )}

          <div class="detail-grid">
            <section class="card" aria-labelledby="details-title">
              <h2 id="details-title">{t('details')}</h2>
              <dl class="facts">
                <div>
                  <dt>{t('when')}</dt>
                  <dd>
                    {formatWeekday(event.startsAt, language)}, {formatRange(event.startsAt, event.endsAt)}
                  </dd>
                </div>
                <div>
                  <dt>{t('venue')}</dt>
                  <dd>
                    {event.venue}
                    {event.venueMapUrl && (
                      <>
                        {' '}
                        <a href={event.venueMapUrl} target="_blank" rel="noopener noreferrer">
                          {t('map')}
                        </a>
                      </>
                    )}
                  </dd>
                </div>
                <div>
                  <dt>{t('type')}</dt>
                  <dd>
                    <TypeBadge type={event.type} />
                  </dd>
                </div>
                <div>
                  <dt>{t('capacity')}</dt>
                  <dd>{event.capacity ?? t('noLimit')}</dd>
                </div>
                <div>
                  <dt>{t('registrationCloses')}</dt>
                  <dd>{event.registrationClosesAt ? formatDateTime(event.registrationClosesAt) : t('noDeadline')}</dd>
                </div>
                <div>
                  <dt>{t('approval')}</dt>
                  <dd>{event.requiresApproval ? t('common.yes') : t('common.no')}</dd>
                </div>
                {event.contact && (
                  <div>
                    <dt>{t('contact')}</dt>
                    <dd>
                      {event.contact.name}
                      {event.contact.phone && (
                        <>
                          {' · '}
                          <a href={`tel:${event.contact.phone.replace(/[^+0-9]/g, '')}`}>{event.contact.phone}</a>
                        </>
                      )}
                      {event.contact.email && (
                        <>
                          {' · '}
                          <a href={`mailto:${event.contact.email}`}>{event.contact.email}</a>
                        </>
                      )}
                    </dd>
                  </div>
                )}
                {language === 'vi' && event.title.en && (
                  <div>
                    <dt>{t('titleEn')}</dt>
                    <dd lang="en">{event.title.en}</dd>
                  </div>
                )}
              </dl>
            </section>

            <section class="card" aria-labelledby="counts-title">
              <h2 id="counts-title">{t('counts')}</h2>
              <dl class="stats">
                {(['invited', 'confirmed', 'waitlisted', 'pending', 'declined', 'checkedIn'] as const).map((key) => (
                  <div key={key}>
                    <dt>{t(key)}</dt>
                    <dd>{event.counts[key]}</dd>
                  </div>
                ))}
              </dl>
            </section>
          </div>

          {description?.text && (
            <section class="card" aria-labelledby="description-title">
              <h2 id="description-title">{t('description')}</h2>
              <p class="prose" lang={description.lang}>
                {description.text}
              </p>
            </section>
          )}
          {agenda?.text && (
            <section class="card" aria-labelledby="agenda-title">
              <h2 id="agenda-title">{t('agenda')}</h2>
              <p class="prose" lang={agenda.lang}>
                {agenda.text}
              </p>
            </section>
          )}

          <section class="card" aria-labelledby="fields-title">
            <h2 id="fields-title">{t('fields')}</h2>
            {event.fields.length === 0 ? (
              <p class="muted">{t('noFields')}</p>
            ) : (
              <table class="table stack">
                <thead>
                  <tr>
                    <th scope="col">{t('fieldLabel')}</th>
                    <th scope="col">{t('fieldType')}</th>
                    <th scope="col">{t('fieldRequired')}</th>
                  </tr>
                </thead>
                <tbody>
                  {event.fields.map((field) => {
                    const label = pickLocalized(field.label, language);
                    return (
                      <tr key={field.key}>
                        <th scope="row" lang={label.lang} data-label={t('fieldLabel')}>
                          <div>
                            {label.text}
                            {field.choices && <span class="choices">{field.choices.map((choice) => choiceLabel(choice, language)).join(' · ')}</span>}
                          </div>
                        </th>
                        <td data-label={t('fieldType')}>{t(`fieldType.${field.type}`)}</td>
                        <td data-label={t('fieldRequired')}>{field.required ? t('common.yes') : t('common.no')}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </section>

          {can('events:write') && editable && (
            <section class="card danger-zone" aria-labelledby="ending-title">
              <h2 id="ending-title">{t('ending')}</h2>
              {event.status === 'published' && (
                <div class="danger-action">
                  <p>{t('closeConsequence')}</p>
                  <button type="button" class="button" disabled={Boolean(busy)} onClick={() => setConfirming('close')}>
                    {t('close')}
                  </button>
                </div>
              )}
              <div class="danger-action">
                <p>{t('cancelConsequence')}</p>
                <button type="button" class="button danger" disabled={Boolean(busy)} onClick={() => setConfirming('cancel')}>
                  {t('cancel')}
                </button>
              </div>
            </section>
          )}

          <ConfirmDialog
            open={confirming !== undefined}
            title={confirming === 'close' ? t('closeTitle') : t('cancelTitle')}
            confirmLabel={confirming === 'close' ? t('close') : t('cancel')}
            danger={confirming === 'cancel'}
            busy={Boolean(busy)}
            onConfirm={() => confirming && void change(confirming)}
            onClose={() => setConfirming(undefined)}
          >
            <p>{t(confirming === 'close' ? 'closeText' : 'cancelText', { title: title?.text ?? '' })}</p>
            {confirming === 'cancel' && event.status === 'published' && (
              <CancelNoticeOptions eventId={event.eventId} value={cancelNotice} onChange={setCancelNotice} />
            )}
          </ConfirmDialog>
        </>
      )}
    </section>
  );
}
