import { isLanguage, pickLocalized, translator, type Language } from '../lib/i18n.js';
import { AnswerError, answerApi, failureSaid, type Answered, type Details, type Invitation, type Response } from './answer-api.js';
import type { createDelegationView } from './delegation.js';
import { messages, type MessageKey } from './answer-messages.js';
import { checkDetails, detailsToSend, draftInputs, inputId, labelOf, type Problems } from './details-form.js';
import { h, type Child } from './dom.js';
import { answerText } from '../../shared/events/field-choices.js';
import { formatDateValue, formatMoment } from './event-time.js';
import { salutationWord } from '../../shared/invitations/salutations.js';
import { announcer, contactLinks, drawPage, eventFacts, eventTitle, phaseCard, rememberedLanguage } from './page.js';
import './answer.css';

/**
 * The page a participant opens from their invitation, `/r/<token>` (docs/api/API.md, "Answering an
 * invitation"): the event, their answer in plain words, and the way to give or change it. Kept
 * apart from the console (no Preact, no zod) so that it loads fast on a phone over a slow
 * connection. The whole page is drawn again from `state` after each step; what a person typed
 * lives in `state`, so a language switch or an error keeps it.
 */

/** The personal token: the path segment after /r/. */
export function tokenFromPath(pathname: string): string | undefined {
  return /^\/r\/([A-Za-z0-9_-]{10,200})\/?$/.exec(pathname)?.[1];
}

type View = 'home' | 'accept' | 'decline' | 'edit' | 'withdraw';
type Phase = 'loading' | 'ready' | 'notFound' | 'tooMany' | 'failed';
/** A message in the page's own words (follows a switch), or one the server wrote in the language asked. */
type Said = { key: MessageKey; params?: Record<string, string | number> } | { text: string };

const state = {
  language: rememberedLanguage() ?? ('vi' as Language),
  phase: 'loading' as Phase,
  data: undefined as Invitation | undefined,
  view: 'home' as View,
  draft: {} as Details,
  reason: '',
  consent: false,
  problems: {} as Problems,
  consentMissing: false,
  formError: undefined as Said | undefined,
  /** Shown under the answer after a step: "recorded", "saved", or why it could not be done. */
  note: undefined as { said: Said; kind: 'success' | 'error' } | undefined,
  warnings: [] as string[],
  busy: false,
};

/** The head of a delegation's roster: its own chunk, imported only for a head's link. */
let delegation: ReturnType<typeof createDelegationView> | undefined;
let delegationFailed = false;

const t = (key: MessageKey, params?: Record<string, string | number>) => translator(messages, state.language)(key, params);
const say = (said: Said) => ('key' in said ? t(said.key, said.params) : said.text);

const token = tokenFromPath(location.pathname);
const api = answerApi(token ?? '', () => state.language);
const app = document.getElementById('app')!;

/** Announcements for screen readers. */
const announce = announcer();

type Openness = 'open' | 'closed' | 'cancelled';
function openness(event: Invitation['event']): Openness {
  if (event.status === 'cancelled') return 'cancelled';
  if (event.status !== 'published') return 'closed';
  if (event.registrationClosesAt && Date.parse(event.registrationClosesAt) <= Date.now()) return 'closed';
  return 'open';
}

const REGISTERED: Response[] = ['confirmed', 'waitlisted', 'pending'];

/** Draws the page; `focus` names the element that takes the focus afterwards. */
function render(focus?: string) {
  drawPage(app, state.language, t, state.data?.event.title, state.phase === 'notFound', switchLanguage, body(), focus);
}

function switchLanguage(language: Language) {
  state.language = language;
  render('lang-switch');
  // The roster's passport warnings are the server's sentences: fetched again in the new language.
  if (delegation) void delegation.load('lang-switch');
}

function body(): Child {
  switch (state.phase) {
    case 'ready':
      return invitationPage(state.data!);
    default:
      return phaseCard(state.phase, t, () => void load());
  }
}

