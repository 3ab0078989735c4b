import { describe, expect, it } from 'vitest';
import { coalescedReads } from '../../../shared/db/coalesced-reads.js';

/** A read under the test's control: each call is one read, finished when the test says. */
function controlledReads() {
  const reads: { key: string; finish: (value: string) => void; fail: (error: Error) => void }[] = [];
  let version = 0;
  const read = (key: string) =>
    new Promise<string>((resolve, reject) => {
      // What the read sees is the state when it starts.
      const seen = `${key}@${version}`;
      reads.push({ key, finish: () => resolve(seen), fail: reject });
    });
  return { reads, read, write: () => (version += 1) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('coalesced reads of a hot item', () => {
  it('shares one read among callers who come while none is in flight', async () => {
    const { reads, read } = controlledReads();
    const shared = coalescedReads(read);
    const answers = [shared('tally'), shared('tally')];
    await settle();
    // The second came while the first read was in flight: it waits for the next read.
    expect(reads).toHaveLength(1);
    reads[0]!.finish('');
    await settle();
    expect(reads).toHaveLength(2);
    reads[1]!.finish('');
    expect(await Promise.all(answers)).toEqual(['tally@0', 'tally@0']);
  });

  it('gives every caller a read begun after its call: a caller that has just written sees its write', async () => {
    const { reads, read, write } = controlledReads();
    const shared = coalescedReads(read);
    const before = shared('tally');
    await settle();
    write();
    // A thousand callers after the write, while the first read is still in flight.
    const after = Array.from({ length: 1000 }, () => shared('tally'));
    await settle();
    reads[0]!.finish('');
    await settle();
    // One more read for all of them, not a thousand.
    expect(reads).toHaveLength(2);
    reads[1]!.finish('');
    expect(await before).toBe('tally@0');
    expect(new Set(await Promise.all(after))).toEqual(new Set(['tally@1']));
  });

  it('keeps keys apart and passes a failed read to its callers only', async () => {
    const { reads, read } = controlledReads();
    const shared = coalescedReads(read);
    const a = shared('a');
    const b = shared('b');
    await settle();
    expect(reads.map((r) => r.key)).toEqual(['a', 'b']);
    reads[0]!.fail(new Error('engine down'));
    reads[1]!.finish('');
    await expect(a).rejects.toThrow('engine down');
    expect(await b).toBe('b@0');
    // After a failure the next caller reads again.
    const again = shared('a');
    await settle();
    reads[2]!.finish('');
    expect(await again).toBe('a@0');
  });
});
