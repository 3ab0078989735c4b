import { useState } from 'preact/hooks';
import { changePasswordSchema } from '../../../shared/auth/auth-schema.js';
import { defineMessages } from '../../lib/i18n.js';
import { submitChecked } from '../../lib/form.js';
import { Form, PasswordField, SubmitButton, useFormState } from '../components/form.js';
import { PageHeading } from '../components/page-heading.js';
import { useApp, useSchemaMessages, useText, useUser } from '../context.js';

const messages = defineMessages({
  vi: {
    title: 'Tài khoản của tôi',
    name: 'Họ và tên',
    email: 'Email',
    role: 'Vai trò',
    passwordTitle: 'Đổi mật khẩu',
    current: 'Mật khẩu hiện tại',
    next: 'Mật khẩu mới',
    nextHint: 'Ít nhất 10 ký tự.',
    confirm: 'Nhập lại mật khẩu mới',
    submit: 'Đổi mật khẩu',
    done: 'Đã đổi mật khẩu.',
  },
  en: {
    title: 'My account',
    name: 'Name',
    email: 'Email',
    role: 'Role',
    passwordTitle: 'Change password',
    current: 'Current password',
    next: 'New password',
    nextHint: 'At least 10 characters.',
    confirm: 'New password again',
    submit: 'Change password',
    done: 'Your password has been changed.',
  },
});

export function AccountPage() {
  const { api, announce } = useApp();
  const user = useUser()!;
  const t = useText(messages);
  const translate = useSchemaMessages();
  const empty = { currentPassword: '', newPassword: '', confirm: '' };
  const form = useFormState(empty);
  const [done, setDone] = useState(false);

  async function submit() {
    setDone(false);
    const { confirm, ...body } = form.values;
    if (confirm !== body.newPassword) return form.setErrors({ confirm: t('form.passwordsDiffer') });
    await submitChecked(form, changePasswordSchema, body, translate, async (data) => {
      await api.post('/api/auth/password', data);
      form.setValues(empty);
      setDone(true);
      announce(t('done'));
    });
  }

  return (
    <section>
      <PageHeading text={t('title')} />
      <dl class="facts card">
        <div>
          <dt>{t('name')}</dt>
          <dd>{user.name}</dd>
        </div>
        <div>
          <dt>{t('email')}</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>{t('role')}</dt>
          <dd>{t(`role.${user.role}`)}</dd>
        </div>
      </dl>
      <section class="card narrow-form" aria-labelledby="password-title">
        <h2 id="password-title">{t('passwordTitle')}</h2>
        {done && <p class="notice success">{t('done')}</p>}
        <Form errors={form.errors} onSubmit={submit} labelledBy="password-title">
          <PasswordField name="currentPassword" label={t('current')} value={form.values.currentPassword} onValue={form.set('currentPassword')} autoComplete="current-password" />
          <PasswordField name="newPassword" label={t('next')} hint={t('nextHint')} value={form.values.newPassword} onValue={form.set('newPassword')} autoComplete="new-password" />
          <PasswordField name="confirm" label={t('confirm')} value={form.values.confirm} onValue={form.set('confirm')} autoComplete="new-password" />
          <div class="actions">
            <SubmitButton busy={form.busy} label={t('submit')} />
          </div>
        </Form>
      </section>
    </section>
  );
}
