import { useEffect, useRef, useState } from 'preact/hooks';
import { createUserSchema, roles, type Role, type User } from '../../../shared/auth/auth-schema.js';
import { errorsFromFailure, validateWith } from '../../lib/form.js';
import { defineMessages, inBoth, textIn, translator, type LocalizedText } from '../../lib/i18n.js';
import { commonMessages } from '../messages.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { Form, SelectField, SubmitButton, TextField, useFormState, emailInput, LanguageField } from '../components/form.js';
import { ActionNotice } from '../components/page-notices.js';
import { formatDateTime } from '../../lib/datetime.js';
import { PageHeading } from '../components/page-heading.js';
import { useApp, useSchemaMessages, useText, useUser } from '../context.js';
import { errorText } from '../../lib/error-text.js';
import { TableHead } from '../components/data-table.js';
import { RowAction } from '../components/row-action.js';

const messages = defineMessages({
  vi: {
    title: 'Người dùng',
    add: 'Thêm người dùng',
    addTitle: 'Thêm người dùng',
    close: 'Đóng',
    name: 'Họ và tên',
    email: 'Email',
    role: 'Vai trò',
    roleHint:
      'Quản trị viên: mọi việc, kể cả quản lý người dùng. Người tổ chức: sự kiện, khách mời, danh sách. Nhân viên: xem sự kiện, in danh sách, điểm danh.',
    language: 'Ngôn ngữ của email',
    password: 'Mật khẩu ban đầu',
    passwordHint: 'Không bắt buộc. Để trống thì người dùng sẽ nhận email có đường dẫn để tự đặt mật khẩu.',
    create: 'Tạo tài khoản',
    creating: 'Đang tạo…',
    createdWithLink: 'Đã tạo tài khoản cho {name}. Email có đường dẫn đặt mật khẩu đang được gửi tới {email}; trạng thái thư hiện trong danh sách.',
    'link.queued': 'Thư đặt mật khẩu: đang chờ gửi',
    'link.sent': 'Thư đặt mật khẩu: đã gửi lúc {at}',
    'link.skipped': 'Thư đặt mật khẩu: không gửi (địa chỉ bị chặn hoặc tài khoản đã khóa)',
    'link.failed': 'Thư đặt mật khẩu: không gửi được, hãy kiểm tra địa chỉ rồi gửi lại',
    created: 'Đã tạo tài khoản cho {name}.',
    createdMailFailed: 'Đã tạo tài khoản cho {name}, nhưng chưa gửi được email đặt mật khẩu. Hãy bấm “Gửi lại đường dẫn”.',
    list: 'Danh sách người dùng',
    status: 'Trạng thái',
    actions: 'Thao tác',
    active: 'Đang hoạt động',
    disabled: 'Đã khóa',
    you: 'bạn',
    roleOf: 'Vai trò của {name}',
    roleChanged: 'Đã đổi vai trò của {name} thành {role}.',
    disable: 'Khóa',
    enable: 'Mở khóa',
    disableLabel: 'Khóa tài khoản của {name}',
    enableLabel: 'Mở khóa tài khoản của {name}',
    disableTitle: 'Khóa tài khoản này?',
    disableText: '{name} sẽ bị đăng xuất ngay và không đăng nhập được cho đến khi được mở khóa.',
    disabledDone: 'Đã khóa tài khoản của {name}.',
    enabledDone: 'Đã mở khóa tài khoản của {name}.',
    resend: 'Gửi lại đường dẫn',
    resendLabel: 'Gửi lại đường dẫn đặt mật khẩu cho {name}',
    resent: 'Đường dẫn đặt mật khẩu mới đang được gửi tới {email}.',
    empty: 'Chưa có người dùng nào.',
  },
  en: {
    title: 'Users',
    add: 'Add a user',
    addTitle: 'Add a user',
    close: 'Close',
    name: 'Name',
    email: 'Email',
    role: 'Role',
    roleHint: 'Administrator: everything, including users. Organiser: events, invitations, lists. Staff: read events, print lists, check people in.',
    language: 'Language of the email',
    password: 'First password',
    passwordHint: 'Optional. Leave it empty and the user gets an email with a link to choose a password.',
    create: 'Create account',
    creating: 'Creating…',
    createdWithLink: 'Account created for {name}. An email with a link to set a password is on its way to {email}; the list shows what becomes of it.',
    'link.queued': 'Set-password mail: waiting to go',
    'link.sent': 'Set-password mail: sent at {at}',
    'link.skipped': 'Set-password mail: not sent (address blocked or account disabled)',
    'link.failed': 'Set-password mail: could not be sent; check the address and send again',
    created: 'Account created for {name}.',
    createdMailFailed: 'Account created for {name}, but the set-password email could not be sent. Use “Resend link”.',
    list: 'All users',
    status: 'Status',
    actions: 'Actions',
    active: 'Active',
    disabled: 'Disabled',
    you: 'you',
    roleOf: 'Role of {name}',
    roleChanged: '{name} is now {role}.',
    disable: 'Disable',
    enable: 'Enable',
    disableLabel: 'Disable the account of {name}',
    enableLabel: 'Enable the account of {name}',
    disableTitle: 'Disable this account?',
    disableText: '{name} will be signed out at once and cannot sign in until the account is enabled again.',
    disabledDone: 'The account of {name} is disabled.',
    enabledDone: 'The account of {name} is enabled again.',
    resend: 'Resend link',
    resendLabel: 'Resend the set-password link to {name}',
    resent: 'A new set-password link is on its way to {email}.',
    empty: 'No users yet.',
  },
});

