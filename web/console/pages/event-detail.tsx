import { useEffect, useState } from 'preact/hooks';
import type { Event } from '../../../shared/events/event-schema.js';
import { ApiError } from '../../lib/api-client.js';
import { formatDateTime, formatRange, formatWeekday } from '../../lib/datetime.js';
import { defineMessages, inBoth, pickLocalized, type LocalizedText } from '../../lib/i18n.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { StatusBadge, TypeBadge } from '../components/event-badges.js';
import { PageHeading } from '../components/page-heading.js';
import { useApp, useCan, useText } from '../context.js';
import type { PageProps } from '../routes.js';

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
    fieldKey: 'Mã',
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
    letters: 'Giấy mời (PDF)',
    checkIn: 'Điểm danh',
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
    fieldKey: 'Key',
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
    letters: 'Invitation letters (PDF)',
    checkIn: 'Check-in',
  },
});

type Change = 'publish' | 'cancel' | 'close';

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
  const path = `/api/events/${encodeURIComponent(params.eventId!)}`;

  useEffect(() => {
    api
      .get<{ event: Event }>(path)
      .then((answer) => setEvent(answer.event))
      .catch((failure: unknown) => {
        if (failure instanceof ApiError && failure.status === 404) setNotFound(true);
        setError(failure instanceof Error ? failure.message : String(failure));
      });
  }, [path]);

  async function change(kind: Change) {
    setBusy(kind);
    setError(undefined);
    setStatus(undefined);
    try {
      const answer = await api.post<{ event: Event }>(`${path}/${kind}`);
      setEvent(answer.event);
      const done = inBoth(messages, kind === 'publish' ? 'published' : kind === 'cancel' ? 'cancelled' : 'closed');
      setStatus(done);
      announce(done[language]);
      // The button that was pressed is gone with the old status: continue from the heading.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(undefined);
      setConfirming(undefined);
    }
  }

  const title = event ? pickLocalized(event.title, language) : undefined;
  const description = event ? pickLocalized(event.description, language) : undefined;
  const agenda = event ? pickLocalized(event.agenda, language) : undefined;
  const editable = event && (event.status === 'draft' || event.status === 'published');
  // The door opens for a published event (the API refuses walk-ins otherwise).
  const doorOpen = event?.status === 'published' && can('attendees:check-in');

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
          {can('events:write') && editable && (
            <div class="toolbar" role="group" aria-label={t('actions')}>
              {can('invitations:read') && (
                <a class="button" href={`/console/events/${encodeURIComponent(event.eventId)}/invitations`}>
                  {t('invitations')}
                </a>
              )}
              <a class="button" href={`/console/events/${encodeURIComponent(event.eventId)}/answers`}>
                {t('answers')}
              </a>
              {doorOpen && (
                <a class="button" href={`/console/events/${encodeURIComponent(event.eventId)}/check-in`}>
                  {t('checkIn')}
                </a>
              )}
              <a class="button" href={`/console/events/${encodeURIComponent(event.eventId)}/edit`}>
                {t('edit')}
              </a>
              {event.status === 'draft' && (
                <button type="button" class="button primary" disabled={Boolean(busy)} onClick={() => void change('publish')}>
                  {busy === 'publish' ? t('publishing') : t('publish')}
                </button>
              )}
              {event.status === 'published' && (
                <button type="button" class="button" disabled={Boolean(busy)} onClick={() => setConfirming('close')}>
                  {t('close')}
                </button>
              )}
              <a class="button" href={`/console/events/${encodeURIComponent(event.eventId)}/mail-templates`}>
                {t('mailTemplates')}
              </a>
              <button type="button" class="button danger" disabled={Boolean(busy)} onClick={() => setConfirming('cancel')}>
                {t('cancel')}
              </button>
            </div>
          )}
          {!(can('events:write') && editable) && (can('invitations:read') || doorOpen) && (
            <div class="toolbar">
              {can('invitations:read') && (
                <a class="button" href={`/console/events/${encodeURIComponent(event.eventId)}/invitations`}>
                  {t('invitations')}
                </a>
              )}
              {can('registrations:read') && (
                <a class="button" href={`/console/events/${encodeURIComponent(event.eventId)}/answers`}>
                  {t('answers')}
                </a>
              )}
              {doorOpen && (
                <a class="button" href={`/console/events/${encodeURIComponent(event.eventId)}/check-in`}>
                  {t('checkIn')}
                </a>
              )}
            </div>
          )}

          {can('attendees:read') && (
            <div class="toolbar">
              <a class="button" href={`/console/events/${encodeURIComponent(event.eventId)}/print`}>
                {t('printSheet')}
              </a>
              {event.type === 'delegation' && (
                <a class="button" href={`/console/events/${encodeURIComponent(event.eventId)}/roster`}>
                  {t('roster')}
                </a>
              )}
              <a class="button" href={`/console/events/${encodeURIComponent(event.eventId)}/letters`}>
                {t('letters')}
              </a>
            </div>
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
                    <th scope="col">{t('fieldKey')}</th>
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
                            {field.choices && <span class="choices">{field.choices.join(' · ')}</span>}
                          </div>
                        </th>
                        <td data-label={t('fieldType')}>{t(`fieldType.${field.type}`)}</td>
                        <td data-label={t('fieldRequired')}>{field.required ? t('common.yes') : t('common.no')}</td>
                        <td data-label={t('fieldKey')}>
                          <code>{field.key}</code>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </section>

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
          </ConfirmDialog>
        </>
      )}
    </section>
  );
}
