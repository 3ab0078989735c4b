import { useEffect, useRef, useState } from 'preact/hooks';
import { eventStatuses, eventTypes, type Event, type EventStatus, type EventType } from '../../../shared/events/event-schema.js';
import { formatRange, formatWeekday, nowInstant } from '../../lib/datetime.js';
import { defineMessages, pickLocalized } from '../../lib/i18n.js';
import { StatusBadge, TypeBadge } from '../components/event-badges.js';
import { PageHeading } from '../components/page-heading.js';
import { useApp, useCan, useText } from '../context.js';
import { navigate } from '../router.js';
import type { PageProps } from '../routes.js';

const messages = defineMessages({
  vi: {
    title: 'Sự kiện',
    create: 'Tạo sự kiện',
    upcoming: 'Sắp diễn ra',
    past: 'Đã diễn ra',
    when: 'Thời gian',
    filters: 'Lọc sự kiện',
    type: 'Loại sự kiện',
    status: 'Trạng thái',
    allTypes: 'Tất cả các loại',
    allStatuses: 'Tất cả trạng thái',
    noUpcoming: 'Chưa có sự kiện nào sắp diễn ra.',
    noPast: 'Chưa có sự kiện nào đã diễn ra.',
    noMatch: 'Không có sự kiện nào phù hợp với bộ lọc.',
    loaded: 'Đã tải thêm {count} sự kiện.',
    counts: 'Đã mời {invited} · Xác nhận {confirmed}',
  },
  en: {
    title: 'Events',
    create: 'Create event',
    upcoming: 'Upcoming',
    past: 'Past',
    when: 'When',
    filters: 'Filter events',
    type: 'Type',
    status: 'Status',
    allTypes: 'All types',
    allStatuses: 'All statuses',
    noUpcoming: 'No upcoming events yet.',
    noPast: 'No past events yet.',
    noMatch: 'No events match these filters.',
    loaded: '{count} more events loaded.',
    counts: 'Invited {invited} · Confirmed {confirmed}',
  },
});

const PAGE_SIZE = 20;
type Page = { items: Event[]; nextCursor?: string };

/**
 * Events, upcoming first (those not yet over, soonest first) or past (latest first), filtered by
 * type and status; the filters live in the address so a reload or a shared link keeps them.
 */
