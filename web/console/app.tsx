import type { ComponentChildren, FunctionComponent } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { User } from '../../shared/auth/auth-schema.js';
import { can } from '../../shared/auth/permissions.js';
import { ApiError, createApiClient } from '../lib/api-client.js';
import { inBoth, rememberLanguage, textIn, translator, type Language, type LocalizedText } from '../lib/i18n.js';
import { setValidationLanguage } from '../lib/validation-language.js';
import { PageHeading } from './components/page-heading.js';
import { AppContext, useApp, useText, type AppServices, type Session } from './context.js';
import { commonMessages } from './messages.js';
import { compilePattern, navigate, useLocation } from './router.js';
import { homePath, routes, signInPath, type PageProps, type RouteDefinition } from './routes.js';
import { errorText } from '../lib/error-text.js';

const compiled = routes.map((route) => ({ route, match: compilePattern(route.path) }));

function findRoute(pathname: string) {
  for (const { route, match } of compiled) {
    const params = match(pathname);
    if (params) return { route, params };
  }
  return undefined;
}

/** Pages already imported, and imports under way: each page's chunk is fetched once. */
const loadedPages = new Map<RouteDefinition['load'], FunctionComponent<PageProps>>();
const loadingPages = new Map<RouteDefinition['load'], Promise<FunctionComponent<PageProps>>>();

function loadPage(route: RouteDefinition): Promise<FunctionComponent<PageProps>> {
  let pending = loadingPages.get(route.load);
  if (!pending) {
    pending = route.load().then((page) => {
      loadedPages.set(route.load, page);
      return page;
    });
    // A failed import (offline, or a chunk gone after a new release) may be tried again.
    pending.catch(() => loadingPages.delete(route.load));
    loadingPages.set(route.load, pending);
  }
  return pending;
}

function prefetch(route: RouteDefinition | undefined) {
  if (route) loadPage(route).catch(() => undefined);
}

/**
 * Fetches, side by side, every chunk a page needs, as listed by the build in the HTML's
 * `<meta name="chunks:NAME">`; the page's own import then finds them loaded.
 */
function preloadChunks(name: string) {
  const list = document.querySelector<HTMLMetaElement>(`meta[name="chunks:${name}"]`)?.content ?? '';
  for (const href of list.split(' ').filter(Boolean)) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
}

/** Whether this browser had a session last time: then the sign-in page is probably not needed. */
const sessionHintKey = 'hn.hadSession';
function hadSession(): boolean {
  try {
    return localStorage.getItem(sessionHintKey) === '1';
  } catch {
    return false;
  }
}
function rememberSession(signedIn: boolean) {
  try {
    if (signedIn) localStorage.setItem(sessionHintKey, '1');
    else localStorage.removeItem(sessionHintKey);
  } catch {
    // Only a hint for fetching ahead.
  }
}

function mayOpen(route: RouteDefinition, user: User | undefined): boolean {
  if (route.access === 'public') return true;
  if (!user) return false;
  return route.access === 'signed-in' || can(user.role, route.access);
}

/** The console: session, language, the shell around the pages, and the route to show. */
export function App(props: { initialLanguage: Language }) {
  const [language, setLanguageState] = useState(props.initialLanguage);
  const languageRef = useRef(language);
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const [bootError, setBootError] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  const [flashShown, setFlashShown] = useState<string | LocalizedText>();
  const pendingFlash = useRef<string | LocalizedText | undefined>(undefined);
  const location = useLocation();

  const services = useMemo<AppServices>(() => {
    const api = createApiClient({
      language: () => languageRef.current,
      onUnauthenticated: () => {
        setSession((current) => {
          if (current.status === 'signed-in') pendingFlash.current = inBoth(commonMessages, 'session.expired');
          return { status: 'signed-out' };
        });
      },
    });
    return {
      language,
      setLanguage: () => undefined,
      session,
      setUser: (user) => setSession(user ? { status: 'signed-in', user } : { status: 'signed-out' }),
      signOut: async () => {
        await api.post('/api/auth/logout').catch(() => undefined);
        setSession({ status: 'signed-out' });
        navigate(signInPath);
      },
      api,
      announce: (message) => {
        setAnnouncement('');
        setTimeout(() => setAnnouncement(message), 50);
      },
      flash: (message) => {
        pendingFlash.current = message;
      },
    };
    // The client and its callbacks are made once; session and language are merged in below.
  }, []);

  const setLanguage = (next: Language) => {
    languageRef.current = next;
    rememberLanguage(next);
    setValidationLanguage(next);
    setLanguageState(next);
    services.announce(translator(commonMessages, next)('language.changed'));
  };
  const value: AppServices = { ...services, language, session, setLanguage };

  const loadSession = () => {
    setBootError(undefined);
    services.api
      .get<{ user: User }>('/api/auth/me')
      .then(({ user }) => setSession({ status: 'signed-in', user }))
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) setSession({ status: 'signed-out' });
        else setBootError(errorText(error));
      });
  };
  useEffect(loadSession, []);

  // The page's chunk is fetched while the session is asked for, not after. A browser without a
  // session last time will most likely land on the sign-in page: its chunks are fetched too.
  useEffect(() => {
    const route = findRoute(location.pathname)?.route;
    const signIn = findRoute(signInPath)?.route;
    if (route === signIn || !hadSession()) preloadChunks('sign-in');
    prefetch(route);
    if (route?.access !== 'public') prefetch(signIn);
  }, []);
  useEffect(() => {
    if (session.status !== 'loading') rememberSession(session.status === 'signed-in');
  }, [session.status]);

  // A new page: show the message left for it, and move focus to its heading (not on first load).
  // A page still loading its chunk takes the focus when it appears (LazyPage).
  const firstPath = useRef(true);
  const focusHeading = useRef(false);
  useEffect(() => {
    setFlashShown(pendingFlash.current);
    if (pendingFlash.current) services.announce(textIn(pendingFlash.current, languageRef.current));
    pendingFlash.current = undefined;
    if (firstPath.current) {
      firstPath.current = false;
      return;
    }
    focusHeading.current = true;
    requestAnimationFrame(() => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (!heading) return;
      heading.focus();
      focusHeading.current = false;
    });
  }, [location.pathname]);

  const user = session.status === 'signed-in' ? session.user : undefined;
  const found = location.pathname === '/console' ? undefined : findRoute(location.pathname);

  let content;
  if (location.pathname === '/console') {
    content = <Redirect to={homePath} />;
  } else if (!found) {
    content = <NotFound />;
  } else if (found.route.access !== 'public' && session.status === 'loading') {
    content = bootError ? <BootError message={bootError} retry={loadSession} /> : <Loading />;
  } else if (found.route.access !== 'public' && !user) {
    const next = location.pathname + location.search;
    content = <Redirect to={`${signInPath}?next=${encodeURIComponent(next)}`} />;
  } else if (!mayOpen(found.route, user)) {
    content = <Forbidden />;
  } else {
    content = (
      <LazyPage
        key={location.pathname}
        route={found.route}
        params={found.params}
        query={new URLSearchParams(location.search)}
        focusHeading={focusHeading}
      />
    );
  }

  return (
    <AppContext.Provider value={value}>
      <Shell user={user} pathname={location.pathname} flash={flashShown} announcement={announcement}>
        {content}
      </Shell>
    </AppContext.Provider>
  );
}

