import { useEffect, useState } from 'preact/hooks';
import type { Organisation } from '../../../shared/partners/partner-schema.js';
import type { Occasion } from '../../../shared/partners/partners-repository.js';
import { defineMessages } from '../../lib/i18n.js';
import { useApp, useCan, useText } from '../context.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { DialogActions, Form, SelectField, TextField } from './form.js';
import { useModalForm } from './modal-form.js';
import { errorText } from '../../lib/error-text.js';

const messages = defineMessages({
  vi: {
    title: 'Bảng ngày lễ',
    hint: 'Quốc khánh các nước đối tác và các ngày lễ khác; trang đầu và các đợt chúc mừng dựa vào bảng này.',
    name: 'Ngày lễ',
    day: 'Ngày',
    whom: 'Dành cho',
    actions: 'Thao tác',
    add: 'Thêm ngày lễ',
    edit: 'Sửa',
    remove: 'Xóa',
    addTitle: 'Thêm ngày lễ',
    editTitle: 'Sửa ngày lễ',
    nameVi: 'Tên tiếng Việt',
    nameEn: 'Tên tiếng Anh',
    dayOfMonth: 'Ngày',
    month: 'Tháng',
    monthN: 'Tháng {n}',
    country: 'Quốc gia (mã 2 chữ, ví dụ RU)',
    countryHint: 'Các cơ quan của nước này sẽ nhận thư chúc mừng.',
    tag: 'Hoặc nhãn (ví dụ ASEAN)',
    tagHint: 'Khi không thuộc một nước: các cơ quan mang nhãn này.',
    save: 'Lưu',
    cancel: 'Hủy',
    saved: 'Đã lưu ngày lễ {name}.',
    removeTitle: 'Xóa ngày lễ {name}?',
    removeBody: 'Ngày này sẽ không còn hiện ở trang đầu. Các đợt chúc mừng đã có vẫn được giữ.',
    removed: 'Đã xóa ngày lễ {name}.',
    tagOf: 'nhãn {tag}',
    orgDays: 'Ngày thành lập của các cơ quan',
    orgDaysHint: 'Ngày riêng của một cơ quan, hội hữu nghị: chỉ người liên hệ của cơ quan đó nhận thư.',
    organisation: 'Cơ quan, tổ chức',
    chooseOrganisation: '— Chọn cơ quan —',
    setOrgDay: 'Lưu ngày thành lập',
    orgDaySaved: 'Đã lưu ngày thành lập của {name}.',
    orgDayRemoved: 'Đã bỏ ngày thành lập của {name}.',
    removeOrgDay: 'Bỏ ngày',
    none: 'Chưa có cơ quan nào có ngày thành lập.',
  },
  en: {
    title: 'Occasions table',
    hint: 'National days of partner countries and other occasions; the first page and the greetings campaigns follow this table.',
    name: 'Occasion',
    day: 'Day',
    whom: 'For',
    actions: 'Actions',
    add: 'Add an occasion',
    edit: 'Edit',
    remove: 'Remove',
    addTitle: 'Add an occasion',
    editTitle: 'Edit an occasion',
    nameVi: 'Name in Vietnamese',
    nameEn: 'Name in English',
    dayOfMonth: 'Day',
    month: 'Month',
    monthN: 'Month {n}',
    country: 'Country (2-letter code, e.g. RU)',
    countryHint: 'The organisations of this country are greeted.',
    tag: 'Or a tag (e.g. ASEAN)',
    tagHint: 'When it is no country’s day: the organisations carrying this tag.',
    save: 'Save',
    cancel: 'Cancel',
    saved: 'Occasion {name} saved.',
    removeTitle: 'Remove the occasion {name}?',
    removeBody: 'It will no longer show on the first page. Campaigns already made are kept.',
    removed: 'Occasion {name} removed.',
    tagOf: 'tag {tag}',
    orgDays: 'Organisations’ founding days',
    orgDaysHint: 'An organisation’s or association’s own day: only its contacts are greeted.',
    organisation: 'Organisation',
    chooseOrganisation: '— Choose an organisation —',
    setOrgDay: 'Save the founding day',
    orgDaySaved: 'Founding day of {name} saved.',
    orgDayRemoved: 'Founding day of {name} removed.',
    removeOrgDay: 'Remove the day',
    none: 'No organisation has a founding day yet.',
  },
});