export function EventsListPage({ query }: PageProps) {
  const { api, language, announce } = useApp();
  const can = useCan();
  const t = useText(messages);
  const when = query.get('when') === 'past' ? 'past' : 'upcoming';
  const type = (eventTypes as readonly string[]).includes(query.get('type') ?? '') ? (query.get('type') as EventType) : '';
  const status = (eventStatuses as readonly string[]).includes(query.get('status') ?? '')
    ? (query.get('status') as EventStatus)
    : '';

  const [items, setItems] = useState<Event[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [state, setState] = useState<'loading' | 'ready' | 'more'>('loading');
  const [error, setError] = useState<string>();
  const request = useRef(0);
  const firstNew = useRef<string | undefined>(undefined);

  /** One page; "past" has no API filter yet, so events not over are skipped here. */
  async function fetchPage(after?: string): Promise<Page> {
    if (when === 'upcoming') {
      return api.get<Page>('/api/events', { from: nowInstant(), order: 'asc', type, status, limit: PAGE_SIZE, cursor: after });
    }
    const now = Date.now();
    let next = after;
    for (let round = 0; round < 10; round += 1) {
      const page = await api.get<Page>('/api/events', { order: 'desc', type, status, limit: PAGE_SIZE, cursor: next });
      const past = page.items.filter((event) => Date.parse(event.endsAt) < now);
      if (past.length > 0 || !page.nextCursor) return { items: past, nextCursor: page.nextCursor };
      next = page.nextCursor;
    }
    return { items: [], nextCursor: next };
  }

  async function load(more: boolean) {
    const id = ++request.current;
    setState(more ? 'more' : 'loading');
    setError(undefined);
    try {
      const page = await fetchPage(more ? cursor : undefined);
      if (id !== request.current) return;
      firstNew.current = more ? page.items[0]?.eventId : undefined;
      setItems((current) => (more ? [...current, ...page.items] : page.items));
      setCursor(page.nextCursor);
      if (more) announce(t('loaded', { count: page.items.length }));
    } catch (failure) {
      if (id === request.current) setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      if (id === request.current) setState('ready');
    }
  }

  useEffect(() => void load(false), [when, type, status]);
  useEffect(() => {
    if (!firstNew.current) return;
    document.getElementById(`event-${firstNew.current}`)?.focus();
    firstNew.current = undefined;
  }, [items]);

  const link = (changes: Record<string, string>) => {
    const params = new URLSearchParams({ when, type, status, ...changes });
    for (const [key, value] of [...params]) if (!value || (key === 'when' && value === 'upcoming')) params.delete(key);
    const search = params.toString();
    return `/console/events${search ? `?${search}` : ''}`;
  };
  const filtered = Boolean(type || status);

  return (
    <section>
      <PageHeading text={t('title')}>
        {can('events:write') && (
          <a class="button primary" href="/console/events/new">
            {t('create')}
          </a>
        )}
      </PageHeading>

      <nav class="tabs" aria-label={t('when')}>
        <a href={link({ when: 'upcoming' })} aria-current={when === 'upcoming' ? 'page' : undefined}>
          {t('upcoming')}
        </a>
        <a href={link({ when: 'past' })} aria-current={when === 'past' ? 'page' : undefined}>
          {t('past')}
        </a>
      </nav>

      <form class="filters" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="filter-type">{t('type')}</label>
          <select
            id="filter-type"
            value={type}
            onChange={(e) => navigate(link({ type: e.currentTarget.value }), { replace: true })}
          >
            <option value="">{t('allTypes')}</option>
            {eventTypes.map((value) => (
              <option key={value} value={value}>
                {t(`eventType.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-status">{t('status')}</label>
          <select
            id="filter-status"
            value={status}
            onChange={(e) => navigate(link({ status: e.currentTarget.value }), { replace: true })}
          >
            <option value="">{t('allStatuses')}</option>
            {eventStatuses.map((value) => (
              <option key={value} value={value}>
                {t(`eventStatus.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </form>

      {error && (
        <div class="notice error" role="alert">
          <p>{error}</p>
          <button type="button" class="button" onClick={() => void load(false)}>
            {t('common.retry')}
          </button>
        </div>
      )}

      <div aria-busy={state === 'loading' ? 'true' : 'false'}>
        {state === 'loading' ? (
          // Cards of the usual size hold the place of the list, so nothing moves when it comes.
          <>
            <p class="loading visually-hidden" role="status">
              {t('common.loading')}
            </p>
            <ul class="event-list" aria-hidden="true">
              {[0, 1, 2, 3].map((n) => (
                <li key={n} class="event-card skeleton" />
              ))}
            </ul>
          </>
        ) : items.length === 0 && !error ? (
          <p class="empty">{filtered ? t('noMatch') : when === 'upcoming' ? t('noUpcoming') : t('noPast')}</p>
        ) : (
          <ul class="event-list">
            {items.map((event) => {
              const title = pickLocalized(event.title, language);
              return (
                <li key={event.eventId} class="event-card">
                  <h2>
                    <a id={`event-${event.eventId}`} href={`/console/events/${encodeURIComponent(event.eventId)}`} lang={title.lang}>
                      {title.text}
                    </a>
                  </h2>
                  <p class="event-when">
                    <span class="weekday">{formatWeekday(event.startsAt, language)}</span>{' '}
                    <time dateTime={event.startsAt}>{formatRange(event.startsAt, event.endsAt)}</time>
                  </p>
                  <p class="event-venue">{event.venue}</p>
                  <p class="event-meta">
                    <TypeBadge type={event.type} />
                    <StatusBadge status={event.status} />
                    {event.counts.invited > 0 && (
                      <span class="muted">{t('counts', { invited: event.counts.invited, confirmed: event.counts.confirmed })}</span>
                    )}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </div>

      {cursor && state !== 'loading' && (
        <p class="load-more">
          <button type="button" class="button" disabled={state === 'more'} onClick={() => void load(true)}>
            {state === 'more' ? t('common.loading') : t('common.loadMore')}
          </button>
        </p>
      )}
    </section>
  );
}
