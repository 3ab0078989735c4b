import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

/**
 * A long list in a scrolling box of its own, with only the rows in view (and a few around them)
 * in the page: thousands of people stay as quick to scroll, search and tap as sixty. Rows may
 * differ in height; each is measured once drawn, the others are estimated.
 *
 * For keyboards and screen readers: the rows are list items that say where they stand
 * (`aria-posinset` of `aria-setsize`), Tab moves from row to row (the rows around the focused
 * one are always drawn, and the box scrolls to it), and the row holding the focus is never
 * taken out from under it.
 */
export type VirtualListProps<T> = {
  items: readonly T[];
  keyOf: (item: T) => string;
  /** A row's height before it has been measured (px). */
  estimate: number;
  /** The list's accessible name (e.g. "Danh sách, 2,800 người"). */
  label: string;
  /** The `<li>`'s class, and what goes in it. */
  rowClass: (item: T) => string;
  row: (item: T, index: number) => ComponentChildren;
  /** Rows drawn beyond each edge of the box. */
  overscan?: number;
  class?: string;
};

/** Where each row starts (px), with the list's full height last: n + 1 numbers. */
export function rowOffsets(count: number, heightOf: (index: number) => number): number[] {
  const offsets = new Array<number>(count + 1);
  offsets[0] = 0;
  for (let i = 0; i < count; i += 1) offsets[i + 1] = offsets[i]! + heightOf(i);
  return offsets;
}

/** The first row whose bottom lies below `y`. */
function rowAt(offsets: number[], y: number): number {
  let low = 0;
  let high = offsets.length - 2;
  if (high < 0) return 0;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offsets[middle + 1]! <= y) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The rows to draw, `from` included and `to` excluded: those in the box's view, `overscan` more
 * on each side, and stretched to keep the focused row (when it is near) and `overscan` rows on
 * each side of it in the page.
 */
export function visibleRange(
  offsets: number[],
  view: { top: number; height: number },
  overscan: number,
  focused?: number,
): { from: number; to: number } {
  const count = offsets.length - 1;
  if (count <= 0) return { from: 0, to: 0 };
  let from = Math.max(0, rowAt(offsets, view.top) - overscan);
  let to = Math.min(count, rowAt(offsets, view.top + view.height) + 1 + overscan);
  if (focused !== undefined && focused >= 0 && focused < count && Math.abs(focused - (focused < from ? from : to)) <= 4 * overscan + 20) {
    // The rows around the focused one are drawn whatever the scroll says, so Tab and Shift+Tab
    // always find the next row even when the box's scroll event comes late (a slow phone).
    from = Math.min(from, Math.max(0, focused - overscan));
    to = Math.max(to, Math.min(count, focused + 1 + overscan));
  }
  return { from, to };
}

export function VirtualList<T>(props: VirtualListProps<T>) {
  const overscan = props.overscan ?? 6;
  const box = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const heights = useRef(new Map<string, number>());
  const [view, setView] = useState({ top: 0, height: 800 });
  const [measuredVersion, setMeasuredVersion] = useState(0);
  const [focusedKey, setFocusedKey] = useState<string>();

  const offsets = useMemo(
    () => rowOffsets(props.items.length, (i) => heights.current.get(props.keyOf(props.items[i]!)) ?? props.estimate),
    [props.items, props.estimate, measuredVersion],
  );
  const focusedIndex = useMemo(
    () => (focusedKey === undefined ? undefined : props.items.findIndex((item) => props.keyOf(item) === focusedKey)),
    [props.items, focusedKey],
  );
  const { from, to } = visibleRange(offsets, view, overscan, focusedIndex);

  // The box's scroll position and size, read on scroll and on resize (a phone turned).
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const read = () => setView((current) => (current.top === element.scrollTop && current.height === element.clientHeight ? current : { top: element.scrollTop, height: element.clientHeight }));
    read();
    element.addEventListener('scroll', read, { passive: true });
    const observer = new ResizeObserver(read);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', read);
      observer.disconnect();
    };
  }, []);

  // The drawn rows' real heights: when one differs from what was assumed, the offsets follow.
  useLayoutEffect(() => {
    const rows = list.current?.children;
    if (!rows) return;
    let changed = false;
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i] as HTMLElement;
      const key = row.dataset.key;
      if (key === undefined) continue;
      const height = row.offsetHeight;
      if (height > 0 && heights.current.get(key) !== height) {
        heights.current.set(key, height);
        changed = true;
      }
    }
    if (changed) setMeasuredVersion((v) => v + 1);
  });

  const before = offsets[from] ?? 0;
  const after = (offsets[props.items.length] ?? 0) - (offsets[to] ?? 0);
  return (
    <div
      ref={box}
      class={`virtual-list${props.class ? ` ${props.class}` : ''}`}
      onFocusIn={(e) => setFocusedKey((e.target as HTMLElement).closest<HTMLElement>('[data-key]')?.dataset.key)}
    >
      {/* biome-ignore lint/a11y/noRedundantRoles: Safari's VoiceOver drops the list's semantics (and so its items' positions) from a list styled without markers unless the role is explicit. */}
      <ul ref={list} role="list" aria-label={props.label} style={{ paddingTop: `${before}px`, paddingBottom: `${after}px` }}>
        {props.items.slice(from, to).map((item, i) => {
          const key = props.keyOf(item);
          return (
            <li key={key} data-key={key} class={props.rowClass(item)} aria-setsize={props.items.length} aria-posinset={from + i + 1}>
              {props.row(item, from + i)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
