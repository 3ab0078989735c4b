/**
 * A list pasted into the console, made into the CSV text the import reads. Cells copied from
 * Excel or Google Sheets arrive tab-separated, a cell holding a line break or a quote wrapped in
 * double quotes (Excel's own rule); text typed or copied from a CSV file arrives with commas or
 * semicolons and goes through unchanged, since the import reads both.
 */
export function pastedTableToCsv(text: string): string {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!clean.includes('\t')) return clean.trim();
  return parseTabSeparated(clean)
    .filter((row) => row.some((cell) => cell.trim() !== ''))
    .map((row) => row.map(csvCell).join(','))
    .join('\r\n');
}

/** Rows of cells, by Excel's clipboard rules: tabs between cells, quotes around awkward ones. */
export function parseTabSeparated(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  // A cell is quoted only when its first character is a quote.
  let atCellStart = true;
  while (i < text.length) {
    const char = text[i]!;
    if (atCellStart && char === '"') {
      const end = closingQuote(text, i + 1);
      if (end !== -1) {
        cell = text.slice(i + 1, end).replace(/""/g, '"');
        i = end + 1;
        atCellStart = false;
        continue;
      }
    }
    atCellStart = false;
    if (char === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (char === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += char;
    }
    i += 1;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * The quote that closes a quoted cell: one not doubled, followed by a tab, a line end or the end.
 * Without one the quote was part of the text (a name like `"Bác" Ba` typed as is).
 */
function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i += 1) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') {
      i += 1;
      continue;
    }
    const next = text[i + 1];
    return next === undefined || next === '\t' || next === '\n' ? i : -1;
  }
  return -1;
}

function csvCell(value: string): string {
  return /[",;\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
