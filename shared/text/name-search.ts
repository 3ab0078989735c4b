import { foldAccents } from './vietnamese.js';

/**
 * Finding a person by the name someone types at a desk or at the door ("nguyen thi huong"), the
 * same way in the invitations list, the attendees list and the check-in page. Ranks, best first:
 *
 *   exact      the name's words are exactly the typed words, in any order
 *   words      the name holds every typed word as a whole word (Nguyễn Thị Thu Hương)
 *   beginnings every typed word begins a word of the name ("ng th hu")
 *   other      a typed word is found only in the organisation, the email or the phone
 *
 * A typed word found only inside a word ("huong" in "Phương") does not match a name.
 */
export const matchRanks = ['exact', 'words', 'beginnings', 'other'] as const;
export type MatchRank = (typeof matchRanks)[number];
export type MatchedOn = 'name' | 'organisation' | 'email' | 'phone';
export type PersonMatch = { rank: MatchRank; on: MatchedOn };

export type Searchable = { name: string; organisation?: string; email?: string; phone?: string };

/** Folded words: no accents, no case, apostrophes dropped ("H'Linh" is "hlinh"). */
export function nameWords(text: string): string[] {
  return foldAccents(text)
    .replace(/['’‘`ʼ]/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The words a person typed, as matchPerson takes them (at most ten, each once). */
export function typedWords(query: string | undefined): string[] {
  return query ? [...new Set(nameWords(query))].slice(0, 10) : [];
}

/** The pieces after an apostrophe inside a word, folded: "H'Linh Niê" gives ["linh"]. */
function apostropheParts(name: string): string[] {
  return foldAccents(name)
    .split(/\s+/u)
    .filter((word) => /\p{L}['’‘`ʼ]\p{L}/u.test(word))
    .flatMap((word) => nameWords(word.split(/['’‘`ʼ]/u).slice(1).join(' ')));
}

const digitsOf = (phone: string) => {
  const digits = phone.replace(/\D/g, '');
  // A Vietnamese number is also found as people type it: 0912… as well as +84912….
  return digits.startsWith('84') ? `${digits} 0${digits.slice(2)}` : digits;
};

/** How a person matches the typed words, or undefined when they do not. */
export function matchPerson(typed: string[], person: Searchable): PersonMatch | undefined {
  if (typed.length === 0) return { rank: 'exact', on: 'name' };
  const name = nameWords(person.name);
  // "H'Linh" is found as "hlinh" and as "linh", "O'Brien" as "obrien" and "brien".
  const parts = [...name, ...apostropheParts(person.name)];
  const whole = typed.every((word) => parts.includes(word));
  if (whole) {
    const exact = name.length === typed.length && [...name].sort().join(' ') === [...typed].sort().join(' ');
    return { rank: exact ? 'exact' : 'words', on: 'name' };
  }
  const begins = (words: string[], word: string) => words.some((w) => w.startsWith(word));
  if (typed.every((word) => begins(parts, word))) return { rank: 'beginnings', on: 'name' };

  const organisation = person.organisation ? nameWords(person.organisation) : [];
  const email = person.email ? foldAccents(person.email) : '';
  const phone = person.phone ? digitsOf(person.phone) : '';
  let on: MatchedOn | undefined;
  for (const word of typed) {
    if (begins(parts, word)) continue;
    const where: MatchedOn | undefined = begins(organisation, word)
      ? 'organisation'
      : email.includes(word)
        ? 'email'
        : /^\d+$/.test(word) && phone.includes(word)
          ? 'phone'
          : undefined;
    if (!where) return undefined;
    on ??= where;
  }
  return { rank: 'other', on: on ?? 'name' };
}

/**
 * The people who match, best rank first; within a rank in the list's own order (`compare`, e.g.
 * Vietnamese name order). Without typed words: everyone, in that order.
 */
export function rankPeople<T extends Searchable>(typed: string[], people: T[], compare: (a: T, b: T) => number): { person: T; match: PersonMatch }[] {
  const found: { person: T; match: PersonMatch; rank: number }[] = [];
  for (const person of people) {
    const match = matchPerson(typed, person);
    if (match) found.push({ person, match, rank: matchRanks.indexOf(match.rank) });
  }
  found.sort((a, b) => a.rank - b.rank || compare(a.person, b.person));
  return found.map(({ person, match }) => ({ person, match }));
}
