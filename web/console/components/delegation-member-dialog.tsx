import { useEffect, useRef } from 'preact/hooks';
import { defineMessages, textIn } from '../../lib/i18n.js';
import { useApp, useSchemaMessages, useText } from '../context.js';
import { asIsoDate, asLocalDate, logisticsKeys, roleKeys, roleLabels, saveToRoster, type DialogProps, type Member, type Role } from '../delegation-members.js';
import { DialogActions, Form, LanguageField, SelectField, TextField, useFormState } from './form.js';

const messages = defineMessages({
  vi: {
    organisation: 'Đơn vị',
    position: 'Chức vụ',
    role: 'Vai trò',
    addTitle: 'Thêm thành viên đoàn',
    addHeadTitle: 'Thêm trưởng đoàn',
    editTitle: 'Sửa thông tin {name}',
    name: 'Họ và tên',
    email: 'Email',
    emailHint: 'Người có email nhận thư mời và đường dẫn cá nhân của mình.',
    phone: 'Số điện thoại',
    language: 'Ngôn ngữ thư mời',
    vi: 'Tiếng Việt',
    en: 'Tiếng Anh',
    logistics: 'Đón đoàn',
    arrivalDate: 'Ngày đến (dd/mm/yyyy)',
    arrivalTime: 'Giờ đến',
    arrivalTransport: 'Chuyến bay hoặc xe khi đến',
    departureDate: 'Ngày đi (dd/mm/yyyy)',
    departureTime: 'Giờ đi',
    departureTransport: 'Chuyến bay hoặc xe khi đi',
    hotel: 'Khách sạn',
    room: 'Phòng',
    dietary: 'Yêu cầu ăn uống',
    interpreterLanguage: 'Ngôn ngữ phiên dịch',
    save: 'Lưu',
    cancel: 'Hủy',
    added: 'Đã thêm {name} vào đoàn.',
    saved: 'Đã lưu thông tin {name}.',
    nameRequired: 'Hãy nhập họ và tên.',
    badDate: 'Ngày viết theo dạng dd/mm/yyyy, ví dụ 15/01/2032.',
  },
  en: {
    organisation: 'Organisation',
    position: 'Position',
    role: 'Role',
    addTitle: 'Add a member of the delegation',
    addHeadTitle: 'Add the head of delegation',
    editTitle: 'Edit {name}',
    name: 'Full name',
    email: 'Email',
    emailHint: 'Someone with an email gets the invitation and their own personal link.',
    phone: 'Phone',
    language: 'Language of the invitation',
    vi: 'Vietnamese',
    en: 'English',
    logistics: 'Reception',
    arrivalDate: 'Arrival date (dd/mm/yyyy)',
    arrivalTime: 'Arrival time',
    arrivalTransport: 'Arriving flight or vehicle',
    departureDate: 'Departure date (dd/mm/yyyy)',
    departureTime: 'Departure time',
    departureTransport: 'Departing flight or vehicle',
    hotel: 'Hotel',
    room: 'Room',
    dietary: 'Dietary needs',
    interpreterLanguage: 'Interpreter language',
    save: 'Save',
    cancel: 'Cancel',
    added: '{name} was added to the delegation.',
    saved: 'The details of {name} are saved.',
    nameRequired: 'Enter the full name.',
    badDate: 'Write the date as dd/mm/yyyy, e.g. 15/01/2032.',
  },
});

type MemberValues = { name: string; role: Role; email: string; phone: string; organisation: string; position: string; language: 'vi' | 'en' } & Record<
  (typeof logisticsKeys)[number],
  string
>;

/** What reaches a member besides their name, each optional. */
const contactKeys = ['email', 'phone', 'organisation', 'position'] as const;
type ContactKey = (typeof contactKeys)[number];

