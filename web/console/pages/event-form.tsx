import { useEffect, useState } from 'preact/hooks';
import { createEventSchema, eventTypes, type Event, type EventType, type Field } from '../../../shared/events/event-schema.js';
import { ApiError } from '../../lib/api-client.js';
import { localInputsToInstant, parseLocalDate, parseLocalTime, toLocalInputs } from '../../lib/datetime.js';
import { errorsFromFailure, hasErrors, validateWith, type FieldErrors } from '../../lib/form.js';
import { defineMessages, inBoth, pickLocalized, type Translate } from '../../lib/i18n.js';
import { fieldFromRow, FieldsEditor, rowFromField, type FieldRow } from '../components/fields-editor.js';
import {
  CheckboxField,
  DateTimeField,
  Form,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  useFormState,
} from '../components/form.js';
import { PageHeading } from '../components/page-heading.js';
import { useApp, useSchemaMessages, useText } from '../context.js';
import type { CommonKey } from '../messages.js';
import { navigate } from '../router.js';
import type { PageProps } from '../routes.js';
import { useUnits } from '../units.js';

const messages = defineMessages({
  vi: {
    createTitle: 'Tạo sự kiện',
    editTitle: 'Sửa sự kiện',
    general: 'Thông tin chung',
    type: 'Loại sự kiện',
    chooseType: '— Chọn loại sự kiện —',
    unit: 'Đơn vị tổ chức',
    unitHint: 'Sự kiện thuộc đơn vị nào thì người của đơn vị đó (và của đơn vị cấp trên) mới thấy.',
    titleVi: 'Tên sự kiện (tiếng Việt)',
    titleEn: 'Tên sự kiện (tiếng Anh)',
    descriptionVi: 'Giới thiệu (tiếng Việt)',
    descriptionEn: 'Giới thiệu (tiếng Anh)',
    agendaVi: 'Chương trình (tiếng Việt)',
    agendaEn: 'Chương trình (tiếng Anh)',
    agendaHint: 'Mỗi dòng một mục, ví dụ “08:00 Đón tiếp đại biểu”.',
    placeAndTime: 'Thời gian và địa điểm',
    startsAt: 'Bắt đầu',
    endsAt: 'Kết thúc',
    timeHint: 'Giờ Việt Nam (UTC+7).',
    venue: 'Địa điểm',
    venueHint: 'Tên hội trường và địa chỉ, ví dụ “Hội trường A, 15 Lê Thánh Tông, TP. Buôn Ma Thuột”.',
    venueMapUrl: 'Đường dẫn bản đồ',
    venueMapUrlHint: 'Ví dụ đường dẫn Google Maps, bắt đầu bằng https://',
    registration: 'Đăng ký',
    capacity: 'Sức chứa',
    capacityHint: 'Số chỗ tối đa. Để trống nếu không giới hạn.',
    capacityInvalid: 'Sức chứa phải là một số nguyên dương, hoặc để trống.',
    registrationClosesAt: 'Hạn đăng ký',
    registrationClosesAtHint: 'Không bắt buộc. Sau thời điểm này người tham dự không thể đăng ký hay sửa thông tin.',
    addressForm: 'Cách xưng hô với khách chưa có danh xưng',
    addressFormHint: 'Dùng trong thư mời và trên trang trả lời. Danh xưng riêng của từng khách (Ông, Bà, Đồng chí…) luôn được ưu tiên.',
    'addressForm.formal': 'Trang trọng: Ông/Bà',
    'addressForm.informal': 'Thân mật: bạn (ví dụ diễn đàn sinh viên)',
    requiresApproval: 'Đăng ký cần được duyệt',
    requiresApprovalHint: 'Người đăng ký chờ ban tổ chức duyệt trước khi được xác nhận.',
    openRegistration: 'Mở đăng ký công khai',
    openRegistrationHint: 'Ai có đường dẫn (hoặc quét mã QR trên áp phích) cũng tự đăng ký được, không cần thư mời. Đường dẫn hiện trên trang sự kiện sau khi công bố.',
    attachInvitationLetter: 'Đính kèm giấy mời (PDF) vào thư mời',
    attachInvitationLetterHint: 'Mỗi thư mời mang giấy mời của người nhận theo thể thức văn bản hành chính; số giấy mời được cấp khi thư được gửi và giữ nguyên khi gửi lại.',
    contact: 'Người liên hệ',
    contactName: 'Họ và tên',
    contactPhone: 'Số điện thoại',
    contactEmail: 'Email',
    fields: 'Thông tin người tham dự cần cung cấp',
    fieldsHint: 'Được điền sẵn theo loại sự kiện; có thể thêm, bớt, sắp xếp lại.',
    delegationHint: 'Đoàn công tác luôn yêu cầu số hộ chiếu và ngày hết hạn hộ chiếu.',
    useDefaults: 'Dùng các trường mặc định của loại “{type}”',
    defaultsUsed: 'Đã dùng các trường mặc định.',
    create: 'Tạo sự kiện',
    creating: 'Đang tạo…',
    save: 'Lưu thay đổi',
    back: 'Quay lại',
    created: 'Đã tạo sự kiện (bản nháp). Bạn có thể công bố khi sẵn sàng.',
    saved: 'Đã lưu thay đổi.',
    notEditable: 'Sự kiện đã hủy hoặc đã kết thúc thì không sửa được nữa.',
  },
  en: {
    createTitle: 'Create an event',
    editTitle: 'Edit the event',
    general: 'General',
    type: 'Type of event',
    chooseType: '— Choose a type —',
    unit: 'Organising unit',
    unitHint: 'Only the people of this unit (and of the units above it) see the event.',
    titleVi: 'Title (Vietnamese)',
    titleEn: 'Title (English)',
    descriptionVi: 'Description (Vietnamese)',
    descriptionEn: 'Description (English)',
    agendaVi: 'Agenda (Vietnamese)',
    agendaEn: 'Agenda (English)',
    agendaHint: 'One item a line, e.g. “08:00 Welcome of the guests”.',
    placeAndTime: 'Time and place',
    startsAt: 'Starts',
    endsAt: 'Ends',
    timeHint: 'Vietnam time (UTC+7).',
    venue: 'Venue',
    venueHint: 'The hall and its address, e.g. “Hall A, 15 Lê Thánh Tông, Buôn Ma Thuột”.',
    venueMapUrl: 'Map link',
    venueMapUrlHint: 'E.g. a Google Maps link, starting with https://',
    registration: 'Registration',
    capacity: 'Capacity',
    capacityHint: 'The number of seats. Leave empty for no limit.',
    capacityInvalid: 'The capacity must be a positive whole number, or empty.',
    registrationClosesAt: 'Registration closes',
    registrationClosesAtHint: 'Optional. After this, participants can no longer register or change their details.',
    addressForm: 'How to address invitees without a salutation',
    addressFormHint: 'Used in the invitation mail and on the answer page. Each invitee’s own salutation (Ông, Bà, Đồng chí…) always comes first.',
    'addressForm.formal': 'Formal: Ông/Bà (Mr/Ms)',
    'addressForm.informal': 'Informal: bạn (e.g. a student forum)',
    requiresApproval: 'Registrations need approval',
    requiresApprovalHint: 'People who register wait for the organisers to approve them.',
    openRegistration: 'Open registration to the public',
    openRegistrationHint: 'Anyone with the link (or who scans the QR code on a poster) can register, without an invitation. The link shows on the event page once the event is published.',
    attachInvitationLetter: 'Attach the invitation letter (PDF) to the invitation mail',
    attachInvitationLetterHint: 'Each invitation mail carries its invitee’s official giấy mời; the letter is numbered when the mail is sent and keeps its number when sent again.',
    contact: 'Contact person',
    contactName: 'Name',
    contactPhone: 'Phone',
    contactEmail: 'Email',
    fields: 'What participants are asked for',
    fieldsHint: 'Filled in from the type of event; add, remove or reorder as needed.',
    delegationHint: 'A delegation always asks for the passport number and its expiry date.',
    useDefaults: 'Use the default fields of “{type}”',
    defaultsUsed: 'The default fields are in place.',
    create: 'Create event',
    creating: 'Creating…',
    save: 'Save changes',
    back: 'Back',
    created: 'Event created (as a draft). Publish it when it is ready.',
    saved: 'Changes saved.',
    notEditable: 'A cancelled or closed event can no longer be edited.',
  },
});

