import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Event } from '../../../shared/events/event-schema.js';
import { foldAccents } from '../../../shared/text/vietnamese.js';
import { defineMessages, inBoth, pickLocalized, type LocalizedText, type Translate } from '../../lib/i18n.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { CancelNoticeOptions, type CancelNotice } from '../components/cancel-notice.js';
import { StatusBadge } from '../components/event-badges.js';
import { PageHeading } from '../components/page-heading.js';
import { RegistrationLink } from '../components/registration-link.js';
import { useApp, useCan, useText } from '../context.js';
import type { CommonKey } from '../messages.js';
import { EventFacts, EventFieldsTable } from '../components/event-facts.js';
import { useEvent } from '../hooks/use-event.js';
import type { PageProps } from '../routes.js';
import { errorText } from '../../lib/error-text.js';
import { ErrorNotice } from '../components/page-notices.js';

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
    description: 'Giới thiệu',
    agenda: 'Chương trình',
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
    description: 'Description',
    agenda: 'Agenda',
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
  const { event, setEvent, error: loadError } = useEvent(params.eventId!);
  const [actionError, setError] = useState<string>();
  const error = actionError ?? loadError;
  const [status, setStatus] = useState<LocalizedText>();
  const [busy, setBusy] = useState<Change>();
  const [confirming, setConfirming] = useState<'cancel' | 'close'>();
  const [cancelNotice, setCancelNotice] = useState<CancelNotice>({ notify: true, reason: '' });
  const [noticed, setNoticed] = useState(false);
  const path = `/api/events/${encodeURIComponent(params.eventId!)}`;

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
      <ErrorNotice message={error} />
      {!event && !error && (
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

          <EventFacts event={event} />

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

          <EventFieldsTable fields={event.fields} />

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
