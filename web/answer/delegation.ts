import { translator, type Language, type Translate } from '../lib/i18n.js';
import { AnswerError, call, type Field, type Response } from './answer-api.js';
import type { MessageKey } from './answer-messages.js';
import { delegationMessages, type DelegationMessageKey } from './delegation-messages.js';
import { checkDetails, fieldInput, type Problem, type Problems } from './details-form.js';
import { h, showSending, type Child } from './dom.js';
import { textInput } from './text-input.js';

/**
 * The head of a delegation's part of their page (/r/<token>): the whole delegation, and members
 * added or changed from the phone (API: /api/r/<token>/delegation). Loaded as a chunk of its own,
 * only when the link is a head's, so an ordinary invitee's page stays as small as it was. Passport
 * data comes back masked (only organisers see it); it is sent only after the consent is ticked,
 * and the server's problems land beside the field they are about.
 */

/** The keys of shared/delegations/passport-data.ts (PASSPORT_FIELDS): importing it brings zod. */
const PERSONAL_FIELDS = ['passportNumber', 'passportExpiry', 'dateOfBirth'];
/** Set from the role by the server; not asked twice. */
const ROLE_FIELD = 'delegationRole';

type Warning = { code: string; field?: string; message: string };
type Member = {
  invitationId: string;
  name: string;
  email?: string;
  organisation?: string;
  position?: string;
  role: string;
  roleLabel: { vi: string; en: string };
  protocolRank?: number;
  response: Response;
  details: Record<string, string>;
  consent?: { version: string };
  warnings: Warning[];
};
type HeadView = {
  head: Member;
  members: Member[];
  fields: Field[];
  roles: { role: string; label: { vi: string; en: string } }[];
  passportConsent: { version: string; text: { vi: string; en: string } };
};
type Saved = { member: Member; warnings?: Warning[] };

export type DelegationHost = {
  token: string;
  language: () => Language;
  /** The answer page's own texts: the field problems of details-form.ts. */
  t: Translate<MessageKey>;
  /** Whether the event still takes answers (published, before the deadline). */
  open: () => boolean;
  /** Draws the whole page again; `focus` names the element that takes the focus. */
  render: (focus?: string) => void;
  announce: (text: string) => void;
};

/** A text in the page's words (follows a language switch) or as the server wrote it. */
type Said = { key: DelegationMessageKey; params?: Record<string, string> } | { text: string };

type Contact = 'name' | 'email' | 'protocolRank' | 'organisation' | 'position';
type Form = {
  /** The member edited; undefined for a new one. */
  member?: Member;
  name: string;
  email: string;
  role: string;
  protocolRank: string;
  organisation: string;
  position: string;
  details: Record<string, string>;
  consent: boolean;
  contactProblems: Partial<Record<Contact, Said>>;
  problems: Problems;
  consentMissing: boolean;
  error?: Said;
};

const memberFieldKey = (key: string) => `m-${key}`;

