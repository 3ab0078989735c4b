/**
 * CSV as spreadsheets write it (RFC 4180): quoted cells may hold the delimiter, doubled quotes and
 * line breaks; lines end in CRLF or LF. Excel writes commas, or semicolons in a Vietnamese locale,
 * so the delimiter is read from the header line. Pure: no I/O, also usable in the browser.
 */

export type CsvDecodeFailure = 'not_utf8' | 'unsupported_charset';

export class CsvDecodeError extends Error {
  constructor(readonly reason: CsvDecodeFailure) {
    super(reason === 'not_utf8' ? 'The file is not valid UTF-8' : 'Unsupported charset');
    this.name = 'CsvDecodeError';
  }
}

export class CsvSyntaxError extends Error {
  /** The spreadsheet row (1 = the header) where the unclosed quoted cell starts. */
  constructor(readonly row: number) {
    super(`A quoted cell that starts on row ${row} is never closed`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Bytes to text. UTF-8 with or without a byte-order mark, or UTF-16 when a byte-order mark says so
 * (Excel's "Unicode text"). Anything else is refused rather than guessed: Windows-1258 bytes read
 * as UTF-8 would store garbled names. A charset the client declares explicitly (windows-1258) is
 * honoured, because then nothing is guessed.
 */
export function decodeCsvBytes(bytes: Uint8Array, declaredCharset?: string): string {
  const charset = declaredCharset?.trim().toLowerCase().replace(/^"|"$/g, '');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (charset && !['utf-8', 'utf8', 'us-ascii'].includes(charset)) {
    if (charset !== 'windows-1258' && charset !== 'cp1258') throw new CsvDecodeError('unsupported_charset');
    try {
      return new TextDecoder('windows-1258', { fatal: true }).decode(bytes).normalize('NFC');
    } catch {
      throw new CsvDecodeError('unsupported_charset');
    }
  }
  try {
    // The decoder drops a UTF-8 byte-order mark itself (ignoreBOM defaults to false).
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CsvDecodeError('not_utf8');
  }
}

const CANDIDATE_DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter used most often outside quotes on the first line; a comma when none is. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(CANDIDATE_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [delimiter, count] of counts) {
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}

/**
 * Splits text into records of cells. A record's index + 1 is the row number a spreadsheet shows,
 * also when a quoted cell spans several lines. A byte-order mark left in the text is dropped.
 */
export function parseCsv(input: string, delimiter = detectDelimiter(input)): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let i = 0;
  const n = text.length;
  const endCell = () => {
    record.push(cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    records.push(record);
    record = [];
  };
  while (i < n) {
    const ch = text[i]!;
    if (ch === '"' && cell === '') {
      // A quoted cell: runs to the next quote not doubled, across delimiters and line breaks.
      const startRow = records.length + 1;
      i += 1;
      let closed = false;
      while (i < n) {
        const q = text.indexOf('"', i);
        if (q === -1) break;
        cell += text.slice(i, q);
        if (text[q + 1] === '"') {
          cell += '"';
          i = q + 2;
        } else {
          i = q + 1;
          closed = true;
          break;
        }
      }
      if (!closed) throw new CsvSyntaxError(startRow);
      // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
      continue;
    }
    if (ch === delimiter) {
      endCell();
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      // Plain characters up to the next delimiter, quote or line end, in one slice.
      let j = i + 1;
      while (j < n) {
        const c = text[j]!;
        if (c === delimiter || c === '\r' || c === '\n' || c === '"') break;
        j += 1;
      }
      cell += text.slice(i, j);
      i = j;
      if (text[i] === '"' && cell !== '') {
        // A stray quote inside an unquoted cell is literal text (O"Brien), not a syntax error.
        cell += '"';
        i += 1;
      }
    }
  }
  // The last record, unless the text ended with a line break.
  if (cell !== '' || record.length > 0) endRecord();
  return records;
}
