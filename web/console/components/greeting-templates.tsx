import { useState } from 'preact/hooks';
import type { GreetingTemplate } from '../../../shared/partners/partner-schema.js';
import type { Campaign } from '../../../shared/partners/greetings-repository.js';
import { defineMessages } from '../../lib/i18n.js';
import { useApp, useText } from '../context.js';
import { Form, SelectField, SubmitButton, TextArea, TextField } from './form.js';
import { errorText } from '../../lib/error-text.js';

const messages = defineMessages({
  vi: {
    title: 'Mẫu thư chúc mừng',
    hint: 'Mỗi người nhận đọc thư bằng ngôn ngữ của mình nếu đã có mẫu; nếu chưa, đối tác nước ngoài nhận bản tiếng Anh. Có thể dùng {{salutation}}, {{name}}, {{organisation}}, {{occasion}}, {{union}}.',
    language: 'Ngôn ngữ của mẫu',
    recipients: '{count} người nhận đọc tiếng này',
    missing: 'chưa có mẫu',
    subject: 'Tiêu đề',
    body: 'Nội dung thư',
    bodyHint: 'Để một dòng trống giữa hai đoạn.',
    save: 'Lưu mẫu thư',
    saved: 'Đã lưu mẫu thư ({language}).',
    remove: 'Bỏ mẫu tiếng này',
  },
  en: {
    title: 'Letter templates',
    hint: 'Each recipient reads the letter in their own language where a template exists; otherwise a foreign partner gets the English one. You may use {{salutation}}, {{name}}, {{organisation}}, {{occasion}}, {{union}}.',
    language: 'Template language',
    recipients: '{count} recipients read this language',
    missing: 'no template yet',
    subject: 'Subject',
    body: 'Letter',
    bodyHint: 'Leave an empty line between paragraphs.',
    save: 'Save the template',
    saved: 'Template saved ({language}).',
    remove: 'Remove this language’s template',
  },
});

/** A language's own name in the reader's language ("tiếng Nga", "Russian"); the code when unknown. */
function languageName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The campaign's letter per language: Vietnamese, English, and the languages its recipients read
 * (Russian, Korean…) where the union writes one. Saved whole with PATCH /api/greetings/:id.
 */
export function GreetingTemplates(props: { campaign: Campaign; recipientLanguages: string[]; onSaved: (campaign: Campaign) => void; onStatus: (status: { text?: string; error?: string }) => void }) {
  const { api, announce, language: ui } = useApp();
  const t = useText(messages);
  const languages = [...new Set(['vi', 'en', ...Object.keys(props.campaign.templates), ...props.recipientLanguages])];
  const [language, setLanguage] = useState('vi');
  const [drafts, setDrafts] = useState<Record<string, GreetingTemplate>>(() => ({ ...props.campaign.templates }));
  const [busy, setBusy] = useState(false);
  const draft = drafts[language] ?? { subject: '', body: '' };
  const set = (key: keyof GreetingTemplate) => (value: string) => setDrafts({ ...drafts, [language]: { ...draft, [key]: value } });
  const count = props.recipientLanguages.filter((l) => l === language).length;

  async function save() {
    const templates = Object.fromEntries(Object.entries(drafts).filter(([, x]) => x.subject.trim() && x.body.trim()));
    setBusy(true);
    try {
      const { campaign } = await api.patch<{ campaign: Campaign }>(`/api/greetings/${props.campaign.campaignId}`, { templates });
      const text = t('saved', { language: languageName(language, ui) });
      props.onStatus({ text });
      announce(text);
      props.onSaved(campaign);
    } catch (error) {
      props.onStatus({ error: errorText(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card greeting-templates" aria-labelledby="templates-title">
      <h2 id="templates-title">{t('title')}</h2>
      <p class="hint">{t('hint')}</p>
      <Form errors={{}} onSubmit={save} labelledBy="templates-title">
        <SelectField
          name="template.language"
          label={t('language')}
          hint={count ? t('recipients', { count }) : undefined}
          value={language}
          onValue={setLanguage}
          options={languages.map((code) => ({ value: code, label: `${languageName(code, ui)}${drafts[code] ? '' : ` (${t('missing')})`}` }))}
        />
        <TextField name="template.subject" label={t('subject')} value={draft.subject} onValue={set('subject')} input={{ lang: language, autoComplete: 'off' }} />
        <TextArea name="template.body" label={t('body')} hint={t('bodyHint')} rows={10} value={draft.body} onValue={set('body')} />
        <div class="actions">
          {language !== 'vi' && language !== 'en' && drafts[language] && (
            <button
              type="button"
              class="button"
              onClick={() => {
                const { [language]: _removed, ...rest } = drafts;
                setDrafts(rest);
              }}
            >
              {t('remove')}
            </button>
          )}
          <SubmitButton busy={busy} label={t('save')} />
        </div>
      </Form>
    </section>
  );
}