/** Add or edit one member: who they are, their role and contact; an incoming one's reception too. */
export function MemberDialog(props: DialogProps & { member?: Member; role?: Role; head?: Member; incoming: boolean }) {
  const { api, language } = useApp();
  const t = useText(messages);
  const schemaText = useSchemaMessages();
  const ref = useRef<HTMLDialogElement>(null);
  const { member } = props;
  const form = useFormState<MemberValues>(() => ({
    name: member?.name ?? '',
    role: member?.role ?? props.role ?? 'member',
    email: member?.email ?? '',
    phone: member?.phone ?? '',
    organisation: member?.organisation ?? props.head?.organisation ?? '',
    position: member?.position ?? '',
    language: member?.language ?? 'vi',
    ...(Object.fromEntries(
      logisticsKeys.map((key) => [key, key.endsWith('Date') ? asLocalDate(member?.logistics?.[key]) : (member?.logistics?.[key] ?? '')]),
    ) as Record<(typeof logisticsKeys)[number], string>),
  }));
  useEffect(() => {
    ref.current?.showModal();
    document.getElementById('f-member-name')?.focus();
  }, []);
  const titleText = member ? t('editTitle', { name: member.name }) : form.values.role === 'head' && !props.head ? t('addHeadTitle') : t('addTitle');
  // A head's role is fixed while they lead members; no second head is offered.
  const roles = roleKeys.filter((r) => r !== 'head' || !props.head || props.head.invitationId === member?.invitationId);

  /** One of the member's own text fields, named, labelled and bound alike. */
  const memberField = (key: 'name' | ContactKey, more?: Pick<Parameters<typeof TextField>[0], 'required' | 'hint' | 'input'>) => (
    <TextField name={`member.${key}`} errorName={key} label={t(key)} value={form.values[key]} onValue={form.set(key)} {...more} />
  );

  async function save() {
    const v = form.values;
    const errors: Record<string, string> = {};
    if (!v.name.trim()) errors.name = t('nameRequired');
    const logistics: Record<string, string> = {};
    if (props.incoming) {
      for (const key of logisticsKeys) {
        const value = v[key].trim();
        if (!value) continue;
        if (key.endsWith('Date')) {
          const iso = asIsoDate(value);
          if (!iso) errors[`logistics.${key}`] = t('badDate');
          else logistics[key] = iso;
        } else logistics[key] = value;
      }
    }
    if (Object.keys(errors).length) return form.setErrors(errors);
    const text = (value: string) => value.trim();
    await saveToRoster(form, props, schemaText, async () => {
      if (member) {
        const body: Record<string, unknown> = {
          name: text(v.name),
          // Emptied is removed.
          ...Object.fromEntries(contactKeys.map((key) => [key, text(v[key]) || null])),
          language: v.language,
          ...(v.role !== member.role ? { role: v.role } : {}),
          ...(props.incoming ? { logistics: Object.keys(logistics).length ? logistics : null } : {}),
        };
        await api.send('PATCH', `${props.base}/delegation/members/${encodeURIComponent(member.invitationId)}`, body, props.ifMatch());
        await props.onDone(t('saved', { name: text(v.name) }));
      } else {
        const body: Record<string, unknown> = {
          name: text(v.name),
          role: v.role,
          language: v.language,
          ...Object.fromEntries(contactKeys.map((key) => [key, text(v[key])]).filter(([, value]) => value)),
          ...(v.role !== 'head' && props.head ? { headInvitationId: props.head.invitationId } : {}),
          ...(props.incoming && Object.keys(logistics).length ? { logistics } : {}),
        };
        await api.send('POST', `${props.base}/delegation/members`, body, props.ifMatch());
        await props.onDone(t('added', { name: text(v.name) }));
      }
      ref.current?.close();
    });
  }

  return (
    <dialog ref={ref} class="dialog wide" aria-labelledby="member-dialog-title" onClose={props.onClose} onCancel={props.onClose}>
      <h2 id="member-dialog-title">{titleText}</h2>
      <Form errors={form.errors} onSubmit={save} labelledBy="member-dialog-title">
        {memberField('name', { required: true, input: { autoComplete: 'off', spellcheck: false } })}
        <div class="grid-2">
          <SelectField
            name="member.role"
            errorName="role"
            label={t('role')}
            value={form.values.role}
            onValue={(value) => form.set('role')(value as Role)}
            options={roles.map((r) => ({ value: r, label: textIn(roleLabels[r], language) }))}
          />
          <LanguageField
            name="member.language"
            errorName="language"
            label={t('language')}
            value={form.values.language}
            onValue={form.set('language')}
            labels={{ vi: t('vi'), en: t('en') }}
          />
          {memberField('email', { hint: t('emailHint'), input: { type: 'email', autoComplete: 'off', spellcheck: false } })}
          {memberField('phone', { input: { type: 'tel', autoComplete: 'off' } })}
          {memberField('organisation')}
          {memberField('position')}
        </div>
        {props.incoming && (
          <fieldset class="logistics">
            <legend>{t('logistics')}</legend>
            <div class="grid-2">
              {logisticsKeys.map((key) => (
                <TextField key={key} name={`member.${key}`} errorName={`logistics.${key}`} label={t(key)} value={form.values[key]} onValue={form.set(key)} />
              ))}
            </div>
          </fieldset>
        )}
        <DialogActions busy={form.busy} cancelLabel={t('cancel')} saveLabel={t('save')} onCancel={() => ref.current?.close()} />
      </Form>
    </dialog>
  );
}
