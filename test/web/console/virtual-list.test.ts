import { describe, expect, it } from 'vitest';
import { rowOffsets, visibleRange } from '../../../web/console/components/virtual-list.js';

describe('the virtual list draws the rows in view and a few around them', () => {
  const offsets = rowOffsets(2800, (i) => (i % 10 === 0 ? 150 : 100));

  it('adds up row heights, measured or estimated, into where each row starts', () => {
    expect(offsets).toHaveLength(2801);
    expect(offsets.slice(0, 4)).toEqual([0, 150, 250, 350]);
    expect(offsets[2800]).toBe(280 * 150 + 2520 * 100);
  });

  it('at the top: the rows in a phone-high box and the overscan below them', () => {
    expect(visibleRange(offsets, { top: 0, height: 590 }, 6)).toEqual({ from: 0, to: 6 + 6 }); // rows 0–5 in view, 6 more
  });

  it('far down the list: only the rows around the view, whatever the list length', () => {
    const top = offsets[2000]!;
    const { from, to } = visibleRange(offsets, { top, height: 590 }, 6);
    expect(from).toBe(1994);
    expect(to - from).toBeLessThan(25);
    expect(visibleRange(offsets, { top: offsets[2800]! - 590, height: 590 }, 6).to).toBe(2800);
  });

  it('keeps the focused row drawn when it is near, and lets it go when the list is scrolled far away', () => {
    const top = offsets[100]!;
    expect(visibleRange(offsets, { top, height: 590 }, 6, 80)).toMatchObject({ from: 80 - 6 });
    expect(visibleRange(offsets, { top, height: 590 }, 6, 5).from).toBe(94);
  });

  it('draws the rows after the focused one before the box has scrolled to it, so Tab always finds the next row', () => {
    // Focus on the last overscan row (11) while the box still reports the top: rows 12–17 are drawn too.
    expect(visibleRange(offsets, { top: 0, height: 590 }, 6, 11)).toEqual({ from: 0, to: 11 + 1 + 6 });
    expect(visibleRange(offsets, { top: 0, height: 590 }, 6, 2799 - 2000).to).toBe(12);
  });

  it('an empty list draws nothing', () => {
    expect(visibleRange(rowOffsets(0, () => 100), { top: 0, height: 590 }, 6)).toEqual({ from: 0, to: 0 });
  });
});
