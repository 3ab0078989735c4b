import { useEffect, useState } from 'preact/hooks';
import type { Contact, HistoryEntry, Organisation } from '../../../shared/partners/partner-schema.js';
import { organisationKinds } from '../../../shared/partners/organisation-kinds.js';
import { partnerMessages } from '../components/partner-texts.js';
import { ContactImport } from '../components/contact-import.js';
import { ContactProposals } from '../components/contact-proposals.js';
import { HistoryList, Status } from '../components/partner-history.js';
import { PageHeading } from '../components/page-heading.js';
import { useApp, useCan, useText } from '../context.js';
import { navigate } from '../router.js';
import type { PageProps } from '../routes.js';
import { errorText } from '../../lib/error-text.js';

/** The partners directory (issue 19): organisations, contacts, proposals from past lists, each one's history. */
const messages = partnerMessages;


export function PartnersPage(_props: PageProps) {
  const { api, announce } = useApp();
  const t = useText(messages);
  const can = useCan();
  const writable = can('partners:write');
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [status, setStatus] = useState<{ text?: string; error?: string }>({});
  const [org, setOrg] = useState({ name: '', kind: 'foreign_ngo', country: '', foundingDay: '' });
  const [person, setPerson] = useState({ name: '', email: '', organisationId: '', language: 'vi' });

  async function load() {
    const [o, c] = await Promise.all([api.get<{ items: Organisation[] }>('/api/organisations'), api.get<{ items: Contact[] }>('/api/contacts')]);
    setOrganisations(o.items);
    setContacts(c.items);
  }
  useEffect(() => {
    load().catch((error) => setStatus({ error: errorText(error) }));
  }, []);

  async function run(action: () => Promise<unknown>, done: string) {
    try {
      await action();
      setStatus({ text: done });
      announce(done);
      await load();
    } catch (error) {
      setStatus({ error: errorText(error) });
    }
  }

  const orgName = new Map(organisations.map((o) => [o.organisationId, o.name]));

  return (
    <section class="partners">
      <PageHeading text={t('title')} />
      <p>
        <a href="/console/greetings">{t('greetings')}</a>
      </p>
      <Status {...status} />
      <div class="partners-columns">
        <section aria-labelledby="orgs-title" class="card">
          <h2 id="orgs-title">{t('organisations')}</h2>
          <ul class="plain-list">
            {organisations.map((o) => (
              <li key={o.organisationId}>
                <a href={`/console/partners/organisations/${o.organisationId}`}>{o.name}</a>{' '}
                <span class="muted">{[t(`kindOf.${o.kind}` as never), o.country].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
          </ul>
          {writable && (
            <form
              aria-labelledby="add-org-title"
              onSubmit={(e) => {
                e.preventDefault();
                void run(
                  () =>
                    api
                      .post('/api/organisations', {
                        name: org.name,
                        kind: org.kind,
                        ...(org.country ? { country: org.country } : {}),
                        ...(org.foundingDay ? { foundingDay: org.foundingDay } : {}),
                      })
                      .then(() => setOrg({ name: '', kind: 'foreign_ngo', country: '', foundingDay: '' })),
                  t('saved'),
                );
              }}
            >
              <h3 id="add-org-title">{t('addOrganisation')}</h3>
              <label for="org-name">{t('name')}</label>
              <input id="org-name" required value={org.name} onInput={(e) => setOrg({ ...org, name: e.currentTarget.value })} />
              <label for="org-kind">{t('kind')}</label>
              <select id="org-kind" value={org.kind} onChange={(e) => setOrg({ ...org, kind: e.currentTarget.value })}>
                {organisationKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`kindOf.${k}` as never)}
                  </option>
                ))}
              </select>
              <label for="org-country">{t('country')}</label>
              <input id="org-country" maxLength={2} value={org.country} onInput={(e) => setOrg({ ...org, country: e.currentTarget.value })} />
              <label for="org-day">{t('foundingDay')}</label>
              <input id="org-day" maxLength={5} value={org.foundingDay} onInput={(e) => setOrg({ ...org, foundingDay: e.currentTarget.value })} />
              <button type="submit" class="button primary">
                {t('addOrganisation')}
              </button>
            </form>
          )}
        </section>
        <section aria-labelledby="contacts-title" class="card">
          <h2 id="contacts-title">{t('contacts')}</h2>
          {writable && <ContactImport onImported={() => void load()} />}
          <ul class="plain-list contacts-list">
            {contacts.map((c) => (
              <li key={c.contactId}>
                <a href={`/console/partners/contacts/${c.contactId}`}>{c.name}</a>{' '}
                <span class="muted">{[c.organisationId ? orgName.get(c.organisationId) : '', c.email].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
          </ul>
          {writable && (
            <form
              aria-labelledby="add-contact-title"
              onSubmit={(e) => {
                e.preventDefault();
                void run(
                  () =>
                    api
                      .post('/api/contacts', {
                        name: person.name,
                        language: person.language || 'vi',
                        ...(person.email ? { email: person.email } : {}),
                        ...(person.organisationId ? { organisationId: person.organisationId } : {}),
                      })
                      .then(() => setPerson({ name: '', email: '', organisationId: '', language: 'vi' })),
                  t('saved'),
                );
              }}
            >
              <h3 id="add-contact-title">{t('addContact')}</h3>
              <label for="contact-name">{t('fullName')}</label>
              <input id="contact-name" required value={person.name} onInput={(e) => setPerson({ ...person, name: e.currentTarget.value })} />
              <label for="contact-email">{t('email')}</label>
              <input id="contact-email" type="email" value={person.email} onInput={(e) => setPerson({ ...person, email: e.currentTarget.value })} />
              <label for="contact-org">{t('organisation')}</label>
              <select id="contact-org" value={person.organisationId} onChange={(e) => setPerson({ ...person, organisationId: e.currentTarget.value })}>
                <option value="">{t('none')}</option>
                {organisations.map((o) => (
                  <option key={o.organisationId} value={o.organisationId}>
                    {o.name}
                  </option>
                ))}
              </select>
              <label for="contact-language">{t('language')}</label>
              <input id="contact-language" maxLength={2} value={person.language} onInput={(e) => setPerson({ ...person, language: e.currentTarget.value })} />
              <button type="submit" class="button primary">
                {t('addContact')}
              </button>
            </form>
          )}
        </section>
      </div>
      {writable && <ContactProposals run={run} onError={(error) => setStatus({ error })} />}
    </section>
  );
}

export function ContactPage(props: PageProps) {
  const { api, announce, flash } = useApp();
  const t = useText(messages);
  const can = useCan();
  const contactId = props.params.contactId!;
  const [contact, setContact] = useState<Contact | undefined>();
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [others, setOthers] = useState<Contact[]>([]);
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const [mergeFrom, setMergeFrom] = useState('');
  const [status, setStatus] = useState<{ text?: string; error?: string }>({});

  async function load() {
    const [c, h, all, orgs] = await Promise.all([
      api.get<{ contact: Contact }>(`/api/contacts/${contactId}`),
      api.get<{ items: HistoryEntry[] }>(`/api/contacts/${contactId}/history`),
      api.get<{ items: Contact[] }>('/api/contacts'),
      api.get<{ items: Organisation[] }>('/api/organisations'),
    ]);
    setContact(c.contact);
    setHistory(h.items);
    setOthers(all.items.filter((x) => x.contactId !== contactId));
    setOrganisations(orgs.items);
  }
  useEffect(() => {
    load().catch((error) => setStatus({ error: errorText(error) }));
  }, [contactId]);

  const orgName = (id?: string) => organisations.find((o) => o.organisationId === id)?.name;
  return (
    <section>
      <PageHeading text={contact?.name ?? t('contacts')} />
      <p>
        <a href="/console/partners">{t('back')}</a>
      </p>
      <Status {...status} />
      {contact && (
        <dl class="facts card">
          <div>
            <dt>{t('organisation')}</dt>
            <dd>{orgName(contact.organisationId) ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('email')}</dt>
            <dd>{contact.email ?? '—'}</dd>
          </div>
          {contact.formerOrganisations?.length ? (
            <div>
              <dt>{t('formerly')}</dt>
              <dd>{contact.formerOrganisations.map((f) => orgName(f.organisationId) ?? f.organisationId).join(', ')}</dd>
            </div>
          ) : null}
        </dl>
      )}
      <section aria-labelledby="history-title" class="card">
        <h2 id="history-title">{t('history')}</h2>
        <HistoryList items={history} />
      </section>
      {can('partners:write') && contact && (
        <>
          <form
            class="card"
            aria-labelledby="merge-title"
            onSubmit={(e) => {
              e.preventDefault();
              if (!mergeFrom) return;
              api.post(`/api/contacts/${contactId}/merge`, { fromContactId: mergeFrom }).then(
                async () => {
                  setStatus({ text: t('merged') });
                  announce(t('merged'));
                  setMergeFrom('');
                  await load();
                },
                (error) => setStatus({ error: errorText(error) }),
              );
            }}
          >
            <h2 id="merge-title">{t('merge')}</h2>
            <label for="merge-from">{t('mergeFrom')}</label>
            <select id="merge-from" value={mergeFrom} onChange={(e) => setMergeFrom(e.currentTarget.value)}>
              <option value="">{t('none')}</option>
              {others.map((o) => (
                <option key={o.contactId} value={o.contactId}>
                  {[o.name, o.email].filter(Boolean).join(' · ')}
                </option>
              ))}
            </select>
            <button type="submit" class="button">
              {t('mergeButton')}
            </button>
          </form>
          <section class="card" aria-labelledby="erase-title">
            <h2 id="erase-title">{t('erase')}</h2>
            <p class="muted">{t('eraseHint')}</p>
            <button
              type="button"
              class="button danger"
              onClick={() => {
                if (!window.confirm(t('eraseConfirm', { name: contact.name }))) return;
                api.delete(`/api/contacts/${contactId}`).then(
                  () => {
                    flash(t('erased'));
                    navigate('/console/partners');
                  },
                  (error) => setStatus({ error: errorText(error) }),
                );
              }}
            >
              {t('erase')}
            </button>
          </section>
        </>
      )}
    </section>
  );
}

export function OrganisationPage(props: PageProps) {
  const { api } = useApp();
  const t = useText(messages);
  const organisationId = props.params.organisationId!;
  const [organisation, setOrganisation] = useState<Organisation | undefined>();
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [status, setStatus] = useState<{ text?: string; error?: string }>({});
  useEffect(() => {
    Promise.all([
      api.get<{ organisation: Organisation }>(`/api/organisations/${organisationId}`),
      api.get<{ items: HistoryEntry[] }>(`/api/organisations/${organisationId}/history`),
      api.get<{ items: Contact[] }>('/api/contacts', { organisationId }),
    ]).then(
      ([o, h, c]) => {
        setOrganisation(o.organisation);
        setHistory(h.items);
        setContacts(c.items);
      },
      (error) => setStatus({ error: errorText(error) }),
    );
  }, [organisationId]);
  return (
    <section>
      <PageHeading text={organisation?.name ?? t('organisations')} />
      <p>
        <a href="/console/partners">{t('back')}</a>
      </p>
      <Status {...status} />
      {organisation && (
        <dl class="facts card">
          <div>
            <dt>{t('kind')}</dt>
            <dd>{t(`kindOf.${organisation.kind}` as never)}</dd>
          </div>
          <div>
            <dt>{t('country')}</dt>
            <dd>{organisation.country ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('contacts')}</dt>
            <dd>
              {contacts.map((c, i) => (
                <span key={c.contactId}>
                  {i > 0 ? ', ' : ''}
                  <a href={`/console/partners/contacts/${c.contactId}`}>{c.name}</a>
                </span>
              ))}
            </dd>
          </div>
        </dl>
      )}
      <section aria-labelledby="org-history-title" class="card">
        <h2 id="org-history-title">{t('history')}</h2>
        <HistoryList items={history} />
      </section>
    </section>
  );
}