export function createDelegationView(host: DelegationHost) {
  const state = {
    phase: 'loading' as 'loading' | 'ready' | 'failed',
    data: undefined as HeadView | undefined,
    form: undefined as Form | undefined,
    /** The member whose removal waits for a confirmation. */
    removing: undefined as Member | undefined,
    removeError: undefined as Said | undefined,
    note: undefined as Said | undefined,
    warnings: [] as string[],
    busy: false,
  };
  const t = (key: DelegationMessageKey, params?: Record<string, string>) => translator(delegationMessages, host.language())(key, params);
  const say = (said: Said) => ('key' in said ? t(said.key, said.params) : said.text);
  const base = `r/${encodeURIComponent(host.token)}/delegation`;
  const request = <T>(method: string, path: string, body?: unknown) => call<T>(host.language(), method, `${base}${path}`, body);

  async function load(focus?: string) {
    try {
      state.data = await request<HeadView>('GET', '');
      state.phase = 'ready';
    } catch {
      state.phase = state.data ? 'ready' : 'failed';
    }
    host.render(focus);
  }

  const askedFields = () => (state.data?.fields ?? []).filter((f) => f.key !== ROLE_FIELD);
  const consentOnFile = (member?: Member) => member?.consent?.version === state.data?.passportConsent.version;

  function section(): Child {
    const body: Child[] = [h('h2', { id: 'delegation-heading', tabindex: -1 }, t('title'))];
    if (state.phase === 'loading') body.push(h('p', { class: 'loading', role: 'status' }, t('loading')));
    else if (state.phase === 'failed') {
      body.push(
        h('p', { class: 'notice error', role: 'alert' }, t('loadFailed')),
        h('button', { type: 'button', class: 'button secondary', onclick: () => ((state.phase = 'loading'), host.render(), void load('delegation-heading')) }, t('retry')),
      );
    } else {
      const data = state.data!;
      const open = host.open();
      body.push(
        h('p', { class: 'muted' }, t('intro')),
        state.note ? h('p', { class: 'notice success', id: 'delegation-note', tabindex: -1 }, say(state.note)) : null,
        state.warnings.length ? h('ul', { class: 'notice warn', id: 'delegation-warnings' }, state.warnings.map((w) => h('li', null, w))) : null,
        open ? null : h('p', { class: 'notice closed' }, t('closed')),
        h('p', { class: 'overline' }, t('count', { n: String(data.members.length + 1) })),
        h('ol', { class: 'roster' }, [memberItem(data.head, true), ...data.members.map((m) => memberItem(m, false))]),
        state.form ? memberForm(state.form) : null,
        open && !state.form && !state.removing ? h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'button primary', id: 'member-add', onclick: () => startForm() }, t('add'))) : null,
      );
    }
    return h('section', { class: 'card delegation', 'aria-labelledby': 'delegation-heading' }, body);
  }

  function memberItem(member: Member, isHead: boolean): Child {
    const language = host.language();
    const about = [member.position, member.organisation].filter(Boolean).join(', ');
    const editing = state.form?.member?.invitationId === member.invitationId;
    const canEdit = !isHead && host.open() && !state.form && !state.removing;
    const removing = state.removing?.invitationId === member.invitationId;
    return h(
      'li',
      { class: editing ? 'member editing' : 'member', id: `member-${member.invitationId}` },
      h(
        'div',
        { class: 'member-head' },
        h('strong', { class: 'member-name' }, member.name, isHead ? h('span', { class: 'muted' }, ` (${t('you')})`) : null),
        h('span', { class: `badge status-${member.response}` }, t(`s_${member.response}` as DelegationMessageKey)),
      ),
      h(
        'p',
        { class: 'member-meta' },
        member.roleLabel[language],
        member.protocolRank ? ` · ${t('rank', { n: String(member.protocolRank) })}` : null,
      ),
      about ? h('p', { class: 'member-meta' }, about) : null,
      h('p', { class: 'member-meta' }, member.email ?? t('noEmail')),
      member.warnings.length ? h('ul', { class: 'notice warn' }, member.warnings.map((w) => h('li', null, w.message))) : null,
      canEdit
        ? h(
            'div',
            { class: 'member-actions' },
            h(
              'button',
              { type: 'button', class: 'button secondary small', id: `edit-${member.invitationId}`, 'aria-label': t('editOf', { name: member.name }), onclick: () => startForm(member) },
              t('edit'),
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'button danger small',
                id: `remove-${member.invitationId}`,
                'aria-label': t('removeOf', { name: member.name }),
                onclick: () => ((state.removing = member), (state.removeError = undefined), (state.note = undefined), (state.warnings = []), host.render('remove-title')),
              },
              t('remove'),
            ),
          )
        : null,
      removing ? removeConfirm(member) : null,
    );
  }

  function removeConfirm(member: Member): Child {
    return h(
      'div',
      { class: 'confirm', role: 'group', 'aria-labelledby': 'remove-title', 'aria-describedby': 'remove-text' },
      h('h3', { id: 'remove-title', tabindex: -1 }, t('removeTitle', { name: member.name })),
      h('p', { id: 'remove-text' }, t('removeText')),
      state.removeError ? h('p', { class: 'notice error', role: 'alert', id: 'remove-error' }, say(state.removeError)) : null,
      h(
        'div',
        { class: 'buttons' },
        h('button', { type: 'button', class: 'button danger', id: 'remove-confirm', disabled: state.busy, onclick: () => void remove(member) }, t(state.busy ? 'sending' : 'removeConfirm')),
        h('button', { type: 'button', class: 'button secondary', onclick: () => ((state.removing = undefined), host.render(`remove-${member.invitationId}`)) }, t('cancel')),
      ),
    );
  }

  async function remove(member: Member) {
    if (state.busy) return;
    state.busy = true;
    showSending('remove-confirm', t('sending'));
    try {
      await request<unknown>('DELETE', `/members/${encodeURIComponent(member.invitationId)}`);
    } catch (error) {
      state.busy = false;
      // Already gone (removed from another phone, or by the organisers) is what was asked for.
      if (!(error instanceof AnswerError) || error.status !== 404) {
        state.removeError = error instanceof AnswerError && error.status !== 0 && error.message ? { text: error.message } : { text: host.t('network') };
        host.render('remove-error');
        return;
      }
    }
    state.busy = false;
    state.removing = undefined;
    state.note = { key: 'removed', params: { name: member.name } };
    await load('delegation-note');
    host.announce(t('removed', { name: member.name }));
  }

  function startForm(member?: Member) {
    const details: Record<string, string> = {};
    for (const field of askedFields()) {
      const stored = member?.details[field.key];
      // Passport data comes back masked: the form starts empty, and empty keeps what is stored.
      details[field.key] = stored && !PERSONAL_FIELDS.includes(field.key) ? stored : '';
    }
    state.form = {
      member,
      name: member?.name ?? '',
      email: member?.email ?? '',
      role: member?.role ?? 'member',
      protocolRank: member?.protocolRank ? String(member.protocolRank) : '',
      organisation: member?.organisation ?? '',
      position: member?.position ?? '',
      details,
      consent: false,
      contactProblems: {},
      problems: {},
      consentMissing: false,
    };
    state.note = undefined;
    state.warnings = [];
    host.render('member-form-title');
  }

  function closeForm(focus: string) {
    state.form = undefined;
    host.render(focus);
  }

  function contactInput(form: Form, key: Contact, label: DelegationMessageKey, options: { type?: string; required?: boolean; hint?: DelegationMessageKey; inputmode?: string; autocomplete?: string } = {}) {
    const problem = form.contactProblems[key];
    return textInput(`m-${key}`, t(label), options.required, options.hint ? t(options.hint) : undefined, problem ? say(problem) : undefined, {
      name: key,
      type: options.type ?? 'text',
      value: form[key],
      maxlength: 500,
      inputmode: options.inputmode,
      autocomplete: options.autocomplete ?? 'off',
      oninput: (e: Event) => (form[key] = (e.target as HTMLInputElement).value),
    });
  }

  function memberForm(form: Form): Child {
    const data = state.data!;
    const language = host.language();
    const fields = askedFields();
    const asksPersonal = fields.some((f) => PERSONAL_FIELDS.includes(f.key));
    const needsConsent = asksPersonal && !consentOnFile(form.member);
    const detailInput = (field: Field) => {
      const stored = form.member?.details[field.key];
      const personal = PERSONAL_FIELDS.includes(field.key);
      const input = fieldInput({
        field: { ...field, key: memberFieldKey(field.key) },
        value: form.details[field.key] ?? '',
        problem: form.problems[field.key],
        language,
        t: host.t,
        disabled: false,
        onInput: (_key, value) => (form.details[field.key] = value),
      });
      if (personal && stored) input.append(h('p', { class: 'hint' }, t('storedPassport', { value: stored })));
      return input;
    };
    return h(
      'form',
      {
        class: 'answer-form member-form',
        id: 'member-form',
        novalidate: true,
        'aria-labelledby': 'member-form-title',
        onsubmit: (e: Event) => (e.preventDefault(), void submit(form)),
      },
      h('h3', { id: 'member-form-title', tabindex: -1 }, form.member ? `${t('editTitle')}: ${form.member.name}` : t('addTitle')),
      h('p', { class: 'muted' }, t('formIntro')),
      contactInput(form, 'name', 'name', { required: true, autocomplete: 'off' }),
      h(
        'fieldset',
        { class: 'field choice', id: 'm-role-group' },
        h('legend', null, t('role')),
        data.roles.map(({ role, label }) =>
          h(
            'label',
            { class: 'option' },
            h('input', {
              type: 'radio',
              name: 'member-role',
              id: `m-role-${role}`,
              value: role,
              checked: form.role === role,
              onchange: () => (form.role = role),
            }),
            h('span', null, label[language]),
          ),
        ),
      ),
      contactInput(form, 'protocolRank', 'protocolRank', { inputmode: 'numeric', hint: 'protocolRankHint' }),
      contactInput(form, 'organisation', 'organisation'),
      contactInput(form, 'position', 'position'),
      contactInput(form, 'email', 'email', { type: 'email', inputmode: 'email', hint: 'emailHint' }),
      fields.filter((f) => !PERSONAL_FIELDS.includes(f.key)).map(detailInput),
      asksPersonal
        ? h(
            'fieldset',
            { class: 'field personal' },
            h('legend', null, t('passportTitle')),
            needsConsent
              ? h(
                  'div',
                  { class: form.consentMissing ? 'field consent invalid' : 'field consent' },
                  h('p', { class: 'hint', id: 'm-consent-hint' }, t('consentNeeded')),
                  h(
                    'label',
                    { class: 'option' },
                    h('input', {
                      type: 'checkbox',
                      id: 'm-consent',
                      checked: form.consent,
                      'aria-invalid': form.consentMissing ? 'true' : undefined,
                      'aria-describedby': form.consentMissing ? 'm-consent-error' : 'm-consent-hint',
                      onchange: (e: Event) => (form.consent = (e.target as HTMLInputElement).checked),
                    }),
                    h('span', null, data.passportConsent.text[language]),
                  ),
                  form.consentMissing ? h('p', { class: 'field-error', id: 'm-consent-error' }, t('e_consent')) : null,
                )
              : h('p', { class: 'hint' }, t('consentOnFile')),
            fields.filter((f) => PERSONAL_FIELDS.includes(f.key)).map(detailInput),
          )
        : null,
      form.error ? h('p', { class: 'notice error', role: 'alert', id: 'member-form-error' }, say(form.error)) : null,
      h(
        'div',
        { class: 'buttons' },
        h('button', { type: 'submit', class: 'button primary', id: 'member-save', disabled: state.busy }, t(state.busy ? 'sending' : 'save')),
        h('button', { type: 'button', class: 'button secondary', onclick: () => closeForm(form.member ? `edit-${form.member.invitationId}` : 'member-add') }, t('cancel')),
      ),
    );
  }

  /** The first input with a problem, in the order of the form. */
  function firstProblem(form: Form): string | undefined {
    for (const key of ['name', 'protocolRank', 'organisation', 'position', 'email'] as Contact[]) if (form.contactProblems[key]) return `m-${key}`;
    const fields = askedFields();
    const ordered = [...fields.filter((f) => !PERSONAL_FIELDS.includes(f.key)), ...fields.filter((f) => PERSONAL_FIELDS.includes(f.key))];
    if (form.consentMissing && !ordered.some((f) => form.problems[f.key] && !PERSONAL_FIELDS.includes(f.key))) return 'm-consent';
    const field = ordered.find((f) => form.problems[f.key]);
    return field ? `f-${memberFieldKey(field.key)}` : undefined;
  }

  function showProblems(form: Form) {
    form.error = { key: 'checkFields' };
    host.render(firstProblem(form) ?? 'member-form-error');
    host.announce(t('checkFields'));
  }

  /** What the form says, checked as the server checks it, and the body to send (nothing changed: undefined). */
  function check(form: Form): Record<string, unknown> | undefined {
    const member = form.member;
    const fields = askedFields();
    form.contactProblems = {};
    form.consentMissing = false;
    const name = form.name.trim();
    const email = form.email.trim();
    const rank = form.protocolRank.trim();
    if (!name) form.contactProblems.name = { key: 'e_required' };
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) form.contactProblems.email = { key: 'e_email' };
    if (rank && !(/^\d{1,4}$/.test(rank) && Number(rank) >= 1)) form.contactProblems.protocolRank = { key: 'e_rank' };

    // Details: values typed now, and for an edit what is stored (passport data is kept unless retyped).
    const typed = Object.fromEntries(Object.entries(form.details).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ''));
    const stored = member?.details ?? {};
    const effective: Record<string, string> = {};
    for (const field of fields) {
      const value = typed[field.key] ?? (PERSONAL_FIELDS.includes(field.key) && stored[field.key] ? 'stored' : '');
      if (value) effective[field.key] = value;
    }
    // The server registers the member (and then wants every required field) when the head gives
    // details, or for a member without email, whom nobody else can answer for.
    const registered = member && ['confirmed', 'waitlisted', 'pending'].includes(member.response);
    const registering = registered || !email || Object.keys(typed).length > 0;
    const problems = checkDetails(
      fields.map((f) => ({ ...f, required: registering && f.required })),
      Object.fromEntries(fields.map((f) => [f.key, typed[f.key] ?? (effective[f.key] ? 'x' : '')])),
    );
    // Stored (masked) values are not checked again: only their presence counts.
    for (const key of Object.keys(problems)) if (!typed[key] && effective[key]) delete problems[key];
    form.problems = problems;
    const givesPersonal = PERSONAL_FIELDS.some((key) => typed[key]);
    form.consentMissing = givesPersonal && !consentOnFile(member) && !form.consent;
    if (Object.keys(form.contactProblems).length || Object.keys(problems).length || form.consentMissing) throw new FormProblems();

    const consent = givesPersonal && form.consent ? { consent: { version: state.data!.passportConsent.version } } : {};
    if (!member) {
      return {
        name,
        role: form.role,
        ...(email ? { email } : {}),
        ...(rank ? { protocolRank: Number(rank) } : {}),
        ...(form.organisation.trim() ? { organisation: form.organisation.trim() } : {}),
        ...(form.position.trim() ? { position: form.position.trim() } : {}),
        ...(Object.keys(typed).length ? { details: typed } : {}),
        ...consent,
      };
    }
    // An edit sends only what changed; an emptied value is removed (null), passport data aside.
    const body: Record<string, unknown> = {};
    if (name !== member.name) body.name = name;
    if (email !== (member.email ?? '')) body.email = email || null;
    if (form.role !== member.role) body.role = form.role;
    if (rank !== (member.protocolRank ? String(member.protocolRank) : '')) body.protocolRank = rank ? Number(rank) : null;
    for (const key of ['organisation', 'position'] as const) {
      const value = form[key].trim();
      if (value !== (member[key] ?? '')) body[key] = value || null;
    }
    const details: Record<string, string | null> = {};
    for (const field of fields) {
      const value = typed[field.key];
      if (value !== undefined && value !== stored[field.key]) details[field.key] = value;
      else if (value === undefined && stored[field.key] && !PERSONAL_FIELDS.includes(field.key)) details[field.key] = null;
    }
    if (Object.keys(details).length) body.details = details;
    if (!Object.keys(body).length) return undefined;
    return { ...body, ...consent };
  }

  async function submit(form: Form) {
    if (state.busy) return;
    let body: Record<string, unknown> | undefined;
    try {
      body = check(form);
    } catch (error) {
      if (error instanceof FormProblems) return showProblems(form);
      throw error;
    }
    form.error = undefined;
    const member = form.member;
    if (!body) {
      state.form = undefined;
      state.note = { key: 'nothingChanged' };
      host.render('delegation-note');
      return;
    }
    state.busy = true;
    showSending('member-save', t('sending'));
    try {
      const saved = member
        ? await request<Saved>('PATCH', `/members/${encodeURIComponent(member.invitationId)}`, body)
        : await request<Saved>('POST', '/members', body);
      state.busy = false;
      state.form = undefined;
      state.note = { key: member ? 'saved' : 'added', params: { name: saved.member.name } };
      state.warnings = (saved.warnings ?? []).map((w) => w.message);
      await load('delegation-note');
      host.announce([t(member ? 'saved' : 'added', { name: saved.member.name }), ...state.warnings].join(' '));
    } catch (error) {
      state.busy = false;
      failed(form, error);
    }
  }

  /** The server's answer to a refused member, beside the field it is about where it says which. */
  function failed(form: Form, error: unknown) {
    if (!(error instanceof AnswerError)) throw error;
    form.contactProblems = {};
    form.problems = {};
    form.consentMissing = false;
    const details = error.details as { issues?: { field: string; problem: Problem }[] } | { path?: string; message?: string }[] | undefined;
    if (error.code === 'details_invalid' && error.issues.length) {
      for (const issue of error.issues) {
        if (issue.problem === 'unknown_field') form.error = { text: error.message };
        else form.problems[issue.field] ??= issue.problem;
      }
      return showProblems(form);
    }
    if (error.code === 'validation_failed' && Array.isArray(details)) {
      for (const problem of details) {
        const path = problem.path ?? '';
        const [head, key] = path.split('.');
        if (head === 'details' && key) form.problems[key] ??= 'invalid_text';
        else if (['name', 'email', 'protocolRank', 'organisation', 'position'].includes(head!)) {
          form.contactProblems[head as Contact] ??= { key: contactProblemKey(problem.message ?? '', head!) };
        }
      }
      if (Object.keys(form.contactProblems).length || Object.keys(form.problems).length) return showProblems(form);
    }
    if (error.code === 'consent_required') {
      form.consentMissing = true;
      return showProblems(form);
    }
    if (error.code === 'invitee_duplicate') {
      form.contactProblems.email = { text: error.message };
      return showProblems(form);
    }
    form.error = error.status === 0 ? { text: host.t('network') } : { text: error.message || host.t('unexpected', { status: error.status }) };
    host.render('member-form-error');
  }

  return { load, section };
}

class FormProblems extends Error {}

/** The schema's problem codes (shared/invitations/invitation-schema.ts) as the page says them. */
function contactProblemKey(code: string, field: string): DelegationMessageKey {
  if (code === 'name_required') return 'e_required';
  if (code === 'email_invalid') return 'e_email';
  if (code === 'phone_invalid') return 'e_phone';
  if (/too_long/.test(code)) return 'e_text';
  if (field === 'protocolRank') return 'e_rank';
  return 'e_invalid';
}