function invitationPage(data: Invitation): Child {
  const { event, invitee } = data;
  const language = state.language;
  const agenda = pickLocalized(event.agenda, language);
  const about = [invitee.position, invitee.organisation].filter(Boolean).join(', ');
  const contact = event.contact;
  // The same word as the mail: the invitee's own salutation, else the event's form of address.
  const salutation = salutationWord(invitee.salutation, language, event.addressForm);
  return [
    h(
      'article',
      { class: 'card event', 'aria-labelledby': 'event-title' },
      h('p', { class: 'greeting' }, t('greeting', { salutation, name: invitee.name }).replace(/ {2,}/g, ' '), about ? h('span', { class: 'muted' }, ` ${about}`) : null),
      eventTitle(event, language, t, { salutation }),
      event.host ? h('p', { class: 'host muted' }, t('host', { host: pickLocalized(event.host, language).text })) : null,
      event.status === 'cancelled'
        ? h('div', { class: 'notice error' }, h('p', {}, t('cancelled')), event.cancelReason ? h('p', {}, t('cancelReason', { reason: event.cancelReason })) : null)
        : null,
      eventFacts(event, language, t),
    ),
    event.status === 'cancelled' ? null : answerCard(data),
    data.delegation?.isHead && event.status !== 'cancelled' ? delegationCard() : null,
    agenda.text
      ? h(
          'section',
          { class: 'card', 'aria-labelledby': 'agenda-heading' },
          h('h2', { id: 'agenda-heading' }, t('agenda')),
          h('div', { class: 'prose', lang: agenda.lang === language ? undefined : agenda.lang }, agenda.text),
        )
      : null,
    contact
      ? h(
          'section',
          { class: 'card', 'aria-labelledby': 'contact-heading' },
          h('h2', { id: 'contact-heading' }, t('contact')),
          h('p', { class: 'contact' }, contactLinks(contact)),
        )
      : null,
  ];
}

function delegationCard(): Child {
  if (delegation) return delegation.section();
  return h(
    'section',
    { class: 'card' },
    delegationFailed
      ? h('p', { class: 'notice error', role: 'alert' }, t('loadFailed'), ' ', h('button', { type: 'button', class: 'button secondary', onclick: () => void startDelegation() }, t('retry')))
      : h('p', { class: 'loading', role: 'status' }, t('loading')),
  );
}

/** Fetches the roster's chunk and the roster: a head's page only. */
async function startDelegation() {
  delegationFailed = false;
  try {
    const { createDelegationView } = await import('./delegation.js');
    delegation = createDelegationView({
      token: token!,
      language: () => state.language,
      t,
      open: () => Boolean(state.data && openness(state.data.event) === 'open'),
      render,
      announce,
    });
  } catch {
    delegationFailed = true;
    render();
    return;
  }
  await delegation.load();
}

const headingOf: Record<Response, MessageKey> = {
  none: 'r_none',
  confirmed: 'r_confirmed',
  waitlisted: 'r_waitlisted',
  pending: 'r_pending',
  declined: 'r_declined',
  withdrawn: 'r_withdrawn',
  rejected: 'r_rejected',
};

/** The answer in plain words, then what can be done about it now. */
function answerCard(data: Invitation): Child {
  const response = data.response;
  const open = openness(data.event) === 'open';
  const explanation: Child[] = [];
  const line = (key: MessageKey, params?: Record<string, string>) => explanation.push(h('p', null, t(key, params)));
  // Too late to answer: the heading says so, and the notice below says why.
  const heading: MessageKey = response === 'none' && !open ? 'r_none_late' : headingOf[response];
  if (response === 'none') {
    if (open) line('r_none_text');
  } else line(`${headingOf[response]}_text` as MessageKey);
  if (response === 'confirmed' && data.invitee.email) line('r_confirmed_mail', { email: data.invitee.email });
  if (open && response === 'declined') line('r_declined_open');
  if (open && response === 'withdrawn') line('r_withdrawn_open');

  const closesAt = data.event.registrationClosesAt;
  const deadline =
    open && closesAt && response !== 'rejected'
      ? h('p', { class: 'deadline' }, t(response === 'none' ? 'answerBy' : 'changeUntil', { at: formatMoment(closesAt, state.language) }))
      : null;
  const closed = open
    ? null
    : h(
        'div',
        { class: 'notice closed' },
        h('p', null, closesAt && Date.parse(closesAt) <= Date.now() ? t('closedAt', { at: formatMoment(closesAt, state.language) }) : t('closedNow')),
        h('p', null, t('closedHelp')),
      );
  const note = state.note ? h('p', { class: `notice ${state.note.kind}` }, say(state.note.said)) : null;
  const warnings = state.warnings.length ? h('ul', { class: 'notice warn' }, state.warnings.map((text) => h('li', null, text))) : null;

  return h(
    'section',
    { class: `card answer answer-${response}`, 'aria-labelledby': 'result' },
    h('p', { class: 'overline' }, t('yourAnswer')),
    h('h2', { id: 'result', tabindex: -1 }, t(heading)),
    explanation,
    note,
    warnings,
    closed,
    deadline,
    state.view === 'edit' || state.view === 'accept' ? null : detailsList(data),
    open ? actions(data) : null,
  );
}

