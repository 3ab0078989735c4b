import { describe, expect, it } from 'vitest';
import { matchPerson, rankPeople, typedWords } from '../../../shared/text/name-search.js';
import { compareVietnameseNames } from '../../../shared/text/vietnamese.js';

const person = (name: string, organisation?: string, email?: string, phone?: string) => ({ name, organisation, email, phone });

describe('finding people by the name typed', () => {
  const people = [
    person('Đặng Thị Hương', 'Sở Ngoại vụ'),
    person('Nguyễn Thị Hương', 'Trường Đại học Tây Nguyên'),
    person('Hương Thị Nguyễn'),
    person('Nguyễn Thị Thu Hương', 'UBND tỉnh'),
    person('Nguyễn Thị Phương', 'Trường Đại học Tây Nguyên'),
    person('Trần Văn Nam', 'Trường Đại học Tây Nguyên'),
    person('Nguyễn Thị Hướng Dương'),
    person('Thị Hương', 'Trường Đại học Tây Nguyên'),
    person('Lê Văn Hùng', 'Hội hữu nghị', 'huong.nguyen@example.org'),
  ];

  it('ranks exact names first (either order), then whole words, then beginnings, then other fields, marked', () => {
    const ranked = rankPeople(typedWords('nguyen thi huong'), people, (a, b) => compareVietnameseNames(a.name, b.name));
    expect(ranked.map((r) => [r.person.name, r.match.rank, r.match.on])).toEqual([
      ['Nguyễn Thị Hương', 'exact', 'name'],
      ['Hương Thị Nguyễn', 'exact', 'name'],
      // Within a rank, the official order: by given name (Dương before Hương).
      ['Nguyễn Thị Hướng Dương', 'words', 'name'],
      ['Nguyễn Thị Thu Hương', 'words', 'name'],
      ['Thị Hương', 'other', 'organisation'],
    ]);
    // "huong" inside "Phương" is no match; Đặng Thị Hương lacks "nguyen".
    expect(ranked.map((r) => r.person.name)).not.toContain('Nguyễn Thị Phương');
    expect(ranked.map((r) => r.person.name)).not.toContain('Đặng Thị Hương');
  });

  it('finds word beginnings, email and phone, and folds letters beyond Vietnamese', () => {
    expect(matchPerson(typedWords('ng th hu'), person('Nguyễn Thị Hương'))).toEqual({ rank: 'beginnings', on: 'name' });
    expect(matchPerson(typedWords('huong.nguyen'), person('Lê Văn Hùng', undefined, 'huong.nguyen@example.org'))).toEqual({ rank: 'other', on: 'email' });
    expect(matchPerson(typedWords('0912 345'), person('Lê Văn Hùng', undefined, undefined, '+84912345678'))).toEqual({ rank: 'other', on: 'phone' });
    expect(matchPerson(typedWords('soren alund'), person('Søren Ålund'))).toEqual({ rank: 'exact', on: 'name' });
    expect(matchPerson(typedWords('hlinh nie'), person("H'Linh Niê"))).toEqual({ rank: 'exact', on: 'name' });
    expect(matchPerson(typedWords('linh'), person("H'Linh Niê"))).toEqual({ rank: 'words', on: 'name' });
    expect(matchPerson(typedWords('lodz'), person('Łódź Straße'))).toEqual({ rank: 'words', on: 'name' });
    expect(matchPerson(typedWords('phuong'), person('Nguyễn Thị Hương'))).toBeUndefined();
  });
});
