import { isLanguage, pickLocalized, type Language, type Translate } from '../lib/i18n.js';
import { h, type Child } from './dom.js';
import { formatEventTime } from './event-time.js';

/**
 * What the participant page (main.ts) and the open registration page (../register/main.ts) draw
 * alike: the remembered language, the screen reader announcements, the page's frame, the cards of
 * a page that is loading, missing or failed, and the event's title, time, place and contact.
 */

/**
 * The choice made on these pages, kept apart from the console's: an organiser opening someone's
 * link on their own phone should see the invitee's language, not the console's.
 */
const languageKey = 'hn.answer.language';

export function rememberedLanguage(): Language | undefined {
  try {
    const stored = localStorage.getItem(languageKey);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

function rememberLanguage(language: Language) {
  try {
    localStorage.setItem(languageKey, language);
  } catch {
    // Private mode: applied to this visit only.
  }
}

/** Announcements for screen readers; one node for the page's whole life, so it is always heard. */
export function announcer(): (text: string) => void {
  const live = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  document.body.append(live);
  return (text) => {
    live.textContent = '';
    setTimeout(() => (live.textContent = text), 100);
  };
}

/** The texts every page of the two has: pageMessages in page-messages.ts, and the page's own. */
type FrameKey = 'pageTitle' | 'notFoundTitle' | 'switchTo' | 'org';

/**
 * Draws the page in its frame; the window's title is the event's (`title`, once known), else the
 * page's. The language switch remembers the choice, then calls `switchLanguage`; `focus` names
 * the element that takes the focus afterwards.
 */
export function drawPage(
  app: HTMLElement,
  language: Language,
  t: Translate<FrameKey>,
  title: { vi?: string; en?: string } | undefined,
  notFound: boolean,
  switchLanguage: (language: Language) => void,
  body: Child,
  focus?: string,
) {
  document.documentElement.lang = language;
  const other: Language = language === 'vi' ? 'en' : 'vi';
  document.title = `${(title ? pickLocalized(title, language).text : undefined) ?? t(notFound ? 'notFoundTitle' : 'pageTitle')} · Hữu Nghị Events`;
  app.replaceChildren(
    h(
      'header',
      { class: 'bar' },
      h('span', { class: 'brand' }, h('img', { src: '/favicon.svg', alt: '', width: 28, height: 28 }), 'Hữu Nghị Events'),
      h('button', { type: 'button', class: 'lang-switch', id: 'lang-switch', lang: other, onclick: () => (rememberLanguage(other), switchLanguage(other)) }, t('switchTo')),
    ),
    h('main', { id: 'main' }, body),
    h('footer', null, t('org')),
  );
  if (focus) document.getElementById(focus)?.focus();
}

type PhaseKey = 'loading' | 'notFoundTitle' | 'notFoundText' | 'loadFailed' | 'retry';

/**
 * The page while it has no event to show: loading, failed (with a way to try again), or a heading
 * and a text: `<phase>Title` and `<phase>Text` (not found; on the participant page, too many
 * wrong links).
 */
export function phaseCard(phase: string, t: Translate<PhaseKey>, retry: () => void): Child {
  if (phase === 'loading') return h('p', { class: 'loading', role: 'status' }, t('loading'));
  if (phase === 'failed') {
    return h('div', { class: 'card' }, h('p', { class: 'notice error', role: 'alert' }, t('loadFailed')), h('button', { type: 'button', class: 'button primary', onclick: retry }, t('retry')));
  }
  return h('div', { class: 'card' }, h('h1', { id: 'page-heading', tabindex: -1 }, t(`${phase}Title` as PhaseKey)), h('p', null, t(`${phase}Text` as PhaseKey)));
}

type EventShown = {
  title?: { vi?: string; en?: string };
  description?: { vi?: string; en?: string };
  startsAt: string;
  endsAt: string;
  venue: string;
  venueMapUrl?: string | null;
};
type EventKey = 'invites' | 'when' | 'where' | 'map' | 'newTab';

/** "… invites you to" and the event's title. */
export function eventTitle(event: EventShown, language: Language, t: Translate<EventKey>, params?: Record<string, string>): Child {
  const title = pickLocalized(event.title, language);
  return [
    h('p', { class: 'invites' }, t('invites', params).replace(/ {2,}/g, ' ')),
    h('h1', { id: 'event-title', lang: title.lang === language ? undefined : title.lang }, title.text),
  ];
}

/** When and where (with a map link), then the description. */
export function eventFacts(event: EventShown, language: Language, t: Translate<EventKey>): Child {
  const description = pickLocalized(event.description, language);
  const mapUrl = event.venueMapUrl ?? `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(event.venue)}`;
  return [
    h(
      'dl',
      { class: 'facts' },
      h('div', null, h('dt', null, t('when')), h('dd', null, formatEventTime(event.startsAt, event.endsAt, language))),
      h(
        'div',
        null,
        h('dt', null, t('where')),
        h(
          'dd',
          null,
          h('span', { class: 'venue' }, event.venue),
          h('a', { class: 'map-link', href: mapUrl, target: '_blank', rel: 'noopener noreferrer' }, t('map'), h('span', { class: 'visually-hidden' }, ` ${t('newTab')}`)),
        ),
      ),
    ),
    description.text ? h('div', { class: 'prose', lang: description.lang === language ? undefined : description.lang }, description.text) : null,
  ];
}

/** The contact person's name, and their phone and email as links. */
export function contactLinks(contact: { name: string; phone?: string | null; email?: string | null }): Child {
  return [
    h('strong', null, contact.name),
    contact.phone ? h('a', { href: `tel:${contact.phone.replace(/[^+\d]/g, '')}` }, contact.phone) : null,
    contact.email ? h('a', { href: `mailto:${contact.email}` }, contact.email) : null,
  ];
}
