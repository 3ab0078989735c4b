import { describe, expect, it } from 'vitest';
import { inviteeSchema, normalizePhone, updateInvitationSchema } from '../../../shared/invitations/invitation-schema.js';
import { describeInviteeIssues } from '../../../shared/invitations/invitee-problems.js';
import { nameSortKey } from '../../../shared/invitations/name-sort-key.js';

function problems(input: unknown, language: 'vi' | 'en' = 'en') {
  const parsed = inviteeSchema.safeParse(input);
  return parsed.success ? [] : describeInviteeIssues(parsed.error.issues, input, language);
}

describe('normalizePhone', () => {
  it('writes Vietnamese numbers in E.164 however they were typed', () => {
    for (const typed of ['0912 345 678', '0912.345.678', '+84 912 345 678', '0084912345678', '84912345678', '912345678']) {
      expect(normalizePhone(typed)).toBe('+84912345678');
    }
    expect(normalizePhone('(024) 3825 1234')).toBe('+842438251234');
    expect(normalizePhone('+855 12 345 678')).toBe('+85512345678');
  });

  it('refuses what is not a phone number', () => {
    for (const typed of ['abc', '12', '+84 12', '0912-ABC', '']) expect(normalizePhone(typed)).toBeUndefined();
  });
});

describe('inviteeSchema', () => {
  it('stores names in NFC and addresses trimmed in lower case', () => {
    const decomposed = 'Nguyễn Thị Ánh Tuyết'.normalize('NFD');
    const parsed = inviteeSchema.parse({ name: `  ${decomposed} `, email: '  Tuyet.NTA@Example.org ', language: 'EN' });
    expect(parsed.name).toBe('Nguyễn Thị Ánh Tuyết'.normalize('NFC'));
    expect(parsed.name).not.toBe(decomposed);
    expect(parsed.email).toBe('tuyet.nta@example.org');
    expect(parsed.language).toBe('en');
  });

  it('allows an invitee with only a phone number', () => {
    expect(inviteeSchema.parse({ name: 'Y Khoa Niê', phone: '0912 345 678' })).toEqual({ name: 'Y Khoa Niê', phone: '+84912345678' });
  });

  it('treats empty cells as absent', () => {
    expect(inviteeSchema.parse({ name: 'Lê An', email: 'an@example.org', organisation: ' ', group: '' })).toEqual({
      name: 'Lê An',
      email: 'an@example.org',
    });
  });

  it('names each problem and its field, in the language asked for', () => {
    expect(problems({ name: 'Trần Văn Bình', email: 'binh.tv@' })).toEqual([
      { field: 'email', message: 'Not a valid email address: "binh.tv@".' },
    ]);
    expect(problems({ email: 'noname@example.org' }, 'vi')).toEqual([{ field: 'name', message: 'Thiếu họ và tên.' }]);
    expect(problems({ name: 'Lê An', email: 'an@example.org', language: 'xx' })).toEqual([
      { field: 'language', message: 'The language must be "vi" or "en", not "xx".' },
    ]);
    expect(problems({ name: 'Lê An' })).toEqual([{ field: 'email', message: 'An email address or a phone number is needed.' }]);
    expect(problems({ name: 'Lê An', phone: 'không có' }, 'vi')).toEqual([{ field: 'phone', message: 'Số điện thoại không hợp lệ: "không có".' }]);
    expect(problems({ name: 'Lê An', email: 'an@example.org', mail: 'x' })).toEqual([{ field: 'mail', message: 'Unknown field: "mail".' }]);
  });

  it('lets a correction remove an optional value with null', () => {
    expect(updateInvitationSchema.parse({ phone: null, name: ' Lê  An ' })).toEqual({ phone: null, name: 'Lê An' });
    expect(updateInvitationSchema.safeParse({}).success).toBe(false);
  });
});

describe('nameSortKey', () => {
  it('orders as a Vietnamese list: given name first, Vietnamese alphabet, tones last', () => {
    const names = ['Lê Đạt', 'Trần Ánh', 'Lê Ân', 'Nguyễn Văn An', 'Lê Ăn', 'Đỗ Dũng', 'Phạm An Bình', 'Lê Anh', 'Lê An', "H'Linh Niê", 'Hồ Àn'];
    expect(nameSortKey('Lê An') < nameSortKey('Lê Àn')).toBe(true);
    const sorted = [...names].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : 1));
    // As collators do, tones decide only between names equal without them: "Àn Hồ" < "An Lê".
    expect(sorted).toEqual(['Hồ Àn', 'Lê An', 'Nguyễn Văn An', 'Lê Anh', 'Trần Ánh', 'Lê Ăn', 'Lê Ân', 'Phạm An Bình', 'Đỗ Dũng', 'Lê Đạt', "H'Linh Niê"]);
  });

  it('is the same for NFC and NFD input', () => {
    expect(nameSortKey('Nguyễn Thị Ánh Tuyết'.normalize('NFD'))).toBe(nameSortKey('Nguyễn Thị Ánh Tuyết'));
  });
});