type DateTime = { date: string; time: string };
type Values = {
  type: EventType | '';
  /** '' = the account's default unit (the one it holds). */
  unitId: string;
  titleVi: string;
  titleEn: string;
  descriptionVi: string;
  descriptionEn: string;
  agendaVi: string;
  agendaEn: string;
  venue: string;
  venueMapUrl: string;
  startsAt: DateTime;
  endsAt: DateTime;
  capacity: string;
  registrationClosesAt: DateTime;
  requiresApproval: boolean;
  addressForm: 'formal' | 'informal';
  openRegistration: boolean;
  attachInvitationLetter: boolean;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  fields: FieldRow[];
  /** Once the organiser touches the fields, a change of type no longer replaces them. */
  fieldsEdited: boolean;
};

const emptyValues = (): Values => ({
  type: '',
  unitId: '',
  titleVi: '',
  titleEn: '',
  descriptionVi: '',
  descriptionEn: '',
  agendaVi: '',
  agendaEn: '',
  venue: '',
  venueMapUrl: '',
  startsAt: { date: '', time: '' },
  endsAt: { date: '', time: '' },
  capacity: '',
  registrationClosesAt: { date: '', time: '' },
  requiresApproval: false,
  addressForm: 'formal',
  openRegistration: false,
  attachInvitationLetter: false,
  contactName: '',
  contactPhone: '',
  contactEmail: '',
  fields: [],
  fieldsEdited: false,
});

