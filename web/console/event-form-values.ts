import type { Event, EventType } from '../../shared/events/event-schema.js';
import { localInputsToInstant, parseLocalDate, parseLocalTime, toLocalInputs } from '../lib/datetime.js';
import type { FieldErrors } from '../lib/form.js';
import type { Translate } from '../lib/i18n.js';
import { fieldFromRow, rowFromField, type FieldRow } from './components/fields-editor.js';
import type { CommonKey } from './messages.js';

/** The event form's values as typed, and the API body made of them (pages/event-form.tsx). */
export type DateTime = { date: string; time: string };
export type Values = {
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

export const emptyValues = (): Values => ({
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

export function valuesFromEvent(event: Event): Values {
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

export const optionalKeys = ['description', 'agenda', 'venueMapUrl', 'contact', 'capacity', 'registrationClosesAt'] as const;

/**
 * The form as the API's body. What the schema cannot see (a mistyped date, a capacity that is no
 * number) is reported here, by the same paths.
 */
/**
 * `creating`: a new event whose fields the organiser left untouched sends none, and the server
 * gives it its type's usual fields, even when they had not yet reached this form (a slow line).
 */
export function bodyFromValues(values: Values, t: Translate<CommonKey | 'capacityInvalid'>, options: { creating?: boolean } = {}) {
  const errors: FieldErrors = {};
  const filled = (text: string) => (text.trim() ? text : undefined);
  const localized = (vi: string, en: string) => (vi.trim() || en.trim() ? { ...(vi.trim() ? { vi } : {}), ...(en.trim() ? { en } : {}) } : undefined);
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
    fields: options.creating && !values.fieldsEdited ? undefined : values.fields.map(fieldFromRow),
  };
  return { body, errors };
}
