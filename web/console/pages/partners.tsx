import { useEffect, useState } from 'preact/hooks';
import type { Contact, HistoryEntry, Organisation } from '../../../shared/partners/partner-schema.js';
import { organisationKinds } from '../../../shared/partners/partner-schema.js';
import { defineMessages } from '../../lib/i18n.js';
import { PageHeading } from '../components/page-heading.js';
import { useApp, useCan, useText } from '../context.js';
import { navigate } from '../router.js';
import type { PageProps } from '../routes.js';

/** The partners directory (issue 19): organisations, contacts, proposals from past lists, each one's history. */
const messages = defineMessages({
  vi: {
    title: 'Đối tác',
    organisations: 'Cơ quan, tổ chức',
    contacts: 'Người liên hệ',
    addOrganisation: 'Thêm cơ quan, tổ chức',
    addContact: 'Thêm người liên hệ',
    name: 'Tên',
    fullName: 'Họ và tên',
    kind: 'Loại',
    country: 'Quốc gia (mã 2 chữ, ví dụ RU)',
    foundingDay: 'Ngày thành lập (tháng-ngày, ví dụ 06-12)',
    email: 'Email',
    language: 'Ngôn ngữ (mã 2 chữ: vi, en, ru…)',
    organisation: 'Cơ quan, tổ chức',
    none: '(không có)',
    save: 'Lưu',
    saved: 'Đã lưu.',
    proposals: 'Đề xuất từ danh sách khách mời đã qua',
    proposalsHint: 'Những người trong danh sách mời của các sự kiện đã qua, gộp lại khi cùng email, số điện thoại, hoặc cùng họ tên tại cùng cơ quan.',
    loadProposals: 'Xem đề xuất',
    noProposals: 'Không còn ai để đề xuất.',
    acceptOne: 'Tạo một người liên hệ',
    keepApart: 'Giữ riêng từng người',
    reasons: 'Lý do gộp',
    'reason.email': 'cùng email',
    'reason.phone': 'cùng số điện thoại',
    'reason.name_and_organisation': 'cùng họ tên và cơ quan',
    invitedTo: 'Được mời tới',
    accepted: 'Đã tạo người liên hệ {name}.',
    history: 'Lịch sử',
    noHistory: 'Chưa có gì.',
    'kind.invitation': 'Lời mời',
    'kind.greeting': 'Thư chúc mừng',
    'response.none': 'chưa trả lời',
    'response.confirmed': 'tham dự',
    'response.declined': 'từ chối',
    'response.waitlisted': 'danh sách chờ',
    'response.pending': 'chờ duyệt',
    'response.withdrawn': 'rút lui',
    'response.rejected': 'không được duyệt',
    came: 'có mặt',
    'state.draft': 'chưa gửi',
    'state.queued': 'đang chờ gửi',
    'state.sent': 'đã gửi',
    'state.delivered': 'đã đến hộp thư',
    'state.skipped': 'bỏ qua',
    'state.failed': 'không gửi được',
    'state.bounced': 'bị trả lại',
    'state.complained': 'bị báo rác',
    flowers: 'kèm điện hoa',
    merge: 'Gộp với người liên hệ khác',
    mergeFrom: 'Người được gộp vào người này',
    mergeButton: 'Gộp',
    merged: 'Đã gộp; lịch sử được giữ nguyên.',
    erase: 'Xóa người liên hệ theo yêu cầu',
    eraseHint: 'Xóa hẳn thông tin cá nhân (Nghị định 13/2023); chỉ giữ lại số lượt mời và tham dự.',
    eraseConfirm: 'Xóa hẳn {name}? Không thể hoàn tác.',
    erased: 'Đã xóa người liên hệ.',
    back: 'Về danh bạ đối tác',
    formerly: 'Trước đây tại',
    'kindOf.foreign_ngo': 'Tổ chức phi chính phủ nước ngoài',
    'kindOf.embassy': 'Đại sứ quán, lãnh sự quán',
    'kindOf.friendship_association': 'Hội hữu nghị',
    'kindOf.university': 'Trường đại học, trường học',
    'kindOf.state_agency': 'Cơ quan nhà nước',
    'kindOf.company': 'Doanh nghiệp',
    'kindOf.other': 'Khác',
    greetings: 'Ngày lễ và thư chúc mừng',
  },
  en: {
    title: 'Partners',
    organisations: 'Organisations',
    contacts: 'Contacts',
    addOrganisation: 'Add an organisation',
    addContact: 'Add a contact',
    name: 'Name',
    fullName: 'Full name',
    kind: 'Kind',
    country: 'Country (2-letter code, e.g. RU)',
    foundingDay: 'Founding day (month-day, e.g. 06-12)',
    email: 'Email',
    language: 'Language (2-letter code: vi, en, ru…)',
    organisation: 'Organisation',
    none: '(none)',
    save: 'Save',
    saved: 'Saved.',
    proposals: 'Proposed from past invitation lists',
    proposalsHint: 'People of past events’ lists, grouped when they share an email, a phone number, or the same name at the same organisation.',
    loadProposals: 'Show proposals',
    noProposals: 'Nobody left to propose.',
    acceptOne: 'Make one contact',
    keepApart: 'Keep each apart',
    reasons: 'Grouped by',
    'reason.email': 'same email',
    'reason.phone': 'same phone',
    'reason.name_and_organisation': 'same name and organisation',
    invitedTo: 'Invited to',
    accepted: 'Contact {name} created.',
    history: 'History',
    noHistory: 'Nothing yet.',
    'kind.invitation': 'Invitation',
    'kind.greeting': 'Greeting',
    'response.none': 'no answer',
    'response.confirmed': 'attending',
    'response.declined': 'declined',
    'response.waitlisted': 'waiting list',
    'response.pending': 'awaiting approval',
    'response.withdrawn': 'withdrew',
    'response.rejected': 'not approved',
    came: 'came',
    'state.draft': 'not sent',
    'state.queued': 'waiting to be sent',
    'state.sent': 'sent',
    'state.delivered': 'delivered',
    'state.skipped': 'skipped',
    'state.failed': 'failed',
    'state.bounced': 'bounced',
    'state.complained': 'marked as spam',
    flowers: 'with flowers',
    merge: 'Merge with another contact',
    mergeFrom: 'Contact to merge into this one',
    mergeButton: 'Merge',
    merged: 'Merged; the history is kept.',
    erase: 'Erase this contact on request',
    eraseHint: 'Removes the personal data for good (Decree 13/2023); only counts of invitations and attendance stay.',
    eraseConfirm: 'Erase {name} for good? This cannot be undone.',
    erased: 'Contact erased.',
    back: 'Back to the partners directory',
    formerly: 'Formerly at',
    'kindOf.foreign_ngo': 'Foreign NGO',
    'kindOf.embassy': 'Embassy or consulate',
    'kindOf.friendship_association': 'Friendship association',
    'kindOf.university': 'University or school',
    'kindOf.state_agency': 'State agency',
    'kindOf.company': 'Company',
    'kindOf.other': 'Other',
    greetings: 'Occasions and greetings',
  },
});

