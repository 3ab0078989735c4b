import { useEffect, useState } from 'preact/hooks';
import type { MailTemplates } from '../../../shared/email/mail-template-schema.js';
import type { Invitation } from '../../../shared/invitations/invitation-schema.js';
import { defineMessages, type Language } from '../../lib/i18n.js';
import { useApp, useText } from '../context.js';
import { errorText } from '../../lib/error-text.js';
import { ErrorNotice } from './page-notices.js';

const messages = defineMessages({
  vi: {
    preview: 'Xem trước thư',
    as: 'Thư như khách mời này nhận',
    sample: 'Khách mẫu (Nguyễn Văn An)',
    language: 'Ngôn ngữ của thư',
    'lang.vi': 'Tiếng Việt',
    'lang.en': 'Tiếng Anh',
    subject: 'Tiêu đề:',
    to: 'Gửi đến:',
    attached: 'Đính kèm:',
    loading: 'Đang tạo bản xem trước…',
  },
  en: {
    preview: 'Preview of the mail',
    as: 'The mail as this invitee receives it',
    sample: 'A sample invitee (Jane Smith)',
    language: 'Language of the mail',
    'lang.vi': 'Vietnamese',
    'lang.en': 'English',
    subject: 'Subject:',
    to: 'To:',
    attached: 'Attached:',
    loading: 'Making the preview…',
  },
});

type Preview = { to: string; subject: string; text: string; attachments: string[] };

/**
 * A mail as one chosen invitee receives it, in Vietnamese or English, rendered by the server with
 * the sender's own function (POST /api/events/:eventId/mail-preview). Invitees come from the
 * invitation list; the link shown is a stand-in, never theirs.
 */
export function MailPreview(props: {
  eventId: string;
  kind: 'invitation' | 'reminder' | 'event_cancelled' | 'event_changed';
  templates?: MailTemplates;
  note?: string;
  reason?: string;
  /** Called with the invitee chosen (or none), so a page can show their details elsewhere. */
  onInvitee?: (invitation: Invitation | undefined) => void;
}) {
  const { api } = useApp();
  const t = useText(messages);
  const base = `/api/events/${encodeURIComponent(props.eventId)}`;
  const [invitees, setInvitees] = useState<Invitation[]>([]);
  const [invitationId, setInvitationId] = useState('');
  const [language, setLanguage] = useState<Language>('vi');
  const [preview, setPreview] = useState<Preview>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    api
      .get<{ items: Invitation[] }>(`${base}/invitations`, { limit: 200 })
      .then((page) => setInvitees(page.items))
      .catch(() => setInvitees([]));
  }, [base]);

  const templatesKey = JSON.stringify(props.templates ?? null);
  useEffect(() => {
    const timer = setTimeout(() => {
      api
        .post<{ mail: Preview }>(`${base}/mail-preview`, {
          kind: props.kind,
          language,
          ...(invitationId ? { invitationId } : {}),
          ...(props.templates ? { templates: props.templates } : {}),
          ...(props.note?.trim() ? { note: props.note } : {}),
          ...(props.reason?.trim() ? { reason: props.reason } : {}),
        })
        .then((answer) => {
          setPreview(answer.mail);
          setError(undefined);
        })
        .catch((failure: unknown) => setError(errorText(failure)));
    }, 250);
    return () => clearTimeout(timer);
  }, [base, props.kind, language, invitationId, templatesKey, props.note, props.reason]);

  const pick = (id: string) => {
    setInvitationId(id);
    const chosen = invitees.find((i) => i.invitationId === id);
    if (chosen) setLanguage(chosen.language);
    props.onInvitee?.(chosen);
  };

  return (
    <section class="mail-preview card" aria-labelledby={`preview-${props.kind}`}>
      <h2 id={`preview-${props.kind}`}>{t('preview')}</h2>
      <div class="grid-2">
        <div class="field">
          <label for={`preview-invitee-${props.kind}`}>{t('as')}</label>
          <select id={`preview-invitee-${props.kind}`} value={invitationId} onChange={(e) => pick(e.currentTarget.value)}>
            <option value="">{t('sample')}</option>
            {invitees.map((i) => (
              <option key={i.invitationId} value={i.invitationId}>
                {i.name}
                {i.organisation ? ` · ${i.organisation}` : ''}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <span class="label" id={`preview-language-${props.kind}`}>
            {t('language')}
          </span>
          <div class="segmented" role="group" aria-labelledby={`preview-language-${props.kind}`}>
            {(['vi', 'en'] as const).map((value) => (
              <button key={value} type="button" class="segment" aria-pressed={language === value ? 'true' : 'false'} onClick={() => setLanguage(value)}>
                {t(`lang.${value}`)}
              </button>
            ))}
          </div>
        </div>
      </div>
      <ErrorNotice message={error} />
      {!preview ? (
        <p class="loading" role="status">
          {t('loading')}
        </p>
      ) : (
        <div class="mail-shown" lang={language}>
          <p class="hint">
            {t('to')} {preview.to}
          </p>
          <p class="mail-subject">
            <span class="muted">{t('subject')}</span> {preview.subject}
          </p>
          <div class="mail-body">{preview.text}</div>
          {preview.attachments.length > 0 && (
            <p class="hint">
              {t('attached')} {preview.attachments.join(', ')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
