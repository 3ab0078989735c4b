import { describe, expect, it } from 'vitest';
import { describeTemplateProblem, findTemplateProblems } from '../../../shared/email/template-problems.js';
import { parseSalutation, salutationWord } from '../../../shared/invitations/salutations.js';
import { eventFileName, slugOf } from '../../../shared/text/file-name.js';

describe('template problems', () => {
  it('names an unknown placeholder, a missing link and an unclosed brace, per template and field', () => {
    const problems = findTemplateProblems({
      invitation: { vi: { subject: 'Mời {{ten}} và {{ ten }}', body: 'Kính gửi {{name}}' } },
      reminder: { en: { subject: 'Reminder {{event', body: 'Answer: {{ link }} {{door}}' } },
    });
    expect(problems).toEqual([
      { kind: 'invitation', language: 'vi', field: 'subject', problem: 'unknown_placeholder', placeholder: '{{ten}}' },
      { kind: 'invitation', language: 'vi', field: 'subject', problem: 'unknown_placeholder', placeholder: '{{ ten }}' },
      { kind: 'invitation', language: 'vi', field: 'body', problem: 'link_missing' },
      { kind: 'reminder', language: 'en', field: 'subject', problem: 'unclosed_placeholder', placeholder: '{{event' },
      // {{door}} is the sender's own marker, not an organiser's placeholder.
      { kind: 'reminder', language: 'en', field: 'body', problem: 'unknown_placeholder', placeholder: '{{door}}' },
    ]);
    expect(describeTemplateProblem(problems[2]!)).toEqual({
      vi: 'Thư mời (tiếng Việt), nội dung: thiếu {{link}}, đường dẫn riêng để khách mời trả lời.',
      en: 'Invitation (Vietnamese), body: {{link}} is missing, the personal link to answer with.',
    });
    expect(findTemplateProblems({ invitation: { en: { subject: '{{event}}', body: 'Dear {{salutation}} {{name}}: {{link}}' } } })).toEqual([]);
  });
});

describe('salutations', () => {
  it('reads what staff type, and says it in the reader’s language or by the event’s form of address', () => {
    expect(['Ông', 'ÔNG', 'Bà', 'Anh', 'chị', 'Đồng chí', 'Đ/c', 'Mr.', 'Mrs', 'TS', 'Dr', 'H.E.', 'Ngài', 'dong_chi'].map(parseSalutation)).toEqual([
      'ong', 'ong', 'ba', 'anh', 'chi', 'dong_chi', 'dong_chi', 'mr', 'ms', 'dr', 'dr', 'he', 'he', 'dong_chi',
    ]);
    expect(parseSalutation('Giáo sư')).toBeUndefined();
    expect([salutationWord('he', 'vi'), salutationWord('he', 'en'), salutationWord('dong_chi', 'en')]).toEqual(['Ngài', 'H.E.', '']);
    expect([salutationWord(undefined, 'vi'), salutationWord(undefined, 'vi', 'informal'), salutationWord(undefined, 'en', 'informal')]).toEqual(['Ông/Bà', 'bạn', '']);
  });
});

describe('file names people can use', () => {
  it('are a diacritics-free slug of what, title and local day; never an id', () => {
    expect(eventFileName('khach moi', { title: { vi: 'Diễn đàn Thanh niên' }, startsAt: '2027-01-14T17:30:00Z' }, 'vi', 'xlsx')).toBe('khach-moi-dien-dan-thanh-nien-2027-01-15.xlsx');
    expect(eventFileName('invitees', { title: { vi: 'Đoàn công tác', en: 'Visit to Mondulkiri' }, startsAt: '2027-03-10T01:00:00Z' }, 'en', 'csv')).toBe('invitees-visit-to-mondulkiri-2027-03-10.csv');
    expect(slugOf("H'Linh Niê — Søren & Co.: \"a/b\"")).toBe('h-linh-nie-soren-co-a-b');
    expect(slugOf('Hội nghị '.repeat(20)).length).toBeLessThanOrEqual(60);
  });
});
