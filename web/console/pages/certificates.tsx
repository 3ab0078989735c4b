import { useEffect, useState } from 'preact/hooks';
import type { Attendee } from '../../../shared/attendees/attendee-schema.js';
import type { Event } from '../../../shared/events/event-schema.js';
import type { Invitation } from '../../../shared/invitations/invitation-schema.js';
import { fetchAllInvitations } from '../../lib/all-invitations.js';
import type { ApiClient } from '../../lib/api-client.js';
import { formatDate, TIME_ZONE } from '../../lib/datetime.js';
import { defineMessages, isLanguage, pickLocalized, translator, type Language } from '../../lib/i18n.js';
import { PageHeading } from '../components/page-heading.js';
import { ErrorNotice, BackToEvent } from '../components/page-notices.js';
import { useApp, useText } from '../context.js';
import type { PageProps } from '../routes.js';
import { errorText } from '../../lib/error-text.js';

/** The page around the certificates, in the console's language. */
const messages = defineMessages({
  vi: {
    title: 'Giấy chứng nhận tham dự',
    back: 'Về trang sự kiện',
    print: 'In',
    languageLabel: 'Ngôn ngữ của giấy',
    languageOwn: 'Theo người tham dự',
    languageVi: 'Tiếng Việt',
    languageEn: 'English',
    count: '{count} giấy chứng nhận, khổ A4 ngang.',
    printHint: 'Khi in, chọn khổ A4 ngang và tắt “đầu trang và chân trang” của trình duyệt.',
    notPresent: '{name} chưa được điểm danh có mặt; giấy chứng nhận chỉ cấp cho người đã có mặt.',
    notFound: 'Không tìm thấy người này trong danh sách tham dự.',
    nobody: 'Chưa có ai được điểm danh có mặt.',
    preview: 'Bản xem trước các giấy chứng nhận (dùng phím mũi tên để cuộn)',
  },
  en: {
    title: 'Certificates of attendance',
    back: 'Back to the event',
    print: 'Print',
    languageLabel: 'Language of the certificate',
    languageOwn: 'The participant’s',
    languageVi: 'Tiếng Việt',
    languageEn: 'English',
    count: '{count} certificate(s), A4 landscape.',
    printHint: 'When printing, choose A4 landscape and turn off the browser’s headers and footers.',
    notPresent: '{name} has not been checked in; certificates are for people who were present.',
    notFound: 'This person is not on the list of attendees.',
    nobody: 'Nobody has been checked in yet.',
    preview: 'Preview of the certificates (scroll with the arrow keys)',
  },
});

/** The certificate itself, in the participant's language whatever the console's. */
const certificateText = defineMessages({
  vi: {
    intro: 'LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ TỈNH ĐẮK LẮK chứng nhận',
    title: 'GIẤY CHỨNG NHẬN',
    subtitle: 'THAM DỰ',
    person: 'Ông/Bà:',
    position: 'Chức vụ:',
    organisation: 'Đơn vị:',
    attended: 'Đã tham dự',
    when: 'Thời gian:',
    where: 'Địa điểm:',
    oneDay: 'ngày {date}',
    days: 'từ ngày {from} đến ngày {to}',
    signFor: 'TM. BAN TỔ CHỨC',
    signNote: '(Ký, ghi rõ họ tên và đóng dấu)',
  },
  en: {
    intro: 'This is to certify that',
    title: 'CERTIFICATE',
    subtitle: 'OF ATTENDANCE',
    person: '',
    position: 'Position:',
    organisation: 'Organisation:',
    attended: 'has attended',
    when: 'Date:',
    where: 'Venue:',
    oneDay: '{date}',
    days: 'from {from} to {to}',
    signFor: 'FOR THE ORGANISING COMMITTEE',
    signNote: '(Signature, full name and seal)',
  },
});

const englishDate = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });

