import { readFile } from 'node:fs/promises';
import type { PDFDocument, PDFFont, PDFImage, PDFPage } from 'pdf-lib';

/**
 * A small page-layout engine over pdf-lib for administrative papers: paragraphs of styled runs,
 * wrapped to a width and aligned (left, centre, right, justified as Decree 30 asks for body
 * text), short rules under headings, an image. It lays out into a list of operations first, so
 * a caller can measure (does the letter fit one page at 14 pt?) before anything is drawn.
 */

export const MM = 72 / 25.4;
export const A4 = { width: 210 * MM, height: 297 * MM };

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';
export type Run = { text: string; style?: FontStyle };
export type Align = 'left' | 'center' | 'right' | 'justify';
export type Fonts = Record<FontStyle, PDFFont>;

const FONT_FILES: Record<FontStyle, string> = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
  boldItalic: 'LiberationSerif-BoldItalic.ttf',
};

/**
 * Liberation Serif: Times New Roman's metrics with every Vietnamese letter (SIL OFL, see
 * fonts/LICENSE-OFL.txt). Beside this file in the repository; in a Lambda bundle the fonts are
 * copied to `fonts/` beside the bundle (infra/lambda-bundling.ts), which is where this module's
 * URL then points. Read once per process.
 */
let fontBytes: Promise<Record<FontStyle, Uint8Array>> | undefined;
function loadFontBytes(): Promise<Record<FontStyle, Uint8Array>> {
  fontBytes ??= (async () => {
    const directory = process.env.PAPERS_FONT_DIR ? new URL(`file://${process.env.PAPERS_FONT_DIR.replace(/\/?$/, '/')}`) : new URL('./fonts/', import.meta.url);
    const entries = await Promise.all(
      (Object.keys(FONT_FILES) as FontStyle[]).map(async (style) => [style, new Uint8Array(await readFile(new URL(FONT_FILES[style], directory)))] as const),
    );
    return Object.fromEntries(entries) as Record<FontStyle, Uint8Array>;
  })();
  fontBytes.catch(() => (fontBytes = undefined));
  return fontBytes;
}

/** pdf-lib and fontkit are loaded on the first paper, not at start (the API's cold start). */
export async function newPdfDocument(title: string, language: 'vi' | 'en'): Promise<{ pdf: PDFDocument; fonts: Fonts }> {
  const [{ PDFDocument }, { default: fontkit }, bytes] = await Promise.all([import('pdf-lib'), import('@pdf-lib/fontkit'), loadFontBytes()]);
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(title);
  pdf.setLanguage(language === 'vi' ? 'vi-VN' : 'en-GB');
  pdf.setCreator('Hữu Nghị Events');
  pdf.setProducer('Hữu Nghị Events');
  const styles = Object.keys(FONT_FILES) as FontStyle[];
  const embedded = await Promise.all(styles.map((style) => pdf.embedFont(bytes[style], { subset: true })));
  return { pdf, fonts: Object.fromEntries(styles.map((style, i) => [style, embedded[i]!])) as Fonts };
}

type TextOp = { kind: 'text'; text: string; x: number; y: number; size: number; style: FontStyle };
/** A straight line from (x1, y) to (x2, y2); `y` is its lower end, by which it is paged. */
type LineOp = { kind: 'line'; x1: number; x2: number; y: number; y2: number; thickness: number };
type ImageOp = { kind: 'image'; image: PDFImage; x: number; y: number; width: number; height: number };
type Op = TextOp | LineOp | ImageOp;

/**
 * Widths per point of the strings measured so far, by style: fontkit shapes each string it
 * measures, and 500 letters repeat the same words thousands of times. The fonts never change
 * within a process, so the widths hold across documents.
 */
const widths = new Map<string, number>();

type Word = { text: string; style: FontStyle; width: number; spaceBefore: boolean };

/** Lays text out top-down from `top`; `y` is the baseline of the next line, in PDF points from the bottom. */
export class PageLayout {
  readonly ops: Op[] = [];
  y: number;

  /**
   * `top` and `bottom` bound the text on every page: what falls below `bottom` runs on to the
   * next page (drawOn), and a block kept together starts there rather than being cut.
   */
  constructor(
    readonly fonts: Fonts,
    readonly top: number,
    readonly bottom: number,
  ) {
    this.y = top;
  }

  private get usable() {
    return this.top - this.bottom;
  }

  /** The page a point of the continuous layout falls on (0 for the first). */
  pageOf(y: number): number {
    return y >= this.bottom ? 0 : Math.ceil((this.bottom - y) / this.usable);
  }

