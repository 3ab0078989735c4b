import { useEffect, useRef } from 'preact/hooks';
import type { Field } from '../../../shared/events/event-schema.js';
import { defineMessages, pickLocalized, textIn } from '../../lib/i18n.js';
import { useApp, useSchemaMessages, useText } from '../context.js';
import { asIsoDate, asLocalDate, channels, saveToRoster, type Channel, type Delegation, type DialogProps, type Member } from '../delegation-members.js';
import { CheckboxField, DialogActions, Form, SelectField, TextField, useFormState } from './form.js';

const messages = defineMessages({
  vi: {
    'channel.paper_form': 'phiếu giấy có chữ ký',
    'channel.phone': 'qua điện thoại',
    'channel.in_person': 'gặp trực tiếp',
    save: 'Lưu',
    cancel: 'Hủy',
    badDate: 'Ngày viết theo dạng dd/mm/yyyy, ví dụ 15/01/2032.',
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
    'channel.paper_form': 'signed paper form',
    'channel.phone': 'by phone',
    'channel.in_person': 'in person',
    save: 'Save',
    cancel: 'Cancel',
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

/**
 * Passport data entered by an organiser for a member who gave it on paper, by phone or in person:
 * the consent text is shown first, and the consent is recorded as given to the organisers, and how.
 */
export function PassportDialog(props: DialogProps & { member: Member; fields: Field[]; consent: Delegation['passportConsent'] }) {
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
        <CheckboxField
          name="passport.consent"
          errorName="consent"
          label={t('consentGiven')}
          checked={form.values.consent}
          onValue={(checked) => form.setValues((c) => ({ ...c, consent: checked }))}
        />
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
