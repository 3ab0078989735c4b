import { choiceLabel, choiceValue, findChoice } from '../../shared/events/field-choices.js';
import type { DetailsIssue } from '../../shared/registrations/registration-errors.js';
import { parseLocalDate } from '../lib/datetime.js';
import type { Language, Translate } from '../lib/i18n.js';
import type { Details, Field } from './answer-api.js';
import type { FieldMessageKey } from './field-messages.js';
import { h, type Child } from './dom.js';

/**
 * The event's fields as inputs, checked here as the server checks them
 * (shared/registrations/registration-schema.ts, validateDetails) so that most mistakes are shown
 * before a slow round trip; what the server still finds comes back as the same problem codes.
 */
export type Problem = DetailsIssue['problem'];
export type Problems = Record<string, Problem>;

/** Up to this many choices are radio buttons (one tap each); more become a list. */
const MAX_RADIOS = 6;
const TEXT_MAX = 500;

export const inputId = (key: string) => `f-${key}`;
const errorId = (key: string) => `f-${key}-error`;

export const labelOf = (field: Field, language: Language) => field.label[language]?.trim() || field.label.vi;

function isPhone(value: string): boolean {
  const compact = value.replace(/[\s.\-()/]/g, '');
  return /^\+?\d{8,15}$/.test(compact);
}

/** Problems with the values as typed, by field key; none when all is well. */
export function checkDetails(fields: Field[], draft: Details): Problems {
  const problems: Problems = {};
  for (const field of fields) {
    const value = (draft[field.key] ?? '').trim();
    if (!value) {
      if (field.required) problems[field.key] = 'required';
      continue;
    }
    if (value.length > TEXT_MAX) problems[field.key] = 'invalid_text';
    else if (field.type === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) problems[field.key] = 'invalid_email';
    else if (field.type === 'phone' && !isPhone(value)) problems[field.key] = 'invalid_phone';
    else if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) problems[field.key] = 'invalid_date';
    else if (field.type === 'choice' && !findChoice(field.choices, value)) problems[field.key] = 'invalid_choice';
  }
  return problems;
}

/** What an answer sends: the values given; for a change, a value emptied is removed (null). */
export function detailsToSend(fields: Field[], draft: Details, stored?: Record<string, unknown>): Record<string, string | null> {
  const details: Record<string, string | null> = {};
  for (const field of fields) {
    const value = (draft[field.key] ?? '').trim();
    if (value) details[field.key] = value;
    else if (stored?.[field.key] !== undefined) details[field.key] = null;
  }
  return details;
}

type FieldProps = {
  field: Field;
  value: string;
  problem?: Problem;
  language: Language;
  t: Translate<FieldMessageKey>;
  disabled: boolean;
  onInput: (key: string, value: string) => void;
};

const requiredMark = (field: Field): Child => (field.required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null);

function errorText(props: FieldProps): Child {
  return props.problem ? h('p', { class: 'field-error', id: errorId(props.field.key) }, props.t(`p_${props.problem}`)) : null;
}

/**
 * A date is typed as people in Vietnam write it (20/11/1990), whatever the phone's language (a
 * browser's date picker follows the phone, and an English phone shows 11/20/1990). The draft
 * holds it as the API wants it, YYYY-MM-DD, once it reads as a date; until then as typed.
 */
const inputTypes = { text: 'text', date: 'text', phone: 'tel', email: 'email' } as const;

function dateFromTyped(text: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) return text.trim();
  const day = parseLocalDate(text);
  if (!day) return undefined;
  const [dd, mm, yyyy] = day.split('/');
  return `${yyyy}-${mm}-${dd}`;
}

const typedFromDate = (value: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
};

/** One field: a label above its input (or a group of radio buttons), its problem below it. */
export function fieldInput(props: FieldProps): HTMLElement {
  const { field, value, problem, language, disabled, onInput } = props;
  const id = inputId(field.key);
  const label = labelOf(field, language);
  const described = problem ? errorId(field.key) : undefined;
  const invalid = problem ? 'true' : undefined;
  const update = (event: Event) => {
    const typed = (event.target as HTMLInputElement | HTMLSelectElement).value;
    onInput(field.key, field.type === 'date' ? (dateFromTyped(typed) ?? typed) : typed);
  };
  const chosen = field.type === 'choice' ? findChoice(field.choices, value) : undefined;

  if (field.type === 'choice' && (field.choices?.length ?? 0) <= MAX_RADIOS) {
    return h(
      'fieldset',
      { class: problem ? 'field choice invalid' : 'field choice', id: `${id}-group`, 'aria-describedby': described },
      h('legend', null, label, requiredMark(field)),
      (field.choices ?? []).map((choice, index) =>
        h(
          'label',
          { class: 'option' },
          h('input', {
            type: 'radio',
            name: field.key,
            id: index === 0 ? id : `${id}-${index}`,
            value: choiceValue(choice),
            checked: choice === chosen,
            required: field.required,
            'aria-invalid': invalid,
            disabled,
            onchange: update,
          }),
          h('span', null, choiceLabel(choice, language)),
        ),
      ),
      errorText(props),
    );
  }

  const control =
    field.type === 'choice'
      ? h(
          'select',
          { id, name: field.key, required: field.required, 'aria-invalid': invalid, 'aria-describedby': described, disabled, onchange: update },
          h('option', { value: '' }, props.t('choose')),
          (field.choices ?? []).map((choice) => h('option', { value: choiceValue(choice), selected: choice === chosen }, choiceLabel(choice, language))),
        )
      : h('input', {
          id,
          name: field.key,
          type: inputTypes[field.type],
          value: field.type === 'date' ? typedFromDate(value) : value,
          placeholder: field.type === 'date' ? props.t('datePlaceholder') : undefined,
          required: field.required,
          maxlength: field.type === 'date' ? undefined : TEXT_MAX,
          inputmode: field.type === 'phone' ? 'tel' : field.type === 'email' ? 'email' : undefined,
          autocomplete: field.type === 'phone' ? 'tel' : field.type === 'email' ? 'email' : field.key === 'dateOfBirth' ? 'bday' : undefined,
          spellcheck: field.type === 'text' ? undefined : 'false',
          'aria-invalid': invalid,
          'aria-describedby': described,
          disabled,
          oninput: update,
        });
  return h('div', { class: problem ? 'field invalid' : 'field' }, h('label', { for: id }, label, requiredMark(field)), control, errorText(props));
}

/** The event's fields, each with what is typed in `draft` (kept there as it is typed) and its problem. */
export function draftInputs(fields: Field[], draft: Details, problems: Problems, language: Language, t: Translate<FieldMessageKey>): Child {
  return fields.map((field) =>
    fieldInput({ field, value: draft[field.key] ?? '', problem: problems[field.key], language, t, disabled: false, onInput: (key, value) => (draft[key] = value) }),
  );
}
