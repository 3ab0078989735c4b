import { toLocalIso } from '../time/ho-chi-minh.js';
import type { Field } from '../events/event-schema.js';
import { answerText } from '../events/field-choices.js';
import type { Attendee, AttendeeColumn } from './attendee-schema.js';

/** Column headings as the office writes them; Vietnamese first, English for English readers. */
const headings: Record<'stt' | 'name' | AttendeeColumn, { vi: string; en: string }> = {
  stt: { vi: 'STT', en: 'No.' },
  name: { vi: 'Họ và tên', en: 'Full name' },
  organisation: { vi: 'Đơn vị', en: 'Organisation' },
  position: { vi: 'Chức vụ', en: 'Position' },
  group: { vi: 'Nhóm', en: 'Group' },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  email: { vi: 'Email', en: 'Email' },
  response: { vi: 'Trả lời', en: 'Answer' },
  checkedInAt: { vi: 'Giờ đến', en: 'Checked in' },
};

const responseNames: Record<string, { vi: string; en: string }> = {
  confirmed: { vi: 'Tham dự', en: 'Confirmed' },
  waitlisted: { vi: 'Danh sách chờ', en: 'Waiting list' },
  pending: { vi: 'Chờ duyệt', en: 'Pending approval' },
};

export type ExportTable = { header: string[]; rows: string[][] };

/**
 * The rows of an export: STT, name, the chosen columns, then any details asked for, headed by the
 * fields' labels (never their internal keys) and with choices in the reader's language.
 */
export function attendeeTable(items: Attendee[], columns: AttendeeColumn[], language: 'vi' | 'en', fields: Field[] = []): ExportTable {
  const detailKeys = [...new Set(items.flatMap((i) => Object.keys(i.details ?? {})))];
  const fieldOf = new Map(fields.map((field) => [field.key, field]));
  const detailHeading = (key: string) => {
    const label = fieldOf.get(key)?.label;
    return (language === 'en' ? label?.en : undefined) || label?.vi || key;
  };
  const detailText = (key: string, value: string | undefined) => {
    const field = fieldOf.get(key);
    if (!value || !field) return value ?? '';
    if (field.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split('-').reverse().join('/');
    return answerText(field, value, language);
  };
  const header = [headings.stt[language], headings.name[language], ...columns.map((c) => headings[c][language]), ...detailKeys.map(detailHeading)];
  const rows = items.map((item, index) => [
    String(index + 1),
    item.name,
    ...columns.map((column) => {
      if (column === 'response') return responseNames[item.response]?.[language] ?? item.response;
      if (column === 'checkedInAt') return item.checkedInAt ? toLocalIso(item.checkedInAt).slice(0, 16).replace('T', ' ') : '';
      return item[column] ?? '';
    }),
    ...detailKeys.map((key) => detailText(key, item.details?.[key])),
  ]);
  return { header, rows };
}

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a leading tab or carriage return) is
 * prefixed with an apostrophe, as OWASP advises against CSV injection.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: string): string {
  const safe = neutraliseCell(value);
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with a byte-order mark, so Excel opens Vietnamese text as it is; CRLF as Excel writes. */
export function toCsv(table: ExportTable): string {
  return `\uFEFF${[table.header, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * The spreadsheet library is loaded on the first XLSX export, not at start: it is larger than the
 * rest of the API together, and a cold start that answers a participant should not pay for it
 * (infra/lambda-bundling.ts ships it beside the bundle as a module of its own).
 */
export async function toXlsx(table: ExportTable, sheetTitle: string): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hữu Nghị Events';
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const sheet = workbook.addWorksheet(sheetTitle.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Danh sach');
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map(neutraliseCell));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(...[table.header[i] ?? '', ...table.rows.map((r) => r[i] ?? '')].map((v) => v.length));
    column.width = Math.min(60, Math.max(6, longest + 2));
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