function Shell(props: {
  user: User | undefined;
  pathname: string;
  flash?: string | LocalizedText;
  announcement: string;
  children: ComponentChildren;
}) {
  const t = useText();
  const { setLanguage, language, signOut } = useApp();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [props.pathname]);
  const menu = routes.filter((route) => route.menu && mayOpen(route, props.user));
  const other: Language = language === 'vi' ? 'en' : 'vi';
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header class="topbar">
        <div class="topbar-inner">
          <a class="brand" href={props.user ? homePath : signInPath}>
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span>{t('app.name')}</span>
          </a>
          <div class="topbar-tools">
            <button type="button" class="lang-switch" lang={other} onClick={() => setLanguage(other)}>
              {t('language.other')}
            </button>
            {props.user && (
              <button
                type="button"
                class="menu-toggle"
                aria-expanded={menuOpen ? 'true' : 'false'}
                aria-controls="main-nav"
                onClick={() => setMenuOpen(!menuOpen)}
              >
                {t('nav.menu')}
              </button>
            )}
          </div>
          {props.user && (
            <nav id="main-nav" class={menuOpen ? 'main-nav open' : 'main-nav'} aria-label={t('nav.label')}>
              <ul>
                {menu.map((route) => (
                  <li key={route.path}>
                    <a
                      href={route.path}
                      aria-current={props.pathname === route.path || props.pathname.startsWith(`${route.path}/`) ? 'page' : undefined}
                    >
                      {t(route.menu!)}
                    </a>
                  </li>
                ))}
              </ul>
              <div class="nav-user">
                <span class="nav-user-name">{props.user.name}</span>
                <button type="button" class="button small" onClick={() => void signOut()}>
                  {t('nav.signOut')}
                </button>
              </div>
            </nav>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {props.flash && (
          <p class="flash" role="status">
            {textIn(props.flash, language)}
          </p>
        )}
        {props.children}
      </main>
      <footer class="footer">
        <p>{t('app.org')}</p>
      </footer>
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">
        {props.announcement}
      </div>
    </>
  );
}

/** A page from its chunk: at once when it was loaded before, else after a short "Loading…". */
function LazyPage(props: PageProps & { route: RouteDefinition; focusHeading: { current: boolean } }) {
  const t = useText();
  const [Page, setPage] = useState(() => loadedPages.get(props.route.load));
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (Page) return;
    let live = true;
    loadPage(props.route)
      .then((page) => live && setPage(() => page))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [props.route]);
  useEffect(() => {
    if (!Page || !props.focusHeading.current) return;
    props.focusHeading.current = false;
    requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
  }, [Page]);
  if (Page) return <Page params={props.params} query={props.query} />;
  if (failed) {
    return (
      <div class="notice error" role="alert">
        <p>{t('page.loadFailed')}</p>
        <button type="button" class="button" onClick={() => window.location.reload()}>
          {t('page.reload')}
        </button>
      </div>
    );
  }
  return <Loading />;
}

function Redirect(props: { to: string }) {
  useEffect(() => navigate(props.to, { replace: true }), [props.to]);
  return null;
}

function Loading() {
  const t = useText();
  return (
    <p class="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

function BootError(props: { message: string; retry: () => void }) {
  const t = useText();
  return (
    <div class="notice error" role="alert">
      <p>{props.message}</p>
      <button type="button" class="button" onClick={props.retry}>
        {t('common.retry')}
      </button>
    </div>
  );
}

function Forbidden() {
  const t = useText();
  return (
    <section>
      <PageHeading text={t('access.deniedTitle')} />
      <p>{t('access.deniedText')}</p>
      <p>
        <a href={homePath}>{t('access.toEvents')}</a>
      </p>
    </section>
  );
}

function NotFound() {
  const t = useText();
  return (
    <section>
      <PageHeading text={t('notFound.title')} />
      <p>{t('notFound.text')}</p>
      <p>
        <a href={homePath}>{t('access.toEvents')}</a>
      </p>
    </section>
  );
}
