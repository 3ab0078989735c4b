/**
 * The form of address a letter uses. An invitee's own salutation where the list gives one;
 * otherwise the formal "Ông/Bà" a Vietnamese letter uses for someone it does not know, and no
 * title in English ("Mr Nguyen" on a woman's letter would be worse than none).
 */
const words: Record<string, { vi: string; en: string }> = {
  ong: { vi: 'Ông', en: 'Mr' },
  ba: { vi: 'Bà', en: 'Ms' },
  anh: { vi: 'Anh', en: 'Mr' },
  chi: { vi: 'Chị', en: 'Ms' },
  dong_chi: { vi: 'Đồng chí', en: '' },
  mr: { vi: 'Ông', en: 'Mr' },
  ms: { vi: 'Bà', en: 'Ms' },
  dr: { vi: 'Tiến sĩ', en: 'Dr' },
  he: { vi: 'Ngài', en: 'H.E.' },
  ban: { vi: 'Bạn', en: '' },
};

export function letterSalutation(code: string | undefined, language: 'vi' | 'en'): string {
  const known = code ? words[code] : undefined;
  if (known) return known[language];
  return language === 'vi' ? 'Ông/Bà' : '';
}