type Proposal = { name: string; organisation?: string; members: { eventId: string; eventTitle: string; invitationId: string; name: string; email?: string }[]; reasons: string[] };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function Status(props: { text?: string; error?: string }) {
  return (
    <p role="status" class={props.error ? 'field-error' : 'muted'}>
      {props.error ?? props.text ?? ''}
    </p>
  );
}

export function PartnersPage(_props: PageProps) {
  const { api, announce } = useApp();
  const t = useText(messages);
  const can = useCan();
  const writable = can('partners:write');
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [proposals, setProposals] = useState<Proposal[] | undefined>();
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
  const loadProposals = () => api.get<{ proposals: Proposal[] }>('/api/contacts/proposals').then((r) => setProposals(r.proposals), (error) => setStatus({ error: errorText(error) }));
  const accept = (invitations: { eventId: string; invitationId: string }[], name: string) =>
    run(async () => {
      await api.post('/api/contacts/proposals/accept', { invitations });
      await loadProposals();
    }, t('accepted', { name }));

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
                <a href={`/console/partners/organisations/${o.organisationId}`}>{o.name}</a> <span class="muted">{[t(`kindOf.${o.kind}` as never), o.country].filter(Boolean).join(' · ')}</span>
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
                    api.post('/api/organisations', {
                      name: org.name,
                      kind: org.kind,
                      ...(org.country ? { country: org.country } : {}),
                      ...(org.foundingDay ? { foundingDay: org.foundingDay } : {}),
                    }).then(() => setOrg({ name: '', kind: 'foreign_ngo', country: '', foundingDay: '' })),
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
          <ul class="plain-list contacts-list">
            {contacts.map((c) => (
              <li key={c.contactId}>
                <a href={`/console/partners/contacts/${c.contactId}`}>{c.name}</a> <span class="muted">{[c.organisationId ? orgName.get(c.organisationId) : '', c.email].filter(Boolean).join(' · ')}</span>
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
                    api.post('/api/contacts', {
                      name: person.name,
                      language: person.language || 'vi',
                      ...(person.email ? { email: person.email } : {}),
                      ...(person.organisationId ? { organisationId: person.organisationId } : {}),
                    }).then(() => setPerson({ name: '', email: '', organisationId: '', language: 'vi' })),
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
      {writable && (
        <section aria-labelledby="proposals-title" class="card">
          <h2 id="proposals-title">{t('proposals')}</h2>
          <p class="muted">{t('proposalsHint')}</p>
          <button type="button" class="button" onClick={() => void loadProposals()}>
            {t('loadProposals')}
          </button>
          {proposals && proposals.length === 0 && <p>{t('noProposals')}</p>}
          {proposals && proposals.length > 0 && (
            <ul class="plain-list proposals">
              {proposals.map((p) => (
                <li key={p.members.map((m) => m.invitationId).join()} class="proposal">
                  <h3>{p.name}</h3>
                  <p>
                    {t('invitedTo')}: {p.members.map((m) => `${m.name} (${m.eventTitle})`).join('; ')}
                  </p>
                  {p.reasons.length > 0 && (
                    <p class="muted">
                      {t('reasons')}: {p.reasons.map((r) => t(`reason.${r}` as never)).join(', ')}
                    </p>
                  )}
                  <button type="button" class="button primary" onClick={() => void accept(p.members.map(({ eventId, invitationId }) => ({ eventId, invitationId })), p.name)}>
                    {t('acceptOne')}
                  </button>
                  {p.members.length > 1 && (
                    <button
                      type="button"
                      class="button"
                      onClick={() =>
                        void run(async () => {
                          for (const m of p.members) await api.post('/api/contacts/proposals/accept', { invitations: [{ eventId: m.eventId, invitationId: m.invitationId }] });
                          await loadProposals();
                        }, t('accepted', { name: p.name }))
                      }
                    >
                      {t('keepApart')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </section>
  );
}

function HistoryList(props: { items: HistoryEntry[] }) {
  const t = useText(messages);
  const { language } = useApp();
  if (props.items.length === 0) return <p>{t('noHistory')}</p>;
  return (
    <ol class="plain-list history">
      {props.items.map((h) => (
        <li key={h.kind === 'invitation' ? h.invitationId : h.campaignId}>
          <strong>{t(`kind.${h.kind}`)}</strong>{' '}
          {new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'medium', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(h.at))}:{' '}
          {h.kind === 'invitation' ? (
            <>
              {h.event ? <a href={`/console/events/${h.eventId}`}>{h.event.title}</a> : '—'} ({t(`response.${h.response ?? 'none'}` as never)}
              {h.checkedIn ? `, ${t('came')}` : ''})
            </>
          ) : (
            <>
              <a href={`/console/greetings/${h.campaignId}`}>{h.title ?? h.campaignId}</a> ({t(`state.${h.state ?? 'draft'}` as never)}
              {h.flowers ? `, ${t('flowers')}` : ''})
            </>
          )}
        </li>
      ))}
    </ol>
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
