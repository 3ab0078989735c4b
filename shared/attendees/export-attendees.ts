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

/**
 * One cell of an export: text exactly as typed, a number (row numbers, counts), an instant in UTC
 * shown as local time, or nothing (an empty cell).
 */
export type ExportCell = string | number | { instant: string } | null | undefined;

/**
 * A table to export as CSV or XLSX: one header row, then rows of cells. Any list can be exported
 * through it (attendees here, invitations elsewhere): build the header and the rows, then call
 * `toCsv` or `toXlsx`.
 */
export type ExportTable = { header: string[]; rows: ExportCell[][] };

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
  const rows = items.map((item, index): ExportCell[] => [
    index + 1,
    item.name,
    ...columns.map((column): ExportCell => {
      if (column === 'response') return responseNames[item.response]?.[language] ?? item.response;
      if (column === 'checkedInAt') return item.checkedInAt ? { instant: item.checkedInAt } : undefined;
      return item[column];
    }),
    ...detailKeys.map((key) => detailText(key, item.details?.[key])),
  ]);
  return { header, rows };
}

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a leading tab or carriage return) is
 * prefixed with an apostrophe, as OWASP advises against CSV injection. CSV only: in XLSX a text
 * cell is never a formula, and the apostrophe would become part of the value.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Local wall-clock time, "2015-11-20 08:00". */
function localMinutes(instant: string): string {
  return toLocalIso(instant).slice(0, 16).replace('T', ' ');
}

function csvCell(cell: ExportCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  const safe = typeof cell === 'string' ? neutraliseCell(cell) : localMinutes(cell.instant);
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with a byte-order mark, so Excel opens Vietnamese text as it is; CRLF as Excel writes. */
export function toCsv(table: ExportTable): string {
  return `\uFEFF${[table.header, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * Excel's dates carry no zone: the cell holds the wall-clock time in Asia/Ho_Chi_Minh, written as
 * a Date whose UTC fields are that local time (how the spreadsheet library stores dates).
 */
function excelLocalDate(instant: string): Date {
  return new Date(`${toLocalIso(instant).slice(0, 19)}Z`);
}

function xlsxValue(cell: ExportCell): string | number | Date | null {
  if (cell === null || cell === undefined || cell === '') return null;
  if (typeof cell === 'string' || typeof cell === 'number') return cell;
  return excelLocalDate(cell.instant);
}

function cellWidth(cell: ExportCell): number {
  if (cell === null || cell === undefined) return 0;
  if (typeof cell === 'object') return 16; // dd/mm/yyyy hh:mm
  return String(cell).length;
}

export type XlsxOptions = { orientation?: 'portrait' | 'landscape' };

/**
 * The spreadsheet library is loaded on the first XLSX export, not at start: it is larger than the
 * rest of the API together, and a cold start that answers a participant should not pay for it
 * (infra/lambda-bundling.ts ships it beside the bundle as a module of its own).
 *
 * The sheet is what an office in Excel expects: text unchanged as text (never a formula), numbers
 * as numbers, times as dates shown dd/mm/yyyy hh:mm, empty cells empty; A4, fitted to the page's
 * width, with the header row frozen, filtered and printed again at the top of every page.
 */
export async function toXlsx(table: ExportTable, sheetTitle: string, options: XlsxOptions = {}): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hữu Nghị Events';
  // Loops, not Math.max(...rows): a list of tens of thousands would pass too many arguments.
  const columnCount = table.rows.reduce((most, row) => Math.max(most, row.length), table.header.length);
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const sheet = workbook.addWorksheet(sheetTitle.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Danh sach', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: options.orientation ?? (columnCount > 5 ? 'landscape' : 'portrait'),
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages down as the list needs
      printTitlesRow: '1:1',
    },
  });
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow(row.map(xlsxValue));
    row.forEach((cell, i) => {
      if (cell !== null && typeof cell === 'object') added.getCell(i + 1).numFmt = 'dd/mm/yyyy hh:mm';
    });
  }
  if (columnCount > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: table.rows.length + 1, column: columnCount } };
  for (let i = 0; i < columnCount; i++) {
    const longest = table.rows.reduce((most, row) => Math.max(most, cellWidth(row[i])), table.header[i]?.length ?? 0);
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(6, longest + 2));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
