import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Attendee } from '../../../shared/attendees/attendee-schema.js';
import type { CheckInResult } from '../../../shared/attendees/check-in.js';
import type { Event } from '../../../shared/events/event-schema.js';
import { rankPeople, typedWords } from '../../../shared/text/name-search.js';
import { ApiError } from '../../lib/api-client.js';
import { formatDate, formatTime } from '../../lib/datetime.js';
import type { FieldErrors } from '../../lib/form.js';
import { defineMessages, inBoth, pickLocalized, textIn, type LocalizedText } from '../../lib/i18n.js';
import { Form, SubmitButton, TextField } from '../components/form.js';
import { PageHeading } from '../components/page-heading.js';
import { VirtualList } from '../components/virtual-list.js';
import { useApp, useCan, useText } from '../context.js';
import { doorCountsOf, readDoor, readDoorFirst, readDoorFirstEarly, takeDoorFirstEarly } from '../door-list.js';
import { createDoorQueue, flushDoorQueue, normalizeCode, randomId, type DoorOp } from '../door-queue.js';
import type { PageProps } from '../routes.js';
import { errorText } from '../../lib/error-text.js';

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
    done: 'Đã ghi nhận {name} có mặt.',
    already: '{name} đã có mặt từ {time}.',
    undone: 'Đã hoàn tác điểm danh của {name}.',
    notUndone: '{name} chưa được điểm danh nên không có gì để hoàn tác.',
    walkInDone: 'Đã thêm {name} và ghi nhận có mặt.',
    queued: 'Chưa gửi được: {what}. Đã lưu trên máy này, sẽ tự gửi khi có mạng.',
    offline: 'Mất kết nối. Các lượt điểm danh được lưu trên máy này và tự gửi khi có mạng trở lại.',
    queueTitle: 'Chờ gửi ({count})',
    queueHint: 'Đã lưu trên máy này; sẽ tự gửi khi có mạng.',
    sendNow: 'Gửi ngay',
    failedTitle: 'Không gửi được',
    dismiss: 'Đóng',
    codeTitle: 'Mã vào cửa',
    code: 'Mã vào cửa',
    codeHint: '10 ký tự trong thư xác nhận, ví dụ ABCDE-12345.',
    codeSubmit: 'Điểm danh theo mã',
    codeNeeded: 'Vui lòng nhập mã vào cửa.',
    codeUnknown: 'Không có ai mang mã {code}. Hãy so lại từng ký tự với thư xác nhận rồi sửa mã, hoặc tìm theo tên.',
    codeOp: 'mã {code}',
    scan: 'Quét mã QR',
    scanStop: 'Tắt camera',
    scanHint: 'Đưa mã QR trong thư xác nhận vào khung hình.',
    scanVideo: 'Hình ảnh từ camera',
    cameraFailed: 'Không mở được camera ({reason}). Hãy nhập mã vào cửa.',
    walkInTitle: 'Người đến trực tiếp',
    walkInHint: 'Người không có trong danh sách: thêm vào và ghi nhận có mặt ngay.',
    name: 'Họ và tên',
    organisation: 'Đơn vị',
    position: 'Chức vụ',
    nameNeeded: 'Vui lòng nhập họ và tên.',
    walkInSubmit: 'Thêm và điểm danh',
    walkInOp: '{name} (đến trực tiếp)',
    undoOp: 'hoàn tác {name}',
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
    done: '{name} is checked in.',
    already: '{name} was already checked in at {time}.',
    undone: 'Check-in of {name} undone.',
    notUndone: '{name} was not checked in: nothing to undo.',
    walkInDone: '{name} was added and checked in.',
    queued: 'Not sent yet: {what}. Saved on this phone; it will be sent when the connection returns.',
    offline: 'No connection. Check-ins are saved on this phone and sent when the connection returns.',
    queueTitle: 'Waiting to send ({count})',
    queueHint: 'Saved on this phone; sent when the connection returns.',
    sendNow: 'Send now',
    failedTitle: 'Could not be sent',
    dismiss: 'Dismiss',
    codeTitle: 'Door code',
    code: 'Door code',
    codeHint: 'The 10 characters in the confirmation mail, e.g. ABCDE-12345.',
    codeSubmit: 'Check in by code',
    codeNeeded: 'Please enter the door code.',
    codeUnknown: 'No one has the code {code}. Compare it with the confirmation mail character by character and correct it, or search by name.',
    codeOp: 'code {code}',
    scan: 'Scan QR code',
    scanStop: 'Stop camera',
    scanHint: 'Hold the QR code of the confirmation mail in the frame.',
    scanVideo: 'Camera picture',
    cameraFailed: 'The camera could not be opened ({reason}). Please type the door code.',
    walkInTitle: 'Walk-ins',
    walkInHint: 'Someone who is not on the list: add them and check them in at once.',
    name: 'Full name',
    organisation: 'Organisation',
    position: 'Position',
    nameNeeded: 'Please enter the full name.',
    walkInSubmit: 'Add and check in',
    walkInOp: '{name} (walk-in)',
    undoOp: 'undo {name}',
    printAll: 'Print certificates for those present',
    'matchedOn.organisation': 'Organisation matches',
    'matchedOn.email': 'Email matches',
    'matchedOn.phone': 'Phone matches',
  },
});