const PAGE_SIZE = 50;

/** Admins add colleagues, change roles, disable accounts and resend set-password links. */
export function UsersPage() {
  const { api, announce, language } = useApp();
  const me = useUser()!;
  const t = useText(messages);
  const translate = useSchemaMessages();
  const [users, setUsers] = useState<User[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [status, setStatus] = useState<{ kind: 'success' | 'error'; text: string | LocalizedText }>();
  const [adding, setAdding] = useState(false);
  const [busyUser, setBusyUser] = useState<string>();
  const [confirmDisable, setConfirmDisable] = useState<User>();
  const emptyForm = { name: '', email: '', role: 'organiser' as Role, language: 'vi' as 'vi' | 'en', password: '' };
  const form = useFormState(emptyForm);
  const addButton = useRef<HTMLButtonElement>(null);

  async function load(after?: string) {
    setLoading(true);
    try {
      const page = await api.get<{ items: User[]; nextCursor?: string }>('/api/users', { limit: PAGE_SIZE, cursor: after });
      setUsers((current) => (after ? [...current, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (error) {
      setStatus({ kind: 'error', text: errorText(error) });
    } finally {
      setLoading(false);
    }
  }
  useEffect(() => void load(), []);

  const report = (kind: 'success' | 'error', text: string | LocalizedText) => {
    setStatus({ kind, text });
    if (kind === 'success') announce(textIn(text, language));
  };
  const replace = (user: User) => setUsers((current) => current.map((u) => (u.userId === user.userId ? user : u)));

  async function create() {
    const { password, ...rest } = form.values;
    const body = { ...rest, ...(password ? { password } : {}) };
    const checked = validateWith(createUserSchema, body, translate);
    if (!checked.ok) return form.setErrors(checked.errors);
    form.setErrors({});
    form.setBusy(true);
    try {
      const { user, passwordLinkSent } = await api.post<{ user: User; passwordLinkSent?: boolean }>('/api/users', checked.data);
      setUsers((current) => [user, ...current]);
      form.setValues(emptyForm);
      setAdding(false);
      if (passwordLinkSent === false) report('error', inBoth(messages, 'createdMailFailed', { name: user.name }));
      else report('success', inBoth(messages, password ? 'created' : 'createdWithLink', { name: user.name, email: user.email }));
      requestAnimationFrame(() => addButton.current?.focus());
    } catch (error) {
      form.setErrors(errorsFromFailure(error, translate));
    } finally {
      form.setBusy(false);
    }
  }

  async function patch(user: User, changes: { role?: Role; disabled?: boolean }, done: LocalizedText) {
    setBusyUser(user.userId);
    try {
      const answer = await api.patch<{ user: User }>(`/api/users/${encodeURIComponent(user.userId)}`, changes);
      replace(answer.user);
      report('success', done);
    } catch (error) {
      report('error', errorText(error));
      replace({ ...user }); // Puts the select back to the role the API still has.
    } finally {
      setBusyUser(undefined);
      setConfirmDisable(undefined);
    }
  }

  async function resend(user: User) {
    setBusyUser(user.userId);
    try {
      await api.post(`/api/users/${encodeURIComponent(user.userId)}/password-link`);
      replace({ ...user, passwordLink: { state: 'queued', at: new Date().toISOString() } });
      report('success', inBoth(messages, 'resent', { email: user.email }));
    } catch (error) {
      report('error', errorText(error));
    } finally {
      setBusyUser(undefined);
    }
  }

  return (
    <section>
      <PageHeading text={t('title')}>
        {!adding && (
          <button type="button" ref={addButton} class="button primary" onClick={() => setAdding(true)}>
            {t('add')}
          </button>
        )}
      </PageHeading>

      {adding && (
        <section class="card narrow-form" aria-labelledby="add-user-title">
          <h2 id="add-user-title">{t('addTitle')}</h2>
          <Form errors={form.errors} onSubmit={create} labelledBy="add-user-title">
            <AutoFocus id="f-name" />
            <TextField name="name" label={t('name')} required value={form.values.name} onValue={form.set('name')} input={{ autoComplete: 'off' }} />
            <TextField name="email" label={t('email')} required value={form.values.email} onValue={form.set('email')} input={emailInput()} />
            <SelectField
              name="role"
              label={t('role')}
              hint={t('roleHint')}
              required
              value={form.values.role}
              onValue={(value) => form.set('role')(value as Role)}
              options={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
            />
            <LanguageField name="language" label={t('language')} value={form.values.language} onValue={form.set('language')} labels={{ vi: t('common.vi'), en: t('common.en') }} />
            <TextField
              name="password"
              label={t('password')}
              hint={t('passwordHint')}
              value={form.values.password}
              onValue={form.set('password')}
              input={{ type: 'password', autoComplete: 'new-password' }}
            />
            <div class="actions">
              <SubmitButton busy={form.busy} label={t('create')} busyLabel={t('creating')} />
              <button
                type="button"
                class="button"
                onClick={() => {
                  setAdding(false);
                  form.setErrors({});
                  requestAnimationFrame(() => addButton.current?.focus());
                }}
              >
                {t('close')}
              </button>
            </div>
          </Form>
        </section>
      )}

      <ActionNotice status={status} />

      <h2 class="visually-hidden">{t('list')}</h2>
      {users.length === 0 && !loading ? (
        <p class="empty">{t('empty')}</p>
      ) : (
        <table class="table stack users-table">
          <TableHead columns={[t('name'), t('role'), t('status'), t('actions')]} />
          <tbody>
            {users.map((user) => {
              const self = user.userId === me.userId;
              const busy = busyUser === user.userId;
              return (
                <tr key={user.userId} class={user.disabled ? 'is-disabled' : undefined}>
                  <th scope="row" data-label={t('name')}>
                    <div>
                      <span class="user-name">
                        {user.name}
                        {self && <span class="muted"> ({t('you')})</span>}
                      </span>
                      <span class="user-email">{user.email}</span>
                    </div>
                  </th>
                  <td data-label={t('role')}>
                    <label class="visually-hidden" for={`role-${user.userId}`}>
                      {t('roleOf', { name: user.name })}
                    </label>
                    <select
                      id={`role-${user.userId}`}
                      value={user.role}
                      disabled={self || busy}
                      onChange={(event) => {
                        const role = event.currentTarget.value as Role;
                        void patch(
                          user,
                          { role },
                          inBoth(messages, 'roleChanged', (lang) => ({ name: user.name, role: translator(commonMessages, lang)(`role.${role}`) })),
                        );
                      }}
                    >
                      {roles.map((role) => (
                        <option key={role} value={role}>
                          {t(`role.${role}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td data-label={t('status')}>
                    <span class={user.disabled ? 'badge status-cancelled' : 'badge status-published'}>{user.disabled ? t('disabled') : t('active')}</span>
                    {user.passwordLink && (
                      <span class={user.passwordLink.state === 'failed' || user.passwordLink.state === 'skipped' ? 'link-mail not-sent' : 'link-mail'}>
                        {t(`link.${user.passwordLink.state}`, { at: formatDateTime(user.passwordLink.at) })}
                      </span>
                    )}
                  </td>
                  <td data-label={t('actions')}>
                    <div class="row-actions">
                      {!self &&
                        (user.disabled ? (
                          <RowAction
                            disabled={busy}
                            label={t('enableLabel', { name: user.name })}
                            onClick={() => void patch(user, { disabled: false }, inBoth(messages, 'enabledDone', { name: user.name }))}
                          >
                            {t('enable')}
                          </RowAction>
                        ) : (
                          <RowAction
                            danger="danger-outline"
                            disabled={busy}
                            label={t('disableLabel', { name: user.name })}
                            onClick={() => setConfirmDisable(user)}
                          >
                            {t('disable')}
                          </RowAction>
                        ))}
                      {!user.disabled && (
                        <RowAction disabled={busy} label={t('resendLabel', { name: user.name })} onClick={() => void resend(user)}>
                          {t('resend')}
                        </RowAction>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {loading && (
        <p class="loading" role="status">
          {t('common.loading')}
        </p>
      )}
      {cursor && !loading && (
        <p class="load-more">
          <button type="button" class="button" onClick={() => void load(cursor)}>
            {t('common.loadMore')}
          </button>
        </p>
      )}

      <ConfirmDialog
        open={confirmDisable !== undefined}
        title={t('disableTitle')}
        confirmLabel={t('disable')}
        danger
        busy={busyUser !== undefined}
        onConfirm={() => confirmDisable && void patch(confirmDisable, { disabled: true }, inBoth(messages, 'disabledDone', { name: confirmDisable.name }))}
        onClose={() => setConfirmDisable(undefined)}
      >
        <p>{t('disableText', { name: confirmDisable?.name ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}

/** Moves focus into a form that has just been opened. */
function AutoFocus(props: { id: string }) {
  useEffect(() => {
    document.getElementById(props.id)?.focus();
  }, []);
  return null;
}
