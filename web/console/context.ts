import { createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import type { User } from '../../shared/auth/auth-schema.js';
import { can, type Permission } from '../../shared/auth/permissions.js';
import type { ApiClient } from '../lib/api-client.js';
import { translator, type Language, type LocalizedText, type Messages, type Translate } from '../lib/i18n.js';
import { commonMessages, schemaMessageTranslator, type CommonKey } from './messages.js';

export type Session = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; user: User };

/** What every page may use: the user, the API client, the language, announcements. */
export type AppServices = {
  language: Language;
  setLanguage: (language: Language) => void;
  session: Session;
  /** After sign-in, or with a changed profile. */
  setUser: (user: User | undefined) => void;
  signOut: () => Promise<void>;
  api: ApiClient;
  /** Read out by screen readers (a polite live region). */
  announce: (message: string) => void;
  /** A message shown once on the next page (e.g. "Event created" after a redirect). */
  flash: (message: string | LocalizedText) => void;
};

export const AppContext = createContext<AppServices | undefined>(undefined);

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp outside the console app');
  return services;
}

export function useUser(): User | undefined {
  const { session } = useApp();
  return session.status === 'signed-in' ? session.user : undefined;
}

/** Whether the signed-in user's role allows this (shared/auth/permissions.ts, as the API checks). */
export function useCan(): (permission: Permission) => boolean {
  const user = useUser();
  return (permission) => (user ? can(user.role, permission) : false);
}

/** The page's own texts and the common ones, in the chosen language. */
export function useText<K extends string = never>(messages?: Messages<K>): Translate<K | CommonKey> {
  const { language } = useApp();
  return useMemo(() => {
    const common = translator(commonMessages, language);
    if (!messages) return common as Translate<K | CommonKey>;
    const own = translator(messages, language);
    return (key, params) => (key in messages.vi ? own(key as K, params) : common(key as CommonKey, params));
  }, [language, messages]);
}

/** Translates the fixed English sentences of the shared schemas. */
export function useSchemaMessages(): (message: string) => string {
  const t = useText();
  return useMemo(() => schemaMessageTranslator(t), [t]);
}
