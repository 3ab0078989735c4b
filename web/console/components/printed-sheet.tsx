import type { ComponentChildren, VNode } from 'preact';
import { Component } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Event } from '../../../shared/events/event-schema.js';
import { formatRange } from '../../lib/datetime.js';
import { defineMessages, pickLocalized, type Language } from '../../lib/i18n.js';
import { useText } from '../context.js';
import { PageHeading } from './page-heading.js';
import { ErrorNotice } from './page-notices.js';

/**
 * A list printed as offices print it: A4 pages, each its own block with the table's header row,
 * and "Trang x/y" at its foot. Chromium prints no CSS page counters, so the pages are laid out
 * here: every row is measured once at its printed width (millimetres, the same fonts), then rows
 * are packed page by page. What the screen shows is what the printer gets, and the page numbers
 * and headers are real text in a PDF.
 */
const messages = defineMessages({
  vi: {
    org: 'Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk',
    when: 'Thời gian',
    venue: 'Địa điểm',
    page: 'Trang {page}/{pages}',
    continued: '(tiếp theo)',
    preparing: 'Đang dàn trang…',
    preview: 'Bản xem trước khi in, khổ A4 (dùng phím mũi tên để cuộn)',
    preparingRows: 'Đang dàn trang: đã đo {done} / {total} dòng…',
    preparingPages: 'Đang dàn trang: {done} / {total} trang…',
  },
  en: {
    org: 'Đắk Lắk Union of Friendship Organisations',
    when: 'Time',
    venue: 'Venue',
    page: 'Page {page}/{pages}',
    continued: '(continued)',
    preparing: 'Laying out the pages…',
    preview: 'Print preview, A4 (scroll with the arrow keys)',
    preparingRows: 'Laying out the pages: {done} of {total} rows measured…',
    preparingPages: 'Laying out the pages: {done} of {total} pages…',
  },
});

export type Orientation = 'portrait' | 'landscape';

/** A column of the sheet; `width` names a width class of console.css (`.w-<width>`). */
export type SheetColumn = { key: string; heading: string; width?: 'stt' | 'name' | 'position' | 'sign' | 'short' | 'medium' | 'date' };

export type SheetRow =
  | { kind: 'person'; key: string; cells: string[] }
  | { kind: 'group'; key: string; label: string }
  | { kind: 'blank'; key: string; cells: string[] };

export type SheetEvent = { title: string; titleLang?: string; startsAt: string; endsAt: string; venue: string };

type Placed = { row: number; continued?: boolean };

/** Leeway per page for rounding between screen layout and print (pixels at 96 per inch). */
const SAFETY_PX = 6;

export type Measures = {
  /** Height a page offers its content, first page and the others (head, header row and foot taken off). */
  firstAvailable: number;
  otherAvailable: number;
  rowHeights: number[];
};

/**
 * Packs rows into pages. A group's heading is never left last on a page; a page that starts
 * inside a group repeats its heading, marked as continued.
 */
