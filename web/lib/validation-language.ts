import { config, type $ZodErrorMap } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';
import vi from 'zod/v4/locales/vi.js';
import type { Language } from './i18n.js';

/**
 * zod's messages in the user's language. The common cases of a form get plain sentences of our
 * own ("Please fill this in" beats "expected string to have >=1 characters"); everything else
 * falls through to zod's Vietnamese or English locale.
 */
const plain = {
  vi: {
    required: 'Vui lòng nhập thông tin này.',
    minLength: 'Cần ít nhất {n} ký tự.',
    maxLength: 'Tối đa {n} ký tự.',
    email: 'Địa chỉ email không hợp lệ.',
    url: 'Đường dẫn không hợp lệ (phải bắt đầu bằng https://).',
    minNumber: 'Phải là số nguyên từ {n} trở lên.',
    maxNumber: 'Không được lớn hơn {n}.',
    integer: 'Phải là số nguyên.',
    tooManyItems: 'Tối đa {n} mục.',
  },
  en: {
    required: 'Please fill this in.',
    minLength: 'At least {n} characters.',
    maxLength: 'At most {n} characters.',
    email: 'This is not a valid email address.',
    url: 'This is not a valid link (it must start with https://).',
    minNumber: 'Must be a whole number of at least {n}.',
    maxNumber: 'Must be at most {n}.',
    integer: 'Must be a whole number.',
    tooManyItems: 'At most {n} items.',
  },
} as const;

function plainMessages(language: Language): $ZodErrorMap {
  const text = plain[language];
  return (issue) => {
    const n = (value: unknown) => String(value);
    switch (issue.code) {
      case 'invalid_type':
        if (issue.input === undefined || issue.input === null || issue.input === '') return text.required;
        if (issue.expected === 'int' || issue.expected === 'number') return text.integer;
        return undefined;
      case 'too_small':
        if (issue.origin === 'string') {
          return Number(issue.minimum) <= 1 ? text.required : text.minLength.replace('{n}', n(issue.minimum));
        }
        if (issue.origin === 'number' || issue.origin === 'int') return text.minNumber.replace('{n}', n(issue.minimum));
        return undefined;
      case 'too_big':
        if (issue.origin === 'string') return text.maxLength.replace('{n}', n(issue.maximum));
        if (issue.origin === 'number' || issue.origin === 'int') return text.maxNumber.replace('{n}', n(issue.maximum));
        if (issue.origin === 'array') return text.tooManyItems.replace('{n}', n(issue.maximum));
        return undefined;
      case 'invalid_value':
        if (issue.input === undefined || issue.input === '') return text.required;
        return undefined;
      case 'invalid_format':
        if (issue.input === '') return text.required;
        if (issue.format === 'email') return text.email;
        if (issue.format === 'url') return text.url;
        return undefined;
      default:
        return undefined;
    }
  };
}

/** Sets the language of every zod message from now on (zod keeps one global configuration). */
export function setValidationLanguage(language: Language): void {
  config({ ...(language === 'vi' ? vi() : en()), customError: plainMessages(language) });
}