type Notice = { tone: 'success' | 'info' | 'error'; text: LocalizedText | string; undo?: { registrationId: string; name: string } };
type Filter = 'all' | 'absent' | 'present';

/**
 * Every other phone at the door sees a tap within this long (while the page is shown); a poll
 * with nothing new costs a few hundred bytes (door-list.ts).
 */
const POLL_MS = 5000;
/** The first screen, read before the whole list: more than a phone shows at once. */
const FIRST_SCREEN = 60;
/** A row's height on a phone before it is measured: a name, a line of organisation, a big button. */
const ROW_ESTIMATE_PX = 120;

// This page's code is fetched while the console asks who is signed in: its first screen is
// asked for at once, beside that question.
const opening = /^\/console\/events\/([^/]+)\/check-in\/?$/.exec(window.location.pathname);
if (opening) readDoorFirstEarly(decodeURIComponent(opening[1]!), FIRST_SCREEN);

/** "08:05 26/03": when a person was checked in, as the door says it. */
const shortTime = (instant: string) => `${formatTime(instant)} ${formatDate(instant).slice(0, 5)}`;

/** Whether two taps are about the same person (or code, or walk-in). */
function sameTarget(a: DoorOp, b: DoorOp): boolean {
  if ((a.kind === 'check-in' || a.kind === 'undo') && (b.kind === 'check-in' || b.kind === 'undo')) return a.registrationId === b.registrationId;
  if (a.kind === 'code' && b.kind === 'code') return normalizeCode(a.code) === normalizeCode(b.code);
  if (a.kind === 'walk-in' && b.kind === 'walk-in') return a.walkIn.walkInId === b.walkIn.walkInId;
  return false;
}

