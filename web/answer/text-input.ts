import { h, type Attrs } from './dom.js';

/**
 * A one-line input with its label, hint and problem, as the contact inputs of the open
 * registration page (../register/main.ts) and of a delegation's member form (delegation.ts) are
 * drawn: the hint and the problem (their texts; undefined when there is none) are `<id>-hint`
 * and `<id>-error`, and describe the input; `attrs` are the input's own (name, type, value…).
 */
export function textInput(id: string, label: string, required: boolean | undefined, hint: string | undefined, problem: string | undefined, attrs: Attrs) {
  const invalid = problem !== undefined;
  const described = [invalid ? `${id}-error` : '', hint !== undefined ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return h(
    'div',
    { class: invalid ? 'field invalid' : 'field' },
    h('label', { for: id }, label, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
    h('input', { id, required, ...attrs, 'aria-invalid': invalid ? 'true' : undefined, 'aria-describedby': described }),
    hint !== undefined ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    invalid ? h('p', { class: 'field-error', id: `${id}-error` }, problem) : null,
  );
}
