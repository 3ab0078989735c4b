import { useEffect, useState } from 'preact/hooks';
import type { User } from '../../../shared/auth/auth-schema.js';
import { createUnitSchema, ROOT_UNIT_ID, type Membership, type Unit, type UnitRole } from '../../../shared/units/unit-schema.js';
import { submitChecked, } from '../../lib/form.js';
import { defineMessages, pickLocalized } from '../../lib/i18n.js';
import { Form, SelectField, SubmitButton, TextField, useFormState } from '../components/form.js';
import { ActionNotice, type ActionStatus } from '../components/page-notices.js';
import { PageHeading } from '../components/page-heading.js';
import { useApp, useSchemaMessages, useText } from '../context.js';
import { loadUnits } from '../units.js';
import { errorText } from '../../lib/error-text.js';

const messages = defineMessages({
  vi: {
    title: 'Đơn vị',
    lead: 'Liên hiệp, các hội thành viên và câu lạc bộ. Mỗi người chỉ thấy sự kiện của đơn vị mình và các đơn vị cấp dưới.',
    add: 'Thêm đơn vị',
    nameVi: 'Tên (tiếng Việt)',
    nameEn: 'Tên (tiếng Anh)',
    shortName: 'Tên ngắn',
    parent: 'Đơn vị cấp trên',
    senderName: 'Tên người gửi email',
    senderHint: 'Thư mời của đơn vị gửi đi dưới tên này; để trống thì dùng tên đơn vị.',
    create: 'Tạo đơn vị',
    creating: 'Đang tạo…',
    created: 'Đã tạo đơn vị {name}.',
    people: 'Người của đơn vị',
    nobody: 'Chưa có ai.',
    retired: 'Đã ngừng hoạt động',
    retire: 'Ngừng hoạt động',
    retireLabel: 'Cho {name} ngừng hoạt động',
    restore: 'Hoạt động lại',
    restoreLabel: 'Cho {name} hoạt động lại',
    retiredDone: '{name} đã ngừng hoạt động; các sự kiện của đơn vị vẫn được giữ.',
    restoredDone: '{name} hoạt động lại.',
    addPerson: 'Thêm người vào {name}',
    person: 'Người dùng',
    choosePerson: '— Chọn người dùng —',
    role: 'Vai trò',
    addPersonButton: 'Thêm',
    added: 'Đã thêm {person} vào {name}.',
    remove: 'Bỏ',
    removeLabel: 'Bỏ {person} khỏi {name}',
    removed: 'Đã bỏ {person} khỏi {name}.',
    admins: 'Quản trị viên thấy mọi đơn vị.',
  },
  en: {
    title: 'Units',
    lead: 'The union, its member associations and clubs. Each person sees only the events of their units and the units beneath them.',
    add: 'Add a unit',
    nameVi: 'Name (Vietnamese)',
    nameEn: 'Name (English)',
    shortName: 'Short name',
    parent: 'Parent unit',
    senderName: 'Email sender name',
    senderHint: 'The unit’s invitations go out under this name; empty: the unit’s name.',
    create: 'Create unit',
    creating: 'Creating…',
    created: 'Unit {name} created.',
    people: 'People of the unit',
    nobody: 'Nobody yet.',
    retired: 'Retired',
    retire: 'Retire',
    retireLabel: 'Retire {name}',
    restore: 'Bring back',
    restoreLabel: 'Bring {name} back',
    retiredDone: '{name} is retired; its events are kept.',
    restoredDone: '{name} is active again.',
    addPerson: 'Add a person to {name}',
    person: 'User',
    choosePerson: '— Choose a user —',
    role: 'Role',
    addPersonButton: 'Add',
    added: '{person} added to {name}.',
    remove: 'Remove',
    removeLabel: 'Remove {person} from {name}',
    removed: '{person} removed from {name}.',
    admins: 'Administrators see every unit.',
  },
});

