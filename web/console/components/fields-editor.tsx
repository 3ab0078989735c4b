import { fieldTypes, type Field } from '../../../shared/events/event-schema.js';
import { choiceValue, codeFromLabel, type Choice, type CodedChoice } from '../../../shared/events/field-choices.js';
import { foldAccents } from '../../../shared/text/vietnamese.js';
import { defineMessages } from '../../lib/i18n.js';
import { useApp, useText } from '../context.js';
import { CheckboxField, SelectField, TextArea, TextField } from './form.js';

/** One row of the editor; `uid` keeps an input's identity while rows move. */
export type FieldRow = {
  uid: string;
  key: string;
  /** Until the organiser types a key, it follows the label. */
  keyEdited: boolean;
  labelVi: string;
  labelEn: string;
  type: Field['type'];
  required: boolean;
  /** One choice a line, "Vietnamese / English". */
  choices: string;
  /** The choices as loaded: a line that still reads the same keeps its code. */
  loadedChoices: Choice[];
};

let counter = 0;
const newUid = () => `row${(counter += 1)}`;

export function rowFromField(field: Field): FieldRow {
  return {
    uid: newUid(),
    key: field.key,
    keyEdited: true,
    labelVi: field.label.vi,
    labelEn: field.label.en ?? '',
    type: field.type,
    required: field.required ?? false,
    choices: (field.choices ?? []).map(choiceLine).join('\n'),
    loadedChoices: field.choices ?? [],
  };
}

/** A choice as the editor shows it: "Nam / Male". */
function choiceLine(choice: Choice): string {
  if (typeof choice === 'string') return choice;
  return choice.label.en ? `${choice.label.vi} / ${choice.label.en}` : choice.label.vi;
}

/**
 * A line as a coded choice: one already there keeps its code (answers stored it), a new one gets
 * a code made from its Vietnamese label, unique in the field.
 */
function choicesFromLines(lines: string[], loaded: Choice[]): CodedChoice[] {
  const taken = new Set<string>();
  return lines.map((line) => {
    const known = loaded.find((choice) => choiceLine(choice) === line);
    const at = line.lastIndexOf(' / ');
    const label = at > 0 ? { vi: line.slice(0, at).trim(), en: line.slice(at + 3).trim() } : { vi: line };
    let value = known ? choiceValue(known) : codeFromLabel(label.vi);
    for (let n = 2; taken.has(value); n += 1) value = `${codeFromLabel(label.vi).slice(0, 36)}_${n}`;
    taken.add(value);
    return { value, label: label.en ? label : { vi: label.vi } };
  });
}

/** The field as the API takes it; blanks stay blank so the schema can say what is missing. */
export function fieldFromRow(row: FieldRow): Record<string, unknown> {
  const choices = row.choices
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return {
    key: row.key.trim(),
    label: { vi: row.labelVi, ...(row.labelEn.trim() ? { en: row.labelEn } : {}) },
    type: row.type,
    ...(row.required ? { required: true } : {}),
    ...(row.type === 'choice' ? { choices: choicesFromLines(choices, row.loadedChoices) } : {}),
  };
}

/** "Số hộ chiếu" → "soHoChieu": a key that satisfies the schema, made from the label. */
export function keyFromLabel(label: string): string {
  const words = foldAccents(label)
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(' ')
    .filter(Boolean);
  const key = words.map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join('');
  const safe = /^[a-z]/.test(key) ? key : key ? `f${key}` : '';
  return safe.slice(0, 40);
}

const messages = defineMessages({
  vi: {
    row: 'Trường {n}',
    labelVi: 'Nhãn tiếng Việt',
    labelEn: 'Nhãn tiếng Anh',
    type: 'Kiểu',
    required: 'Bắt buộc trả lời',
    choices: 'Các phương án',
    choicesHint: 'Mỗi dòng một phương án, tiếng Việt rồi tiếng Anh cách nhau bởi “ / ”, ví dụ “Nam / Male”. Người trả lời chỉ thấy phần theo ngôn ngữ của mình.',
    up: 'Lên',
    down: 'Xuống',
    remove: 'Xóa',
    upLabel: 'Chuyển trường “{label}” lên',
    downLabel: 'Chuyển trường “{label}” xuống',
    removeLabel: 'Xóa trường “{label}”',
    add: 'Thêm trường',
    added: 'Đã thêm trường {n}.',
    removed: 'Đã xóa trường “{label}”.',
    moved: 'Đã chuyển trường “{label}” đến vị trí {n}.',
    empty: 'Chưa có trường nào: người tham dự chỉ cần xác nhận tham gia.',
    untitled: 'chưa đặt tên',
  },
  en: {
    row: 'Field {n}',
    labelVi: 'Vietnamese label',
    labelEn: 'English label',
    type: 'Type',
    required: 'Answer required',
    choices: 'Choices',
    choicesHint: 'One choice a line, Vietnamese then English separated by “ / ”, e.g. “Nam / Male”. Each person answering sees only the part in their language.',
    up: 'Up',
    down: 'Down',
    remove: 'Remove',
    upLabel: 'Move the field “{label}” up',
    downLabel: 'Move the field “{label}” down',
    removeLabel: 'Remove the field “{label}”',
    add: 'Add a field',
    added: 'Field {n} added.',
    removed: 'The field “{label}” was removed.',
    moved: 'The field “{label}” is now at position {n}.',
    empty: 'No fields: participants only confirm that they come.',
    untitled: 'untitled',
  },
});

