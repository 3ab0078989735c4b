import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../web/lib/api-client.js';
import { createDoorQueue, flushDoorQueue, randomId, type DoorOp, type StorageLike } from '../../../web/console/door-queue.js';

/** localStorage as a page sees it; a reload is a new queue on the same storage. */
function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

let n = 0;
const at = '2031-11-20T01:00:00.000Z';
const checkIn = (registrationId: string): DoorOp => ({ opId: `op-${(n += 1)}`, kind: 'check-in', registrationId, name: registrationId, at });
const undo = (registrationId: string): DoorOp => ({ opId: `op-${(n += 1)}`, kind: 'undo', registrationId, name: registrationId, at });
const code = (value: string): DoorOp => ({ opId: `op-${(n += 1)}`, kind: 'code', code: value, at });
const walkIn = (walkInId: string): DoorOp => ({ opId: `op-${(n += 1)}`, kind: 'walk-in', walkIn: { walkInId, name: 'Y Moan Êban' }, at });
const offline = () => new ApiError(0, 'network', 'Không kết nối được với máy chủ.');

describe('the door queue', () => {
  it('keeps taps per event across a reload, and forgets them once sent', async () => {
    const storage = memoryStorage();
    createDoorQueue('ev-1', storage).add(checkIn('a'));
    createDoorQueue('ev-2', storage).add(checkIn('b'));
    const reloaded = createDoorQueue('ev-1', storage);
    expect(reloaded.read().map((op) => op.kind === 'check-in' && op.registrationId)).toEqual(['a']);

    const sent: string[] = [];
    const report = await flushDoorQueue(reloaded, async (op) => sent.push(op.opId));
    expect(report.sent).toHaveLength(1);
    expect(storage.data.has(reloaded.key)).toBe(false);
    expect(createDoorQueue('ev-2', storage).read()).toHaveLength(1);
  });

  it('queues a repeated tap once, but keeps a check-in and its undo in order', () => {
    const queue = createDoorQueue('ev', memoryStorage());
    queue.add(checkIn('a'));
    queue.add(checkIn('a'));
    expect(queue.read()).toHaveLength(1);
    queue.add(undo('a'));
    queue.add(checkIn('a'));
    expect(queue.read().map((op) => op.kind)).toEqual(['check-in', 'undo', 'check-in']);
    expect(queue.lastFor('a')?.kind).toBe('check-in');

    queue.add(code('abcde-12345'));
    queue.add(code('ABCDE 12345'));
    queue.add(walkIn('walk-in-0001'));
    queue.add(walkIn('walk-in-0001'));
    expect(queue.read().filter((op) => op.kind === 'code' || op.kind === 'walk-in')).toHaveLength(2);
  });

  it('stops at the first tap that cannot go now and keeps it and those after it', async () => {
    const queue = createDoorQueue('ev', memoryStorage());
    const [first, second, third] = [checkIn('a'), walkIn('walk-in-0002'), checkIn('c')];
    for (const op of [first, second, third]) queue.add(op);
    const report = await flushDoorQueue(queue, async (op) => {
      if (op.opId === second.opId) throw offline();
      return op.opId;
    });
    expect(report.sent.map((s) => s.op.opId)).toEqual([first.opId]);
    expect(report.stoppedBy).toBeInstanceOf(ApiError);
    expect(queue.read().map((op) => op.opId)).toEqual([second.opId, third.opId]);

    // A signed-out phone keeps its taps for after the next sign-in; a busy server too.
    for (const status of [401, 503]) {
      await flushDoorQueue(queue, async () => {
        throw new ApiError(status, 'x', 'x');
      });
      expect(queue.read()).toHaveLength(2);
    }
  });

  it('drops a tap the API refuses for good, reports it, and goes on with the next', async () => {
    const queue = createDoorQueue('ev', memoryStorage());
    const [unknown, next] = [code('ZZZZZZZZZZ'), checkIn('b')];
    queue.add(unknown);
    queue.add(next);
    const report = await flushDoorQueue(queue, async (op) => {
      if (op.kind === 'code') throw new ApiError(404, 'attendee_not_found', 'Không tìm thấy người này trong danh sách.');
      return 'ok';
    });
    expect(report.failed.map((f) => f.op.opId)).toEqual([unknown.opId]);
    expect(report.sent.map((s) => s.op.opId)).toEqual([next.opId]);
    expect(queue.read()).toEqual([]);
  });

  it('works from memory when storage is refused, and ignores what it cannot read', () => {
    const refusing: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const queue = createDoorQueue('ev', refusing);
    queue.add(checkIn('a'));
    expect(queue.read()).toHaveLength(1);
    const full: StorageLike = { ...memoryStorage(), setItem: refusing.setItem };
    const onFull = createDoorQueue('ev', full);
    onFull.add(checkIn('a'));
    onFull.add(checkIn('b'));
    expect(onFull.read()).toHaveLength(2);

    const storage = memoryStorage();
    storage.setItem('hn.door-queue.ev', JSON.stringify([{ kind: 'check-in' }, checkIn('b'), 'nonsense']));
    expect(createDoorQueue('ev', storage).read()).toHaveLength(1);
    storage.setItem('hn.door-queue.ev', '{not json');
    expect(createDoorQueue('ev', storage).read()).toEqual([]);
  });

  it('makes walk-in ids the API accepts', () => {
    const ids = new Set(Array.from({ length: 50 }, randomId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });
});
