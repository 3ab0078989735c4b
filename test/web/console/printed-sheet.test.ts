import { describe, expect, it } from 'vitest';
import { paginate, type SheetRow } from '../../../web/console/components/printed-sheet.js';

const person = (n: number): SheetRow => ({ kind: 'person', key: `p${n}`, cells: [String(n)] });
const group = (name: string): SheetRow => ({ kind: 'group', key: `g${name}`, label: name });

describe('paginate', () => {
  it('fills each page up to its height, the first page having less room than the others', () => {
    const rows = Array.from({ length: 10 }, (_, i) => person(i + 1));
    const pages = paginate(rows, { firstAvailable: 30, otherAvailable: 40, rowHeights: rows.map(() => 10) });
    expect(pages.map((p) => p.map((r) => r.row))).toEqual([[0, 1, 2], [3, 4, 5, 6], [7, 8, 9]]);
  });

  it('never leaves a group heading last on a page, and repeats it, continued, on the next', () => {
    const rows = [group('A'), person(1), person(2), group('B'), person(3), person(4), person(5)];
    const pages = paginate(rows, { firstAvailable: 40, otherAvailable: 40, rowHeights: rows.map(() => 10) });
    expect(pages).toEqual([
      [{ row: 0 }, { row: 1 }, { row: 2 }],
      [{ row: 3 }, { row: 4 }, { row: 5 }, { row: 6 }],
    ]);
    const tight = paginate(rows, { firstAvailable: 30, otherAvailable: 30, rowHeights: rows.map(() => 10) });
    expect(tight[2]).toEqual([{ row: 3, continued: true }, { row: 6 }]);
  });

  it('puts a row taller than a page on a page of its own rather than looping, and answers one page for no rows', () => {
    const rows = [person(1), person(2)];
    expect(paginate(rows, { firstAvailable: 10, otherAvailable: 10, rowHeights: [50, 50] })).toEqual([[{ row: 0 }], [{ row: 1 }]]);
    expect(paginate([], { firstAvailable: 10, otherAvailable: 10, rowHeights: [] })).toEqual([[]]);
  });
});
