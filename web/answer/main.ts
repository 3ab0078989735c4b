import { rememberLanguage, storedLanguage, type Language } from '../lib/i18n.js';
import './answer.css';

/**
 * The page a participant opens from their invitation, `/r/<token>`. It is kept apart from the
 * console (no Preact, no zod) so that it loads fast on a phone over a slow connection; the
 * answering itself comes with its own issue. For now: the page, both languages, the token read
 * from the path (kept on #app for the code that will fetch the invitation with it).
 */
const text = {
  vi: {
    title: 'Trang trả lời lời mời',
    pending: 'Lời mời của bạn sẽ hiển thị tại đây: thời gian, địa điểm và nút trả lời.',
    missing: 'Đường dẫn này không đầy đủ. Vui lòng mở lại đường dẫn trong email mời.',
    other: 'English',
    org: 'Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk',
  },
  en: {
    title: 'Invitation answer page',
    pending: 'Your invitation will be shown here: the time, the place and a way to answer.',
    missing: 'This link is incomplete. Please open the link in your invitation email again.',
    other: 'Tiếng Việt',
    org: 'Đắk Lắk Union of Friendship Organisations',
  },
} satisfies Record<Language, Record<string, string>>;

/** The personal token: the path segment after /r/. */
export function tokenFromPath(pathname: string): string | undefined {
  const match = /^\/r\/([A-Za-z0-9_-]{10,200})\/?$/.exec(pathname);
  return match?.[1];
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function render(language: Language) {
  const t = text[language];
  const token = tokenFromPath(location.pathname);
  document.documentElement.lang = language;
  document.title = `${t.title} · Hữu Nghị Events`;
  const other: Language = language === 'vi' ? 'en' : 'vi';
  const switcher = el('button', { type: 'button', className: 'lang-switch', lang: other, textContent: t.other });
  switcher.addEventListener('click', () => {
    rememberLanguage(other);
    render(other);
    document.querySelector<HTMLElement>('h1')?.focus();
  });
  const message = token
    ? el('p', { className: 'status', textContent: t.pending })
    : el('p', { className: 'status error', textContent: t.missing });
  message.setAttribute('role', token ? 'status' : 'alert');
  const heading = el('h1', { textContent: t.title, tabIndex: -1 });
  const app = document.getElementById('app')!;
  app.replaceChildren(
    el('header', { className: 'bar' }, el('span', { className: 'brand', textContent: 'Hữu Nghị Events' }), switcher),
    el('main', {}, heading, message),
    el('footer', { textContent: t.org }),
  );
  if (token) app.dataset.token = token;
}

render(storedLanguage());
