import { RuleViolationError } from '../errors.js';

export class XlsxUnreadableError extends RuleViolationError {
  constructor() {
    super('xlsx_unreadable', {
      vi: 'Không đọc được tệp Excel này. Hãy lưu lại dưới dạng “Excel Workbook (.xlsx)” hoặc “CSV UTF-8” rồi tải lên lại.',
      en: 'This Excel file cannot be read. Save it again as “Excel Workbook (.xlsx)” or “CSV UTF-8” and upload it again.',
    });
  }
}

/**
 * The first sheet of an XLSX as records of cell text, record i being spreadsheet row i + 1, so
 * the import reports rows by the numbers Excel shows. A cell reads as Excel shows it (a link as its
 * text, a formula as its result); text is NFC, as the rest of the product stores it. The library
 * loads on the first upload only (infra/lambda-bundling.ts ships it beside the bundle).
 */
export async function readXlsxRecords(bytes: Uint8Array): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new XlsxUnreadableError();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new XlsxUnreadableError();
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = (cell.text ?? '').normalize('NFC');
    });
    records[rowNumber - 1] = Array.from(cells, (cell) => cell ?? '');
  });
  return Array.from(records, (record) => record ?? []);
}