function valuesFromEvent(event: Event): Values {
  return {
    type: event.type,
    unitId: event.unitId,
    titleVi: event.title.vi,
    titleEn: event.title.en ?? '',
    descriptionVi: event.description?.vi ?? '',
    descriptionEn: event.description?.en ?? '',
    agendaVi: event.agenda?.vi ?? '',
    agendaEn: event.agenda?.en ?? '',
    venue: event.venue,
    venueMapUrl: event.venueMapUrl ?? '',
    startsAt: toLocalInputs(event.startsAt),
    endsAt: toLocalInputs(event.endsAt),
    capacity: event.capacity === undefined ? '' : String(event.capacity),
    registrationClosesAt: toLocalInputs(event.registrationClosesAt),
    requiresApproval: event.requiresApproval,
    addressForm: event.addressForm ?? 'formal',
    openRegistration: event.openRegistration,
    attachInvitationLetter: event.attachInvitationLetter,
    contactName: event.contact?.name ?? '',
    contactPhone: event.contact?.phone ?? '',
    contactEmail: event.contact?.email ?? '',
    fields: event.fields.map(rowFromField),
    fieldsEdited: true,
  };
}

const optionalKeys = ['description', 'agenda', 'venueMapUrl', 'contact', 'capacity', 'registrationClosesAt'] as const;

/**
 * The form as the API's body. What the schema cannot see (a mistyped date, a capacity that is no
 * number) is reported here, by the same paths.
 */
function bodyFromValues(values: Values, t: Translate<CommonKey | 'capacityInvalid'>) {
  const errors: FieldErrors = {};
  const filled = (text: string) => (text.trim() ? text : undefined);
  const localized = (vi: string, en: string) =>
    vi.trim() || en.trim() ? { ...(vi.trim() ? { vi } : {}), ...(en.trim() ? { en } : {}) } : undefined;
  const instant = (name: string, pair: DateTime): string | undefined => {
    const [date, time] = [pair.date.trim(), pair.time.trim()];
    if (!date && !time) return undefined;
    if (!date || !time) errors[name] = t('form.needDateAndTime');
    else if (!parseLocalDate(date)) errors[name] = t('form.invalidDate');
    else if (!parseLocalTime(time)) errors[name] = t('form.invalidTime');
    else return localInputsToInstant(date, time);
    return undefined;
  };
  let capacity: number | undefined;
  if (values.capacity.trim()) {
    capacity = Number(values.capacity.trim());
    if (!Number.isInteger(capacity) || capacity < 1) errors.capacity = t('capacityInvalid');
  }
  const contact =
    values.contactName.trim() || values.contactPhone.trim() || values.contactEmail.trim()
      ? {
          name: values.contactName,
          ...(filled(values.contactPhone) ? { phone: values.contactPhone.trim() } : {}),
          ...(filled(values.contactEmail) ? { email: values.contactEmail.trim() } : {}),
        }
      : undefined;
  const body = {
    type: values.type || undefined,
    unitId: values.unitId || undefined,
    title: { vi: values.titleVi, ...(filled(values.titleEn) ? { en: values.titleEn } : {}) },
    description: localized(values.descriptionVi, values.descriptionEn),
    agenda: localized(values.agendaVi, values.agendaEn),
    venue: values.venue,
    venueMapUrl: filled(values.venueMapUrl)?.trim(),
    contact,
    startsAt: instant('startsAt', values.startsAt),
    endsAt: instant('endsAt', values.endsAt),
    capacity,
    registrationClosesAt: instant('registrationClosesAt', values.registrationClosesAt),
    requiresApproval: values.requiresApproval,
    addressForm: values.addressForm,
    openRegistration: values.openRegistration,
    attachInvitationLetter: values.attachInvitationLetter,
    fields: values.fields.map(fieldFromRow),
  };
  return { body, errors };
}

