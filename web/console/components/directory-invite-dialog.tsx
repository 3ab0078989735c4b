import { useEffect, useState } from 'preact/hooks';
import type { ImportResult } from '../../../shared/invitations/invitation-schema.js';
import { organisationKinds } from '../../../shared/partners/organisation-kinds.js';
import type { Contact, Organisation } from '../../../shared/partners/partner-schema.js';
import { defineMessages } from '../../lib/i18n.js';
import { useApp, useText } from '../context.js';
import { DialogActions, Form, SelectField, TextField } from './form.js';
import { partnerMessages } from './partner-texts.js';
import { usePreviewThenCommit } from './preview-then-commit.js';
import { errorText } from '../../lib/error-text.js';

const messages = defineMessages({
  vi: {
    title: 'Mời khách từ danh bạ đối tác',
    hint: 'Chọn theo loại cơ quan, quốc gia, cơ quan hay hội hữu nghị, hoặc nhãn. Mỗi lời mời được gắn với người liên hệ, để lịch sử của họ luôn đúng.',
    kind: 'Loại cơ quan',
    anyKind: 'Mọi loại',
    country: 'Quốc gia (mã 2 chữ, ví dụ RU)',
    organisation: 'Cơ quan, tổ chức hoặc hội hữu nghị',
    anyOrganisation: 'Mọi cơ quan',
    tag: 'Nhãn',
    anyTag: 'Mọi nhãn',
    preview: 'Xem ai sẽ được mời',
    matched: '{count} người liên hệ khớp',
    noMatch: 'Không có người liên hệ nào khớp.',
    summary: 'Sẽ mời {created} người; {duplicates} người đã có trong danh sách (sẽ được gắn với danh bạ); {errors} không mời được.',
    done: 'Đã mời {created} người từ danh bạ; {linked} lời mời gắn với người liên hệ.',
    commit: 'Mời {count} người',
    committing: 'Đang mời…',
    row: 'Người thứ {row}',
    close: 'Đóng',
  },
  en: {
    title: 'Invite from the partners directory',
    hint: 'Choose by kind of organisation, country, organisation or friendship association, or tag. Each invitation is linked to its contact, so their history stays true.',
    kind: 'Kind of organisation',
    anyKind: 'Any kind',
    country: 'Country (2-letter code, e.g. RU)',
    organisation: 'Organisation or friendship association',
    anyOrganisation: 'Any organisation',
    tag: 'Tag',
    anyTag: 'Any tag',
    preview: 'See who would be invited',
    matched: '{count} contacts match',
    noMatch: 'No contact matches.',
    summary: '{created} to invite; {duplicates} already on the list (they will be linked to the directory); {errors} cannot be invited.',
    done: '{created} invited from the directory; {linked} invitations linked to their contacts.',
    commit: 'Invite {count} people',
    committing: 'Inviting…',
    row: 'Person {row}',
    close: 'Close',
  },
});

type Filter = { kind: string; country: string; organisationId: string; tag: string };
type Drawn = ImportResult & { linked: number };

/**
 * The dialog's content: the organiser filters, sees the contacts that match and what the import
 * would do, then invites them. Loaded when the dialog first opens (directory-invite.tsx).
 */
