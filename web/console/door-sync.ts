import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Attendee } from '../../shared/attendees/attendee-schema.js';
import type { CheckInResult } from '../../shared/attendees/check-in.js';
import { ApiError } from '../lib/api-client.js';
import { formatDate, formatTime } from '../lib/datetime.js';
import { errorText } from '../lib/error-text.js';
import { defineMessages, inBoth, textIn, type LocalizedText } from '../lib/i18n.js';
import { useApp } from './context.js';
import { readDoor, readDoorFirst, takeDoorFirstEarly } from './door-list.js';
import { createDoorQueue, flushDoorQueue, normalizeCode, randomId, type DoorOp } from './door-queue.js';

/**
 * The check-in page's side of the door: the list kept current with the server (door-list.ts),
 * every tap through the queue (door-queue.ts) and sent when it can be, polling while the page is
 * shown, and a sentence for each answer.
 */
const messages = defineMessages({
  vi: {
    done: 'Đã ghi nhận {name} có mặt.',
    already: '{name} đã có mặt từ {time}.',
    undone: 'Đã hoàn tác điểm danh của {name}.',
    notUndone: '{name} chưa được điểm danh nên không có gì để hoàn tác.',
    walkInDone: 'Đã thêm {name} và ghi nhận có mặt.',
    queued: 'Chưa gửi được: {what}. Đã lưu trên máy này, sẽ tự gửi khi có mạng.',
    codeOp: 'mã {code}',
    walkInOp: '{name} (đến trực tiếp)',
    undoOp: 'hoàn tác {name}',
  },
  en: {
    done: '{name} is checked in.',
    already: '{name} was already checked in at {time}.',
    undone: 'Check-in of {name} undone.',
    notUndone: '{name} was not checked in: nothing to undo.',
    walkInDone: '{name} was added and checked in.',
    queued: 'Not sent yet: {what}. Saved on this phone; it will be sent when the connection returns.',
    codeOp: 'code {code}',
    walkInOp: '{name} (walk-in)',
    undoOp: 'undo {name}',
  },
});

export type DoorNotice = { tone: 'success' | 'info' | 'error'; text: LocalizedText | string; undo?: { registrationId: string; name: string } };
export type DoorFailure = { opId: string; what: string; message: string };

/**
 * Every other phone at the door sees a tap within this long (while the page is shown); a poll
 * with nothing new costs a few hundred bytes (door-list.ts).
 */
const POLL_MS = 5000;
/** The first screen, read before the whole list: more than a phone shows at once. */
export const FIRST_SCREEN = 60;

/** "08:05 26/03": when a person was checked in, as the door says it. */
export const shortTime = (instant: string) => `${formatTime(instant)} ${formatDate(instant).slice(0, 5)}`;

/** Whether two taps are about the same person (or code, or walk-in). */
function sameTarget(a: DoorOp, b: DoorOp): boolean {
  if ((a.kind === 'check-in' || a.kind === 'undo') && (b.kind === 'check-in' || b.kind === 'undo')) return a.registrationId === b.registrationId;
  if (a.kind === 'code' && b.kind === 'code') return normalizeCode(a.code) === normalizeCode(b.code);
  if (a.kind === 'walk-in' && b.kind === 'walk-in') return a.walkIn.walkInId === b.walkIn.walkInId;
  return false;
}

export const isNetworkFailure = (error: unknown) => error instanceof ApiError && error.status === 0;

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function useDoorSync(eventId: string) {
  const { api, language, announce } = useApp();
  const base = `/api/events/${encodeURIComponent(eventId)}`;
  const queue = useMemo(() => createDoorQueue(eventId, browserStorage()), [eventId]);

  const [people, setPeople] = useState<Attendee[]>();
  const doorCursor = useRef<string | undefined>(undefined);
  /** The whole list is here (else `people` is the first screen only, doorFirst). */
  const [complete, setComplete] = useState(false);
  const firstAsked = useRef(false);
  const [pending, setPending] = useState<DoorOp[]>(() => queue.read());
  const [offline, setOffline] = useState(() => !navigator.onLine);
  const [loadError, setLoadError] = useState<string>();
  const [notice, setNotice] = useState<DoorNotice>();
  const [failures, setFailures] = useState<DoorFailure[]>([]);

  const show = (next: DoorNotice) => {
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

  return { people, complete, pending, offline, loadError, notice, failures, setFailures, describe, flush, tap, checkIn, undoCheckIn };
}
