import { useEffect, useState } from 'preact/hooks';
import {
  defaultTemplates,
  eventMailTemplatesSchema,
  placeholders,
  renderInvitationEmail,
  type EventMailTemplates,
  type MailTemplate,
} from '../../../shared/email/invitation-templates.js';
import type { Event } from '../../../shared/events/event-schema.js';
import type { Invitation } from '../../../shared/invitations/invitation-schema.js';
import { ApiError } from '../../lib/api-client.js';
import { describeTemplateProblem, findTemplateProblems, type TemplateProblem } from '../../../shared/email/template-problems.js';
import { errorsFromFailure, validateWith, type FieldErrors } from '../../lib/form.js';
import { defineMessages, pickLocalized, type Language } from '../../lib/i18n.js';
import { Form, SubmitButton, TextArea, TextField } from '../components/form.js';
import { PageHeading } from '../components/page-heading.js';
import { useApp, useSchemaMessages, useText, useUser } from '../context.js';
import type { PageProps } from '../routes.js';
import { errorText } from '../../lib/error-text.js';
import { ErrorNotice } from '../components/page-notices.js';

const messages = defineMessages({
  vi: {
    title: 'Mẫu thư mời',
    back: 'Về trang sự kiện',
    toInvitees: 'Danh sách khách mời',
    intro:
      'Mỗi khách mời nhận thư bằng ngôn ngữ của mình. Để nguyên nội dung mặc định nếu không cần thay đổi; mẫu nào giống mặc định sẽ không được lưu riêng.',
    kinds: 'Loại thư',
    'kind.invitation': 'Thư mời',
    'kind.reminder': 'Thư nhắc',
    'lang.vi': 'Tiếng Việt',
    'lang.en': 'Tiếng Anh',
    subject: 'Tiêu đề',
    body: 'Nội dung',
    placeholdersTitle: 'Chỗ điền tự động',
    placeholdersHint: 'Gõ đúng như dưới đây (kể cả hai cặp ngoặc nhọn); khi gửi, hệ thống điền thông tin của từng khách mời.',
    'ph.salutation': 'Ông / Bà / Đồng chí (Mr / Ms)',
    'ph.name': 'họ tên khách mời',
    'ph.event': 'tên sự kiện',
    'ph.time': 'thời gian',
    'ph.place': 'địa điểm',
    'ph.contact': 'người liên hệ của ban tổ chức',
    'ph.link': 'đường dẫn riêng để trả lời',
    isDefault: 'Đang dùng mẫu mặc định.',
    isOwn: 'Mẫu riêng của sự kiện.',
    reset: 'Dùng lại mẫu mặc định',
    preview: 'Xem trước',
    previewFor: 'Với thông tin của {name}',
    sampleName: 'Nguyễn Văn An',
    previewSubject: 'Tiêu đề:',
    save: 'Lưu mẫu thư',
    saved: 'Đã lưu mẫu thư.',
    previewAs: 'Xem trước với thông tin của',
    sampleInvitee: 'Khách mẫu ({name})',
    test: 'Gửi thư thử đến {email}',
    testSent: 'Đã gửi thư thử ({language}) đến {email}. Thư đi qua hệ thống gửi thư thật.',
    refused: 'Chưa lưu: mẫu thư có lỗi, xem các ô được đánh dấu.',
    notFound: 'Không tìm thấy sự kiện này.',
  },
  en: {
    title: 'Invitation mail',
    back: 'Back to the event',
    toInvitees: 'Invitees',
    intro:
      'Each invitee gets the mail in their own language. Leave the default text if it suits; a template that matches the default is not stored separately.',
    kinds: 'Kind of mail',
    'kind.invitation': 'Invitation',
    'kind.reminder': 'Reminder',
    'lang.vi': 'Vietnamese',
    'lang.en': 'English',
    subject: 'Subject',
    body: 'Body',
    placeholdersTitle: 'Filled in for each invitee',
    placeholdersHint: 'Type them exactly as shown (double braces included); each mail gets the invitee’s own details.',
    'ph.salutation': 'Mr / Ms (Ông / Bà / Đồng chí)',
    'ph.name': 'the invitee’s name',
    'ph.event': 'the event’s title',
    'ph.time': 'its time',
    'ph.place': 'its place',
    'ph.contact': 'the organisers’ contact',
    'ph.link': 'the personal link to answer',
    isDefault: 'Using the default template.',
    isOwn: 'This event’s own template.',
    reset: 'Back to the default',
    preview: 'Preview',
    previewFor: 'With the details of {name}',
    sampleName: 'Jane Smith',
    previewSubject: 'Subject:',
    save: 'Save templates',
    saved: 'The templates are saved.',
    previewAs: 'Preview with the details of',
    sampleInvitee: 'A sample invitee ({name})',
    test: 'Send a test to {email}',
    testSent: 'A test mail ({language}) went to {email}, through the real mail service.',
    refused: 'Not saved: a template has a problem; see the marked fields.',
    notFound: 'This event was not found.',
  },
});