type NewUnit = { nameVi: string; nameEn: string; shortName: string; parentId: string; senderName: string };
const emptyUnit = (): NewUnit => ({ nameVi: '', nameEn: '', shortName: '', parentId: ROOT_UNIT_ID, senderName: '' });

/** Admins: the union's units, who holds which role in each, a new unit, retiring one. */
export function UnitsPage() {
  const { api, language, announce } = useApp();
  const t = useText(messages);
  const translate = useSchemaMessages();
  const [units, setUnits] = useState<Unit[]>([]);
  const [users, setUsers] = useState<User[]>([]);
  const [status, setStatus] = useState<ActionStatus>();
  const [picked, setPicked] = useState<Record<string, { userId: string; role: UnitRole }>>({});
  const form = useFormState<NewUnit>(emptyUnit);

  async function reload() {
    const [fresh, people] = await Promise.all([loadUnits(api, true), api.get<{ items: User[] }>('/api/users', { limit: 1000 })]);
    setUnits(fresh);
    setUsers(people.items);
  }
  useEffect(() => void reload().catch((error: unknown) => setStatus({ kind: 'error', text: errorText(error) })), []);

  const nameOf = (unit: Unit) => pickLocalized(unit.name, language).text;
  const say = (next: ActionStatus) => {
    setStatus(next);
    if (next.kind === 'success' && typeof next.text === 'string') announce(next.text);
  };

  async function create() {
    const body = {
      parentId: form.values.parentId,
      name: { vi: form.values.nameVi, ...(form.values.nameEn.trim() ? { en: form.values.nameEn } : {}) },
      shortName: form.values.shortName,
      ...(form.values.senderName.trim() ? { senderName: form.values.senderName } : {}),
    };
    await submitChecked(form, createUnitSchema, body, translate, async (data) => {
      const { unit } = await api.post<{ unit: Unit }>('/api/units', data);
      form.setValues(emptyUnit());
      say({ kind: 'success', text: t('created', { name: nameOf(unit) }) });
      await reload();
    });
  }

  async function act(run: () => Promise<unknown>, done: string) {
    try {
      await run();
      say({ kind: 'success', text: done });
      await reload();
    } catch (error) {
      setStatus({ kind: 'error', text: errorText(error) });
    }
  }

  const setMemberships = (user: User, memberships: Membership[]) => api.patch(`/api/users/${encodeURIComponent(user.userId)}`, { memberships });
  // Associations take clubs; clubs take nothing beneath them.
  const parents = units.filter((unit) => !unit.retired && (!unit.parentId || unit.parentId === ROOT_UNIT_ID));

  return (
    <section>
      <PageHeading text={t('title')} />
      <p class="lead">{t('lead')}</p>
      <ActionNotice status={status} />

      <ul class="unit-list">
        {units.map((unit) => {
          const depth = unit.parentId ? (unit.parentId === ROOT_UNIT_ID ? 1 : 2) : 0;
          const name = nameOf(unit);
          const holders = users.filter((user) => user.role !== 'admin' && user.memberships.some((m) => m.unitId === unit.unitId));
          const choice = picked[unit.unitId] ?? { userId: '', role: 'organiser' as UnitRole };
          const others = users.filter((user) => user.role !== 'admin' && !holders.includes(user));
          return (
            <li key={unit.unitId} class={`card unit-card depth-${depth}`}>
              <h2>
                {name} <span class="muted">({unit.shortName})</span>
                {unit.retired && <span class="badge"> {t('retired')}</span>}
              </h2>
              {unit.senderName && <p class="muted">✉ {unit.senderName}</p>}
              <h3>{t('people')}</h3>
              {holders.length === 0 ? (
                <p class="empty">{unit.unitId === ROOT_UNIT_ID ? t('admins') : t('nobody')}</p>
              ) : (
                <ul class="unit-people">
                  {holders.map((user) => {
                    const role = user.memberships.find((m) => m.unitId === unit.unitId)!.role;
                    return (
                      <li key={user.userId}>
                        {user.name} · {user.email} · {t(`role.${role}`)}{' '}
                        <button
                          type="button"
                          class="button small"
                          aria-label={t('removeLabel', { person: user.name, name })}
                          onClick={() =>
                            void act(
                              () => setMemberships(user, user.memberships.filter((m) => m.unitId !== unit.unitId)),
                              t('removed', { person: user.name, name }),
                            )
                          }
                        >
                          {t('remove')}
                        </button>
                      </li>
                    );
                  })}
                </ul>
              )}
              {!unit.retired && others.length > 0 && (
                <form
                  class="inline-form"
                  aria-label={t('addPerson', { name })}
                  onSubmit={(e) => {
                    e.preventDefault();
                    const user = users.find((u) => u.userId === choice.userId);
                    if (!user) return;
                    void act(
                      () => setMemberships(user, [...user.memberships, { unitId: unit.unitId, role: choice.role }]),
                      t('added', { person: user.name, name }),
                    );
                  }}
                >
                  <label for={`person-${unit.unitId}`}>{t('person')}</label>
                  <select id={`person-${unit.unitId}`} value={choice.userId} onChange={(e) => setPicked({ ...picked, [unit.unitId]: { ...choice, userId: e.currentTarget.value } })}>
                    <option value="">{t('choosePerson')}</option>
                    {others.map((user) => (
                      <option key={user.userId} value={user.userId}>
                        {user.name} ({user.email})
                      </option>
                    ))}
                  </select>
                  <label for={`role-${unit.unitId}`}>{t('role')}</label>
                  <select
                    id={`role-${unit.unitId}`}
                    value={choice.role}
                    onChange={(e) => setPicked({ ...picked, [unit.unitId]: { ...choice, role: e.currentTarget.value as UnitRole } })}
                  >
                    <option value="organiser">{t('role.organiser')}</option>
                    <option value="staff">{t('role.staff')}</option>
                  </select>
                  <button type="submit" class="button" disabled={!choice.userId}>
                    {t('addPersonButton')}
                  </button>
                </form>
              )}
              {unit.unitId !== ROOT_UNIT_ID && (
                <p>
                  <button
                    type="button"
                    class="button"
                    aria-label={t(unit.retired ? 'restoreLabel' : 'retireLabel', { name })}
                    onClick={() =>
                      void act(
                        () => api.patch(`/api/units/${encodeURIComponent(unit.unitId)}`, { retired: !unit.retired }),
                        t(unit.retired ? 'restoredDone' : 'retiredDone', { name }),
                      )
                    }
                  >
                    {t(unit.retired ? 'restore' : 'retire')}
                  </button>
                </p>
              )}
            </li>
          );
        })}
      </ul>

      <section class="card narrow-form" aria-labelledby="add-unit-title">
        <h2 id="add-unit-title">{t('add')}</h2>
        <Form errors={form.errors} onSubmit={create} labelledBy="add-unit-title">
          <TextField name="name.vi" label={t('nameVi')} required value={form.values.nameVi} onValue={form.set('nameVi')} input={{ lang: 'vi' }} />
          <TextField name="name.en" label={t('nameEn')} value={form.values.nameEn} onValue={form.set('nameEn')} input={{ lang: 'en' }} />
          <TextField name="shortName" label={t('shortName')} required value={form.values.shortName} onValue={form.set('shortName')} />
          <SelectField
            name="parentId"
            label={t('parent')}
            required
            value={form.values.parentId}
            onValue={form.set('parentId')}
            options={parents.map((unit) => ({ value: unit.unitId, label: nameOf(unit) }))}
          />
          <TextField name="senderName" label={t('senderName')} hint={t('senderHint')} value={form.values.senderName} onValue={form.set('senderName')} />
          <div class="actions">
            <SubmitButton busy={form.busy} label={t('create')} busyLabel={t('creating')} />
          </div>
        </Form>
      </section>
    </section>
  );
}
