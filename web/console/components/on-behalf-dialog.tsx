import { useEffect, useRef, useState } from 'preact/hooks';
import type { Invitation, InvitationResponse } from '../../../shared/invitations/invitation-schema.js';
import { defineMessages } from '../../lib/i18n.js';
import { useApp, useText } from '../context.js';
import { Form, SearchField, SelectField, SubmitButton, TextArea, useFormState } from './form.js';
import { ResponseBadge } from './invitation-labels.js';
import { errorText } from '../../lib/error-text.js';

const messages = defineMessages({
  vi: {
    title: 'Ghi nhận trả lời thay khách mời',
    intro: 'Dùng khi khách mời trả lời qua điện thoại hoặc trực tiếp. Câu trả lời được đánh dấu là do ban tổ chức ghi nhận thay.',
    search: 'Tìm khách mời',
    searchHint: 'Gõ tên, đơn vị, email hoặc số điện thoại; không dấu cũng được.',
    searching: 'Đang tìm…',
    noMatch: 'Không có khách mời nào phù hợp.',
    results: 'Kết quả tìm kiếm',
    pick: 'Chọn khách mời',
    chosen: 'Khách mời: {name}',
    change: 'Chọn người khác',
    answer: 'Câu trả lời',
    accept: 'Nhận lời tham dự',
    decline: 'Từ chối',
    channel: 'Nhận được qua',
    phone: 'Điện thoại',
    in_person: 'Gặp trực tiếp',
    other: 'Cách khác',
    reason: 'Lý do từ chối',
    save: 'Ghi nhận',
    saving: 'Đang ghi nhận…',
    cancel: 'Hủy',
    needInvitee: 'Hãy tìm và chọn một khách mời.',
  },
  en: {
    title: 'Record an answer on behalf',
    intro: 'For an invitee who answered by phone or in person. The answer is marked as recorded on their behalf by the organisers.',
    search: 'Find the invitee',
    searchHint: 'Type a name, organisation, email or phone; accents are optional.',
    searching: 'Searching…',
    noMatch: 'No invitee matches.',
    results: 'Search results',
    pick: 'Choose',
    chosen: 'Invitee: {name}',
    change: 'Choose someone else',
    answer: 'Answer',
    accept: 'Accepts',
    decline: 'Declines',
    channel: 'Received',
    phone: 'By phone',
    in_person: 'In person',
    other: 'Another way',
    reason: 'Reason for declining',
    save: 'Record the answer',
    saving: 'Recording…',
    cancel: 'Cancel',
    needInvitee: 'Find and choose an invitee first.',
  },
});

export type OnBehalfChannel = 'phone' | 'in_person' | 'other';
export type OnBehalfDone = { invitation: Invitation; action: 'accept' | 'decline'; channel: OnBehalfChannel; response: InvitationResponse };
type Values = { action: 'accept' | 'decline'; channel: OnBehalfChannel; reason: string };

/**
 * Recording an answer given by phone or in person: find the invitee as you type (the list
 * API's search ignores accents), say what they answered and how it came, and post it to
 * `.../registrations/on-behalf/:invitationId`. The server marks it as recorded on their behalf.
 */