  /**
   * Starts a new page when a block `height` high would not fit above this page's bottom; answers
   * whether it did. `firstLine` is the size of the block's first text, set below the new top.
   */
  keepTogether(height: number, firstLine = 0): boolean {
    const page = this.pageOf(this.y);
    if (this.y - height >= this.bottom - page * this.usable) return false;
    this.y = this.top - (page + 1) * this.usable - firstLine;
    return true;
  }

  width(text: string, style: FontStyle, size: number): number {
    const key = `${style}\u0000${text}`;
    let perPoint = widths.get(key);
    if (perPoint === undefined) {
      perPoint = this.fonts[style].widthOfTextAtSize(text, 1000) / 1000;
      if (widths.size > 50_000) widths.clear();
      widths.set(key, perPoint);
    }
    return perPoint * size;
  }

  /** Words with their style; a word wider than the line is cut between letters. */
  private words(runs: Run[], size: number, maxWidth: number): Word[] {
    const words: Word[] = [];
    let pendingSpace = false;
    for (const run of runs) {
      const style = run.style ?? 'regular';
      // Ordinary spaces and line breaks separate words; a no-break space (U+00A0) holds its place.
      for (const piece of run.text.split(/([ \t\r\n]+)/)) {
        if (piece === '') continue;
        if (/^[ \t\r\n]+$/.test(piece)) {
          pendingSpace = true;
          continue;
        }
        let rest = piece;
        while (this.width(rest, style, size) > maxWidth && rest.length > 1) {
          let cut = rest.length - 1;
          while (cut > 1 && this.width(rest.slice(0, cut), style, size) > maxWidth) cut--;
          words.push({ text: rest.slice(0, cut), style, width: this.width(rest.slice(0, cut), style, size), spaceBefore: pendingSpace });
          pendingSpace = false;
          rest = rest.slice(cut);
        }
        words.push({ text: rest, style, width: this.width(rest, style, size), spaceBefore: pendingSpace && words.length > 0 });
        pendingSpace = false;
      }
    }
    return words;
  }

  /** Runs broken into lines no wider than `width`, the first `firstIndent` narrower. */
  private wrap(runs: Run[], size: number, width: number, firstIndent = 0): Word[][] {
    const words = this.words(runs, size, width - firstIndent);
    const lines: Word[][] = [];
    let line: Word[] = [];
    let lineWidth = 0;
    for (const word of words) {
      const indent = lines.length === 0 ? firstIndent : 0;
      const space = line.length > 0 && word.spaceBefore ? this.width(' ', word.style, size) : 0;
      if (line.length > 0 && indent + lineWidth + space + word.width > width) {
        lines.push(line);
        line = [];
        lineWidth = 0;
      }
      lineWidth += (line.length > 0 && word.spaceBefore ? this.width(' ', word.style, size) : 0) + word.width;
      line.push(word);
    }
    if (line.length > 0) lines.push(line);
    return lines;
  }

  /**
   * A table with ruled cells: each cell's text wrapped to its column, a row never cut across
   * pages, the header row repeated at the top of each page the table runs on to.
   */
  table(
    columns: { header: string; width: number; align?: 'left' | 'center' | 'right' }[],
    rows: string[][],
    options: { x: number; size: number; padding?: number },
  ) {
    const { x, size } = options;
    const pad = options.padding ?? 3;
    const lineHeight = size * 1.2;
    const lefts = columns.map((_, i) => x + columns.slice(0, i).reduce((sum, c) => sum + c.width, 0));
    const right = x + columns.reduce((sum, c) => sum + c.width, 0);
    const rowOf = (cells: string[], style: FontStyle, header: boolean) => {
      const wrapped = columns.map((column, i) => this.wrap([{ text: cells[i] ?? '', style }], size, column.width - 2 * pad));
      const height = Math.max(1, ...wrapped.map((lines) => lines.length)) * lineHeight + 2 * pad;
      return { wrapped, height, style, header };
    };
    const place = (row: ReturnType<typeof rowOf>) => {
      const top = this.y;
      const bottom = top - row.height;
      this.ops.push({ kind: 'line', x1: x, x2: right, y: top, y2: top, thickness: 0.5 });
      this.ops.push({ kind: 'line', x1: x, x2: right, y: bottom, y2: bottom, thickness: 0.5 });
      for (const edge of [...lefts, right]) this.ops.push({ kind: 'line', x1: edge, x2: edge, y: bottom, y2: top, thickness: 0.5 });
      row.wrapped.forEach((lines, i) => {
        const column = columns[i]!;
        const align = row.header ? 'center' : (column.align ?? 'left');
        lines.forEach((words, n) => {
          const text = words.map((w, j) => `${j > 0 && w.spaceBefore ? ' ' : ''}${w.text}`).join('');
          const width = this.width(text, row.style, size);
          const inner = column.width - 2 * pad;
          const offset = align === 'center' ? (inner - width) / 2 : align === 'right' ? inner - width : 0;
          this.ops.push({ kind: 'text', text, x: lefts[i]! + pad + offset, y: top - pad - size * 0.95 - n * lineHeight, size, style: row.style });
        });
      });
      this.y = bottom;
    };
    const header = rowOf(columns.map((c) => c.header), 'bold', true);
    this.keepTogether(header.height + (rows.length > 0 ? rowOf(rows[0]!, 'regular', false).height : 0));
    place(header);
    for (const cells of rows) {
      const row = rowOf(cells, 'regular', false);
      if (this.keepTogether(row.height)) place(header);
      place(row);
    }
    // The next line's baseline, a line's height under the table's last rule.
    this.y -= lineHeight + 4;
  }

