import type { z } from 'zod';
import type { Language, LocalizedText } from '../errors.js';
import { NAME_MAX, TEXT_MAX } from './invitation-schema.js';

/**
 * What can be wrong with an invitee, in both interface languages. The schema reports problem
 * codes; the import answers each bad row with one of these sentences, in the user's language.
 */

const fieldNames: Record<string, LocalizedText> = {
  name: { vi: 'Họ và tên', en: 'Name' },
  email: { vi: 'Email', en: 'Email' },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  organisation: { vi: 'Đơn vị', en: 'Organisation' },
  position: { vi: 'Chức vụ', en: 'Position' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  group: { vi: 'Nhóm', en: 'Group' },
  salutation: { vi: 'Danh xưng', en: 'Salutation' },
};

const quote = (value: unknown) => {
  const text = typeof value === 'string' ? value.trim() : JSON.stringify(value);
  return text && text.length > 60 ? `${text.slice(0, 57)}...` : (text ?? '');
};

type Problem = (field: string, value: unknown) => LocalizedText;

const problems: Record<string, Problem> = {
  name_required: () => ({ vi: 'Thiếu họ và tên.', en: 'The name is missing.' }),
  name_too_long: () => ({ vi: `Họ và tên dài quá ${NAME_MAX} ký tự.`, en: `The name is longer than ${NAME_MAX} characters.` }),
  email_invalid: (_f, v) => ({
    vi: `Email không hợp lệ: "${quote(v)}".`,
    en: `Not a valid email address: "${quote(v)}".`,
  }),
  phone_invalid: (_f, v) => ({
    vi: `Số điện thoại không hợp lệ: "${quote(v)}".`,
    en: `Not a valid phone number: "${quote(v)}".`,
  }),
  contact_missing: () => ({
    vi: 'Cần có email hoặc số điện thoại.',
    en: 'An email address or a phone number is needed.',
  }),
  language_invalid: (_f, v) => ({
    vi: `Ngôn ngữ phải là "vi" hoặc "en", không phải "${quote(v)}".`,
    en: `The language must be "vi" or "en", not "${quote(v)}".`,
  }),
  salutation_invalid: (_f, v) => ({
    vi: `Danh xưng không rõ: "${quote(v)}". Dùng Ông, Bà, Anh, Chị, Đồng chí, Mr, Ms, Dr hoặc H.E.`,
    en: `Unknown salutation: "${quote(v)}". Use Ông, Bà, Anh, Chị, Đồng chí, Mr, Ms, Dr or H.E.`,
  }),
  text_too_long: (f) => ({
    vi: `${fieldNames[f]?.vi ?? f} dài quá ${TEXT_MAX} ký tự.`,
    en: `${fieldNames[f]?.en ?? f} is longer than ${TEXT_MAX} characters.`,
  }),
  text_invalid: (f) => ({ vi: `${fieldNames[f]?.vi ?? f} phải là chữ.`, en: `${fieldNames[f]?.en ?? f} must be text.` }),
  invitee_invalid: () => ({ vi: 'Dòng này không phải là một khách mời.', en: 'This entry is not an invitee.' }),
  nothing_to_change: () => ({ vi: 'Không có gì để thay đổi.', en: 'Nothing to change.' }),
};

export type InviteeProblem = { field?: string; message: string };

/** Zod issues of one invitee as sentences; `raw` is the row as given, to quote its values. */
export function describeInviteeIssues(issues: z.core.$ZodIssue[], raw: unknown, language: Language): InviteeProblem[] {
  const described: InviteeProblem[] = [];
  for (const issue of issues) {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        described.push({
          field: key,
          message: { vi: `Trường không được hỗ trợ: "${key}".`, en: `Unknown field: "${key}".` }[language],
        });
      }
      continue;
    }
    const value = field && raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[field] : undefined;
    const problem = problems[issue.message];
    const text = problem
      ? problem(field ?? '', value)
      : { vi: `Giá trị không hợp lệ: "${quote(value)}".`, en: `Not a valid value: "${quote(value)}".` };
    described.push({ ...(field ? { field } : {}), message: text[language] });
  }
  return described;
}