const isNetworkFailure = (error: unknown) => error instanceof ApiError && error.status === 0;

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function CheckInPage({ params }: PageProps) {
  const { api, language, announce } = useApp();
  const can = useCan();
  const t = useText(messages);
  const eventId = params.eventId!;
  const base = `/api/events/${encodeURIComponent(eventId)}`;
  const queue = useMemo(() => createDoorQueue(eventId, browserStorage()), [eventId]);

  const [event, setEvent] = useState<Event>();
  const [people, setPeople] = useState<Attendee[]>();
  const doorCursor = useRef<string | undefined>(undefined);
  /** The whole list is here (else `people` is the first screen only, doorFirst). */
  const [complete, setComplete] = useState(false);
  const firstAsked = useRef(false);
  const [pending, setPending] = useState<DoorOp[]>(() => queue.read());
  const [offline, setOffline] = useState(() => !navigator.onLine);
  const [loadError, setLoadError] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  const [failures, setFailures] = useState<{ opId: string; what: string; message: string }[]>([]);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');

  const show = (next: Notice) => {
    setNotice(next);
    announce(textIn(next.text, language));
  };

  /** What an op is about, for the "waiting" list and for messages. */
  const describe = (op: DoorOp): LocalizedText => {
    if (op.kind === 'check-in') return { vi: op.name, en: op.name };
    if (op.kind === 'undo') return inBoth(messages, 'undoOp', { name: op.name });
    if (op.kind === 'code') return inBoth(messages, 'codeOp', { code: op.code });
    return inBoth(messages, 'walkInOp', { name: op.walkIn.name });
  };

  const send = (op: DoorOp): Promise<CheckInResult | { undone: boolean }> => {
    const person = (id: string) => `${base}/attendees/${encodeURIComponent(id)}/check-in`;
    if (op.kind === 'check-in') return api.post<CheckInResult>(person(op.registrationId));
    if (op.kind === 'undo') return api.delete<{ undone: boolean }>(person(op.registrationId));
    if (op.kind === 'code') return api.post<CheckInResult>(`${base}/attendees/check-ins`, { code: op.code });
    return api.post<CheckInResult>(`${base}/attendees/walk-ins`, op.walkIn);
  };

  /**
   * The list and counts as the server has them now. An answer that set out before a tap was
   * answered is older than what the page shows: it is dropped and asked for again.
   */
  const refreshing = useRef(false);
  const refreshAgain = useRef(false);
  const changes = useRef(0);
  const refresh = async (): Promise<void> => {
    if (refreshing.current) {
      refreshAgain.current = true;
      return;
    }
    refreshing.current = true;
    let held: Awaited<ReturnType<typeof readDoor>> | undefined;
    try {
      do {
        refreshAgain.current = false;
        if (!doorCursor.current && !firstAsked.current) {
          // The first screen from a small read, then the whole list: a big meeting's list takes
          // seconds to read and send, and the first arrivals are already at the door.
          firstAsked.current = true;
          try {
            const first = (await takeDoorFirstEarly(eventId)) ?? (await readDoorFirst(api, base, FIRST_SCREEN));
            setPeople((current) => current ?? first);
          } catch {
            // The whole list below answers for both, or says what went wrong.
          }
        }
        const asked = changes.current;
        try {
          const read = await readDoor(api, base, doorCursor.current ?? held?.cursor);
          if (changes.current !== asked) {
            // A whole list older than a tap is kept, not read again (thousands of people): the
            // changes since its cursor, asked for next, bring the tap, and both apply at once.
            if (!doorCursor.current && !held) held = read;
            refreshAgain.current = true;
            continue;
          }
          const whole = held;
          doorCursor.current = read.cursor;
          setPeople(whole && whole !== read ? (current) => read.update(whole.update(current)) : read.update);
          held = undefined;
          setComplete(true);
          setLoadError(undefined);
          setOffline(false);
        } catch (error) {
          if (isNetworkFailure(error)) setOffline(true);
          else setLoadError(errorText(error));
          return;
        }
      } while (refreshAgain.current);
    } finally {
      refreshing.current = false;
    }
  };

  /** Sends what waits; one run at a time, and one more if asked while running. */
  const flushing = useRef<Promise<void> | undefined>(undefined);
  const missedCodes = useRef(new Set<string>());
  const flushAgain = useRef(false);
  const flush = (): Promise<void> => {
    if (flushing.current) {
      flushAgain.current = true;
      return flushing.current;
    }
    const run = async () => {
      do {
        flushAgain.current = false;
        if (!navigator.onLine) {
          setOffline(true);
          break;
        }
        const report = await flushDoorQueue(queue, send);
        setPending(queue.read());
        if (report.stoppedBy !== undefined && isNetworkFailure(report.stoppedBy)) setOffline(true);
        for (const { op, result } of report.sent) applyResult(op, result);
        // A code nobody has is a typing mistake, not a failure to send: the code field says so.
        const failed = report.failed.filter(({ op, error }) => {
          const miss = op.kind === 'code' && error instanceof ApiError && error.status === 404;
          if (miss) missedCodes.current.add(op.opId);
          return !miss;
        });
        if (failed.length) {
          setFailures((current) => [
            ...current,
            ...failed.map(({ op, error }) => ({
              opId: op.opId,
              what: textIn(describe(op), language),
              message: errorText(error),
            })),
          ]);
          const last = failed[failed.length - 1]!;
          show({ tone: 'error', text: errorText(last.error) });
        }
        if (report.sent.length) await refresh();
      } while (flushAgain.current);
    };
    flushing.current = run().finally(() => (flushing.current = undefined));
    return flushing.current;
  };

  /** What the server answered: the person's row now, and a sentence for the one who tapped. */
  const applyResult = (op: DoorOp, result: CheckInResult | { undone: boolean }) => {
    changes.current += 1;
    if ('undone' in result) {
      const name = op.kind === 'undo' ? op.name : '';
      if (op.kind === 'undo') setPeople((list) => list?.map((p) => (p.registrationId === op.registrationId ? { ...p, checkedInAt: undefined } : p)));
      show({ tone: 'info', text: inBoth(messages, result.undone ? 'undone' : 'notUndone', { name }) });
      return;
    }
    setPeople((list) => {
      if (!list) return list;
      if (list.some((p) => p.registrationId === result.registrationId)) {
        return list.map((p) => (p.registrationId === result.registrationId ? { ...p, checkedInAt: result.checkedInAt } : p));
      }
      if (op.kind !== 'walk-in') return list;
      const { walkIn } = op;
      const added: Attendee = { ...walkIn, registrationId: result.registrationId, response: 'confirmed', checkedInAt: result.checkedInAt, walkIn: true };
      return [added, ...list];
    });
    const undo = { registrationId: result.registrationId, name: result.name };
    if (result.alreadyCheckedIn) {
      show({ tone: 'info', text: inBoth(messages, 'already', { name: result.name, time: shortTime(result.checkedInAt) }), undo });
    } else {
      show({ tone: 'success', text: inBoth(messages, op.kind === 'walk-in' ? 'walkInDone' : 'done', { name: result.name }), undo });
    }
  };

  /** A tap: kept first, then sent. If it cannot go now, it waits and says so. */
  const tap = async (op: DoorOp): Promise<'done' | 'unknown-code'> => {
    setPending(queue.add(op));
    setNotice(undefined);
    await flush();
    if (missedCodes.current.delete(op.opId)) return 'unknown-code';
    // A repeated tap is not queued again: what waits for the same person or code answers for it.
    if (queue.read().some((o) => sameTarget(o, op))) {
      show({ tone: 'info', text: inBoth(messages, 'queued', (lang) => ({ what: describe(op)[lang] })) });
    }
    return 'done';
  };

  const checkIn = (person: { registrationId: string; name: string }) =>
    tap({ opId: randomId(), kind: 'check-in', registrationId: person.registrationId, name: person.name, at: new Date().toISOString() });
  const undoCheckIn = (person: { registrationId: string; name: string }) =>
    tap({ opId: randomId(), kind: 'undo', registrationId: person.registrationId, name: person.name, at: new Date().toISOString() });

  useEffect(() => {
    api
      .get<{ event: Event }>(base)
      .then((answer) => setEvent(answer.event))
      .catch((error: unknown) => {
        if (!isNetworkFailure(error)) setLoadError(errorText(error));
      });
  }, [base]);

  // Polling while the page is shown; the queue is retried on every round and when the
  // connection returns. Another tab of this event on the phone shares the queue.
  const latest = useRef({ flush, refresh });
  latest.current = { flush, refresh };
  useEffect(() => {
    const round = () => {
      if (document.visibilityState !== 'visible') return;
      void latest.current.flush().then(() => latest.current.refresh());
    };
    round();
    const timer = window.setInterval(round, POLL_MS);
    const onVisible = () => round();
    const onOnline = () => {
      setOffline(false);
      round();
    };
    const onOffline = () => setOffline(true);
    const onStorage = (e: StorageEvent) => {
      if (e.key === queue.key) setPending(queue.read());
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    window.addEventListener('storage', onStorage);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('storage', onStorage);
    };
  }, [queue]);

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
  const title = event ? pickLocalized(event.title, language) : undefined;
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
      {loadError && (
        <p class="notice error" role="alert">
          {loadError}
        </p>
      )}

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
              <thead>
                <tr>
                  <th scope="col">{t('group')}</th>
                  <th scope="col">{t('presentOf')}</th>
                </tr>
              </thead>
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
        <div class="field">
          <label for="door-q">{t('search')}</label>
          <p class="hint" id="door-q-hint">
            {t('searchHint')}
          </p>
          <input
            id="door-q"
            type="search"
            autoComplete="off"
            spellcheck={false}
            aria-describedby="door-q-hint"
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
            // The next name replaces the last one: no clearing by hand between people.
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
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
      {mayCheckIn && <CodeEntry onCode={(code) => tap({ opId: randomId(), kind: 'code', code, at: new Date().toISOString() })} />}

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

/** The door code: typed, or read by the camera (BarcodeDetector, else jsQR loaded on demand). */
function CodeEntry(props: { onCode: (code: string) => Promise<'done' | 'unknown-code'> }) {
  const t = useText(messages);
  const { announce } = useApp();
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [scanning, setScanning] = useState(false);
  const [cameraError, setCameraError] = useState<string>();
  const canScan = typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);

  const submit = () => {
    const value = normalizeCode(code);
    if (value.length < 4) {
      setErrors({ code: t('codeNeeded') });
      requestAnimationFrame(() => document.getElementById('f-code')?.focus());
      return;
    }
    setErrors({});
    const typed = code.trim();
    // The code stays in the field until it is known: a mistyped one is corrected, not retyped.
    void props.onCode(value).then((outcome) => {
      if (outcome === 'done') setCode((current) => (normalizeCode(current) === value ? '' : current));
      else {
        setErrors({ code: t('codeUnknown', { code: typed }) });
        announce(t('codeUnknown', { code: typed }));
        requestAnimationFrame(() => document.getElementById('f-code')?.focus());
      }
    });
  };

  return (
    <section class="card door-code" aria-labelledby="door-code-title">
      <h2 id="door-code-title">{t('codeTitle')}</h2>
      <Form errors={errors} onSubmit={submit} class="door-code-form" summary={false}>
        <TextField
          name="code"
          label={t('code')}
          hint={t('codeHint')}
          value={code}
          onValue={setCode}
          input={{ autoComplete: 'off', autoCapitalize: 'characters', spellcheck: false, maxLength: 64 }}
        />
        <div class="row-actions">
          <SubmitButton busy={false} label={t('codeSubmit')} />
          {canScan && !scanning && (
            <button
              type="button"
              class="button"
              onClick={() => {
                setCameraError(undefined);
                setScanning(true);
              }}
            >
              {t('scan')}
            </button>
          )}
        </div>
      </Form>
      {cameraError && (
        <p class="notice error" role="alert">
          {cameraError}
        </p>
      )}
      {scanning && (
        <Scanner
          onCode={(found) => {
            setScanning(false);
            props.onCode(normalizeCode(found));
          }}
          onFail={(reason) => {
            setScanning(false);
            setCameraError(t('cameraFailed', { reason }));
          }}
          onStop={() => setScanning(false)}
        />
      )}
    </section>
  );
}

