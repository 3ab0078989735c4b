/**
 * Languages of the interface. Vietnamese is the default whatever the browser says: the union works
 * in Vietnamese and its foreign partners switch to English themselves (the choice is remembered).
 */
export type Language = 'vi' | 'en';
export const languages: readonly Language[] = ['vi', 'en'];

const storageKey = 'hn.language';

export function isLanguage(value: unknown): value is Language {
  return value === 'vi' || value === 'en';
}

/** The remembered choice, or Vietnamese. Storage can be refused (private mode): then Vietnamese. */
export function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(storageKey);
    return isLanguage(stored) ? stored : 'vi';
  } catch {
    return 'vi';
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Not remembered, still applied to this page.
  }
  document.documentElement.lang = language;
}

/** Texts in both languages; `en` must have every key `vi` has, so no label is left untranslated. */
export type Messages<K extends string> = { vi: Record<K, string>; en: Record<K, string> };

export function defineMessages<V extends Record<string, string>>(messages: {
  vi: V;
  en: { [K in keyof V]: string };
}): Messages<keyof V & string> {
  return messages as Messages<keyof V & string>;
}

export type Params = Record<string, string | number>;
export type Translate<K extends string> = (key: K, params?: Params) => string;

/** `{name}` in a text is replaced by params.name. */
export function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translator<K extends string>(messages: Messages<K>, language: Language): Translate<K> {
  const table = messages[language];
  return (key, params) => interpolate(table[key] ?? messages.vi[key] ?? key, params);
}

/** A text stored in both languages (an event title): the chosen one, else the Vietnamese. */
export function pickLocalized(
  text: { vi?: string; en?: string } | undefined,
  language: Language,
): { text: string; lang: Language } {
  const wanted = text?.[language]?.trim();
  if (wanted) return { text: wanted, lang: language };
  const other: Language = language === 'vi' ? 'en' : 'vi';
  return { text: text?.[other]?.trim() ?? '', lang: other };
}

/** A message kept in both languages, so that it follows a language switch while it is shown. */
export type LocalizedText = Record<Language, string>;

export function inBoth<K extends string>(
  messages: Messages<K>,
  key: K,
  params?: Params | ((language: Language) => Params),
): LocalizedText {
  const paramsIn = (language: Language) => (typeof params === 'function' ? params(language) : params);
  return {
    vi: translator(messages, 'vi')(key, paramsIn('vi')),
    en: translator(messages, 'en')(key, paramsIn('en')),
  };
}

/** A message as shown now: one already in a single language (an API answer) stays as it is. */
export function textIn(text: string | LocalizedText, language: Language): string {
  return typeof text === 'string' ? text : text[language];
}
