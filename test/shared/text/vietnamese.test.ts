import { describe, expect, it } from 'vitest';
import {
  compareVietnameseNames,
  foldAccents,
  givenNameFirst,
  normalizeEmail,
  normalizeText,
  sortByVietnameseName,
} from '../../../shared/text/vietnamese.js';

describe('Vietnamese text', () => {
  it('stores decomposed input in composed form', () => {
    const decomposed = 'Nguyễn Thị Ánh Tuyết'.normalize('NFD');
    expect(decomposed).not.toBe('Nguyễn Thị Ánh Tuyết');
    expect(normalizeText(`  ${decomposed}  `)).toBe('Nguyễn Thị Ánh Tuyết');
  });

  it('folds white space and keeps Ê Đê apostrophes', () => {
    expect(normalizeText("H'Linh   Niê\t")).toBe("H'Linh Niê");
  });

  it('compares addresses trimmed and case-insensitively', () => {
    expect(normalizeEmail('  Tuyet.NTA@Example.org ')).toBe('tuyet.nta@example.org');
  });

  it('folds accents so plain typing finds Vietnamese names and places', () => {
    expect(foldAccents('Nguyễn')).toBe('nguyen');
    expect(foldAccents('Đắk Lắk')).toBe('dak lak');
    expect(foldAccents('Nguyễn'.normalize('NFD'))).toBe('nguyen');
  });

  it('puts the given name first for sorting', () => {
    expect(givenNameFirst('Nguyễn Văn An')).toBe('An Nguyễn Văn');
    expect(givenNameFirst("H'Linh Niê")).toBe("Niê H'Linh");
  });

  it('orders an official list by given name in the Vietnamese alphabet', () => {
    const names = ['Trần Văn Đức', 'Lê Thị Dung', 'Nguyễn Văn An', 'Phạm Thị Ánh', 'Hoàng Văn Bình', 'Lê Văn An'];
    const sorted = [...names].sort(compareVietnameseNames);
    // An (Lê, then Nguyễn) < Ánh < Bình < Dung < Đức: D comes before Đ in the Vietnamese alphabet.
    expect(sorted).toEqual(['Lê Văn An', 'Nguyễn Văn An', 'Phạm Thị Ánh', 'Hoàng Văn Bình', 'Lê Thị Dung', 'Trần Văn Đức']);
  });

  it('sorts records by their names in the same order, each key made once', () => {
    const names = ['Trần Văn Đức', 'Lê Thị Dung', 'Nguyễn Văn An', 'Phạm Thị Ánh', 'Hoàng Văn Bình', 'Lê Văn An', "H'Linh Niê", 'Søren Ålund'];
    const records = names.map((name, i) => ({ name, i }));
    expect(sortByVietnameseName(records, (r) => r.name).map((r) => r.name)).toEqual([...names].sort(compareVietnameseNames));
    expect(records.map((r) => r.name)).toEqual(names);
  });
});