/** "Đắk Lắk, ngày 26 tháng 03 năm 2015" / "Đắk Lắk, 26 March 2015": the official date line. */
function dateLine(instant: string, language: Language): string {
  if (language === 'en') return `Đắk Lắk, ${englishDate.format(new Date(instant))}`;
  const [day, month, year] = formatDate(instant).split('/');
  return `Đắk Lắk, ngày ${day} tháng ${month} năm ${year}`;
}

const dayOf = (instant: string, language: Language) => (language === 'en' ? englishDate.format(new Date(instant)) : formatDate(instant));

type Sheet = { attendee: Attendee; language: Language };

/** Every invitation's language (a walk-in has none: Vietnamese). */
async function invitationLanguages(get: ApiClient['get'], eventId: string) {
  const languages = new Map<string, Language>();
  for (const item of await fetchAllInvitations(get, eventId)) if (isLanguage(item.language)) languages.set(item.invitationId, item.language);
  return languages;
}

/**
 * Certificates of attendance (Giấy chứng nhận tham dự), printable from the browser: one person's
 * (`/certificates/:registrationId`) or every present person's (`/certificates`), one A4 landscape
 * sheet each, nothing of the console on paper.
 */
export function CertificatesPage({ params, query }: PageProps) {
  const { api, language } = useApp();
  const t = useText(messages);
  const eventId = params.eventId!;
  const registrationId = params.registrationId;
  const base = `/api/events/${encodeURIComponent(eventId)}`;
  const chosen = query.get('lang');
  const forced = isLanguage(chosen) ? chosen : undefined;
  const [event, setEvent] = useState<Event>();
  const [sheets, setSheets] = useState<Sheet[]>();
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<string>();

  // Only while this page is shown: the print rules hide the console around the certificates.
  useEffect(() => {
    document.body.classList.add('printing-certificates');
    return () => document.body.classList.remove('printing-certificates');
  }, []);

  useEffect(() => {
    const load = async () => {
      const [answer, list] = await Promise.all([api.get<{ event: Event }>(base), api.get<{ items: Attendee[] }>(`${base}/attendees`)]);
      setEvent(answer.event);
      if (registrationId) {
        const attendee = list.items.find((a) => a.registrationId === registrationId);
        if (!attendee) return setProblem(translator(messages, language)('notFound'));
        if (!attendee.checkedInAt) return setProblem(translator(messages, language)('notPresent', { name: attendee.name }));
        const invitation = await api.get<{ invitation: Invitation }>(`${base}/invitations/${encodeURIComponent(registrationId)}`).catch(() => undefined);
        return setSheets([{ attendee, language: isLanguage(invitation?.invitation.language) ? invitation.invitation.language : 'vi' }]);
      }
      const present = list.items.filter((a) => a.checkedInAt);
      const languages = present.length ? await invitationLanguages(api.get, eventId).catch(() => new Map<string, Language>()) : new Map<string, Language>();
      setSheets(present.map((attendee) => ({ attendee, language: languages.get(attendee.registrationId) ?? 'vi' })));
    };
    load().catch((failure: unknown) => {
      setError(errorText(failure));
    });
  }, [base, registrationId]);

  const here = `/console/events/${encodeURIComponent(eventId)}/certificates${registrationId ? `/${encodeURIComponent(registrationId)}` : ''}`;
  const options: { value: Language | undefined; label: string }[] = [
    { value: undefined, label: t('languageOwn') },
    { value: 'vi', label: t('languageVi') },
    { value: 'en', label: t('languageEn') },
  ];

  return (
    <section class="certificates-page">
      <div class="certificate-tools">
        <BackToEvent eventId={eventId} fallback={t('back')} />
        <PageHeading text={t('title')} />
        <ErrorNotice message={error} />
        {problem && (
          <p class="notice warning" role="status">
            {problem}
          </p>
        )}
        {!sheets && !error && !problem && (
          <p class="loading" role="status">
            {t('common.loading')}
          </p>
        )}
        {sheets && sheets.length === 0 && <p class="empty">{t('nobody')}</p>}
        {sheets && sheets.length > 0 && (
          <>
            <div class="toolbar">
              <button type="button" class="button primary" onClick={() => window.print()}>
                {t('print')}
              </button>
            </div>
            <div class="segmented" role="group" aria-label={t('languageLabel')}>
              {options.map((option) => (
                <a
                  key={option.label}
                  class="segment"
                  lang={option.value}
                  aria-current={forced === option.value ? 'true' : undefined}
                  href={option.value ? `${here}?lang=${option.value}` : here}
                >
                  {option.label}
                </a>
              ))}
            </div>
            <p class="hint">
              {t('count', { count: sheets.length })} {t('printHint')}
            </p>
          </>
        )}
      </div>
      {event && sheets && sheets.length > 0 && (
        // A4 landscape is wider than most screens: the preview scrolls, from the keyboard too.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable from the keyboard (axe: scrollable-region-focusable).
        <div class="certificates-scroll" tabIndex={0} role="region" aria-label={t('preview')}>
          {sheets.map((sheet) => (
            <Certificate key={sheet.attendee.registrationId} event={event} attendee={sheet.attendee} language={forced ?? sheet.language} />
          ))}
        </div>
      )}
    </section>
  );
}

