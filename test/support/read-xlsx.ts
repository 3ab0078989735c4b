import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type XlsxCell = { value: string | number | boolean | null; type: string; format: string };
export type XlsxSheet = {
  title: string;
  rows: XlsxCell[][];
  freezePanes: string | null;
  autoFilter: string | null;
  printTitleRows: string | null;
  paperSize: number | string | null;
  orientation: string | null;
  fitToWidth: number | string | null;
};

/**
 * An XLSX as another program reads it: openpyxl (Debian's python3-openpyxl, installed by
 * test/setup/ensure-system-packages.sh), not exceljs which writes the product's files. Times come
 * back as ISO text without a zone, the wall-clock time the cell holds.
 */
export function readXlsxWithOpenpyxl(bytes: Uint8Array): XlsxSheet[] {
  const dir = mkdtempSync(join(tmpdir(), 'xlsx-'));
  try {
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, bytes);
    const out = execFileSync('/usr/bin/python3', [join(import.meta.dirname, 'read-xlsx.py'), file], { encoding: 'utf8' });
    return JSON.parse(out) as XlsxSheet[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
