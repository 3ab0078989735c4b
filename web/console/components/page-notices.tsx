import { textIn, type LocalizedText } from '../../lib/i18n.js';
import { useApp, useText } from '../context.js';
import { PageHeading } from './page-heading.js';

/** What a page says after an action: a success is read out politely, an error at once. */
export type ActionStatus = { kind: 'success' | 'error'; text: string | LocalizedText };

export function ActionNotice(props: { status?: ActionStatus }) {
  const { language } = useApp();
  const { status } = props;
  if (!status) return null;
  return (
    <p class={`notice ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
      {textIn(status.text, language)}
    </p>
  );
}

/** A problem to read at once, when there is one. */
export function ErrorNotice(props: { message?: string }) {
  if (!props.message) return null;
  return (
    <p class="notice error" role="alert">
      {props.message}
    </p>
  );
}

/** Why the page's data did not load, with a way to try again. */
export function LoadErrorNotice(props: { message?: string; onRetry: () => void }) {
  const t = useText();
  if (!props.message) return null;
  return (
    <div class="notice error" role="alert">
      <p>{props.message}</p>
      <button type="button" class="button" onClick={props.onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}

/** Back to the event's page, named by its title once it is known. */
export function BackToEvent(props: { eventId: string; title?: { text: string; lang?: string }; fallback: string }) {
  return (
    <p class="breadcrumb">
      <a href={`/console/events/${encodeURIComponent(props.eventId)}`} lang={props.title?.lang}>
        ← {props.title?.text ?? props.fallback}
      </a>
    </p>
  );
}

/** An event page whose event does not exist (or is not visible): say so, and lead back to the list. */
export function EventNotFound(props: { heading: string; message: string }) {
  const t = useText();
  return (
    <section>
      <PageHeading text={props.heading} />
      <p class="notice error" role="alert">
        {props.message}
      </p>
      <p>
        <a href="/console/events">{t('access.toEvents')}</a>
      </p>
    </section>
  );
}