const days = Array.from({ length: 31 }, (_, i) => String(i + 1).padStart(2, '0'));
const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
const dayLabel = (md: string) => `${md.slice(3)}/${md.slice(0, 2)}`;
type Values = { vi: string; en: string; dd: string; mm: string; country: string; tag: string };

/**
 * The union's occasions table (GET/POST/PUT/DELETE /api/occasions), the seeded national days
 * included, and the organisations' own founding days (PATCH /api/organisations/:id). Staff read it.
 */
export function OccasionsEditor(props: { onChanged: () => void; onStatus: (status: { text?: string; error?: string }) => void }) {
  const { api, announce, language } = useApp();
  const t = useText(messages);
  const writable = useCan()('partners:write');
  const [occasions, setOccasions] = useState<Occasion[]>([]);
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const [editing, setEditing] = useState<Occasion | 'new'>();
  const [removing, setRemoving] = useState<Occasion>();
  const [orgDay, setOrgDay] = useState({ organisationId: '', dd: '01', mm: '01' });

  const load = () =>
    Promise.all([api.get<{ items: Occasion[] }>('/api/occasions'), api.get<{ items: Organisation[] }>('/api/organisations')]).then(
      ([o, g]) => {
        setOccasions([...o.items].sort((a, b) => a.day.localeCompare(b.day)));
        setOrganisations(g.items);
      },
      (error) => props.onStatus({ error: errorText(error) }),
    );
  useEffect(() => {
    void load();
  }, []);

  const done = async (text: string) => {
    props.onStatus({ text });
    announce(text);
    await load();
    props.onChanged();
  };

  async function saveOrgDay(organisation: Organisation, foundingDay: string | null) {
    try {
      await api.patch(`/api/organisations/${organisation.organisationId}`, { foundingDay });
      await done(t(foundingDay ? 'orgDaySaved' : 'orgDayRemoved', { name: organisation.name }));
    } catch (error) {
      props.onStatus({ error: errorText(error) });
    }
  }

  const withDays = organisations.filter((o) => o.foundingDay);
  return (
    <section class="card occasions-editor" aria-labelledby="occasions-title">
      <h2 id="occasions-title">{t('title')}</h2>
      <p class="hint">{t('hint')}</p>
      <table class="table stack occasions-table">
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('day')}</th>
            <th scope="col">{t('whom')}</th>
            {writable && <th scope="col">{t('actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {occasions.map((o) => (
            <tr key={o.occasionId}>
              <th scope="row" data-label={t('name')}>
                {o.name[language]}
              </th>
              <td data-label={t('day')}>{dayLabel(o.day)}</td>
              <td data-label={t('whom')}>{o.country ?? (o.tag ? t('tagOf', { tag: o.tag }) : '—')}</td>
              {writable && (
                <td data-label={t('actions')} class="row-actions">
                  <button type="button" class="button small" onClick={() => setEditing(o)}>
                    {t('edit')}
                    <span class="visually-hidden">: {o.name[language]}</span>
                  </button>
                  <button type="button" class="button small danger" onClick={() => setRemoving(o)}>
                    {t('remove')}
                    <span class="visually-hidden">: {o.name[language]}</span>
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {writable && (
        <div class="actions">
          <button type="button" class="button" onClick={() => setEditing('new')}>
            {t('add')}
          </button>
        </div>
      )}

      <h3>{t('orgDays')}</h3>
      <p class="hint">{t('orgDaysHint')}</p>
      {withDays.length === 0 && <p class="muted">{t('none')}</p>}
      <ul class="plain-list org-days">
        {withDays.map((o) => (
          <li key={o.organisationId}>
            {o.name}: {dayLabel(o.foundingDay!)}{' '}
            {writable && (
              <button type="button" class="button small" onClick={() => void saveOrgDay(o, null)}>
                {t('removeOrgDay')}
                <span class="visually-hidden">: {o.name}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {writable && organisations.length > 0 && (
        <Form
          errors={{}}
          labelledBy="occasions-title"
          class="form org-day-form"
          onSubmit={() => {
            const organisation = organisations.find((o) => o.organisationId === orgDay.organisationId);
            if (organisation) void saveOrgDay(organisation, `${orgDay.mm}-${orgDay.dd}`);
          }}
        >
          <div class="grid-3">
            <SelectField
              name="orgday.organisation"
              label={t('organisation')}
              value={orgDay.organisationId}
              onValue={(organisationId) => setOrgDay({ ...orgDay, organisationId })}
              options={[{ value: '', label: t('chooseOrganisation') }, ...organisations.map((o) => ({ value: o.organisationId, label: o.name }))]}
            />
            <SelectField name="orgday.dd" label={t('dayOfMonth')} value={orgDay.dd} onValue={(dd) => setOrgDay({ ...orgDay, dd })} options={days.map((d) => ({ value: d, label: String(Number(d)) }))} />
            <SelectField name="orgday.mm" label={t('month')} value={orgDay.mm} onValue={(mm) => setOrgDay({ ...orgDay, mm })} options={months.map((m) => ({ value: m, label: t('monthN', { n: Number(m) }) }))} />
          </div>
          <div class="actions">
            <button type="submit" class="button">
              {t('setOrgDay')}
            </button>
          </div>
        </Form>
      )}

      {editing && <OccasionDialog occasion={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} onSaved={(o) => void done(t('saved', { name: o.name[language] }))} />}
      <ConfirmDialog
        open={removing !== undefined}
        title={t('removeTitle', { name: removing?.name[language] ?? '' })}
        confirmLabel={t('remove')}
        cancelLabel={t('cancel')}
        danger
        onClose={() => setRemoving(undefined)}
        onConfirm={() => {
          const o = removing!;
          setRemoving(undefined);
          api.delete(`/api/occasions/${o.occasionId}`).then(
            () => done(t('removed', { name: o.name[language] })),
            (error) => props.onStatus({ error: errorText(error) }),
          );
        }}
      >
        <p>{t('removeBody')}</p>
      </ConfirmDialog>
    </section>
  );
}

function OccasionDialog(props: { occasion?: Occasion; onClose: () => void; onSaved: (occasion: Occasion) => void }) {
  const { api } = useApp();
  const t = useText(messages);
  const o = props.occasion;
  const { form, ref, submit, close } = useModalForm<Values>({ vi: o?.name.vi ?? '', en: o?.name.en ?? '', dd: o?.day.slice(3) ?? '01', mm: o?.day.slice(0, 2) ?? '01', country: o?.country ?? '', tag: o?.tag ?? '' });

  async function save() {
    const v = form.values;
    const body = { name: { vi: v.vi, en: v.en }, day: `${v.mm}-${v.dd}`, ...(v.country.trim() ? { country: v.country.trim() } : {}), ...(v.tag.trim() ? { tag: v.tag.trim() } : {}) };
    await submit(async () => {
      const saved = o ? await api.put<{ occasion: Occasion }>(`/api/occasions/${o.occasionId}`, body) : await api.post<{ occasion: Occasion }>('/api/occasions', body);
      props.onSaved(saved.occasion);
    });
  }

  return (
    <dialog ref={ref} class="dialog wide" aria-labelledby="occasion-dialog-title" onClose={props.onClose} onCancel={props.onClose}>
      <h2 id="occasion-dialog-title">{o ? t('editTitle') : t('addTitle')}</h2>
      <Form errors={form.errors} onSubmit={save} labelledBy="occasion-dialog-title">
        <div class="grid-2">
          <TextField name="occasion.vi" label={t('nameVi')} required value={form.values.vi} onValue={form.set('vi')} input={{ lang: 'vi', autoComplete: 'off' }} />
          <TextField name="occasion.en" label={t('nameEn')} required value={form.values.en} onValue={form.set('en')} input={{ lang: 'en', autoComplete: 'off' }} />
          <SelectField name="occasion.dd" label={t('dayOfMonth')} value={form.values.dd} onValue={form.set('dd')} options={days.map((d) => ({ value: d, label: String(Number(d)) }))} />
          <SelectField name="occasion.mm" label={t('month')} value={form.values.mm} onValue={form.set('mm')} options={months.map((m) => ({ value: m, label: t('monthN', { n: Number(m) }) }))} />
          <TextField name="occasion.country" label={t('country')} hint={t('countryHint')} value={form.values.country} onValue={form.set('country')} input={{ maxLength: 2, autoComplete: 'off' }} />
          <TextField name="occasion.tag" label={t('tag')} hint={t('tagHint')} value={form.values.tag} onValue={form.set('tag')} input={{ autoComplete: 'off' }} />
        </div>
        <DialogActions busy={form.busy} cancelLabel={t('cancel')} saveLabel={t('save')} onCancel={close} />
      </Form>
    </dialog>
  );
}
