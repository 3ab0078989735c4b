import type { getPublicEvent } from '../../shared/registrations/get-public-event.js';
import { translator, type Language } from '../lib/i18n.js';
import { AnswerError, call, failureSaid, type Details } from '../answer/answer-api.js';
import { checkDetails, draftInputs, inputId, type Problems } from '../answer/details-form.js';
import { h, showSending, type Child } from '../answer/dom.js';
import { fieldMessages, type FieldMessageKey } from '../answer/field-messages.js';
import { formatMoment } from '../answer/event-time.js';
import { announcer, contactLinks, drawPage, eventFacts, eventTitle, phaseCard, rememberedLanguage } from '../answer/page.js';
import { textInput } from '../answer/text-input.js';
import '../answer/answer.css';
import { registerMessages, type RegisterMessageKey } from './register-messages.js';

/**
 * An event's open registration page, `/dang-ky/<eventId>` (Vietnamese first: "đăng ký" is
 * "register"): the event, and a form with a name, an email and the event's fields. Sending it
 * answers "check your email" whatever happened (API: POST /api/events/:id/register); the mailed
 * link opens the participant page, which confirms the address and shows the place. The page
 * exists only for a published event with open registration: otherwise the API's 404 makes it a
 * plain "not found". Built like the participant page (no Preact, no zod), with whose parts and
 * styles it shares; a field hidden by CSS catches bots that fill in every input.
 */

export function eventIdFromPath(pathname: string): string | undefined {
  return /^\/dang-ky\/([A-Za-z0-9_-]{1,100})\/?$/.exec(pathname)?.[1];
}

type PublicEvent = Awaited<ReturnType<typeof getPublicEvent>>['event'];
type Said = { key: RegisterMessageKey; params?: Record<string, string | number> } | { text: string };
type Contact = 'name' | 'email' | 'organisation' | 'position';

const state = {
  language: rememberedLanguage() ?? ('vi' as Language),
  phase: 'loading' as 'loading' | 'ready' | 'notFound' | 'failed' | 'sent',
  event: undefined as PublicEvent | undefined,
  person: { name: '', email: '', organisation: '', position: '' } as Record<Contact, string>,
  trap: '',
  draft: {} as Details,
  contactProblems: {} as Partial<Record<Contact, Said>>,
  problems: {} as Problems,
  formError: undefined as Said | undefined,
  busy: false,
};

const t = (key: RegisterMessageKey, params?: Record<string, string | number>) => translator(registerMessages, state.language)(key, params);
const tField = (key: FieldMessageKey, params?: Record<string, string | number>) => translator(fieldMessages, state.language)(key, params);
const say = (said: Said) => ('key' in said ? t(said.key, said.params) : said.text);

const eventId = eventIdFromPath(location.pathname);
const app = document.getElementById('app')!;
const announce = announcer();

function render(focus?: string) {
  drawPage(app, state.language, t, state.event?.title, state.phase === 'notFound', switchLanguage, body(), focus);
}

function switchLanguage(language: Language) {
  state.language = language;
  render('lang-switch');
}

function body(): Child {
  switch (state.phase) {
    case 'ready':
    case 'sent':
      return [eventCard(state.event!), state.phase === 'sent' ? sentCard() : formCard(state.event!)];
    default:
      return phaseCard(state.phase, t, () => void load());
  }
}

function eventCard(event: PublicEvent): Child {
  return h(
    'article',
    { class: 'card event', 'aria-labelledby': 'event-title' },
    eventTitle(event, state.language, t),
    eventFacts(event, state.language, t),
    event.contact ? h('p', { class: 'contact' }, h('span', { class: 'muted' }, t('contact')), contactLinks(event.contact)) : null,
  );
}

function contactInput(key: Contact, label: RegisterMessageKey, options: { type?: string; required?: boolean; hint?: RegisterMessageKey; autocomplete: string }) {
  const problem = state.contactProblems[key];
  return textInput(`r-${key}`, t(label), options.required, options.hint ? t(options.hint) : undefined, problem ? say(problem) : undefined, {
    name: key,
    type: options.type ?? 'text',
    value: state.person[key],
    maxlength: 400,
    autocomplete: options.autocomplete,
    inputmode: options.type === 'email' ? 'email' : undefined,
    spellcheck: options.type === 'email' ? 'false' : undefined,
    oninput: (e: Event) => (state.person[key] = (e.target as HTMLInputElement).value),
  });
}

