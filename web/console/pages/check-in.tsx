import { useMemo, useState } from 'preact/hooks';
import type { Attendee } from '../../../shared/attendees/attendee-schema.js';
import { rankPeople, typedWords } from '../../../shared/text/name-search.js';
import { defineMessages, pickLocalized, textIn } from '../../lib/i18n.js';
import { DoorCodeEntry } from '../components/door-code-entry.js';
import { SearchField } from '../components/form.js';
import { PageHeading } from '../components/page-heading.js';
import { VirtualList } from '../components/virtual-list.js';
import { WalkInForm } from '../components/walk-in-form.js';
import { useApp, useCan, useText } from '../context.js';
import { doorCountsOf, readDoorFirstEarly } from '../door-list.js';
import { randomId } from '../door-queue.js';
import { FIRST_SCREEN, isNetworkFailure, shortTime, useDoorSync } from '../door-sync.js';
import { useEvent } from '../hooks/use-event.js';
import type { PageProps } from '../routes.js';
import { ErrorNotice } from '../components/page-notices.js';
import { TableHead } from '../components/data-table.js';

const messages = defineMessages({
  vi: {
    title: 'Điểm danh',
    back: 'Về trang sự kiện',
    present: 'Có mặt',
    presentOf: 'Có mặt / xác nhận',
    countLabel: 'Số người có mặt',
    waitingCount: '{count} chờ gửi',
    byGroup: 'Theo nhóm',
    noGroup: 'Chưa phân nhóm',
    group: 'Nhóm',
    search: 'Tìm theo tên hoặc đơn vị',
    searchHint: 'Gõ không dấu cũng được, ví dụ “nhung”, “hlinh”.',
    filterLabel: 'Hiển thị',
    filterAll: 'Tất cả',
    filterAbsent: 'Chưa có mặt',
    filterPresent: 'Đã có mặt',
    checkIn: 'Có mặt',
    checkInName: 'Có mặt: {name}',
    presentSince: 'Có mặt lúc {time}',
    undo: 'Hoàn tác',
    undoName: 'Hoàn tác: {name}',
    certificate: 'Giấy chứng nhận',
    certificateName: 'Giấy chứng nhận: {name}',
    waiting: 'Chờ gửi',
    waitingUndo: 'Chờ gửi (hoàn tác)',
    walkInBadge: 'Đến trực tiếp',
    listLabel: 'Danh sách: {count} người',
    loadingRest: 'Đang tải cả danh sách; tìm theo tên được ngay khi tải xong.',
    noMatch: 'Không tìm thấy ai. Nếu người này không có trong danh sách, hãy thêm ở mục “Người đến trực tiếp”.',
    nobody: 'Chưa có ai xác nhận tham dự.',
    offline: 'Mất kết nối. Các lượt điểm danh được lưu trên máy này và tự gửi khi có mạng trở lại.',
    queueTitle: 'Chờ gửi ({count})',
    queueHint: 'Đã lưu trên máy này; sẽ tự gửi khi có mạng.',
    sendNow: 'Gửi ngay',
    failedTitle: 'Không gửi được',
    dismiss: 'Đóng',
    printAll: 'In giấy chứng nhận cho người có mặt',
    'matchedOn.organisation': 'Khớp đơn vị',
    'matchedOn.email': 'Khớp email',
    'matchedOn.phone': 'Khớp số điện thoại',
  },
  en: {
    title: 'Check-in',
    back: 'Back to the event',
    present: 'Present',
    presentOf: 'Present / confirmed',
    countLabel: 'People present',
    waitingCount: '{count} waiting to send',
    byGroup: 'By group',
    noGroup: 'No group',
    group: 'Group',
    search: 'Search by name or organisation',
    searchHint: 'Accents are optional, e.g. “nhung”, “hlinh”.',
    filterLabel: 'Show',
    filterAll: 'Everyone',
    filterAbsent: 'Not yet here',
    filterPresent: 'Present',
    checkIn: 'Present',
    checkInName: 'Present: {name}',
    presentSince: 'Present since {time}',
    undo: 'Undo',
    undoName: 'Undo: {name}',
    certificate: 'Certificate',
    certificateName: 'Certificate: {name}',
    waiting: 'Waiting to send',
    waitingUndo: 'Waiting to send (undo)',
    walkInBadge: 'Walk-in',
    listLabel: 'List: {count} people',
    loadingRest: 'Loading the whole list; searching by name works as soon as it is here.',
    noMatch: 'Nobody found. If the person is not on the list, add them under “Walk-ins”.',
    nobody: 'Nobody has confirmed yet.',
    offline: 'No connection. Check-ins are saved on this phone and sent when the connection returns.',
    queueTitle: 'Waiting to send ({count})',
    queueHint: 'Saved on this phone; sent when the connection returns.',
    sendNow: 'Send now',
    failedTitle: 'Could not be sent',
    dismiss: 'Dismiss',
    printAll: 'Print certificates for those present',
    'matchedOn.organisation': 'Organisation matches',
    'matchedOn.email': 'Email matches',
    'matchedOn.phone': 'Phone matches',
  },
});

