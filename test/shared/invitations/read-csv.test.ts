import { describe, expect, it } from 'vitest';
import { CsvDecodeError, CsvSyntaxError, decodeCsvBytes, detectDelimiter, parseCsv } from '../../../shared/invitations/read-csv.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = [0xef, 0xbb, 0xbf];

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with and without a byte-order mark, the same text either way', () => {
    const text = 'Họ và tên;Email\r\nNguyễn Văn An;an@example.org\r\n';
    expect(decodeCsvBytes(utf8(text))).toBe(text);
    expect(decodeCsvBytes(Uint8Array.from([...BOM, ...utf8(text)]))).toBe(text);
  });

  it('refuses bytes that are not UTF-8 (Windows-1258 from an old Excel) instead of guessing', () => {
    // "Nguyễn" in Windows-1258: N g u y ê(0xEA) + tilde tone mark (0xDE) n
    const cp1258 = Uint8Array.from([0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e, 0x2c, 0x61, 0x0d, 0x0a]);
    expect(() => decodeCsvBytes(cp1258)).toThrow(CsvDecodeError);
  });

  it('reads Windows-1258 when the client declares it, composed to NFC', () => {
    const cp1258 = Uint8Array.from([0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e]);
    expect(decodeCsvBytes(cp1258, 'windows-1258')).toBe('Nguyễn'.normalize('NFC'));
    expect(() => decodeCsvBytes(cp1258, 'iso-8859-7')).toThrow(CsvDecodeError);
  });

  it('reads UTF-16 when a byte-order mark says so (Excel "Unicode text")', () => {
    const text = 'name\temail\r\nĐặng Thu\tthu@example.org';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i += 1) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(decodeCsvBytes(bytes)).toBe(text);
  });
});

describe('detectDelimiter', () => {
  it('takes the delimiter of the header line, ignoring quoted ones', () => {
    expect(detectDelimiter('name,email,group\n')).toBe(',');
    expect(detectDelimiter('Họ và tên;Email;Nhóm\r\nA, B;a@x.org;1')).toBe(';');
    expect(detectDelimiter('"Name, full";"Email"\n')).toBe(';');
    expect(detectDelimiter('name\temail\n')).toBe('\t');
    expect(detectDelimiter('name\n')).toBe(',');
  });
});

describe('parseCsv', () => {
  it('splits CRLF and LF lines alike', () => {
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a,b\n1,2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quoted cells', () => {
    const text = 'name,organisation,position\r\n"Trần Văn ""Bảo"" An","Hội hữu nghị, Đắk Lắk","Phó Chủ tịch\r\nkiêm Tổng thư ký"\r\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'organisation', 'position'],
      ['Trần Văn "Bảo" An', 'Hội hữu nghị, Đắk Lắk', 'Phó Chủ tịch\r\nkiêm Tổng thư ký'],
    ]);
  });

  it('uses the semicolon when the header does, commas then being plain text', () => {
    expect(parseCsv('Họ và tên;Đơn vị\nLê An;Sở Ngoại vụ, Đắk Lắk\n')).toEqual([
      ['Họ và tên', 'Đơn vị'],
      ['Lê An', 'Sở Ngoại vụ, Đắk Lắk'],
    ]);
  });

  it('keeps empty cells and drops a byte-order mark left in the text', () => {
    expect(parseCsv('\uFEFFa,b,c\n1,,3\n,,\n')).toEqual([['a', 'b', 'c'], ['1', '', '3'], ['', '', '']]);
  });

  it('treats a stray quote inside a plain cell as text (O"Brien)', () => {
    expect(parseCsv('name\nO"Brien\n')).toEqual([['name'], ['O"Brien']]);
  });

  it('reports the row where a quoted cell is never closed', () => {
    try {
      parseCsv('name,email\na,b\n"Lê An,an@example.org\nx,y\n');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CsvSyntaxError);
      expect((error as CsvSyntaxError).row).toBe(3);
    }
  });
});
