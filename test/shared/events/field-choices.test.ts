import { describe, expect, test } from 'vitest';
import { defaultFieldsFor } from '../../../shared/events/default-fields.js';
import type { Field } from '../../../shared/events/event-schema.js';
import { answerText, choiceLabel, codeFromLabel, findChoice } from '../../../shared/events/field-choices.js';
import { validateDetails } from '../../../shared/registrations/registration-schema.js';

/** Choices are stable codes shown in one language; answers stored the old way still read. */
const gender = defaultFieldsFor('delegation').find((field) => field.key === 'gender')!;
const olderGender: Field = { key: 'gender', label: { vi: 'Giới tính', en: 'Gender' }, type: 'choice', choices: ['Nam / Male', 'Nữ / Female'] };

describe('choices of a choice field', () => {
  test('show in the reader’s language, never both', () => {
    expect(gender.choices!.map((choice) => choiceLabel(choice, 'vi'))).toEqual(['Nam', 'Nữ']);
    expect(gender.choices!.map((choice) => choiceLabel(choice, 'en'))).toEqual(['Male', 'Female']);
    // An older event's bilingual strings are split the same way.
    expect(olderGender.choices!.map((choice) => choiceLabel(choice, 'vi'))).toEqual(['Nam', 'Nữ']);
    expect(olderGender.choices!.map((choice) => choiceLabel(choice, 'en'))).toEqual(['Male', 'Female']);
    const interpretation = defaultFieldsFor('ngo_conference').find((field) => field.key === 'interpretation')!;
    expect(interpretation.choices!.map((choice) => choiceLabel(choice, 'vi'))).toEqual(['Việt – Anh', 'Không']);
  });

  test('are stored as their code, whether the answer gives the code or the older text', () => {
    expect(validateDetails([gender], { gender: 'female' }, { requireAll: true })).toEqual({ gender: 'female' });
    expect(validateDetails([gender], { gender: 'Nam / Male' }, { requireAll: true })).toEqual({ gender: 'male' });
    expect(validateDetails([gender], { gender: 'nữ' }, { requireAll: true })).toEqual({ gender: 'female' });
    expect(() => validateDetails([gender], { gender: 'other' }, { requireAll: true })).toThrow();
    // An older event keeps its strings as codes: nothing stored before changes meaning.
    expect(validateDetails([olderGender], { gender: 'Nữ / Female' }, { requireAll: true })).toEqual({ gender: 'Nữ / Female' });
  });

  test('answers stored the old way read correctly once the field has codes', () => {
    expect(answerText(gender, 'Nam / Male', 'vi')).toBe('Nam');
    expect(answerText(gender, 'Nam / Male', 'en')).toBe('Male');
    expect(answerText(gender, 'female', 'vi')).toBe('Nữ');
    expect(findChoice(gender.choices, 'unknown')).toBeUndefined();
    expect(answerText(gender, 'unknown', 'vi')).toBe('unknown');
  });

  test('a new choice gets a code made from its Vietnamese label', () => {
    expect(codeFromLabel('Đoàn Thanh niên')).toBe('doan_thanh_nien');
    expect(codeFromLabel('2 người')).toBe('c_2_nguoi');
  });
});
