import { describe, expect, it } from 'vitest';
import type { Field } from '../../../shared/events/event-schema.js';
import { DetailsInvalidError } from '../../../shared/registrations/registration-errors.js';
import { validateDetails } from '../../../shared/registrations/registration-schema.js';

const fields: Field[] = [
  { key: 'name2', label: { vi: 'Tên khác' }, type: 'text' },
  { key: 'birth', label: { vi: 'Ngày sinh' }, type: 'date', required: true },
  { key: 'meal', label: { vi: 'Bữa ăn' }, type: 'choice', choices: ['Chay', 'Mặn'] },
  { key: 'phone', label: { vi: 'Điện thoại' }, type: 'phone' },
  { key: 'mail', label: { vi: 'Email' }, type: 'email' },
];

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DetailsInvalidError);
    return ((error as DetailsInvalidError).details as { issues: unknown[] }).issues;
  }
  throw new Error('expected DetailsInvalidError');
}

describe('validateDetails', () => {
  it('normalises what fits: NFC text, E.164 phone, lower-case email; blanks are left out', () => {
    const decomposed = 'Nguyễn'.normalize('NFD');
    expect(
      validateDetails(fields, { name2: ` ${decomposed} `, birth: '2000-02-29', meal: 'Chay', phone: '0912.345.678', mail: 'An@Example.ORG', },
        { requireAll: true }),
    ).toEqual({ name2: 'Nguyễn', birth: '2000-02-29', meal: 'Chay', phone: '+84912345678', mail: 'an@example.org' });
    expect(validateDetails(fields, { birth: '1999-12-31', meal: '  ' }, { requireAll: true })).toEqual({ birth: '1999-12-31' });
  });

  it('reports every problem at once', () => {
    expect(issuesOf(() => validateDetails(fields, { birth: '2001-02-29', meal: 'Cá', phone: '12', mail: 'x@', extra: 'y' }, { requireAll: true }))).toEqual([
      { field: 'extra', problem: 'unknown_field' },
      { field: 'birth', problem: 'invalid_date' },
      { field: 'meal', problem: 'invalid_choice' },
      { field: 'phone', problem: 'invalid_phone' },
      { field: 'mail', problem: 'invalid_email' },
    ]);
    expect(issuesOf(() => validateDetails(fields, {}, { requireAll: true }))).toEqual([{ field: 'birth', problem: 'required' }]);
    expect(issuesOf(() => validateDetails(fields, { birth: '10/03/2000' }, { requireAll: false }))).toEqual([{ field: 'birth', problem: 'invalid_date' }]);
  });

  it('without requireAll a missing required field is allowed (an organiser answering by phone)', () => {
    expect(validateDetails(fields, { meal: 'Mặn' }, { requireAll: false })).toEqual({ meal: 'Mặn' });
  });
});
