import { delegationRoleLabels, delegationRoles } from '../delegations/delegation-roles.js';
import type { LocalizedText } from '../errors.js';
import type { EventType, Field } from './event-schema.js';

/**
 * The details each kind of event usually asks for. None is required unless the organiser says
 * so, except a delegation's passport fields: a trip abroad cannot be booked without them.
 */
const phone: Field = { key: 'phone', label: { vi: 'Số điện thoại', en: 'Phone' }, type: 'phone' };
const dietary: Field = { key: 'dietary', label: { vi: 'Yêu cầu về ăn uống', en: 'Dietary needs' }, type: 'text' };

/** A choice field; `choices` maps each stored code to its label, in the order shown. */
const choice = (key: string, label: LocalizedText, choices: Record<string, LocalizedText>): Field => ({
  key,
  label,
  type: 'choice',
  choices: Object.entries(choices).map(([value, choiceLabel]) => ({ value, label: choiceLabel })),
});

export const passportFields: Field[] = [
  { key: 'passportNumber', label: { vi: 'Số hộ chiếu', en: 'Passport number' }, type: 'text', required: true },
  { key: 'passportExpiry', label: { vi: 'Ngày hết hạn hộ chiếu', en: 'Passport expiry date' }, type: 'date', required: true },
];

const defaults: Record<EventType, Field[]> = {
  youth_forum: [
    phone,
    { key: 'studentId', label: { vi: 'Mã số sinh viên', en: 'Student ID' }, type: 'text' },
    dietary,
  ],
  training: [phone, choice('accommodation', { vi: 'Cần bố trí chỗ ở', en: 'Needs accommodation' }, { yes: { vi: 'Có', en: 'Yes' }, no: { vi: 'Không', en: 'No' } })],
  ngo_conference: [
    phone,
    choice('interpretation', { vi: 'Cần phiên dịch', en: 'Interpretation needed' }, { vi_en: { vi: 'Việt – Anh', en: 'Vietnamese – English' }, none: { vi: 'Không', en: 'None' } }),
    dietary,
  ],
  delegation: [
    {
      key: 'delegationRole',
      label: { vi: 'Vai trò trong đoàn', en: 'Role in the delegation' },
      type: 'choice',
      // The code is the Vietnamese name, as answers stored it before choices had codes.
      choices: delegationRoles.map((role) => ({ value: delegationRoleLabels[role].vi, label: delegationRoleLabels[role] })),
    },
    { key: 'dateOfBirth', label: { vi: 'Ngày sinh', en: 'Date of birth' }, type: 'date' },
    choice('gender', { vi: 'Giới tính', en: 'Gender' }, { male: { vi: 'Nam', en: 'Male' }, female: { vi: 'Nữ', en: 'Female' } }),
    { key: 'nationality', label: { vi: 'Quốc tịch', en: 'Nationality' }, type: 'text' },
    ...passportFields,
    phone,
  ],
  meeting: [phone],
  other: [phone],
};

export function defaultFieldsFor(type: EventType): Field[] {
  return structuredClone(defaults[type]);
}

/** A delegation always asks for the passport, required, whatever else the organiser chose. */
export function withRequiredFields(type: EventType, fields: Field[]): Field[] {
  if (type !== 'delegation') return fields;
  const result = fields.filter((f) => !passportFields.some((p) => p.key === f.key));
  const kept = passportFields.map((p) => ({ ...(fields.find((f) => f.key === p.key) ?? p), type: p.type, required: true }));
  return [...result, ...kept];
}