  /**
   * A paragraph: runs wrapped within [x, x + width], the first line indented, each line placed
   * `lineHeight` × size below the last, `spaceAfter` points after it. Answers the lines' count.
   */
  paragraph(
    runs: Run[],
    options: { x: number; width: number; size: number; align?: Align; firstLineIndent?: number; lineHeight?: number; spaceAfter?: number; uppercase?: boolean },
  ): number {
    const { x, width, size } = options;
    const align = options.align ?? 'left';
    const lineHeight = (options.lineHeight ?? 1.2) * size;
    const source = options.uppercase ? runs.map((r) => ({ ...r, text: r.text.toLocaleUpperCase('vi') })) : runs;
    const lines = this.wrap(source, size, width, options.firstLineIndent ?? 0);
    lines.forEach((words, index) => {
      const indent = index === 0 ? (options.firstLineIndent ?? 0) : 0;
      const spaces = words.map((w, i) => (i > 0 && w.spaceBefore ? this.width(' ', w.style, size) : 0));
      const natural = words.reduce((sum, w, i) => sum + w.width + spaces[i]!, 0);
      const gaps = spaces.filter((s) => s > 0).length;
      const isLast = index === lines.length - 1;
      let cursor = x + indent;
      let extraPerGap = 0;
      if (align === 'center') cursor = x + (width - natural) / 2;
      else if (align === 'right') cursor = x + width - natural;
      else if (align === 'justify' && !isLast && gaps > 0) extraPerGap = (width - indent - natural) / gaps;
      // Each drawn string is shaped and encoded on its own: a line's words of one style go as one
      // string unless justification spreads them.
      let pending: TextOp | undefined;
      words.forEach((word, i) => {
        if (spaces[i]! > 0) cursor += spaces[i]! + extraPerGap;
        if (pending && extraPerGap === 0 && pending.style === word.style) {
          pending.text += `${spaces[i]! > 0 ? ' ' : ''}${word.text}`;
        } else {
          pending = { kind: 'text', text: word.text, x: cursor, y: this.y, size, style: word.style };
          this.ops.push(pending);
        }
        cursor += word.width;
      });
      this.y -= lineHeight;
    });
    this.y -= options.spaceAfter ?? 0;
    return lines.length;
  }

  /** A rule under the line just written, centred on `centerX` (the short line under a heading). */
  rule(centerX: number, length: number, gapAbove = 0) {
    const y = this.y + gapAbove;
    this.ops.push({ kind: 'line', x1: centerX - length / 2, x2: centerX + length / 2, y, y2: y, thickness: 0.6 });
  }

  image(image: PDFImage, x: number, width: number, height: number) {
    this.ops.push({ kind: 'image', image, x, y: this.y - height, width, height });
    this.y -= height;
  }

  /**
   * Draws what was laid out, in black: on one page while it fits above the bottom, else what
   * falls below runs on to further pages, starting at the top as the first did. Answers the pages.
   */
  drawOn(addPage: () => PDFPage): PDFPage[] {
    const pages: PDFPage[] = [];
    for (const op of this.ops) {
      const index = this.pageOf(op.y);
      while (pages.length <= index) pages.push(addPage());
      const page = pages[index]!;
      const shift = index * this.usable;
      const y = op.y + shift;
      if (op.kind === 'text') page.drawText(op.text, { x: op.x, y, size: op.size, font: this.fonts[op.style] });
      else if (op.kind === 'line') page.drawLine({ start: { x: op.x1, y: op.y2 + shift }, end: { x: op.x2, y }, thickness: op.thickness });
      else page.drawImage(op.image, { x: op.x, y, width: op.width, height: op.height });
    }
    if (pages.length === 0) pages.push(addPage());
    return pages;
  }
}