function detailsList(data: Invitation): Child {
  const rows = data.fields
    .map((field) => ({ field, value: data.details?.[field.key] }))
    .filter((row): row is { field: typeof row.field; value: string } => typeof row.value === 'string' && row.value !== '');
  if (!rows.length || !['confirmed', 'waitlisted', 'pending', 'rejected'].includes(data.response)) return null;
  return h(
    'div',
    { class: 'details' },
    h('h3', null, t('yourDetails')),
    h(
      'dl',
      null,
      rows.map(({ field, value }) =>
        h('div', null, h('dt', null, labelOf(field, state.language)), h('dd', null, field.type === 'date' ? formatDateValue(value) : answerText(field, value, state.language))),
      ),
    ),
  );
}

const button = (kind: string, label: MessageKey, onclick: () => void, id?: string) =>
  h('button', { type: 'button', class: `button ${kind}`, id, onclick }, t(label));

function actions(data: Invitation): Child {
  const registered = REGISTERED.includes(data.response);
  switch (state.view) {
    case 'accept':
      return detailsForm(data, 'accept');
    case 'edit':
      return detailsForm(data, 'edit');
    case 'decline':
      return declineForm();
    case 'withdraw':
      return h(
        'div',
        { class: 'confirm', role: 'group', 'aria-labelledby': 'withdraw-title', 'aria-describedby': 'withdraw-text' },
        h('h3', { id: 'withdraw-title', tabindex: -1 }, t('withdrawTitle')),
        h('p', { id: 'withdraw-text' }, t('withdrawText')),
        formError(),
        h(
          'div',
          { class: 'buttons' },
          h('button', { type: 'button', class: 'button danger', id: 'withdraw-confirm', onclick: () => void withdraw() }, t('withdrawConfirm')),
          button('secondary', 'back', () => go('home', 'withdraw')),
        ),
      );
    case 'home':
      if (data.response === 'rejected') return null;
      if (registered) {
        return h(
          'div',
          { class: 'buttons' },
          data.fields.length ? button('secondary', 'editDetails', () => go('edit', 'form-title'), 'edit') : null,
          button('danger', 'withdraw', () => go('withdraw', 'withdraw-title'), 'withdraw'),
        );
      }
      return h(
        'div',
        { class: 'buttons' },
        button('primary', 'accept', () => go('accept', 'form-title'), 'accept'),
        data.response === 'declined' ? null : button('secondary', 'decline', () => go('decline', 'form-title'), 'decline'),
      );
  }
}

/** Opens a form (with what is stored as its starting point) or goes back; then moves the focus. */
function go(view: View, focus: string) {
  const data = state.data!;
  state.view = view;
  state.problems = {};
  state.consentMissing = false;
  state.formError = undefined;
  if (view === 'accept' || view === 'edit') {
    state.draft = Object.fromEntries(data.fields.map((f) => [f.key, typeof data.details?.[f.key] === 'string' ? String(data.details[f.key]) : '']));
    state.consent = false;
  }
  state.note = undefined;
  state.warnings = [];
  render();
  (document.getElementById(focus) ?? document.getElementById('result'))?.focus();
}

function submitButton(label: MessageKey, kind = 'primary') {
  return h('button', { type: 'submit', class: `button ${kind}`, disabled: state.busy, 'aria-disabled': state.busy ? 'true' : undefined }, t(state.busy ? 'sending' : label));
}

function formError(): Child {
  return state.formError ? h('p', { class: 'notice error', role: 'alert', id: 'form-error' }, say(state.formError)) : null;
}

