import { useEffect, useState } from 'preact/hooks';
import type { Event } from '../../../shared/events/event-schema.js';
import type { Invitation } from '../../../shared/invitations/invitation-schema.js';
import type { InvitationLetter } from '../../../shared/papers/papers-settings-schema.js';
import { fetchAllInvitations } from '../../lib/all-invitations.js';
import { formatDate } from '../../lib/datetime.js';
import { defineMessages, pickLocalized, type Language } from '../../lib/i18n.js';
import { PageHeading } from '../components/page-heading.js';
import { DataTable } from '../components/data-table.js';
import { ActionNotice, BackToEvent, LoadErrorNotice, type ActionStatus } from '../components/page-notices.js';
import { useApp, useCan, useText } from '../context.js';
import type { PageProps } from '../routes.js';
import { errorText } from '../../lib/error-text.js';

const messages = defineMessages({
  vi: {
    title: 'Giấy mời',
    back: 'Về sự kiện',
    intro:
      'Giấy mời theo thể thức văn bản hành chính (Nghị định 30/2020/NĐ-CP), mỗi người một trang A4, số lấy từ sổ đăng ký giấy mời của năm. Cấp lại không đổi số.',
    issueAll: 'Cấp số cho tất cả ({count} chưa có số)',
    issuing: 'Đang cấp số…',
    issued: 'Đã cấp số {count} giấy mời.',
    allIssued: 'Mọi khách mời đã có số giấy mời.',
    downloadAll: 'Tải tất cả giấy mời (PDF, {count} trang)',
    language: 'Ngôn ngữ của giấy mời',
    languageOwn: 'Theo người được mời',
    languageVi: 'Tiếng Việt',
    languageEn: 'English',
    name: 'Họ và tên',
    organisation: 'Đơn vị',
    number: 'Số giấy mời',
    issuedOn: 'Ngày cấp',
    actions: 'Thao tác',
    notIssued: 'Chưa cấp số',
    issueOne: 'Cấp số',
    downloadOne: 'Tải PDF',
    downloadOneFor: 'Tải PDF giấy mời của {name}',
    issueOneFor: 'Cấp số giấy mời cho {name}',
    nobody: 'Sự kiện chưa có khách mời.',
    settings: 'Tiêu đề, người ký và nơi nhận của giấy mời do quản trị viên đặt trong trang Giấy tờ.',
  },
  en: {
    title: 'Invitation letters',
    back: 'Back to the event',
    intro:
      'Invitation letters (giấy mời) in the state format of Decree 30/2020, one A4 page each, numbered from the year’s register. Issuing again keeps the number.',
    issueAll: 'Number all ({count} without a number)',
    issuing: 'Numbering…',
    issued: '{count} letter(s) numbered.',
    allIssued: 'Every invitee has a numbered letter.',
    downloadAll: 'Download all letters (PDF, {count} pages)',
    language: 'Language of the letters',
    languageOwn: 'The invitee’s',
    languageVi: 'Tiếng Việt',
    languageEn: 'English',
    name: 'Full name',
    organisation: 'Organisation',
    number: 'Number',
    issuedOn: 'Issued',
    actions: 'Actions',
    notIssued: 'Not numbered',
    issueOne: 'Number',
    downloadOne: 'Download PDF',
    downloadOneFor: 'Download PDF: the letter of {name}',
    issueOneFor: 'Number: the letter of {name}',
    nobody: 'This event has no invitees yet.',
    settings: 'The heading, the signer and the recipients of the letters are set by an admin on the Papers page.',
  },
});

/**
 * An event's giấy mời (`/console/events/:eventId/letters`): who has a numbered letter, numbering
 * for everyone or one person, and the PDF of all or one, in each invitee's language or one chosen.
 */