type Kind = 'invitation' | 'reminder';
const kinds: Kind[] = ['invitation', 'reminder'];
const languages: Language[] = ['vi', 'en'];
type Drafts = Record<Kind, Record<Language, MailTemplate>>;

const draftsOf = (own: EventMailTemplates | undefined): Drafts => ({
  invitation: { vi: own?.invitation?.vi ?? defaultTemplates.invitation.vi, en: own?.invitation?.en ?? defaultTemplates.invitation.en },
  reminder: { vi: own?.reminder?.vi ?? defaultTemplates.reminder.vi, en: own?.reminder?.en ?? defaultTemplates.reminder.en },
});

const sameAsDefault = (kind: Kind, language: Language, template: MailTemplate) =>
  template.subject.trim() === defaultTemplates[kind][language].subject && template.body.trim() === defaultTemplates[kind][language].body;

/** What is stored: only the templates that differ from the defaults (null when none does). */
function toStore(drafts: Drafts): EventMailTemplates | null {
  const out: EventMailTemplates = {};
  for (const kind of kinds) {
    for (const language of languages) {
      const template = drafts[kind][language];
      if (!sameAsDefault(kind, language, template)) out[kind] = { ...out[kind], [language]: template };
    }
  }
  return Object.keys(out).length > 0 ? out : null;
}

/**
 * An event's own invitation and reminder mails, per language, with the placeholders each invitee's
 * details fill, and a preview rendered by the same function the sender uses.
 */