export function OnBehalfDialog(props: { eventId: string; onDone: (done: OnBehalfDone) => void; onClose: () => void }) {
  const { api } = useApp();
  const t = useText(messages);
  const ref = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Invitation[]>();
  const [searching, setSearching] = useState(false);
  const [chosen, setChosen] = useState<Invitation>();
  const form = useFormState<Values>({ action: 'accept', channel: 'phone', reason: '' });
  const request = useRef(0);

  useEffect(() => {
    ref.current?.showModal();
    document.getElementById('on-behalf-search')?.focus();
  }, []);

  // Search as you type, after a short pause; only the latest answer is shown.
  useEffect(() => {
    const words = query.trim();
    if (!words) {
      setFound(undefined);
      return;
    }
    const id = ++request.current;
    const timer = setTimeout(() => {
      setSearching(true);
      api
        .get<{ items: Invitation[] }>(`/api/events/${encodeURIComponent(props.eventId)}/invitations`, { q: words, limit: 10 })
        .then((page) => id === request.current && setFound(page.items))
        .catch((failure: unknown) => id === request.current && form.setErrors({ '': errorText(failure) }))
        .finally(() => id === request.current && setSearching(false));
    }, 250);
    return () => clearTimeout(timer);
  }, [query]);

  function choose(invitation: Invitation | undefined) {
    setChosen(invitation);
    requestAnimationFrame(() => document.getElementById(invitation ? 'f-onbehalf-action' : 'on-behalf-search')?.focus());
  }

  async function save() {
    if (!chosen) return form.setErrors({ '': t('needInvitee') });
    form.setErrors({});
    form.setBusy(true);
    try {
      const body = {
        action: form.values.action,
        channel: form.values.channel,
        ...(form.values.action === 'decline' && form.values.reason.trim() ? { reason: form.values.reason.trim() } : {}),
      };
      const answer = await api.post<{ response: InvitationResponse }>(
        `/api/events/${encodeURIComponent(props.eventId)}/registrations/on-behalf/${encodeURIComponent(chosen.invitationId)}`,
        body,
      );
      props.onDone({ invitation: chosen, action: form.values.action, channel: form.values.channel, response: answer.response });
      ref.current?.close();
    } catch (failure) {
      form.setErrors({ '': errorText(failure) });
    } finally {
      form.setBusy(false);
    }
  }

  return (
    <dialog ref={ref} class="dialog wide" aria-labelledby="on-behalf-title" onClose={props.onClose} onCancel={props.onClose}>
      <h2 id="on-behalf-title">{t('title')}</h2>
      <Form errors={form.errors} onSubmit={save} labelledBy="on-behalf-title">
        <p class="hint">{t('intro')}</p>
        {chosen ? (
          <div class="on-behalf-chosen">
            <p>
              <strong>{t('chosen', { name: chosen.name })}</strong>
              {chosen.organisation && <span class="muted"> · {chosen.organisation}</span>} <ResponseBadge response={chosen.response} />
            </p>
            <button type="button" class="button link" onClick={() => choose(undefined)}>
              {t('change')}
            </button>
          </div>
        ) : (
          <SearchField id="on-behalf-search" label={t('search')} hint={t('searchHint')} value={query} onValue={setQuery} controls="on-behalf-results">
            <div id="on-behalf-results" class="on-behalf-results" aria-live="polite">
              {searching && <p class="muted">{t('searching')}</p>}
              {!searching && found && found.length === 0 && <p class="muted">{t('noMatch')}</p>}
              {found && found.length > 0 && (
                <ul aria-label={t('results')}>
                  {found.map((invitation) => (
                    <li key={invitation.invitationId}>
                      <span>
                        <strong>{invitation.name}</strong>
                        {invitation.organisation && <span class="muted"> · {invitation.organisation}</span>}{' '}
                        <ResponseBadge response={invitation.response} />
                      </span>
                      <button
                        type="button"
                        class="button small"
                        aria-label={`${t('pick')}: ${invitation.name}`}
                        onClick={() => choose(invitation)}
                      >
                        {t('pick')}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </SearchField>
        )}
        <div class="grid-2">
          <SelectField
            name="onbehalf.action"
            label={t('answer')}
            value={form.values.action}
            onValue={(value) => form.set('action')(value as Values['action'])}
            options={[
              { value: 'accept', label: t('accept') },
              { value: 'decline', label: t('decline') },
            ]}
          />
          <SelectField
            name="onbehalf.channel"
            label={t('channel')}
            value={form.values.channel}
            onValue={(value) => form.set('channel')(value as OnBehalfChannel)}
            options={(['phone', 'in_person', 'other'] as const).map((c) => ({ value: c, label: t(c) }))}
          />
        </div>
        {form.values.action === 'decline' && (
          <TextArea name="onbehalf.reason" label={t('reason')} value={form.values.reason} onValue={form.set('reason')} rows={2} />
        )}
        <div class="actions">
          <button type="button" class="button" onClick={() => ref.current?.close()}>
            {t('cancel')}
          </button>
          <SubmitButton busy={form.busy} label={t('save')} busyLabel={t('saving')} />
        </div>
      </Form>
    </dialog>
  );
}