function detailsForm(data: Invitation, mode: 'accept' | 'edit'): Child {
  const consent = data.passportConsent && !data.passportConsent.given ? data.passportConsent : undefined;
  return h(
    'form',
    { class: 'answer-form', novalidate: true, 'aria-labelledby': 'form-title', onsubmit: (e: Event) => (e.preventDefault(), void submitDetails(mode)) },
    h('h3', { id: 'form-title', tabindex: -1 }, t(mode === 'accept' ? 'acceptTitle' : 'editTitle')),
    data.fields.some((f) => f.required) ? h('p', { class: 'muted' }, t('acceptIntro')) : null,
    draftInputs(data.fields, state.draft, state.problems, state.language, t),
    consent
      ? h(
          'fieldset',
          { class: state.consentMissing ? 'field consent invalid' : 'field consent' },
          h('legend', null, t('consentTitle')),
          h(
            'label',
            { class: 'option' },
            h('input', {
              type: 'checkbox',
              id: 'f-consent',
              checked: state.consent,
              'aria-invalid': state.consentMissing ? 'true' : undefined,
              'aria-describedby': state.consentMissing ? 'f-consent-error' : undefined,
              onchange: (e: Event) => (state.consent = (e.target as HTMLInputElement).checked),
            }),
            h('span', null, consent.text[state.language]),
          ),
          state.consentMissing ? h('p', { class: 'field-error', id: 'f-consent-error' }, t('p_consent')) : null,
        )
      : null,
    formError(),
    h('div', { class: 'buttons' }, submitButton(mode === 'accept' ? 'submitAccept' : 'save'), button('secondary', 'back', () => go('home', mode === 'accept' ? 'accept' : 'edit'))),
  );
}

function declineForm(): Child {
  return h(
    'form',
    { class: 'answer-form', novalidate: true, 'aria-labelledby': 'form-title', onsubmit: (e: Event) => (e.preventDefault(), void decline()) },
    h('h3', { id: 'form-title', tabindex: -1 }, t('declineTitle')),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'f-reason' }, t('reason')),
      h('textarea', { id: 'f-reason', rows: 4, maxlength: 1000, 'aria-describedby': 'f-reason-hint', oninput: (e: Event) => (state.reason = (e.target as HTMLTextAreaElement).value) }, state.reason),
      h('p', { class: 'hint', id: 'f-reason-hint' }, t('reasonHint')),
    ),
    formError(),
    h('div', { class: 'buttons' }, submitButton('submitDecline', 'danger'), button('secondary', 'back', () => go('home', 'decline'))),
  );
}

/** The first field with a problem takes the focus (its first radio button for a group). */
function firstProblemId(data: Invitation): string | undefined {
  const field = data.fields.find((f) => state.problems[f.key]);
  if (field) return inputId(field.key);
  return state.consentMissing ? 'f-consent' : undefined;
}

/** Runs one request at a time: a double tap or a second submit while it travels does nothing. */
async function send(request: () => Promise<Answered>, after: (answered: Answered) => Promise<void> | void) {
  if (state.busy) return;
  state.busy = true;
  state.formError = undefined;
  for (const submit of app.querySelectorAll<HTMLButtonElement>('form button, .confirm button')) {
    submit.disabled = true;
    if (submit.type === 'submit' || submit.id === 'withdraw-confirm') submit.textContent = t('sending');
  }
  try {
    await after(await request());
  } catch (error) {
    await failed(error);
  } finally {
    state.busy = false;
  }
}

/** After an answer: the result in plain words, the focus on it, and said aloud. */
function showResult(note: MessageKey, warnings: Answered['warnings']) {
  state.view = 'home';
  state.note = { said: { key: note }, kind: 'success' };
  state.warnings = (warnings ?? []).map((w) => w.message);
  state.busy = false;
  render('result');
  announce(`${document.getElementById('result')?.textContent ?? ''}. ${t(note)}`);
}

