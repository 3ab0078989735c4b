import type { HistoryEntry } from '../../../shared/partners/partner-schema.js';
import { useApp, useText } from '../context.js';
import { partnerMessages as messages } from './partner-texts.js';

/** What the last action on a partners page did, or why it failed; read out as it changes. */
export function Status(props: { text?: string; error?: string }) {
  return (
    <p role="status" class={props.error ? 'field-error' : 'muted'}>
      {props.error ?? props.text ?? ''}
    </p>
  );
}

/** A contact's or an organisation's history, newest first: invitations (answer, presence) and greetings. */
export function HistoryList(props: { items: HistoryEntry[] }) {
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