/**
 * The details an event asks of each participant: add, remove, reorder (with buttons, which work
 * from a keyboard and a screen reader, unlike drag and drop), and edit every property.
 */
export function FieldsEditor(props: { rows: FieldRow[]; onRows: (rows: FieldRow[]) => void }) {
  const t = useText(messages);
  const { announce, language } = useApp();
  const rows = props.rows;
  const labelOf = (row: FieldRow) => (language === 'en' && row.labelEn.trim()) || row.labelVi.trim() || t('untitled');

  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  const update = (index: number, changes: Partial<FieldRow>) => {
    const next = rows.slice();
    const row = { ...next[index]!, ...changes };
    if (!row.keyEdited && (changes.labelVi !== undefined || changes.labelEn !== undefined)) {
      // The key is internal (organisers see labels): made from the label, unique in the event.
      const base = keyFromLabel(row.labelEn.trim() || row.labelVi) || 'field';
      const others = new Set(rows.filter((_, i) => i !== index).map((r) => r.key));
      row.key = base;
      for (let n = 2; others.has(row.key); n += 1) row.key = `${base.slice(0, 36)}${n}`;
    }
    next[index] = row;
    props.onRows(next);
  };
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= rows.length) return;
    const next = rows.slice();
    const [row] = next.splice(index, 1);
    next.splice(target, 0, row!);
    props.onRows(next);
    announce(t('moved', { label: labelOf(row!), n: target + 1 }));
    // Keep the focus on the same button of the moved field, or on the other one at an end.
    const edge = (by === -1 && target === 0) || (by === 1 && target === rows.length - 1);
    focusLater(`${row!.uid}-${edge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down'}`);
  };
  const remove = (index: number) => {
    const row = rows[index]!;
    const next = rows.filter((_, i) => i !== index);
    props.onRows(next);
    announce(t('removed', { label: labelOf(row) }));
    const neighbour = next[index] ?? next[index - 1];
    focusLater(neighbour ? `${neighbour.uid}-remove` : 'add-field');
  };
  const add = () => {
    const row: FieldRow = {
      uid: newUid(),
      key: '',
      keyEdited: false,
      labelVi: '',
      labelEn: '',
      type: 'text',
      required: false,
      choices: '',
      loadedChoices: [],
    };
    props.onRows([...rows, row]);
    announce(t('added', { n: rows.length + 1 }));
    focusLater(`f-fields-${rows.length}-label-vi`);
  };

  return (
    <div class="fields-editor">
      {rows.length === 0 && <p class="muted">{t('empty')}</p>}
      <ol class="field-rows">
        {rows.map((row, index) => (
          <li key={row.uid} class="field-row">
            <fieldset>
              <legend>
                {t('row', { n: index + 1 })}: <span class="field-row-name">{labelOf(row)}</span>
              </legend>
              <div class="grid-2">
                <TextField
                  name={`fields.${index}.label.vi`}
                  label={t('labelVi')}
                  required
                  value={row.labelVi}
                  onValue={(value) => update(index, { labelVi: value })}
                  input={{ lang: 'vi' }}
                />
                <TextField
                  name={`fields.${index}.label.en`}
                  label={t('labelEn')}
                  value={row.labelEn}
                  onValue={(value) => update(index, { labelEn: value })}
                  input={{ lang: 'en' }}
                />
                <SelectField
                  name={`fields.${index}.type`}
                  label={t('type')}
                  value={row.type}
                  onValue={(value) => update(index, { type: value as FieldRow['type'] })}
                  options={fieldTypes.map((type) => ({ value: type, label: t(`fieldType.${type}`) }))}
                />
              </div>
              {row.type === 'choice' && (
                <TextArea
                  name={`fields.${index}.choices`}
                  label={t('choices')}
                  hint={t('choicesHint')}
                  required
                  rows={3}
                  value={row.choices}
                  onValue={(value) => update(index, { choices: value })}
                />
              )}
              <CheckboxField
                name={`fields.${index}.required`}
                label={t('required')}
                checked={row.required}
                onValue={(value) => update(index, { required: value })}
              />
              <div class="row-actions">
                <button
                  type="button"
                  class="button small"
                  id={`${row.uid}-up`}
                  aria-label={t('upLabel', { label: labelOf(row) })}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  ↑ {t('up')}
                </button>
                <button
                  type="button"
                  class="button small"
                  id={`${row.uid}-down`}
                  aria-label={t('downLabel', { label: labelOf(row) })}
                  disabled={index === rows.length - 1}
                  onClick={() => move(index, 1)}
                >
                  ↓ {t('down')}
                </button>
                <button
                  type="button"
                  class="button small danger-outline"
                  id={`${row.uid}-remove`}
                  aria-label={t('removeLabel', { label: labelOf(row) })}
                  onClick={() => remove(index)}
                >
                  {t('remove')}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" class="button" id="add-field" onClick={add}>
        + {t('add')}
      </button>
    </div>
  );
}