async function submitDetails(mode: 'accept' | 'edit') {
  const data = state.data!;
  if (state.busy) return;
  state.problems = checkDetails(data.fields, state.draft);
  const consent = data.passportConsent && !data.passportConsent.given ? data.passportConsent : undefined;
  // The keys of shared/delegations/passport-data.ts (PASSPORT_FIELDS), written out: importing it brings zod.
  const givesPassport = data.fields.some((f) => ['passportNumber', 'passportExpiry', 'dateOfBirth'].includes(f.key) && state.draft[f.key]?.trim());
  state.consentMissing = Boolean(consent && givesPassport && !state.consent);
  const firstProblem = firstProblemId(data);
  if (firstProblem) {
    state.formError = { key: 'checkFields' };
    render(firstProblem);
    announce(t('checkFields'));
    return;
  }
  const consentGiven = consent && state.consent ? { version: consent.version } : undefined;
  if (mode === 'accept') {
    const details = detailsToSend(data.fields, state.draft) as Details;
    await send(
      () => api.accept(details, consentGiven),
      async (answered) => {
        data.response = answered.response;
        data.details = details;
        // The server keeps the values normalised (a phone as +84…): show what it stored.
        await reload();
        showResult('recorded', answered.warnings);
      },
    );
  } else {
    await send(
      () => api.change(detailsToSend(data.fields, state.draft, data.details), consentGiven),
      (answered) => {
        data.details = answered.details ?? data.details;
        if (consentGiven && data.passportConsent) data.passportConsent.given = true;
        showResult('saved', answered.warnings);
      },
    );
  }
}

async function decline() {
  const data = state.data!;
  await send(
    () => api.decline(state.reason.trim()),
    (answered) => {
      data.response = answered.response;
      state.reason = '';
      showResult('recorded', undefined);
    },
  );
}

async function withdraw() {
  const data = state.data!;
  await send(
    () => api.withdraw(),
    (answered) => {
      data.response = answered.response;
      showResult('recorded', undefined);
    },
  );
}

/** Refreshes the invitation quietly; the answer already shown stays if this fails. */
async function reload() {
  try {
    state.data = await api.open();
  } catch {
    // Kept as it was.
  }
}

/** What went wrong with an answer, shown where it helps: beside a field, in the form, or as the new state. */
async function failed(error: unknown) {
  state.busy = false;
  if (!(error instanceof AnswerError)) throw error;
  if (error.status === 404) {
    state.phase = 'notFound';
    render('page-heading');
    return;
  }
  if (error.code === 'details_invalid' && error.issues.length) {
    // Every issue is a field's problem or an unknown field; the fields' come first.
    state.problems = error.problemsByField;
    state.formError = { key: Object.keys(state.problems).length ? 'checkFields' : 'p_unknown_field' };
    render(firstProblemId(state.data!) ?? 'form-error');
    announce(t('checkFields'));
    return;
  }
  if (error.code === 'consent_required') {
    state.consentMissing = true;
    state.formError = { key: 'checkFields' };
    render('f-consent');
    return;
  }
  if (['registration_closed', 'event_cancelled', 'not_registered', 'registration_rejected'].includes(error.code)) {
    // The answer can no longer go this way: show how things stand now, and why.
    await reload();
    state.view = 'home';
    state.note = { said: { text: error.message }, kind: 'error' };
    render('result');
    announce(error.message);
    return;
  }
  state.formError = failureSaid(error);
  render('form-error');
}

async function load() {
  state.phase = token ? 'loading' : 'notFound';
  render();
  if (!token) return;
  let focus: string | undefined;
  try {
    state.data = await api.open();
    if (!rememberedLanguage() && isLanguage(state.data.invitee.language)) state.language = state.data.invitee.language;
    if (state.data.selfRegistered && state.data.response === 'none' && openness(state.data.event) === 'open') focus = await confirmAddress();
    state.phase = 'ready';
  } catch (error) {
    state.phase = error instanceof AnswerError && error.status === 404 ? 'notFound' : error instanceof AnswerError && error.status === 429 ? 'tooMany' : 'failed';
  }
  render(focus);
  if (focus) announce(`${document.getElementById('result')?.textContent ?? ''}. ${state.note ? say(state.note.said) : ''}`);
  if (state.phase === 'ready' && state.data?.delegation?.isHead) void startDelegation();
}

/**
 * Open registration: the link mailed to a person who registered on the event's page confirms
 * their address when it is opened, and that takes the place (or one on the waiting list, or
 * awaits approval) under the event's rules. Answers the element to focus: the result.
 */
async function confirmAddress(): Promise<string> {
  try {
    const answered = await api.confirmEmail();
    state.data = await api.open();
    state.note = { said: { key: 'addressConfirmed' }, kind: 'success' };
    state.warnings = (answered.warnings ?? []).map((w) => w.message);
  } catch (error) {
    if (!(error instanceof AnswerError) || error.status === 404) throw error;
    state.note = { said: error.status === 0 ? { key: 'network' } : { text: error.message }, kind: 'error' };
  }
  return 'result';
}

void load();