function Certificate(props: { event: Event; attendee: Attendee; language: Language }) {
  const { event, attendee, language } = props;
  const c = translator(certificateText, language);
  const title = pickLocalized(event.title, language);
  const sameDay = formatDate(event.startsAt) === formatDate(event.endsAt);
  const when = sameDay
    ? c('oneDay', { date: dayOf(event.startsAt, language) })
    : c('days', { from: dayOf(event.startsAt, language), to: dayOf(event.endsAt, language) });
  const english = language === 'en';
  return (
    <article class="certificate" lang={language} aria-label={`${c('title')} ${c('subtitle')}: ${attendee.name}`}>
      <div class="cert-frame">
        <header class="cert-header">
          <div class="cert-agency">
            <p class="cert-agency-name" lang="vi">
              LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ
              <br />
              TỈNH ĐẮK LẮK
            </p>
            {english && <p class="cert-translation">Đắk Lắk Union of Friendship Organisations</p>}
          </div>
          <div class="cert-nation">
            <p class="cert-nation-name" lang="vi">
              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            </p>
            <p class="cert-motto" lang="vi">
              Độc lập - Tự do - Hạnh phúc
            </p>
            {english && (
              <p class="cert-translation">
                Socialist Republic of Viet Nam
                <br />
                Independence - Freedom - Happiness
              </p>
            )}
            <p class="cert-place-date">{dateLine(event.endsAt, language)}</p>
          </div>
        </header>

        <h2 class="cert-title">
          {c('title')}
          <span class="cert-subtitle">{c('subtitle')}</span>
        </h2>
        <p class="cert-intro">{c('intro')}</p>
        <p class="cert-name">
          {c('person') && <span class="cert-label">{c('person')} </span>}
          <strong>{attendee.name}</strong>
        </p>
        {(attendee.position || attendee.organisation) && (
          <p class="cert-role">
            {attendee.position && (
              <span>
                <span class="cert-label">{c('position')}</span> {attendee.position}
              </span>
            )}
            {attendee.position && attendee.organisation && <span class="cert-sep"> · </span>}
            {attendee.organisation && (
              <span>
                <span class="cert-label">{c('organisation')}</span> {attendee.organisation}
              </span>
            )}
          </p>
        )}
        <p class="cert-attended">{c('attended')}</p>
        <p class="cert-event" lang={title.lang}>
          {title.text}
        </p>
        <p class="cert-facts">
          <span class="cert-label">{c('when')}</span> {when}
          <br />
          <span class="cert-label">{c('where')}</span> {event.venue}
        </p>

        <footer class="cert-signature">
          <p class="cert-sign-for">{c('signFor')}</p>
          <p class="cert-sign-note">{c('signNote')}</p>
        </footer>
      </div>
    </article>
  );
}
