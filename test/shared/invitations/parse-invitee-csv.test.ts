import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/errors.js';
import { columnForHeader, parseInviteeCsv } from '../../../shared/invitations/parse-invitee-csv.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures', name));
const bytes = (text: string) => new TextEncoder().encode(text);

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
  return undefined;
}

describe('columnForHeader', () => {
  const headings: Record<string, string[]> = {
    name: ['Họ và tên', 'HỌ VÀ TÊN', 'ho va ten', 'Họ tên', 'Tên', 'Name'],
    email: ['Email', 'Thư điện tử', ' Email *'],
    phone: ['Số điện thoại', 'Điện thoại', 'SĐT', 'Số điện thoại (di động)'],
    organisation: ['Đơn vị', 'Cơ quan'],
    position: ['Chức vụ'],
    language: ['Ngôn ngữ'],
    group: ['Nhóm'],
  };
  it.each(Object.entries(headings))('reads the English and Vietnamese headings of the %s column, whatever the accents and case', (column, names) => {
    for (const heading of names) expect(columnForHeader(heading), heading).toBe(column);
  });

  it('leaves a column it does not know unread', () => {
    expect(columnForHeader('STT')).toBeUndefined();
  });
});

describe('parseInviteeCsv', () => {
  it('reads the English fixture: 125 rows numbered as the spreadsheet shows them', () => {
    const csv = parseInviteeCsv(fixture('invitees-ngo-conference.csv'));
    expect(csv.rows).toHaveLength(125);
    expect(csv.rows[0]!.row).toBe(2);
    expect(csv.rows.at(-1)!.row).toBe(126);
    expect(csv.rows.find((r) => r.row === 46)!.input.email).toBe('binh.tv@');
  });

  it('reads the Vietnamese fixture with semicolons and Vietnamese headers', () => {
    const csv = parseInviteeCsv(fixture('danh-sach-khach-moi.csv'));
    expect(csv.rows).toHaveLength(60);
    expect(csv.columns).toMatchObject({ name: 'Họ và tên', email: 'Email', organisation: 'Đơn vị', group: 'Nhóm' });
    expect(csv.rows[0]!.input).toMatchObject({ name: 'Mai Gia Uyên', email: 'uyen.mg0@example.org', organisation: 'PACCOM' });
  });

  it('gives the same rows with a comma or a semicolon, with or without a byte-order mark, CRLF or LF', () => {
    const variants = [
      'name,email,organisation\r\nLê An,an@example.org,"Sở Ngoại vụ, Đắk Lắk"\r\n',
      '\uFEFFname;email;organisation\nLê An;an@example.org;Sở Ngoại vụ, Đắk Lắk\n',
      'Họ và tên;Thư điện tử;Cơ quan\r\nLê An;an@example.org;"Sở Ngoại vụ, Đắk Lắk"',
    ];
    for (const text of variants) {
      expect(parseInviteeCsv(bytes(text)).rows).toEqual([
        { row: 2, input: { name: 'Lê An', email: 'an@example.org', organisation: 'Sở Ngoại vụ, Đắk Lắk' } },
      ]);
    }
  });

  it('counts a multi-line cell as one spreadsheet row', () => {
    const csv = parseInviteeCsv(bytes('name,email,position\n"Lê An","an@example.org","Giám đốc\nkiêm Bí thư"\nTrần Bình,binh@example.org,\n'));
    expect(csv.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(csv.rows[0]!.input.position).toBe('Giám đốc\nkiêm Bí thư');
  });

  it('skips empty rows (Excel writes ";;;;" for them) but keeps counting them', () => {
    const csv = parseInviteeCsv(bytes('name;email\n;\nLê An;an@example.org\n;;\n'));
    expect(csv.rows).toEqual([{ row: 3, input: { name: 'Lê An', email: 'an@example.org' } }]);
  });

  it('joins "Họ và tên đệm" and "Tên" columns into one name', () => {
    const csv = parseInviteeCsv(bytes('STT;Họ và tên đệm;Tên;SĐT\n1;Nguyễn Văn;An;0912 345 678\n'));
    expect(csv.rows[0]!.input).toEqual({ name: 'Nguyễn Văn An', phone: '0912 345 678' });
    expect(csv.ignoredHeaders).toEqual(['STT']);
  });

  it('refuses a file it cannot read, with a reason', () => {
    expect(codeOf(() => parseInviteeCsv(Uint8Array.from([0x4c, 0xea, 0xde, 0x2c, 0x0a])))).toBe('csv_not_utf8');
    expect(codeOf(() => parseInviteeCsv(bytes('')))).toBe('csv_empty');
    expect(codeOf(() => parseInviteeCsv(bytes('name,email\n')))).toBe('csv_empty');
    expect(codeOf(() => parseInviteeCsv(bytes('email,phone\na@example.org,\n')))).toBe('csv_no_name_column');
    expect(codeOf(() => parseInviteeCsv(bytes('name,group\nLê An,A\n')))).toBe('csv_no_contact_column');
    expect(codeOf(() => parseInviteeCsv(bytes('name,email\n"Lê An,an@example.org\n')))).toBe('csv_unclosed_quote');
  });
});