export function MailTemplatesPage({ params }: PageProps) {
  const { api, language, announce } = useApp();
  const t = useText(messages);
  const translate = useSchemaMessages();
  const eventId = params.eventId!;
  const path = `/api/events/${encodeURIComponent(eventId)}`;
  const [event, setEvent] = useState<Event>();
  const [notFound, setNotFound] = useState(false);
  const [loadError, setLoadError] = useState<string>();
  const [drafts, setDrafts] = useState<Drafts>();
  const [kind, setKind] = useState<Kind>('invitation');
  const [invitees, setInvitees] = useState<Invitation[]>([]);
  const [sampleId, setSampleId] = useState('');
  const sample = invitees.find((i) => i.invitationId === sampleId);
  const user = useUser();
  const [testing, setTesting] = useState<Language>();
  const [testNote, setTestNote] = useState<{ kind: 'success' | 'error'; text: string }>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    api
      .get<{ event: Event }>(path)
      .then(({ event: loaded }) => {
        setEvent(loaded);
        setDrafts(draftsOf(loaded.mailTemplates));
      })
      .catch((failure: unknown) => {
        if (failure instanceof ApiError && failure.status === 404) setNotFound(true);
        else setLoadError(errorText(failure));
      });
    api
      .get<{ items: Invitation[] }>(`${path}/invitations`, { limit: 200 })
      .then((page) => {
        setInvitees(page.items);
        // The first invitee by default: a real person's details show what the mail will look like.
        setSampleId(page.items[0]?.invitationId ?? '');
      })
      .catch(() => undefined);
  }, [path]);

  const setTemplate = (language: Language, part: keyof MailTemplate) => (value: string) => {
    setSaved(false);
    setDrafts((current) => current && { ...current, [kind]: { ...current[kind], [language]: { ...current[kind][language], [part]: value } } });
  };

  /** Problems as field errors, by the form's names (`invitation.vi.subject`), in the reader's language. */
  const problemErrors = (problems: TemplateProblem[]): FieldErrors => {
    const found: FieldErrors = {};
    for (const p of problems) found[`${p.kind}.${p.language}.${p.field}`] ??= describeTemplateProblem(p)[language];
    return found;
  };

  /** Refuses what the API would refuse, and shows the kind of mail where the first problem is. */
  function refuse(problems: TemplateProblem[]) {
    setErrors(problemErrors(problems));
    if (problems[0] && problems[0].kind !== kind) setKind(problems[0].kind);
    announce(t('refused'));
  }

  async function save() {
    if (!drafts) return;
    setSaved(false);
    const stored = toStore(drafts);
    if (stored) {
      const checked = validateWith(eventMailTemplatesSchema, stored, translate);
      if (!checked.ok) return setErrors(checked.errors);
      const problems = findTemplateProblems(stored);
      if (problems.length > 0) return refuse(problems);
    }
    setErrors({});
    setBusy(true);
    try {
      const answer = await api.patch<{ event: Event }>(path, { mailTemplates: stored });
      setEvent(answer.event);
      setSaved(true);
      announce(t('saved'));
    } catch (failure) {
      const problems = failure instanceof ApiError ? (failure.details as { problems?: TemplateProblem[] } | undefined)?.problems : undefined;
      if (problems?.length) refuse(problems);
      else {
        const found = errorsFromFailure(failure, translate);
        setErrors(Object.fromEntries(Object.entries(found).map(([key, message]) => [key.replace(/^mailTemplates\./, ''), message])));
      }
    } finally {
      setBusy(false);
    }
  }

  /** The draft as it stands, to the organiser's own address, through the real mailer. */
  async function sendTest(lang: Language) {
    if (!drafts) return;
    setTestNote(undefined);
    const problems = findTemplateProblems({ [kind]: drafts[kind] });
    if (problems.length > 0) return refuse(problems);
    setTesting(lang);
    try {
      const answer = await api.post<{ to: string }>(`${path}/mail-test`, {
        kind,
        language: lang,
        templates: drafts[kind],
        ...(sample ? { invitationId: sample.invitationId } : {}),
      });
      const text = t('testSent', { language: t(`lang.${lang}`), email: answer.to });
      setTestNote({ kind: 'success', text });
      announce(text);
    } catch (failure) {
      setTestNote({ kind: 'error', text: errorText(failure) });
    } finally {
      setTesting(undefined);
    }
  }

  if (notFound) {
    return (
      <section>
        <PageHeading text={t('title')} />
        <p class="notice error" role="alert">
          {t('notFound')}
        </p>
      </section>
    );
  }

  const title = event ? pickLocalized(event.title, language) : undefined;
  const base = `/console/events/${encodeURIComponent(eventId)}`;

  return (
    <section>
      <p class="breadcrumb">
        <a href={base} lang={title?.lang}>
          ← {title?.text ?? t('back')}
        </a>
      </p>
      <PageHeading text={t('title')}>
        <a class="button" href={`${base}/invitations`}>
          {t('toInvitees')}
        </a>
      </PageHeading>
      <ErrorNotice message={loadError} />
      {!drafts || !event ? (
        !loadError && (
          <p class="loading" role="status">
            {t('common.loading')}
          </p>
        )
      ) : (
        <>
          <p class="lead">{t('intro')}</p>
          <details class="card placeholders">
            <summary>{t('placeholdersTitle')}</summary>
            <p class="hint">{t('placeholdersHint')}</p>
            <dl class="placeholder-list">
              {placeholders.map((name) => (
                <div key={name}>
                  <dt>
                    <code>{`{{${name}}}`}</code>
                  </dt>
                  <dd>{t(`ph.${name}`)}</dd>
                </div>
              ))}
            </dl>
          </details>

          <div class="field preview-invitee">
            <label for="preview-invitee">{t('previewAs')}</label>
            <select id="preview-invitee" value={sampleId} onChange={(e) => setSampleId(e.currentTarget.value)}>
              <option value="">{t('sampleInvitee', { name: t('sampleName') })}</option>
              {invitees.map((i) => (
                <option key={i.invitationId} value={i.invitationId}>
                  {i.name}
                  {i.organisation ? ` · ${i.organisation}` : ''}
                </option>
              ))}
            </select>
          </div>

          <div class="segmented" role="group" aria-label={t('kinds')}>
            {kinds.map((value) => (
              <button key={value} type="button" class="segment" aria-pressed={kind === value ? 'true' : 'false'} onClick={() => setKind(value)}>
                {t(`kind.${value}`)}
              </button>
            ))}
          </div>

          <Form errors={errors} onSubmit={save} labelledBy="templates-kind">
            <h2 id="templates-kind" class="visually-hidden">
              {t(`kind.${kind}`)}
            </h2>
            <div class="template-grid">
              {languages.map((lang) => {
                const template = drafts[kind][lang];
                const isDefault = sameAsDefault(kind, lang, template);
                const rendered = renderInvitationEmail(
                  {
                    to: sample?.email ?? 'an.nv@example.org',
                    language: lang,
                    salutation: sample?.salutation,
                    addressForm: event.addressForm,
                    name: sample?.name ?? t('sampleName'),
                    event,
                    link: `${window.location.origin}/r/…`,
                  },
                  { [kind]: { [lang]: template } },
                  kind,
                );
                return (
                  <fieldset key={`${kind}-${lang}`} class="card template" lang={lang}>
                    <legend>{t(`lang.${lang}`)}</legend>
                    <p class="hint">
                      {isDefault ? t('isDefault') : t('isOwn')}{' '}
                      {!isDefault && (
                        <button
                          type="button"
                          class="button link"
                          onClick={() => {
                            setSaved(false);
                            setDrafts({ ...drafts, [kind]: { ...drafts[kind], [lang]: defaultTemplates[kind][lang] } });
                          }}
                        >
                          {t('reset')}
                        </button>
                      )}
                    </p>
                    <TextField name={`${kind}.${lang}.subject`} label={t('subject')} value={template.subject} onValue={setTemplate(lang, 'subject')} />
                    <TextArea name={`${kind}.${lang}.body`} label={t('body')} rows={12} value={template.body} onValue={setTemplate(lang, 'body')} />
                    <section class="mail-preview" aria-label={`${t('preview')}: ${t(`lang.${lang}`)}`}>
                      <h3>{t('preview')}</h3>
                      <p class="hint">{t('previewFor', { name: sample?.name ?? t('sampleName') })}</p>
                      <p class="mail-subject">
                        <span class="muted">{t('previewSubject')}</span> {rendered.subject}
                      </p>
                      <div class="mail-body">{rendered.text}</div>
                      {user?.email && (
                        <button type="button" class="button" disabled={testing !== undefined} onClick={() => void sendTest(lang)}>
                          {t('test', { email: user.email })}
                        </button>
                      )}
                    </section>
                  </fieldset>
                );
              })}
            </div>
            {testNote && (
              <p class={`notice ${testNote.kind}`} role={testNote.kind === 'error' ? 'alert' : 'status'}>
                {testNote.text}
              </p>
            )}
            <div class="actions sticky-actions">
              <SubmitButton busy={busy} label={t('save')} />
              {saved && (
                <span class="saved-note" role="status">
                  {t('saved')}
                </span>
              )}
            </div>
          </Form>
        </>
      )}
    </section>
  );
}