export function LettersPage({ params }: PageProps) {
  const { api, language } = useApp();
  const t = useText(messages);
  const can = useCan();
  const eventId = params.eventId!;
  const base = `/api/events/${encodeURIComponent(eventId)}`;
  const [event, setEvent] = useState<Event>();
  const [invitations, setInvitations] = useState<Invitation[]>();
  const [letters, setLetters] = useState<Map<string, InvitationLetter>>(new Map());
  const [letterLanguage, setLetterLanguage] = useState<Language | ''>('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<ActionStatus>();
  const [loadError, setLoadError] = useState<string>();

  const load = async () => {
    setLoadError(undefined);
    try {
      const [answer, people, issued] = await Promise.all([
        api.get<{ event: Event }>(base),
        fetchAllInvitations(api.get, eventId),
        api.get<{ items: InvitationLetter[] }>(`${base}/letters`),
      ]);
      setEvent(answer.event);
      setInvitations(people);
      setLetters(new Map(issued.items.map((letter) => [letter.invitationId, letter])));
    } catch (failure) {
      setLoadError(errorText(failure));
    }
  };
  useEffect(() => void load(), [base]);

  const issue = async (invitationIds?: string[]) => {
    setBusy(true);
    setStatus(undefined);
    try {
      const answer = await api.post<{ items: InvitationLetter[] }>(`${base}/letters`, invitationIds ? { invitationIds } : {});
      const before = letters.size;
      const next = new Map(letters);
      for (const letter of answer.items) next.set(letter.invitationId, letter);
      setLetters(next);
      setStatus({ kind: 'success', text: t('issued', { count: next.size - before }) });
    } catch (failure) {
      setStatus({ kind: 'error', text: errorText(failure) });
    } finally {
      setBusy(false);
    }
  };

  const pdfQuery = letterLanguage ? `?language=${letterLanguage}` : '';
  const missing = (invitations ?? []).filter((i) => !letters.has(i.invitationId)).length;
  const title = event ? pickLocalized(event.title, language) : undefined;
  const languages: { value: Language | ''; label: string }[] = [
    { value: '', label: t('languageOwn') },
    { value: 'vi', label: t('languageVi') },
    { value: 'en', label: t('languageEn') },
  ];

  return (
    <section class="letters-page">
      <BackToEvent eventId={eventId} title={title} fallback={t('back')} />
      <PageHeading text={t('title')} />
      <p class="hint">{t('intro')}</p>
      <LoadErrorNotice message={loadError} onRetry={() => void load()} />
      {!invitations && !loadError && (
        <p class="loading" role="status">
          {t('common.loading')}
        </p>
      )}
      {invitations && invitations.length === 0 && <p class="empty">{t('nobody')}</p>}
      {invitations && invitations.length > 0 && (
        <>
          <div class="toolbar">
            {can('invitations:write') &&
              (missing > 0 ? (
                <button type="button" class="button primary" disabled={busy} aria-busy={busy} onClick={() => void issue()}>
                  {busy ? t('issuing') : t('issueAll', { count: missing })}
                </button>
              ) : (
                <span class="hint">{t('allIssued')}</span>
              ))}
            {letters.size > 0 && (
              <a class="button" href={`${base}/letters/pdf${pdfQuery}`} download>
                {t('downloadAll', { count: letters.size })}
              </a>
            )}
          </div>
          <div class="field">
            <label for="letter-language">{t('language')}</label>
            <select id="letter-language" value={letterLanguage} onChange={(e) => setLetterLanguage((e.currentTarget as HTMLSelectElement).value as Language | '')}>
              {languages.map((option) => (
                <option key={option.value} value={option.value} lang={option.value || undefined}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <ActionNotice status={status} />
          <p class="hint">{t('settings')}</p>
          <DataTable class="table letters-table" columns={[t('name'), t('organisation'), t('number'), t('issuedOn'), t('actions')]}>
            {invitations.map((invitation) => {
              const letter = letters.get(invitation.invitationId);
              return (
                <tr key={invitation.invitationId}>
                  <th scope="row">{invitation.name}</th>
                  <td data-label={t('organisation')}>{invitation.organisation ?? ''}</td>
                  <td data-label={t('number')}>{letter ? letter.reference : <span class="muted">{t('notIssued')}</span>}</td>
                  <td data-label={t('issuedOn')}>{letter ? formatDate(letter.issuedAt) : ''}</td>
                  <td class="letter-actions">
                    {letter ? (
                      <a href={`${base}/letters/${encodeURIComponent(invitation.invitationId)}/pdf${pdfQuery}`} download aria-label={t('downloadOneFor', { name: invitation.name })}>
                        {t('downloadOne')}
                      </a>
                    ) : (
                      can('invitations:write') && (
                        <button type="button" class="button small" disabled={busy} onClick={() => void issue([invitation.invitationId])} aria-label={t('issueOneFor', { name: invitation.name })}>
                          {t('issueOne')}
                        </button>
                      )
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </>
      )}
    </section>
  );
}