type Detector = { detect: (source: HTMLVideoElement) => Promise<{ rawValue: string }[]> };
type DetectorClass = { new (options: { formats: string[] }): Detector; getSupportedFormats?: () => Promise<string[]> };

/** A reader of QR codes in video frames: the browser's own where it has one. */
async function qrReader(): Promise<(video: HTMLVideoElement) => Promise<string | undefined>> {
  const Native = (window as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (Native && (await Native.getSupportedFormats?.().catch((): string[] => []))?.includes('qr_code')) {
    const detector = new Native({ formats: ['qr_code'] });
    return async (video) => (await detector.detect(video))[0]?.rawValue;
  }
  // jsQR only here: a chunk of its own, fetched the first time a camera is used without BarcodeDetector.
  // jsQR is CommonJS and sets `default` on both its exports and itself: `.default.default` is
  // the function whichever way a bundler wraps it.
  const jsQR = (await import('jsqr')).default.default;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async (video) => {
    if (!context || !video.videoWidth) return undefined;
    // A smaller frame decodes faster on a phone and still holds a QR held up to the camera.
    const scale = Math.min(1, 640 / Math.max(video.videoWidth, video.videoHeight));
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const frame = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' })?.data;
  };
}

function Scanner(props: { onCode: (code: string) => void; onFail: (reason: string) => void; onStop: () => void }) {
  const t = useText(messages);
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: number | undefined;
    let stopped = false;
    const start = async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        const read = await qrReader();
        const loop = async () => {
          if (stopped || !video.current) return;
          const found = await read(video.current).catch(() => undefined);
          if (stopped) return;
          if (found) props.onCode(found);
          else timer = window.setTimeout(() => void loop(), 250);
        };
        void loop();
      } catch (error) {
        if (!stopped) props.onFail(error instanceof Error ? error.name || error.message : String(error));
      }
    };
    void start();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);
  return (
    <div class="door-scanner">
      <p class="hint">{t('scanHint')}</p>
      <video ref={video} class="door-video" muted playsInline aria-label={t('scanVideo')} />
      <button type="button" class="button" onClick={props.onStop}>
        {t('scanStop')}
      </button>
    </div>
  );
}

