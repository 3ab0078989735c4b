import { ApiError } from '../lib/api-client.js';

/**
 * Taps at the door, kept on the phone until the API has them (issue #10). Every tap goes through
 * this queue, online or not: it is written to localStorage first and sent after, so a tap survives
 * a dropped connection, a failed request and a reload of the page. Sending twice is harmless: a
 * check-in and its undo are idempotent, and a walk-in carries the id the phone gave it.
 */
export type WalkInDraft = { walkInId: string; name: string; organisation?: string; position?: string };

export type DoorOp =
  | { opId: string; kind: 'check-in'; registrationId: string; name: string; at: string }
  | { opId: string; kind: 'undo'; registrationId: string; name: string; at: string }
  | { opId: string; kind: 'code'; code: string; at: string }
  | { opId: string; kind: 'walk-in'; walkIn: WalkInDraft; at: string };

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A random id for a walk-in or an op: base64url, within the API's /^[A-Za-z0-9_-]{8,64}$/. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** As the desk normalizes it (shared/attendees/check-in-codes.ts), so the same code queues once. */
export const normalizeCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

function isDoorOp(value: unknown): value is DoorOp {
  if (!value || typeof value !== 'object') return false;
  const op = value as Record<string, unknown>;
  if (typeof op.opId !== 'string') return false;
  if (op.kind === 'check-in' || op.kind === 'undo') return typeof op.registrationId === 'string';
  if (op.kind === 'code') return typeof op.code === 'string';
  if (op.kind === 'walk-in') return typeof (op.walkIn as WalkInDraft | undefined)?.walkInId === 'string';
  return false;
}

/**
 * Whether a failed send may succeed later: no answer at all, the session gone (the queue waits
 * for the next sign-in), or the server busy or down. Anything else (a code nobody has, a person
 * not confirmed) will fail the same way again, so the op is dropped and the failure shown.
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status === 401 || error.status === 408 || error.status === 429 || error.status >= 500;
}

export type DoorQueue = ReturnType<typeof createDoorQueue>;

/** The queue of one event on this phone. Storage may be refused (private mode): then memory only. */
export function createDoorQueue(eventId: string, storage: StorageLike | undefined) {
  const key = `hn.door-queue.${eventId}`;
  let memory: DoorOp[] = [];
  // Once a write was refused (storage full or forbidden), memory is the truth for this page.
  let memoryOnly = !storage;

  function read(): DoorOp[] {
    if (memoryOnly) return memory;
    try {
      const raw = storage?.getItem(key);
      if (raw === null || raw === undefined) return [];
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? parsed.filter(isDoorOp) : [];
    } catch {
      return memory;
    }
  }

  function write(ops: DoorOp[]) {
    memory = ops;
    try {
      if (ops.length) storage?.setItem(key, JSON.stringify(ops));
      else storage?.removeItem(key);
    } catch {
      memoryOnly = true;
    }
  }

  /** The op last queued for this person, if any: it decides how the list shows them. */
  function lastFor(ops: DoorOp[], registrationId: string) {
    for (let i = ops.length - 1; i >= 0; i -= 1) {
      const op = ops[i]!;
      if ((op.kind === 'check-in' || op.kind === 'undo') && op.registrationId === registrationId) return op;
    }
    return undefined;
  }

  return {
    key,
    read,
    /**
     * Adds a tap, unless it repeats the one already waiting (a second tap on a person waiting to
     * be checked in, the same code typed twice). A check-in then an undo both stay, in order: the
     * first may already have reached the server.
     */
    add(op: DoorOp): DoorOp[] {
      const ops = read();
      if (op.kind === 'check-in' || op.kind === 'undo') {
        if (lastFor(ops, op.registrationId)?.kind === op.kind) return ops;
      } else if (op.kind === 'code') {
        if (ops.some((o) => o.kind === 'code' && normalizeCode(o.code) === normalizeCode(op.code))) return ops;
      } else if (ops.some((o) => o.kind === 'walk-in' && o.walkIn.walkInId === op.walkIn.walkInId)) {
        return ops;
      }
      const next = [...ops, op];
      write(next);
      return next;
    },
    remove(opId: string): DoorOp[] {
      const next = read().filter((op) => op.opId !== opId);
      write(next);
      return next;
    },
    lastFor: (registrationId: string) => lastFor(read(), registrationId),
  };
}

export type FlushReport<R> = {
  sent: { op: DoorOp; result: R }[];
  failed: { op: DoorOp; error: unknown }[];
  /** Stopped at an op that may succeed later (no connection): it and those after it wait. */
  stoppedBy?: unknown;
};

/**
 * Sends the waiting ops in the order they were tapped, one at a time. An op leaves the queue only
 * once the API answered it; the first that cannot be sent for now stops the run.
 */
export async function flushDoorQueue<R>(queue: DoorQueue, send: (op: DoorOp) => Promise<R>): Promise<FlushReport<R>> {
  const report: FlushReport<R> = { sent: [], failed: [] };
  const seen = new Set<string>();
  for (;;) {
    const op = queue.read().find((o) => !seen.has(o.opId));
    if (!op) return report;
    seen.add(op.opId);
    try {
      const result = await send(op);
      queue.remove(op.opId);
      report.sent.push({ op, result });
    } catch (error) {
      if (isRetryable(error)) {
        report.stoppedBy = error;
        return report;
      }
      queue.remove(op.opId);
      report.failed.push({ op, error });
    }
  }
}
