import { useEffect, useRef } from 'preact/hooks';
import type { Invitation } from '../../../shared/invitations/invitation-schema.js';
import { ApiError } from '../../lib/api-client.js';
import { defineMessages } from '../../lib/i18n.js';
import { useApp, useText } from '../context.js';
import { DialogActions, Form, LanguageField, SelectField, TextField, useFormState, emailInput } from './form.js';
import { invitationLabels, type InviteeField } from './invitation-labels.js';
import { salutationLabels, salutations } from '../../../shared/invitations/salutations.js';
import { errorText } from '../../lib/error-text.js';

const messages = defineMessages({
  vi: {
    title: 'Sửa thông tin khách mời',
    addressHint: 'Đổi email hoặc số điện thoại sẽ hủy đường dẫn riêng đã gửi trước đó.',
    addressWarning:
      'Bạn đang đổi địa chỉ: đường dẫn cũ sẽ không mở được nữa. Sau khi lưu, hãy gửi lại thư mời để khách nhận đường dẫn mới.',
    save: 'Lưu thay đổi',
    cancel: 'Hủy',
    salutation: 'Danh xưng',
    salutationDefault: 'Theo cách xưng hô của sự kiện',
    salutationHint: 'Dùng trong thư mời và trên trang trả lời của khách.',
  },
  en: {
    title: 'Edit invitee',
    addressHint: 'Changing the email or phone number revokes the personal link sent before.',
    addressWarning:
      'You are changing the address: the old link will stop working. After saving, resend the invitation so the invitee gets a new link.',
    save: 'Save changes',
    cancel: 'Cancel',
    salutation: 'Salutation',
    salutationDefault: 'The event’s form of address',
    salutationHint: 'Used in the invitation mail and on the invitee’s answer page.',
  },
});

type Values = Record<InviteeField | 'salutation', string>;
const optional = ['email', 'phone', 'organisation', 'position', 'group', 'salutation'] as const;

const valuesOf = (invitation: Invitation): Values => ({
  name: invitation.name,
  email: invitation.email ?? '',
  phone: invitation.phone ?? '',
  organisation: invitation.organisation ?? '',
  position: invitation.position ?? '',
  language: invitation.language,
  group: invitation.group ?? '',
  salutation: invitation.salutation ?? '',
});

export const addressChanged = (before: Invitation, values: Values) =>
  values.email.trim().toLowerCase() !== (before.email ?? '').toLowerCase() ||
  (values.phone.trim() !== (before.phone ?? '') && values.phone.replace(/\D/g, '') !== (before.phone ?? '').replace(/\D/g, ''));

/**
 * Correcting an invitee in a modal dialog. Only what changed is sent; an emptied optional field is
 * sent as null, which removes it. The API checks the values and answers per field.
 */
export function InvitationEditDialog(props: {
  eventId: string;
  invitation: Invitation;
  onSaved: (invitation: Invitation, addressChanged: boolean) => void;
  onClose: () => void;
}) {
  const { api, language } = useApp();
  const t = useText(messages);
  const tl = useText(invitationLabels);
  const form = useFormState<Values>(() => valuesOf(props.invitation));
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    ref.current?.showModal();
    document.getElementById('f-edit-name')?.focus();
  }, []);

  async function save() {
    const before = valuesOf(props.invitation);
    const changes: Record<string, string | null> = {};
    for (const key of Object.keys(before) as (keyof Values)[]) {
      const value = form.values[key].trim();
      if (value === before[key]) continue;
      changes[key] = value === '' && (optional as readonly string[]).includes(key) ? null : value;
    }
    if (Object.keys(changes).length === 0) return ref.current?.close();
    form.setErrors({});
    form.setBusy(true);
    try {
      const { invitation } = await api.patch<{ invitation: Invitation }>(
        `/api/events/${encodeURIComponent(props.eventId)}/invitations/${encodeURIComponent(props.invitation.invitationId)}`,
        changes,
      );
      props.onSaved(invitation, addressChanged(props.invitation, form.values));
      ref.current?.close();
    } catch (failure) {
      const errors: Record<string, string> = { '': errorText(failure) };
      if (failure instanceof ApiError && Array.isArray(failure.details)) {
        for (const detail of failure.details as { field?: unknown; path?: unknown; message?: unknown }[]) {
          const field = typeof detail.field === 'string' ? detail.field : typeof detail.path === 'string' ? detail.path : undefined;
          if (field && typeof detail.message === 'string') errors[`edit.${field}`] ??= detail.message;
        }
      }
      form.setErrors(errors);
    } finally {
      form.setBusy(false);
    }
  }

  const field = (key: InviteeField, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField name={`edit.${key}`} label={tl(`field.${key}`)} value={form.values[key]} onValue={form.set(key)} {...extra} />
  );
  const changedAddress = addressChanged(props.invitation, form.values);

  return (
    <dialog ref={ref} class="dialog wide" aria-labelledby="edit-title" onClose={props.onClose} onCancel={props.onClose}>
      <h2 id="edit-title">{t('title')}</h2>
      <Form errors={form.errors} onSubmit={save} labelledBy="edit-title">
        <p class="hint">{t('addressHint')}</p>
        {field('name', { required: true, input: { autoComplete: 'off' } })}
        <div class="grid-2">
          <SelectField
            name="edit.salutation"
            label={t('salutation')}
            hint={t('salutationHint')}
            value={form.values.salutation}
            onValue={form.set('salutation')}
            options={[{ value: '', label: t('salutationDefault') }, ...salutations.map((code) => ({ value: code, label: salutationLabels[code][language] }))]}
          />
        </div>
        <div class="grid-2">
          {field('email', { input: emailInput() })}
          {field('phone', { input: { type: 'tel', inputMode: 'tel', autoComplete: 'off' } })}
        </div>
        {changedAddress && (
          <p class="notice warning" role="status">
            {t('addressWarning')}
          </p>
        )}
        <div class="grid-2">
          {field('organisation', { input: { autoComplete: 'off' } })}
          {field('position', { input: { autoComplete: 'off' } })}
          {field('group', { input: { autoComplete: 'off', list: 'invitation-groups' } })}
          <LanguageField
            name="edit.language"
            label={tl('field.language')}
            value={form.values.language}
            onValue={form.set('language')}
            labels={{ vi: tl('language.vi'), en: tl('language.en') }}
          />
        </div>
        <DialogActions busy={form.busy} cancelLabel={t('cancel')} saveLabel={t('save')} onCancel={() => ref.current?.close()} />
      </Form>
    </dialog>
  );
}