export function paginate(rows: SheetRow[], measures: Measures): Placed[][] {
  const pages: Placed[][] = [];
  let page: Placed[] = [];
  let used = 0;
  let available = measures.firstAvailable;
  let group: number | undefined;
  rows.forEach((row, index) => {
    const height = measures.rowHeights[index] ?? 0;
    const needed = row.kind === 'group' ? height + (measures.rowHeights[index + 1] ?? 0) : height;
    if (used + needed > available && page.some((p) => rows[p.row]!.kind !== 'group')) {
      pages.push(page);
      page = [];
      used = 0;
      available = measures.otherAvailable;
      if (row.kind !== 'group' && group !== undefined) {
        page.push({ row: group, continued: true });
        used += measures.rowHeights[group] ?? 0;
      }
    }
    page.push({ row: index });
    used += height;
    if (row.kind === 'group') group = index;
  });
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

const outerHeight = (element: Element | null): number => {
  if (!element) return 0;
  const style = getComputedStyle(element);
  return element.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
};

/**
 * A long sheet is built in steps, each well under 200 ms even on a busy phone, with the progress
 * shown: rows are measured a batch at a time (only that batch in the measuring table: with fixed
 * column widths a row's height depends on its own cells alone), pages drawn a few at a time (pages
 * drawn before are not rendered again), the browser free in between. A batch grows while steps
 * stay short and shrinks when one took long, so a fast machine is not held back.
 */
const STEP_TARGET_MS = 20;
const FIRST_ROWS_STEP = 40;
const FIRST_PAGES_STEP = 2;
// Caps, so that a busy moment of the machine during a big step cannot make it a long task (at
// 120 rows and 4 pages the longest step took 206 ms on a machine at load 30).
const MAX_ROWS_STEP = 80;
const MAX_PAGES_STEP = 3;
const nextStep = (work: () => void) => window.setTimeout(work, 0);

/** The next batch's size from how long the last one took. */
function nextBatch(size: number, tookMs: number, min: number, max: number): number {
  if (tookMs > 2 * STEP_TARGET_MS) return Math.max(min, Math.floor(size / 2));
  if (tookMs < STEP_TARGET_MS / 2) return Math.min(max, Math.ceil(size * 1.5));
  return size;
}

function measure(root: HTMLElement): Measures {
  const empty = root.querySelector<HTMLElement>('.sheet-page.empty')!;
  const style = getComputedStyle(empty);
  const inner = empty.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  const head = outerHeight(root.querySelector('.sheet-head'));
  const running = outerHeight(root.querySelector('.sheet-running'));
  const headerRow = outerHeight(root.querySelector('.sheet-table thead'));
  const foot = outerHeight(root.querySelector('.sheet-foot'));
  const rowHeights = [...root.querySelectorAll('.sheet-table tbody tr')].map((tr) => tr.getBoundingClientRect().height);
  return {
    firstAvailable: inner - head - headerRow - foot - SAFETY_PX,
    otherAvailable: inner - running - headerRow - foot - SAFETY_PX,
    rowHeights,
  };
}

export type PrintedSheetProps = {
  /** "DANH SÁCH KÝ TÊN": the document's name, printed above the event. */
  documentTitle: string;
  event: SheetEvent;
  /** A line under the event (e.g. the total); optional. */
  summary?: string;
  columns: SheetColumn[];
  rows: SheetRow[];
  orientation: Orientation;
};

/**
 * The sheet: while the rows are new, they are rendered once off-screen and measured; then the
 * pages. Inputs are compared by identity: the page memoizes its rows and columns.
 */
export function PrintedSheet(props: PrintedSheetProps) {
  const t = useText(messages);
  const measurer = useRef<HTMLDivElement>(null);
  const preview = useRef<HTMLDivElement>(null);
  const inputs = [props.rows, props.columns, props.orientation, props.documentTitle, props.event, props.summary, t] as const;
  const [layout, setLayout] = useState<{ inputs: readonly unknown[]; pages: Placed[][] }>();
  const current = layout && layout.inputs.length === inputs.length && layout.inputs.every((value, i) => value === inputs[i]);
  // Rows measured so far (for these inputs), and pages drawn so far once laid out.
  const [measured, setMeasured] = useState<{ inputs: readonly unknown[]; heights: number[]; batch: number }>({ inputs, heights: [], batch: FIRST_ROWS_STEP });
  const sameInputs = measured.inputs.length === inputs.length && measured.inputs.every((value, i) => value === inputs[i]);
  const measuring = sameInputs ? measured.heights : [];
  const rowsBatch = sameInputs ? measured.batch : FIRST_ROWS_STEP;
  const [drawn, setDrawn] = useState({ pages: 0, batch: FIRST_PAGES_STEP });
  // When the current step's render began: its length sizes the next batch.
  const stepStarted = useRef(0);

  useLayoutEffect(() => {
    if (current || !measurer.current) return;
    const step = measure(measurer.current);
    const heights = [...measuring, ...step.rowHeights];
    const took = performance.now() - (stepStarted.current || performance.now());
    if (heights.length < props.rows.length) {
      const batch = nextBatch(rowsBatch, took, 20, MAX_ROWS_STEP);
      nextStep(() => {
        stepStarted.current = performance.now();
        setMeasured({ inputs, heights, batch });
      });
      return;
    }
    stepStarted.current = 0;
    setDrawn({ pages: FIRST_PAGES_STEP, batch: FIRST_PAGES_STEP });
    setLayout({ inputs, pages: paginate(props.rows, { ...step, rowHeights: heights }) });
  });

  const total = layout?.pages.length ?? 0;
  useLayoutEffect(() => {
    if (!current || drawn.pages >= total) return;
    // The layout of the pages just added is part of the step's cost: asked for here, not after.
    void preview.current?.scrollHeight;
    const took = stepStarted.current ? performance.now() - stepStarted.current : STEP_TARGET_MS;
    const batch = nextBatch(drawn.batch, took, 1, MAX_PAGES_STEP);
    nextStep(() => {
      stepStarted.current = performance.now();
      setDrawn((d) => ({ pages: Math.min(total, d.pages + batch), batch }));
    });
  });

  // On screen the preview is scaled down to the column's width, so no column is cut off (a
  // landscape page is 297 mm, wider than the console); paper gets the pages at full size.
  useLayoutEffect(() => {
    const element = preview.current;
    if (!element) return;
    const pageWidth = ((props.orientation === 'landscape' ? 297 : 210) * 96) / 25.4;
    const fitToWidth = () => element.style.setProperty('--sheet-zoom', String(Math.min(1, element.clientWidth / pageWidth)));
    fitToWidth();
    const observer = new ResizeObserver(fitToWidth);
    observer.observe(element);
    return () => observer.disconnect();
  }, [current, props.orientation]);

  const when = formatRange(props.event.startsAt, props.event.endsAt);
  const head = (
    <header class="sheet-head">
      <p class="sheet-org">{t('org')}</p>
      <h2 class="sheet-title">{props.documentTitle}</h2>
      <p class="sheet-event" lang={props.event.titleLang}>
        {props.event.title}
      </p>
      <p class="sheet-meta">
        {t('when')}: {when} · {t('venue')}: {props.event.venue}
      </p>
      {props.summary && <p class="sheet-meta">{props.summary}</p>}
    </header>
  );
  const running = (
    <p class="sheet-running">
      <span lang={props.event.titleLang}>{props.event.title}</span> · {when}
    </p>
  );
  const colgroup = (
    <colgroup>
      {props.columns.map((column) => (
        <col key={column.key} class={column.width ? `w-${column.width}` : undefined} />
      ))}
    </colgroup>
  );
  const thead = (
    <thead>
      <tr>
        {props.columns.map((column) => (
          <th key={column.key} scope="col">
            {column.heading}
          </th>
        ))}
      </tr>
    </thead>
  );
  const row = (r: SheetRow, continued = false) =>
    r.kind === 'group' ? (
      <tr key={continued ? `${r.key}-continued` : r.key} class="sheet-group">
        <th colSpan={props.columns.length} scope="rowgroup">
          {r.label}
          {continued && ` ${t('continued')}`}
        </th>
      </tr>
    ) : (
      <tr key={r.key} class={r.kind === 'blank' ? 'sheet-blank' : undefined}>
        {r.cells.map((cell, i) => (
          <td key={props.columns[i]?.key ?? i} class={`c-${props.columns[i]?.key ?? 'x'}`}>
            {cell}
          </td>
        ))}
      </tr>
    );
  const pageClass = `sheet-page ${props.orientation}`;

  if (!current) {
    return (
      <>
        <p class="loading no-print" role="status">
          {props.rows.length > FIRST_ROWS_STEP ? t('preparingRows', { done: measuring.length, total: props.rows.length }) : t('preparing')}
        </p>
        <div class="sheet-measure" ref={measurer} aria-hidden="true">
          <div class={`${pageClass} empty`} />
          <div class={pageClass}>
            {head}
            {running}
            <table class="sheet-table">
              {colgroup}
              {thead}
              <tbody>{props.rows.slice(measuring.length, measuring.length + rowsBatch).map((r) => row(r))}</tbody>
            </table>
            <p class="sheet-foot">{t('page', { page: 999, pages: 999 })}</p>
          </div>
        </div>
      </>
    );
  }

  const pages = layout.pages;
  const building = drawn.pages < pages.length;
  // Only the finished sheet is `.sheet-pages` (what printing and its tests wait for).
  return (
    <>
      {building && (
        <p class="loading no-print" role="status">
          {t('preparingPages', { done: drawn.pages, total: pages.length })}
        </p>
      )}
    {/* A4 is wider than a phone: the preview scrolls, so it takes the keyboard's focus to scroll too. */}
    {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable from the keyboard (axe: scrollable-region-focusable). */}
    <div class={building ? 'sheet-pages-building' : 'sheet-pages'} ref={preview} tabIndex={0} role="region" aria-label={t('preview')}>
      {pages.slice(0, Math.max(drawn.pages, 1)).map((placed, index) => (
        <DrawnPage
          key={index}
          placed={placed}
          render={() => (
            <section class={pageClass} aria-label={t('page', { page: index + 1, pages: pages.length })}>
              {index === 0 ? head : running}
              <table class="sheet-table">
                {colgroup}
                {thead}
                <tbody>{placed.map((p) => row(props.rows[p.row]!, p.continued))}</tbody>
              </table>
              <p class="sheet-foot">{t('page', { page: index + 1, pages: pages.length })}</p>
            </section>
          )}
        />
      ))}
    </div>
    </>
  );
}

/**
 * One drawn page: rendered again only when the layout gave it other rows (a new layout makes new
 * `placed` arrays), not on each step that adds pages after it.
 */
class DrawnPage extends Component<{ placed: Placed[]; render: () => VNode }> {
  override shouldComponentUpdate(next: { placed: Placed[] }) {
    return next.placed !== this.props.placed;
  }
  override render() {
    return this.props.render();
  }
}

/** The controls above a sheet: hidden when printing. */
export function SheetControls(props: { label: string; children: ComponentChildren }) {
  return (
    <form class="card sheet-controls no-print" aria-label={props.label} onSubmit={(e) => e.preventDefault()}>
      {props.children}
    </form>
  );
}

/**
 * The top of a printable list's page (print-sheet.tsx, delegation-roster.tsx), hidden when
 * printing: the way back to the event, the heading, an error, and what the page adds.
 */
export function SheetPageHead(props: { eventId: string; back: string; heading: string; error?: string; children?: ComponentChildren }) {
  return (
    <div class="no-print">
      <p class="breadcrumb">
        <a href={`/console/events/${encodeURIComponent(props.eventId)}`}>← {props.back}</a>
      </p>
      <PageHeading text={props.heading} />
      <ErrorNotice message={props.error} />
      {props.children}
    </div>
  );
}

/** The paper's orientation, a choice of the sheet's controls; `first` is the one listed first. */
export function OrientationField(props: {
  id: string;
  label: string;
  portrait: string;
  landscape: string;
  value: Orientation;
  first: Orientation;
  onChange: (orientation: Orientation) => void;
}) {
  const option = (value: Orientation) => <option value={value}>{props[value]}</option>;
  const second: Orientation = props.first === 'portrait' ? 'landscape' : 'portrait';
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value === second ? second : props.first)}>
        {option(props.first)}
        {option(second)}
      </select>
    </div>
  );
}

/** The event as a sheet's head shows it, its title in the console's language. */
export function useSheetEvent(event: Event | undefined, language: Language): SheetEvent | undefined {
  return useMemo(() => {
    if (!event) return undefined;
    const title = pickLocalized(event.title, language);
    return { title: title.text, titleLang: title.lang, startsAt: event.startsAt, endsAt: event.endsAt, venue: event.venue };
  }, [event, language]);
}
