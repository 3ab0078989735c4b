import { setPasswordSchema } from '../../../shared/auth/auth-schema.js';
import { defineMessages, inBoth } from '../../lib/i18n.js';
import { submitChecked } from '../../lib/form.js';
import { Form, PasswordField, SubmitButton, useFormState } from '../components/form.js';
import { PageHeading } from '../components/page-heading.js';
import { useApp, useSchemaMessages, useText } from '../context.js';
import { navigate } from '../router.js';
import { signInPath } from '../routes.js';

const messages = defineMessages({
  vi: {
    title: 'Đặt mật khẩu',
    intro: 'Chọn mật khẩu cho tài khoản của bạn. Mật khẩu cần ít nhất 10 ký tự; một câu dễ nhớ là lựa chọn tốt.',
    password: 'Mật khẩu mới',
    confirm: 'Nhập lại mật khẩu mới',
    submit: 'Đặt mật khẩu',
    busy: 'Đang lưu…',
    done: 'Đã đặt mật khẩu. Mời bạn đăng nhập.',
    noToken: 'Đường dẫn này không đầy đủ. Hãy mở lại đường dẫn trong email, hoặc nhờ quản trị viên gửi đường dẫn mới.',
  },
  en: {
    title: 'Set your password',
    intro: 'Choose a password for your account. It needs at least 10 characters; an easy-to-remember sentence is a good choice.',
    password: 'New password',
    confirm: 'New password again',
    submit: 'Set password',
    busy: 'Saving…',
    done: 'Your password is set. Please sign in.',
    noToken: 'This link is incomplete. Open the link in the email again, or ask an administrator for a new one.',
  },
});

/** The page of the emailed link `/console/set-password#token=…` (the token never reaches a server log). */
export function SetPasswordPage() {
  const { api, flash } = useApp();
  const t = useText(messages);
  const translate = useSchemaMessages();
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const form = useFormState({ password: '', confirm: '' });

  async function submit() {
    if (form.values.confirm !== form.values.password) return form.setErrors({ confirm: t('form.passwordsDiffer') });
    await submitChecked(form, setPasswordSchema, { token, password: form.values.password }, translate, async (data) => {
      await api.post('/api/auth/set-password', data);
      flash(inBoth(messages, 'done'));
      navigate(signInPath);
    });
  }

  return (
    <section class="narrow card">
      <PageHeading text={t('title')} />
      {!token ? (
        <p class="notice error" role="alert">
          {t('noToken')}
        </p>
      ) : (
        <>
          <p class="lead">{t('intro')}</p>
          <Form errors={form.errors} onSubmit={submit}>
            <PasswordField name="password" label={t('password')} value={form.values.password} onValue={form.set('password')} autoComplete="new-password" />
            <PasswordField name="confirm" label={t('confirm')} value={form.values.confirm} onValue={form.set('confirm')} autoComplete="new-password" />
            <div class="actions">
              <SubmitButton busy={form.busy} label={t('submit')} busyLabel={t('busy')} />
            </div>
          </Form>
        </>
      )}
    </section>
  );
}
