/**
 * The choices of a choice field. A choice is a stable code with a label in each language
 * (`{ value: 'male', label: { vi: 'Nam', en: 'Male' } }`): the answer stores the code, each reader
 * sees the label in their language. Events made before codes existed hold bare strings written
 * in both languages ("Nam / Male"); their code is the string itself, and a reader sees the half in
 * their language. Answers stored as such a string still read correctly once the field has codes.
 * No zod here: the participant page imports this file.
 */
export type CodedChoice = { value: string; label: { vi: string; en?: string } };
export type Choice = string | CodedChoice;
type Language = 'vi' | 'en';

/** What the answer stores for this choice. */
export const choiceValue = (choice: Choice): string => (typeof choice === 'string' ? choice : choice.value);

/** A bare "Nam / Male" split in its two languages; a string without " / " is the same in both. */
function legacyLabels(text: string): { vi: string; en?: string } {
  const at = text.lastIndexOf(' / ');
  return at > 0 ? { vi: text.slice(0, at).trim(), en: text.slice(at + 3).trim() } : { vi: text };
}

const labelsOf = (choice: Choice) => (typeof choice === 'string' ? legacyLabels(choice) : choice.label);

/** The choice as a reader of `language` sees it: "Nam" or "Male", never both. */
export function choiceLabel(choice: Choice, language: Language): string {
  const labels = labelsOf(choice);
  return (language === 'en' ? labels.en?.trim() : undefined) || labels.vi;
}

/**
 * The choice a stored or typed value names: its code, or the text of an older answer or import
 * ("Nam / Male", "Nam", "Male", whatever the case).
 */
export function findChoice(choices: readonly Choice[] | undefined, value: string): Choice | undefined {
  if (!choices) return undefined;
  const exact = choices.find((choice) => choiceValue(choice) === value);
  if (exact) return exact;
  const wanted = value.normalize('NFC').trim().toLocaleLowerCase('vi');
  return choices.find((choice) => {
    const labels = labelsOf(choice);
    const texts = [labels.vi, labels.en, labels.en ? `${labels.vi} / ${labels.en}` : undefined];
    return texts.some((text) => text !== undefined && text.normalize('NFC').trim().toLocaleLowerCase('vi') === wanted);
  });
}

/** An answer to a field as a reader sees it: the choice's label, or the value as stored. */
export function answerText(field: { type: string; choices?: readonly Choice[] }, value: string, language: Language): string {
  if (field.type !== 'choice') return value;
  const choice = findChoice(field.choices, value);
  return choice ? choiceLabel(choice, language) : value;
}

/** "Đoàn Thanh niên" → "doan-thanh-nien": a code made from a label, without accents. */
export function codeFromLabel(label: string): string {
  const code = label
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return /^[a-z]/.test(code) ? code : `c_${code}`.slice(0, 40);
}
