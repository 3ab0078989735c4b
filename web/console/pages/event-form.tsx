import { useEffect, useState } from 'preact/hooks';
import { createEventSchema, eventTypes, type Event, type EventType, type Field } from '../../../shared/events/event-schema.js';
import { errorText } from '../../lib/error-text.js';
import { errorsFromFailure, hasErrors, validateWith } from '../../lib/form.js';
import { defineMessages, inBoth, pickLocalized } from '../../lib/i18n.js';
import { FieldsEditor, rowFromField } from '../components/fields-editor.js';
import { Form, SelectField, SubmitButton, TextArea, TextField, useFormState } from '../components/form.js';
import { EventContactSection, EventPlaceSection, EventRegistrationSection, FormSection } from '../components/event-form-sections.js';
import { PageHeading } from '../components/page-heading.js';
import { useApp, useSchemaMessages, useText } from '../context.js';
import { navigate } from '../router.js';
import { bodyFromValues, emptyValues, optionalKeys, valuesFromEvent, type Values } from '../event-form-values.js';
import type { PageProps } from '../routes.js';
import { useUnits } from '../units.js';

const messages = defineMessages({
  vi: {
    capacityInvalid: 'Sức chứa phải là một số nguyên dương, hoặc để trống.',
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
    capacityInvalid: 'The capacity must be a positive whole number, or empty.',
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
      .catch((error: unknown) => setLoadError(errorText(error)));
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
    const { body, errors: local } = bodyFromValues({ ...values, unitId: values.unitId || (unitChoices.length > 1 ? unitChoices[0]!.value : '') }, t, { creating: !eventId });
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
        <FormSection id="s-general" title={t('general')}>
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
        </FormSection>

        <EventPlaceSection values={values} set={set} />
        <EventRegistrationSection values={values} set={set} />
        <EventContactSection values={values} set={set} />

        <FormSection id="s-fields" title={t('fields')}>
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
        </FormSection>

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