export function DirectoryInviteBody(props: { eventId: string; onImported: (result: ImportResult) => void; close: () => void }) {
  const { api, announce } = useApp();
  const t = useText(messages);
  const tp = useText(partnerMessages);
  const path = `/api/events/${encodeURIComponent(props.eventId)}/invitations/from-directory`;
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const [filter, setFilter] = useState<Filter>({ kind: '', country: '', organisationId: '', tag: '' });
  const [loadError, setLoadError] = useState<string>();
  const [matched, setMatched] = useState<Contact[]>([]);
  const steps = usePreviewThenCommit<Record<string, string>, Drawn>(
    async (filterBody, preview) => {
      if (!preview) return api.post<Drawn>(path, filterBody);
      const [contacts, result] = await Promise.all([
        api.get<{ items: Contact[] }>('/api/contacts', filterBody),
        api.post<Drawn>(`${path}?preview=true`, filterBody),
      ]);
      setMatched(contacts.items);
      return result;
    },
    {
      previewed: (result) => announce(t('summary', { created: result.created, duplicates: result.duplicates.length, errors: result.errors.length })),
      committed: (result) => {
        announce(t('done', { created: result.created, linked: result.linked }));
        props.onImported(result);
      },
    },
  );
  const { shown, busy } = steps;
  const errors: Record<string, string> = steps.error || loadError ? { '': (steps.error ?? loadError)! } : {};

  useEffect(() => {
    Promise.all([api.get<{ items: Organisation[] }>('/api/organisations'), api.get<{ items: Contact[] }>('/api/contacts')]).then(
      ([o, c]) => {
        setOrganisations(o.items);
        setTags([...new Set([...o.items.flatMap((x) => x.tags), ...c.items.flatMap((x) => x.tags)])].sort((a, b) => a.localeCompare(b, 'vi')));
      },
      (failure: unknown) => setLoadError(errorText(failure)),
    );
  }, []);

  const body = () =>
    Object.fromEntries(
      Object.entries(filter)
        .filter(([, v]) => v.trim() !== '')
        .map(([k, v]) => [k, v.trim()]),
    );
  const set = (key: keyof Filter) => (value: string) => {
    setFilter((f) => ({ ...f, [key]: value }));
    steps.reset();
  };

  const orgName = new Map(organisations.map((o) => [o.organisationId, o.name]));

  return (
    <>
      <h2 id="directory-invite-title">{t('title')}</h2>
      <p class="hint">{t('hint')}</p>
      <Form errors={errors} onSubmit={() => steps.preview(body())} labelledBy="directory-invite-title">
        <div class="grid-2">
          <SelectField
            name="draw.kind"
            label={t('kind')}
            value={filter.kind}
            onValue={set('kind')}
            options={[{ value: '', label: t('anyKind') }, ...organisationKinds.map((k) => ({ value: k, label: tp(`kindOf.${k}`) }))]}
          />
          <TextField name="draw.country" label={t('country')} value={filter.country} onValue={set('country')} input={{ maxLength: 2, autoComplete: 'off' }} />
          <SelectField
            name="draw.organisationId"
            label={t('organisation')}
            value={filter.organisationId}
            onValue={set('organisationId')}
            options={[{ value: '', label: t('anyOrganisation') }, ...organisations.map((o) => ({ value: o.organisationId, label: o.name }))]}
          />
          <SelectField
            name="draw.tag"
            label={t('tag')}
            value={filter.tag}
            onValue={set('tag')}
            options={[{ value: '', label: t('anyTag') }, ...tags.map((tag) => ({ value: tag, label: tag }))]}
          />
        </div>
        <DialogActions busy={busy === 'preview'} cancelLabel={t('close')} saveLabel={t('preview')} onCancel={props.close} />
      </Form>
      {shown && (
        <section class="import-result" aria-labelledby="directory-invite-result">
          <h3 id="directory-invite-result">{matched.length ? t('matched', { count: matched.length }) : t('noMatch')}</h3>
          {matched.length > 0 && (
            <ul class="plain-list drawn-contacts">
              {matched.slice(0, 200).map((c) => (
                <li key={c.contactId}>
                  {c.name} <span class="muted">{[c.organisationId ? orgName.get(c.organisationId) : '', c.email ?? c.phone].filter(Boolean).join(' · ')}</span>
                </li>
              ))}
            </ul>
          )}
          <p role="status">
            {shown.committed
              ? t('done', { created: shown.result.created, linked: shown.result.linked })
              : t('summary', { created: shown.result.created, duplicates: shown.result.duplicates.length, errors: shown.result.errors.length })}
          </p>
          {shown.result.errors.length > 0 && (
            <ul class="problems">
              {shown.result.errors.map((error, index) => (
                <li key={index}>
                  {error.row !== undefined && <strong class="problem-row">{t('row', { row: error.row })}</strong>}
                  <span class="problem-text">{error.message}</span>
                </li>
              ))}
            </ul>
          )}
          {!shown.committed && shown.result.created + shown.result.duplicates.length > 0 && (
            <div class="actions">
              <button type="button" class="button primary" disabled={busy !== undefined} onClick={() => void steps.commit()}>
                {busy === 'commit' ? t('committing') : t('commit', { count: shown.result.created })}
              </button>
            </div>
          )}
        </section>
      )}
    </>
  );
}
