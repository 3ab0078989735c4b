import { useEffect } from 'preact/hooks';
import { loginSchema, type User } from '../../../shared/auth/auth-schema.js';
import { defineMessages } from '../../lib/i18n.js';
import { submitChecked } from '../../lib/form.js';
import { Form, PasswordField, SubmitButton, TextField, useFormState, emailInput } from '../components/form.js';
import { PageHeading } from '../components/page-heading.js';
import { useApp, useSchemaMessages, useText } from '../context.js';
import { navigate } from '../router.js';
import { homePath, type PageProps } from '../routes.js';

const messages = defineMessages({
  vi: {
    title: 'Đăng nhập',
    intro: 'Hệ thống quản lý sự kiện của Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk.',
    email: 'Email',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    busy: 'Đang đăng nhập…',
    forgot: 'Quên mật khẩu? Hãy nhờ quản trị viên gửi cho bạn đường dẫn đặt lại mật khẩu.',
  },
  en: {
    title: 'Sign in',
    intro: 'The event system of the Đắk Lắk Union of Friendship Organisations.',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    busy: 'Signing in…',
    forgot: 'Forgot your password? Ask an administrator to send you a link to set a new one.',
  },
});

/** Only a page of the console itself, never another site (no open redirect). */
function safeNext(next: string | null): string {
  if (!next?.startsWith('/console/') || next.startsWith('//') || next.startsWith('/console/sign-in')) return homePath;
  return next;
}

export function SignInPage({ query }: PageProps) {
  const { api, session, setUser } = useApp();
  const t = useText(messages);
  const translate = useSchemaMessages();
  const form = useFormState({ email: '', password: '' });
  const next = safeNext(query.get('next'));

  useEffect(() => {
    if (session.status === 'signed-in') navigate(next, { replace: true });
  }, [session.status]);

  async function submit() {
    await submitChecked(form, loginSchema, form.values, translate, async (data) => {
      const { user } = await api.post<{ user: User }>('/api/auth/login', data);
      setUser(user);
      navigate(next);
    });
  }

  return (
    <section class="narrow card">
      <PageHeading text={t('title')} />
      <p class="lead">{t('intro')}</p>
      <Form errors={form.errors} onSubmit={submit}>
        <TextField name="email" label={t('email')} required value={form.values.email} onValue={form.set('email')} input={emailInput('username')} />
        <PasswordField name="password" label={t('password')} value={form.values.password} onValue={form.set('password')} autoComplete="current-password" />
        <div class="actions">
          <SubmitButton busy={form.busy} label={t('submit')} busyLabel={t('busy')} />
        </div>
      </Form>
      <p class="hint">{t('forgot')}</p>
    </section>
  );
}