function formCard(event: PublicEvent): Child {
  const notices: Child[] = [];
  if (event.closed) notices.push(h('p', { class: 'notice closed' }, t('closed')));
  else {
    if (event.registrationClosesAt) notices.push(h('p', { class: 'deadline' }, t('registerBy', { at: formatMoment(event.registrationClosesAt, state.language) })));
    if (event.full) notices.push(h('p', { class: 'notice warn' }, t('full')));
    if (event.requiresApproval) notices.push(h('p', { class: 'notice warn' }, t('approval')));
  }
  return h(
    'section',
    { class: 'card answer', 'aria-labelledby': 'form-title' },
    h('h2', { id: 'form-title', tabindex: -1 }, t('formTitle')),
    notices,
    event.closed
      ? null
      : h(
          'form',
          { class: 'answer-form', id: 'register-form', novalidate: true, onsubmit: (e: Event) => (e.preventDefault(), void submit()) },
          h('p', { class: 'muted' }, t('formIntro')),
          contactInput('name', 'name', { required: true, autocomplete: 'name' }),
          contactInput('email', 'email', { type: 'email', required: true, hint: 'emailHint', autocomplete: 'email' }),
          contactInput('organisation', 'organisation', { autocomplete: 'organization' }),
          contactInput('position', 'position', { autocomplete: 'organization-title' }),
          draftInputs(event.fields, state.draft, state.problems, state.language, tField),
          // The honeypot: out of sight (answer.css, .hp), out of the tab order, unnamed for assistive
          // technology. A person leaves it empty; a bot filling every input does not.
          h(
            'div',
            { class: 'hp', 'aria-hidden': 'true' },
            h('label', { for: 'r-website' }, t('trap')),
            h('input', { id: 'r-website', name: 'website', type: 'text', tabindex: -1, autocomplete: 'off', value: state.trap, oninput: (e: Event) => (state.trap = (e.target as HTMLInputElement).value) }),
          ),
          state.formError ? h('p', { class: 'notice error', role: 'alert', id: 'form-error' }, say(state.formError)) : null,
          h(
            'div',
            { class: 'buttons' },
            h('button', { type: 'submit', class: 'button primary', id: 'register-submit', disabled: state.busy }, t(state.busy ? 'sending' : 'submit')),
          ),
        ),
  );
}

function sentCard(): Child {
  return h(
    'section',
    { class: 'card answer answer-pending', 'aria-labelledby': 'sent-title' },
    h('h2', { id: 'sent-title', tabindex: -1 }, t('sentTitle')),
    h('p', null, `${t('sentText')} `, h('span', { class: 'sent-to' }, state.person.email.trim()), '.'),
    h('p', null, t('sentNext')),
    h('p', { class: 'muted' }, t('sentSpam')),
  );
}

function firstProblem(): string | undefined {
  for (const key of ['name', 'email', 'organisation', 'position'] as Contact[]) if (state.contactProblems[key]) return `r-${key}`;
  const field = state.event!.fields.find((f) => state.problems[f.key]);
  return field ? inputId(field.key) : undefined;
}

function showProblems() {
  state.formError = { key: 'checkFields' };
  render(firstProblem() ?? 'form-error');
  announce(t('checkFields'));
}

async function submit() {
  const event = state.event!;
  if (state.busy) return;
  const person = Object.fromEntries(Object.entries(state.person).map(([k, v]) => [k, v.trim()])) as Record<Contact, string>;
  state.contactProblems = {};
  if (!person.name) state.contactProblems.name = { key: 'e_required' };
  if (!person.email) state.contactProblems.email = { key: 'e_required' };
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(person.email)) state.contactProblems.email = { key: 'e_email' };
  state.problems = checkDetails(event.fields, state.draft);
  if (Object.keys(state.contactProblems).length || Object.keys(state.problems).length) return showProblems();

  const details = Object.fromEntries(Object.entries(state.draft).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ''));
  state.busy = true;
  state.formError = undefined;
  showSending('register-submit', t('sending'));
  try {
    await call(state.language, 'POST', `events/${encodeURIComponent(eventId!)}/register`, {
      name: person.name,
      email: person.email,
      ...(person.organisation ? { organisation: person.organisation } : {}),
      ...(person.position ? { position: person.position } : {}),
      language: state.language,
      ...(Object.keys(details).length ? { details } : {}),
      ...(state.trap ? { website: state.trap } : {}),
    });
    state.busy = false;
    state.phase = 'sent';
    render('sent-title');
    announce(`${t('sentTitle')}. ${t('sentNext')}`);
  } catch (error) {
    state.busy = false;
    failed(error);
  }
}

function failed(error: unknown) {
  if (!(error instanceof AnswerError)) throw error;
  if (error.code === 'details_invalid' && error.issues.length) {
    state.problems = error.problemsByField;
    if (Object.keys(state.problems).length) return showProblems();
  }
  if (error.code === 'validation_failed' && Array.isArray(error.details)) {
    // Which field, in the reader's language: shared/invitations/invitee-problems.ts.
    for (const problem of error.details as { field?: string; message?: string }[]) {
      if (problem.field && ['name', 'email', 'organisation', 'position'].includes(problem.field)) {
        state.contactProblems[problem.field as Contact] ??= problem.message ? { text: problem.message } : { key: 'e_invalid' };
      }
    }
    if (Object.keys(state.contactProblems).length) return showProblems();
  }
  if (error.status === 404) {
    // The event was unpublished or its registration withdrawn since the page opened.
    state.phase = 'notFound';
    render('page-heading');
    return;
  }
  state.formError = failureSaid(error);
  render('form-error');
  announce(say(state.formError));
}

async function load() {
  state.phase = eventId ? 'loading' : 'notFound';
  render();
  if (!eventId) return;
  try {
    state.event = (await call<{ event: PublicEvent }>(state.language, 'GET', `events/${encodeURIComponent(eventId)}/public`)).event;
    state.phase = 'ready';
  } catch (error) {
    state.phase = error instanceof AnswerError && error.status === 404 ? 'notFound' : 'failed';
  }
  render();
}

void load();
