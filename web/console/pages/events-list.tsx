import { useEffect, useRef, useState } from 'preact/hooks';
import { eventStatuses, eventTypes, type Event, type EventStatus, type EventType } from '../../../shared/events/event-schema.js';
import { formatRange, formatWeekday, nowInstant } from '../../lib/datetime.js';
import { defineMessages, pickLocalized } from '../../lib/i18n.js';
import { StatusBadge, TypeBadge } from '../components/event-badges.js';
import { PageHeading } from '../components/page-heading.js';
import { UpcomingOccasions } from '../components/upcoming-occasions.js';
import { useApp, useCan, useText, useUser } from '../context.js';
import { navigate } from '../router.js';
import type { PageProps } from '../routes.js';
import { useUnits } from '../units.js';
import { errorText } from '../../lib/error-text.js';

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
    search: 'Tìm theo tên sự kiện',
    searchHint: 'Gõ không dấu cũng được, ví dụ “dien dan thanh nien”.',
    year: 'Năm',
    allYears: 'Mọi năm',
    noUpcoming: 'Chưa có sự kiện nào sắp diễn ra.',
    noPast: 'Chưa có sự kiện nào đã diễn ra.',
    noMatch: 'Không có sự kiện nào phù hợp với bộ lọc.',
    loaded: 'Đã tải thêm {count} sự kiện.',
    counts: 'Đã mời {invited} · Xác nhận {confirmed}',
    unit: 'Đơn vị',
    allUnits: 'Mọi đơn vị',
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
    search: 'Search by event title',
    searchHint: 'Accents are optional, e.g. “dien dan thanh nien”.',
    year: 'Year',
    allYears: 'All years',
    noUpcoming: 'No upcoming events yet.',
    noPast: 'No past events yet.',
    noMatch: 'No events match these filters.',
    loaded: '{count} more events loaded.',
    counts: 'Invited {invited} · Confirmed {confirmed}',
    unit: 'Unit',
    allUnits: 'All units',
  },
});

const PAGE_SIZE = 20;
type Page = { items: Event[]; nextCursor?: string };

/** The years offered in the year choice: from the union's first events in the system to next year. */
const FIRST_YEAR = 2015;
const yearChoices = () => {
  const last = new Date().getFullYear() + 1;
  return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => String(last - i));
};
/** Typing waits this long before asking, so a word is asked for once, not per letter. */
const SEARCH_DELAY_MS = 300;

/**
 * Events, upcoming first (those not yet over, soonest first) or past (latest first), filtered by
 * type, status, year and words of the title; the filters live in the address so a reload or a
 * shared link keeps them. A search or a year looks in every event, over or not, latest first.
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
  const q = query.get('q') ?? '';
  const year = /^\d{4}$/.test(query.get('year') ?? '') ? query.get('year')! : '';
  const searching = Boolean(q.trim() || year);
  const units = useUnits();
  // Events of several units are labelled with theirs; the filter is for those who hold several
  // (admins hold all). A secretary who holds one unit is never asked to choose one.
  const severalUnits = (units?.reached.length ?? 0) > 1;
  const user = useUser();
  const holdsSeveral = severalUnits && (user?.role === 'admin' || (user?.memberships.length ?? 0) > 1);
  const unit = holdsSeveral && units?.byId.has(query.get('unit') ?? '') ? query.get('unit')! : '';
  const [typed, setTyped] = useState(q);
  const latestLink = useRef<(changes: Record<string, string>) => string>(() => '');

  const [items, setItems] = useState<Event[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [state, setState] = useState<'loading' | 'ready' | 'more'>('loading');
  const [error, setError] = useState<string>();
  const request = useRef(0);
  const firstNew = useRef<string | undefined>(undefined);

  /** One page: upcoming from now on, soonest first; past (or any search) latest first. */
  function fetchPage(after?: string): Promise<Page> {
    const filters = { type, status, q: q.trim(), year, unitId: unit, limit: PAGE_SIZE, cursor: after };
    if (searching) return api.get<Page>('/api/events', { ...filters, order: 'desc' });
    if (when === 'upcoming') return api.get<Page>('/api/events', { ...filters, from: nowInstant(), order: 'asc' });
    return api.get<Page>('/api/events', { ...filters, before: nowInstant(), order: 'desc' });
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
      if (id === request.current) setError(errorText(failure));
    } finally {
      if (id === request.current) setState('ready');
    }
  }

  useEffect(() => void load(false), [when, type, status, q, year, unit]);
  useEffect(() => setTyped(q), [q]);
  useEffect(() => {
    if (typed === q) return;
    // The address as it is when the timer fires: a year chosen meanwhile stays.
    const timer = window.setTimeout(() => navigate(latestLink.current({ q: typed.trim() }), { replace: true }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [typed]);
  useEffect(() => {
    if (!firstNew.current) return;
    document.getElementById(`event-${firstNew.current}`)?.focus();
    firstNew.current = undefined;
  }, [items]);

  const link = (changes: Record<string, string>) => {
    const params = new URLSearchParams({ when, type, status, q, year, unit, ...changes });
    for (const [key, value] of [...params]) if (!value || (key === 'when' && value === 'upcoming')) params.delete(key);
    const search = params.toString();
    return `/console/events${search ? `?${search}` : ''}`;
  };
  latestLink.current = link;
  const filtered = Boolean(type || status || unit || searching);

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
        <a href={link({ when: 'upcoming', q: '', year: '' })} aria-current={when === 'upcoming' && !searching ? 'page' : undefined}>
          {t('upcoming')}
        </a>
        <a href={link({ when: 'past', q: '', year: '' })} aria-current={when === 'past' && !searching ? 'page' : undefined}>
          {t('past')}
        </a>
      </nav>

      <form class="filters" aria-label={t('filters')} role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="field search-field">
          <label for="filter-q">{t('search')}</label>
          <input
            id="filter-q"
            type="search"
            value={typed}
            aria-describedby="filter-q-hint"
            onInput={(e) => setTyped(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') navigate(link({ q: typed.trim() }), { replace: true });
            }}
          />
          <p id="filter-q-hint" class="hint">
            {t('searchHint')}
          </p>
        </div>
        <div class="field">
          <label for="filter-year">{t('year')}</label>
          <select id="filter-year" value={year} onChange={(e) => navigate(link({ year: e.currentTarget.value }), { replace: true })}>
            <option value="">{t('allYears')}</option>
            {yearChoices().map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        {holdsSeveral && (
          <div class="field">
            <label for="filter-unit">{t('unit')}</label>
            <select id="filter-unit" value={unit} onChange={(e) => navigate(link({ unit: e.currentTarget.value }), { replace: true })}>
              <option value="">{t('allUnits')}</option>
              {units!.reached.map((choice) => (
                <option key={choice.unitId} value={choice.unitId}>
                  {pickLocalized(choice.name, language).text}
                </option>
              ))}
            </select>
          </div>
        )}
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
                    {severalUnits && units!.byId.get(event.unitId) && (
                      <span class="badge unit-badge" title={pickLocalized(units!.byId.get(event.unitId)!.name, language).text}>
                        {units!.byId.get(event.unitId)!.shortName}
                      </span>
                    )}
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
      {/* Below the list: arriving after it, the reminder never pushes the events down. */}
      {can('partners:read') && <UpcomingOccasions />}
    </section>
  );
}
