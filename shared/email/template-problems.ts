import type { LocalizedText } from '../errors.js';
import { placeholders, type EventMailTemplates } from './mail-template-schema.js';

/**
 * What makes an organiser's template unusable, found before it is saved: an invitation or a
 * reminder without the personal link cannot be answered, and a placeholder the sender does not
 * know (`{{ten}}`) would reach every invitee as it is typed. Shared by the API (which refuses
 * such a template, 422) and the console's form (which says which template and field, and why).
 */
export type TemplateProblem = {
  kind: 'invitation' | 'reminder';
  language: 'vi' | 'en';
  field: 'subject' | 'body';
  problem: 'link_missing' | 'unknown_placeholder' | 'unclosed_placeholder';
  /** The unknown placeholder as typed, e.g. `{{ten}}`. */
  placeholder?: string;
};

const known = new Set<string>(placeholders);

function problemsOf(text: string): { problem: TemplateProblem['problem']; placeholder?: string }[] {
  const found: { problem: TemplateProblem['problem']; placeholder?: string }[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(/\{\{([^{}]*)\}\}/g)) {
    const name = match[1]!.trim();
    if (known.has(name) || seen.has(match[0])) continue;
    seen.add(match[0]);
    found.push({ problem: 'unknown_placeholder', placeholder: match[0] });
  }
  // What is left once every complete placeholder is taken out: a `{{` that never closes.
  const rest = text.replace(/\{\{([^{}]*)\}\}/g, '');
  const open = rest.indexOf('{{');
  if (open !== -1) found.push({ problem: 'unclosed_placeholder', placeholder: rest.slice(open, open + 20).split('\n')[0] });
  return found;
}

export const hasLinkPlaceholder = (text: string) => /\{\{\s*link\s*\}\}/.test(text);

export function findTemplateProblems(templates: EventMailTemplates | null | undefined): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const kind of ['invitation', 'reminder'] as const) {
    for (const language of ['vi', 'en'] as const) {
      const template = templates?.[kind]?.[language];
      if (!template) continue;
      for (const field of ['subject', 'body'] as const) {
        for (const found of problemsOf(template[field])) problems.push({ kind, language, field, ...found });
      }
      if (!hasLinkPlaceholder(template.body)) problems.push({ kind, language, field: 'body', problem: 'link_missing' });
    }
  }
  return problems;
}

const kindNames = { invitation: { vi: 'Thư mời', en: 'Invitation' }, reminder: { vi: 'Thư nhắc', en: 'Reminder' } };
const languageNames = { vi: { vi: 'tiếng Việt', en: 'Vietnamese' }, en: { vi: 'tiếng Anh', en: 'English' } };
const fieldNames = { subject: { vi: 'tiêu đề', en: 'subject' }, body: { vi: 'nội dung', en: 'body' } };

/** One problem as a sentence: which template, which field, and why. */
export function describeTemplateProblem(p: TemplateProblem): LocalizedText {
  const where = {
    vi: `${kindNames[p.kind].vi} (${languageNames[p.language].vi}), ${fieldNames[p.field].vi}`,
    en: `${kindNames[p.kind].en} (${languageNames[p.language].en}), ${fieldNames[p.field].en}`,
  };
  if (p.problem === 'link_missing') {
    return {
      vi: `${where.vi}: thiếu {{link}}, đường dẫn riêng để khách mời trả lời.`,
      en: `${where.en}: {{link}} is missing, the personal link to answer with.`,
    };
  }
  if (p.problem === 'unclosed_placeholder') {
    return {
      vi: `${where.vi}: chỗ điền “${p.placeholder}” chưa đóng bằng }}.`,
      en: `${where.en}: the placeholder “${p.placeholder}” is not closed with }}.`,
    };
  }
  const list = placeholders.map((name) => `{{${name}}}`).join(', ');
  return {
    vi: `${where.vi}: không có chỗ điền ${p.placeholder}. Chỉ dùng: ${list}.`,
    en: `${where.en}: there is no placeholder ${p.placeholder}. Use only: ${list}.`,
  };
}