function WalkInForm(props: { onAdd: (walkIn: { walkInId: string; name: string; organisation?: string; position?: string }) => Promise<void> }) {
  const t = useText(messages);
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [position, setPosition] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!name.trim()) {
      setErrors({ name: t('nameNeeded') });
      return;
    }
    setErrors({});
    setBusy(true);
    // The id is made once, here: however often the queue sends it, one person is added.
    const walkIn = {
      walkInId: randomId(),
      name: name.trim(),
      ...(organisation.trim() ? { organisation: organisation.trim() } : {}),
      ...(position.trim() ? { position: position.trim() } : {}),
    };
    setName('');
    setOrganisation('');
    setPosition('');
    try {
      await props.onAdd(walkIn);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details class="card door-walk-in-card">
      <summary class="door-summary">{t('walkInTitle')}</summary>
      <p class="hint">{t('walkInHint')}</p>
      <Form errors={errors} onSubmit={submit}>
        <TextField name="name" label={t('name')} required value={name} onValue={setName} input={{ autoComplete: 'off', autoCapitalize: 'words' }} />
        <TextField name="organisation" label={t('organisation')} value={organisation} onValue={setOrganisation} input={{ autoComplete: 'off' }} />
        <TextField name="position" label={t('position')} value={position} onValue={setPosition} input={{ autoComplete: 'off' }} />
        <SubmitButton busy={busy} label={t('walkInSubmit')} />
      </Form>
    </details>
  );
}