type Filter = 'all' | 'absent' | 'present';

/** A row's height on a phone before it is measured: a name, a line of organisation, a big button. */
const ROW_ESTIMATE_PX = 120;

// This page's code is fetched while the console asks who is signed in: its first screen is
// asked for at once, beside that question.
const opening = /^\/console\/events\/([^/]+)\/check-in\/?$/.exec(window.location.pathname);
if (opening) readDoorFirstEarly(decodeURIComponent(opening[1]!), FIRST_SCREEN);

export function CheckInPage({ params }: PageProps) {
  const { language } = useApp();
  const can = useCan();
  const t = useText(messages);
  const eventId = params.eventId!;
  const loaded = useEvent(eventId);
  const door = useDoorSync(eventId);
  const { people, complete, pending, offline, notice, failures, setFailures, describe, flush, tap, checkIn, undoCheckIn } = door;
  // A lost connection is said once, by the offline notice.
  const loadError = door.loadError ?? (isNetworkFailure(loaded.failure) ? undefined : loaded.error);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');

  // How each person shows: the server's state, unless a tap for them waits to be sent.
  const waitingFor = new Map<string, 'check-in' | 'undo'>();
  for (const op of pending) if (op.kind === 'check-in' || op.kind === 'undo') waitingFor.set(op.registrationId, op.kind);
  const isPresent = (p: Attendee) => {
    const waiting = waitingFor.get(p.registrationId);
    return waiting ? waiting === 'check-in' : Boolean(p.checkedInAt);
  };

  const ranked = useMemo(
    // Until the whole list is here a search would miss people: it waits for it.
    () => (complete || !typedWords(query).length ? rankPeople(typedWords(query), people ?? [], () => 0) : []),
    [people, query, complete],
  );
  const matches = ranked
    .filter(({ person }) => (filter === 'present' ? isPresent(person) : filter === 'absent' ? !isPresent(person) : true))
    .map(({ person, match }) => ({ ...person, matchedOn: match.on }));
  const counts = useMemo(() => (people && complete ? doorCountsOf(people) : undefined), [people, complete]);
  const title = loaded.event ? pickLocalized(loaded.event.title, language) : undefined;
  const mayCheckIn = can('attendees:check-in');

  return (
    <section class="door">
      <p class="breadcrumb">
        <a href={`/console/events/${encodeURIComponent(eventId)}`}>← {t('back')}</a>
      </p>
      <PageHeading text={t('title')} />
      {title && (
        <p class="lead" lang={title.lang}>
          {title.text}
        </p>
      )}

      {offline && (
        <p class="notice warning" role="status">
          {t('offline')}
        </p>
      )}
      <ErrorNotice message={loadError} />

      <section class="card door-counts" aria-labelledby="door-count-title">
        <h2 id="door-count-title" class="visually-hidden">
          {t('countLabel')}
        </h2>
        <p class="door-count-line">
          <span class="door-count-label">{t('presentOf')}</span>
          <span class="door-count" data-testid="door-count">
            {counts ? `${counts.checkedIn} / ${counts.confirmed}` : '… / …'}
          </span>
        </p>
        {pending.length > 0 && <p class="door-waiting-count">{t('waitingCount', { count: pending.length })}</p>}
        {counts && counts.groups.length > 1 && (
          <details class="door-groups">
            <summary>{t('byGroup')}</summary>
            <table class="table">
              <TableHead columns={[t('group'), t('presentOf')]} />
              <tbody>
                {counts.groups.map((g) => (
                  <tr key={g.group}>
                    <th scope="row">{g.group || t('noGroup')}</th>
                    <td class="door-group-count">
                      {g.checkedIn} / {g.confirmed}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )}
      </section>

      {notice && (
        <div class={`notice door-notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          <p>{textIn(notice.text, language)}</p>
          {notice.undo && mayCheckIn && (
            <button type="button" class="button" onClick={() => void undoCheckIn(notice.undo!)}>
              {t('undo')}
            </button>
          )}
        </div>
      )}

      {pending.length > 0 && (
        <section class="card door-queue" aria-labelledby="door-queue-title">
          <div class="card-heading">
            <h2 id="door-queue-title">{t('queueTitle', { count: pending.length })}</h2>
            <button type="button" class="button small" onClick={() => void flush()}>
              {t('sendNow')}
            </button>
          </div>
          <p class="hint">{t('queueHint')}</p>
          <ul class="door-queue-list">
            {pending.map((op) => (
              <li key={op.opId}>
                <span>{textIn(describe(op), language)}</span> <span class="badge door-waiting">{t('waiting')}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {failures.length > 0 && (
        <section class="notice error" role="alert" aria-labelledby="door-failed-title">
          <p id="door-failed-title">
            <strong>{t('failedTitle')}</strong>
          </p>
          <ul>
            {failures.map((f) => (
              <li key={f.opId}>
                {f.what}: {f.message}
              </li>
            ))}
          </ul>
          <button type="button" class="button small" onClick={() => setFailures([])}>
            {t('dismiss')}
          </button>
        </section>
      )}

      <section class="card door-search" aria-labelledby="door-search-title">
        <h2 id="door-search-title" class="visually-hidden">
          {t('search')}
        </h2>
        {/* The next name replaces the last one: no clearing by hand between people. */}
        <SearchField id="door-q" label={t('search')} hint={t('searchHint')} value={query} onValue={setQuery} selectOnFocus />
        <div class="segmented" role="group" aria-label={t('filterLabel')}>
          {(['all', 'absent', 'present'] as const).map((f) => (
            <button key={f} type="button" class="segment" aria-pressed={filter === f ? 'true' : 'false'} onClick={() => setFilter(f)}>
              {t(f === 'all' ? 'filterAll' : f === 'absent' ? 'filterAbsent' : 'filterPresent')}
            </button>
          ))}
        </div>

        {!people && !loadError && (
          <p class="loading" role="status">
            {t('common.loading')}
          </p>
        )}
        {complete && people?.length === 0 && <p class="empty">{t('nobody')}</p>}
        {complete && people && people.length > 0 && matches.length === 0 && <p class="empty">{t('noMatch')}</p>}
        {matches.length > 0 && (
          <VirtualList
            items={matches}
            keyOf={(p) => p.registrationId}
            estimate={ROW_ESTIMATE_PX}
            label={t('listLabel', { count: matches.length })}
            class="door-list"
            rowClass={(p) => (isPresent(p) ? 'door-row is-present' : 'door-row')}
            row={(p) => {
              const waiting = waitingFor.get(p.registrationId);
              const present = isPresent(p);
              return (
                <>
                  <div class="door-person">
                    <span class="door-name">{p.name}</span>
                    {(p.organisation || p.position) && (
                      <span class="door-role">{[p.position, p.organisation].filter(Boolean).join(' · ')}</span>
                    )}
                    {p.group && <span class="badge group">{p.group}</span>}
                    {p.matchedOn && p.matchedOn !== 'name' && <span class="badge door-matched-on">{t(`matchedOn.${p.matchedOn}`)}</span>}
                    {p.walkIn && <span class="badge door-walk-in">{t('walkInBadge')}</span>}
                    {waiting ? (
                      <span class="badge door-waiting">{t(waiting === 'undo' ? 'waitingUndo' : 'waiting')}</span>
                    ) : (
                      p.checkedInAt && <span class="door-since">{t('presentSince', { time: shortTime(p.checkedInAt) })}</span>
                    )}
                  </div>
                  {mayCheckIn && (
                    <div class="door-actions">
                      {present ? (
                        <>
                          <button type="button" class="button" aria-label={t('undoName', { name: p.name })} onClick={() => void undoCheckIn(p)}>
                            {t('undo')}
                          </button>
                          {p.checkedInAt && !waiting && (
                            <a
                              class="button"
                              aria-label={t('certificateName', { name: p.name })}
                              href={`/console/events/${encodeURIComponent(eventId)}/certificates/${encodeURIComponent(p.registrationId)}`}
                            >
                              {t('certificate')}
                            </a>
                          )}
                        </>
                      ) : (
                        <button type="button" class="button primary door-tap" aria-label={t('checkInName', { name: p.name })} onClick={() => void checkIn(p)}>
                          {t('checkIn')}
                        </button>
                      )}
                    </div>
                  )}
                </>
              );
            }}
          />
        )}
        {people && !complete && !loadError && (
          <p class="muted" role="status">
            {t('loadingRest')}
          </p>
        )}
      </section>

      {/* After the search: at the door, most people are found by name; the code is the fallback. */}
      {mayCheckIn && <DoorCodeEntry onCode={(code) => tap({ opId: randomId(), kind: 'code', code, at: new Date().toISOString() })} />}

      {mayCheckIn && <WalkInForm onAdd={(walkIn) => tap({ opId: randomId(), kind: 'walk-in', walkIn, at: new Date().toISOString() }).then(() => undefined)} />}

      {counts && counts.checkedIn > 0 && (
        <p class="door-print-all">
          <a class="button" href={`/console/events/${encodeURIComponent(eventId)}/certificates`}>
            {t('printAll')}
          </a>
        </p>
      )}
    </section>
  );
}