let defaultsCache: Partial<Record<EventType, Field[]>> | undefined;

/** Creates an event (/console/events/new) or edits one (/console/events/:eventId/edit). */
export function EventFormPage({ params }: PageProps) {
  const { api, flash, announce, language } = useApp();
  const t = useText(messages);
  const translate = useSchemaMessages();
  const eventId = params.eventId;
  const form = useFormState<Values>(emptyValues);
  const [defaults, setDefaults] = useState(defaultsCache);
  const [loadError, setLoadError] = useState<string>();
  const [loaded, setLoaded] = useState(!eventId);
  const [editable, setEditable] = useState(true);
  const [eventTitle, setEventTitle] = useState<{ text: string; lang: string }>();
  const [loadedUnit, setLoadedUnit] = useState<string>();
  const units = useUnits();
  const { values, set } = form;

  useEffect(() => {
    if (defaultsCache) return;
    api
      .get<{ items: { type: EventType; fields: Field[] }[] }>('/api/events/field-defaults')
      .then(({ items }) => {
        defaultsCache = Object.fromEntries(items.map((item) => [item.type, item.fields]));
        setDefaults(defaultsCache);
      })
      .catch(() => undefined); // The editor still works without them.
  }, []);

  useEffect(() => {
    if (!eventId) return;
    api
      .get<{ event: Event }>(`/api/events/${encodeURIComponent(eventId)}`)
      .then(({ event }) => {
        form.setValues(valuesFromEvent(event));
        setLoadedUnit(event.unitId);
        setEventTitle(pickLocalized(event.title, language));
        setEditable(event.status === 'draft' || event.status === 'published');
        setLoaded(true);
      })
      .catch((error: unknown) => setLoadError(error instanceof ApiError ? error.message : String(error)));
  }, [eventId]);

  // A new event starts with the usual fields of its type, until the organiser edits them.
  useEffect(() => {
    if (!values.type || values.fieldsEdited || !defaults?.[values.type]) return;
    form.setValues((current) => ({ ...current, fields: defaults[values.type as EventType]!.map(rowFromField) }));
  }, [values.type, defaults]);

  const applyDefaults = () => {
    if (!values.type || !defaults?.[values.type]) return;
    form.setValues((current) => ({ ...current, fields: defaults[values.type as EventType]!.map(rowFromField), fieldsEdited: false }));
    announce(t('defaultsUsed'));
  };

  async function submit() {
    // The unit the choice shows is the unit sent, even untouched.
    const { body, errors: local } = bodyFromValues({ ...values, unitId: values.unitId || (unitChoices.length > 1 ? unitChoices[0]!.value : '') }, t);
    const checked = validateWith(createEventSchema, body, translate);
    const errors = { ...(checked.ok ? {} : checked.errors), ...local };
    if (hasErrors(errors) || !checked.ok) return form.setErrors(errors);
    form.setErrors({});
    form.setBusy(true);
    try {
      if (eventId) {
        // An edit names every field; null removes an optional one the organiser emptied.
        const patch: Record<string, unknown> = { ...checked.data };
        for (const key of optionalKeys) if (patch[key] === undefined) patch[key] = null;
        // The unit travels only when it changes: a move is checked against the units one holds.
        if (patch.unitId === loadedUnit) delete patch.unitId;
        const { event } = await api.patch<{ event: Event }>(`/api/events/${encodeURIComponent(eventId)}`, patch);
        flash(inBoth(messages, 'saved'));
        // This edit moved a published event's time or place: offer the notice to those invited.
        const moved = event.scheduleChange !== undefined && event.scheduleChange.at === event.updatedAt;
        navigate(`/console/events/${encodeURIComponent(eventId)}${moved ? '/notices?change=1' : ''}`);
      } else {
        const { event } = await api.post<{ event: Event }>('/api/events', checked.data);
        flash(inBoth(messages, 'created'));
        navigate(`/console/events/${encodeURIComponent(event.eventId)}`);
      }
    } catch (error) {
      form.setErrors(errorsFromFailure(error, translate));
      form.setBusy(false);
    }
  }

  // Offered only to those who organise for several units; the event's own unit stays offered.
  const unitChoices = (units?.all ?? [])
    .filter((unit) => units!.organised.includes(unit) || unit.unitId === loadedUnit)
    .map((unit) => ({ value: unit.unitId, label: pickLocalized(unit.name, language).text }));

  const backHref = eventId ? `/console/events/${encodeURIComponent(eventId)}` : '/console/events';
  const heading = eventId ? t('editTitle') : t('createTitle');

  if (loadError) {
    return (
      <section>
        <PageHeading text={heading} />
        <p class="notice error" role="alert">
          {loadError}
        </p>
        <p>
          <a href={backHref}>← {t('back')}</a>
        </p>
      </section>
    );
  }
  if (!loaded) {
    return (
      <section>
        <PageHeading text={heading} />
        <p class="loading" role="status">
          {t('common.loading')}
        </p>
      </section>
    );
  }

  return (
    <section>
      <p class="breadcrumb">
        <a href={backHref}>← {t('back')}</a>
      </p>
      <PageHeading text={heading} />
      {eventTitle && (
        <p class="lead" lang={eventTitle.lang}>
          {eventTitle.text}
        </p>
      )}
      {!editable && (
        <p class="notice error" role="alert">
          {t('notEditable')}
        </p>
      )}
      <Form errors={form.errors} onSubmit={submit} class="form event-form">
        <section class="card form-section" aria-labelledby="s-general">
          <h2 id="s-general">{t('general')}</h2>
          <SelectField
            name="type"
            label={t('type')}
            required
            value={values.type}
            onValue={(value) => set('type')(value as EventType | '')}
            options={[
              ...(values.type ? [] : [{ value: '', label: t('chooseType') }]),
              ...eventTypes.map((type) => ({ value: type, label: t(`eventType.${type}`) })),
            ]}
          />
          {unitChoices.length > 1 && (
            <SelectField
              name="unitId"
              label={t('unit')}
              hint={t('unitHint')}
              value={values.unitId || unitChoices[0]!.value}
              onValue={set('unitId')}
              options={unitChoices}
            />
          )}
          <div class="grid-2">
            <TextField name="title.vi" label={t('titleVi')} required value={values.titleVi} onValue={set('titleVi')} input={{ lang: 'vi' }} />
            <TextField name="title.en" label={t('titleEn')} value={values.titleEn} onValue={set('titleEn')} input={{ lang: 'en' }} />
            <TextArea name="description.vi" label={t('descriptionVi')} value={values.descriptionVi} onValue={set('descriptionVi')} />
            <TextArea name="description.en" label={t('descriptionEn')} value={values.descriptionEn} onValue={set('descriptionEn')} />
            <TextArea name="agenda.vi" label={t('agendaVi')} hint={t('agendaHint')} value={values.agendaVi} onValue={set('agendaVi')} rows={6} />
            <TextArea name="agenda.en" label={t('agendaEn')} value={values.agendaEn} onValue={set('agendaEn')} rows={6} />
          </div>
        </section>

        <section class="card form-section" aria-labelledby="s-place">
          <h2 id="s-place">{t('placeAndTime')}</h2>
          <div class="grid-2">
            <DateTimeField name="startsAt" label={t('startsAt')} hint={t('timeHint')} required value={values.startsAt} onValue={set('startsAt')} />
            <DateTimeField name="endsAt" label={t('endsAt')} hint={t('timeHint')} required value={values.endsAt} onValue={set('endsAt')} />
          </div>
          <TextField name="venue" label={t('venue')} hint={t('venueHint')} required value={values.venue} onValue={set('venue')} />
          <TextField
            name="venueMapUrl"
            label={t('venueMapUrl')}
            hint={t('venueMapUrlHint')}
            value={values.venueMapUrl}
            onValue={set('venueMapUrl')}
            input={{ type: 'url', inputMode: 'url', spellcheck: false }}
          />
        </section>

        <section class="card form-section" aria-labelledby="s-registration">
          <h2 id="s-registration">{t('registration')}</h2>
          <div class="grid-2">
            <TextField
              name="capacity"
              label={t('capacity')}
              hint={t('capacityHint')}
              value={values.capacity}
              onValue={set('capacity')}
              input={{ inputMode: 'numeric', autoComplete: 'off' }}
            />
            <DateTimeField
              name="registrationClosesAt"
              label={t('registrationClosesAt')}
              hint={t('registrationClosesAtHint')}
              value={values.registrationClosesAt}
              onValue={set('registrationClosesAt')}
            />
          </div>
          <CheckboxField
            name="requiresApproval"
            label={t('requiresApproval')}
            hint={t('requiresApprovalHint')}
            checked={values.requiresApproval}
            onValue={set('requiresApproval')}
          />
          <SelectField
            name="addressForm"
            label={t('addressForm')}
            hint={t('addressFormHint')}
            value={values.addressForm}
            onValue={(value) => set('addressForm')(value === 'informal' ? 'informal' : 'formal')}
            options={[
              { value: 'formal', label: t('addressForm.formal') },
              { value: 'informal', label: t('addressForm.informal') },
            ]}
          />
          <CheckboxField
            name="openRegistration"
            label={t('openRegistration')}
            hint={t('openRegistrationHint')}
            checked={values.openRegistration}
            onValue={set('openRegistration')}
          />
          <CheckboxField
            name="attachInvitationLetter"
            label={t('attachInvitationLetter')}
            hint={t('attachInvitationLetterHint')}
            checked={values.attachInvitationLetter}
            onValue={set('attachInvitationLetter')}
          />
        </section>

        <section class="card form-section" aria-labelledby="s-contact">
          <h2 id="s-contact">{t('contact')}</h2>
          <div class="grid-3">
            <TextField name="contact.name" label={t('contactName')} value={values.contactName} onValue={set('contactName')} input={{ autoComplete: 'off' }} />
            <TextField
              name="contact.phone"
              label={t('contactPhone')}
              value={values.contactPhone}
              onValue={set('contactPhone')}
              input={{ type: 'tel', inputMode: 'tel', autoComplete: 'off' }}
            />
            <TextField
              name="contact.email"
              label={t('contactEmail')}
              value={values.contactEmail}
              onValue={set('contactEmail')}
              input={{ type: 'email', inputMode: 'email', autoComplete: 'off', spellcheck: false }}
            />
          </div>
        </section>

        <section class="card form-section" aria-labelledby="s-fields">
          <h2 id="s-fields">{t('fields')}</h2>
          <p class="hint">{t('fieldsHint')}</p>
          {values.type === 'delegation' && <p class="notice info">{t('delegationHint')}</p>}
          <FieldsEditor rows={values.fields} onRows={(rows) => form.setValues((current) => ({ ...current, fields: rows, fieldsEdited: true }))} />
          {values.type && values.fieldsEdited && defaults?.[values.type] && (
            <p>
              <button type="button" class="button link" onClick={applyDefaults}>
                {t('useDefaults', { type: t(`eventType.${values.type}`) })}
              </button>
            </p>
          )}
        </section>

        <div class="actions sticky-actions">
          <SubmitButton busy={form.busy} label={eventId ? t('save') : t('create')} busyLabel={eventId ? t('common.saving') : t('creating')} />
          <a class="button" href={backHref}>
            {t('back')}
          </a>
        </div>
      </Form>
    </section>
  );
}
