import { foldAccents } from '../text/vietnamese.js';
import { CsvEncodingError, CsvUnreadableError } from './invitation-errors.js';
import { MAX_INVITEES_PER_IMPORT } from './invitation-schema.js';
import { CsvDecodeError, CsvSyntaxError, decodeCsvBytes, parseCsv } from './read-csv.js';

export type InviteeColumn = 'name' | 'email' | 'phone' | 'organisation' | 'position' | 'language' | 'group' | 'salutation';
type HeaderColumn = InviteeColumn | 'familyName';

/**
 * Header names as staff write them, folded (no accents, lower case): "Họ và tên", "HỌ TÊN",
 * "ho va ten" and "Full name" all land on `name`.
 */
const headerNames: Record<HeaderColumn, string[]> = {
  name: ['name', 'full name', 'fullname', 'ho va ten', 'ho ten', 'ten', 'ho va ten khach moi', 'ten khach moi'],
  email: ['email', 'e-mail', 'e mail', 'mail', 'email address', 'thu dien tu', 'dia chi email', 'dia chi thu dien tu'],
  phone: ['phone', 'phone number', 'mobile', 'telephone', 'tel', 'so dien thoai', 'dien thoai', 'sdt', 'so dt', 'di dong'],
  organisation: ['organisation', 'organization', 'org', 'don vi', 'co quan', 'to chuc', 'don vi cong tac', 'co quan cong tac'],
  position: ['position', 'job title', 'role', 'chuc vu', 'chuc danh'],
  language: ['language', 'lang', 'ngon ngu'],
  group: ['group', 'nhom', 'doan'],
  salutation: ['danh xung', 'xung ho', 'salutation', 'title', 'form of address'],
  // Lists that split "Họ và tên đệm" | "Tên": the name is the two joined, in that order.
  familyName: ['ho', 'ho dem', 'ho va ten dem', 'ho va dem', 'ho va chu dem'],
};

const columnByHeader = new Map<string, HeaderColumn>(
  Object.entries(headerNames).flatMap(([column, names]) => names.map((n) => [n, column as HeaderColumn] as const)),
);

/** "Họ và tên *", " EMAIL:" and "Số điện thoại (SĐT)" → the column they name, if any. */
export function columnForHeader(header: string): HeaderColumn | undefined {
  const folded = foldAccents(header)
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[*:._]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return columnByHeader.get(folded);
}

export type InviteeCsvRow = { row: number; input: Partial<Record<InviteeColumn, string>> };
export type InviteeCsv = { rows: InviteeCsvRow[]; columns: Partial<Record<HeaderColumn, string>>; ignoredHeaders: string[] };

/** CSV bytes to records of cells; whole-file problems (not UTF-8, an unclosed quote) refuse the file. */
export function readCsvRecords(bytes: Uint8Array, options: { charset?: string } = {}): string[][] {
  try {
    return parseCsv(decodeCsvBytes(bytes, options.charset));
  } catch (error) {
    if (error instanceof CsvDecodeError) throw new CsvEncodingError();
    if (error instanceof CsvSyntaxError) throw new CsvUnreadableError('csv_unclosed_quote', { row: error.row });
    throw error;
  }
}

/**
 * A CSV upload to invitee rows, each with the row number the spreadsheet shows (the header is row
 * 1). Whole-file problems (not UTF-8, no name column, an unclosed quote) refuse the file; problems
 * of a row are left to the import, which reports them row by row. Empty rows are skipped.
 */
export function parseInviteeCsv(bytes: Uint8Array, options: { charset?: string } = {}): InviteeCsv {
  return tableRows(readCsvRecords(bytes, options), columnForHeader);
}

export type TableRows<C extends string> = {
  rows: { row: number; input: Partial<Record<C, string>> }[];
  columns: Partial<Record<C | 'familyName', string>>;
  ignoredHeaders: string[];
};

/**
 * Records of a sheet (record i is spreadsheet row i + 1: CSV, or an XLSX read into records) to
 * rows by column, the first non-empty record being the header. Shared by invitee and contact
 * imports: both need a name column and an email or phone column, and report each row on its own.
 */
export function tableRows<C extends string>(records: string[][], columnFor: (header: string) => C | 'familyName' | undefined): TableRows<C> {
  const headerIndex = records.findIndex((record) => record.some((cell) => cell.trim() !== ''));
  if (headerIndex === -1) throw new CsvUnreadableError('csv_empty');
  const header = records[headerIndex]!;

  const positions = new Map<C | 'familyName', number>();
  const columns: Partial<Record<C | 'familyName', string>> = {};
  const ignoredHeaders: string[] = [];
  header.forEach((cell, index) => {
    const column = columnFor(cell);
    if (column && !positions.has(column)) {
      positions.set(column, index);
      columns[column] = cell.trim();
    } else if (cell.trim()) {
      ignoredHeaders.push(cell.trim());
    }
  });
  if (!positions.has('name' as C)) throw new CsvUnreadableError('csv_no_name_column', { headers: header.map((h) => h.trim()) });
  if (!positions.has('email' as C) && !positions.has('phone' as C)) {
    throw new CsvUnreadableError('csv_no_contact_column', { headers: header.map((h) => h.trim()) });
  }

  const rows: TableRows<C>['rows'] = [];
  for (let i = headerIndex + 1; i < records.length; i += 1) {
    const record = records[i] ?? [];
    if (record.every((cell) => (cell ?? '').trim() === '')) continue;
    const input: Partial<Record<C, string>> = {};
    for (const [column, position] of positions) {
      const cell = record[position];
      if (column !== 'familyName' && cell !== undefined && cell.trim() !== '') input[column as C] = cell;
    }
    const familyName = positions.has('familyName') ? record[positions.get('familyName')!]?.trim() : undefined;
    const name = 'name' as C;
    if (familyName) input[name] = input[name] ? `${familyName} ${input[name]}` : familyName;
    rows.push({ row: i + 1, input });
  }
  if (rows.length === 0) throw new CsvUnreadableError('csv_empty');
  if (rows.length > MAX_INVITEES_PER_IMPORT) {
    throw new CsvUnreadableError('csv_too_many_rows', { limit: MAX_INVITEES_PER_IMPORT, rows: rows.length });
  }
  return { rows, columns, ignoredHeaders };
}
