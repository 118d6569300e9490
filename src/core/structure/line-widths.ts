import type { DocumentModel } from './model';
import { isBlankLine } from '../text/lines';
import { WIDTH_SLACK, displayWidth } from './paragraphs';
import { attachmentItemLines } from './attachments';
import { glossaryLines } from './part-headings';

/**
 * The widths of a text's lines, counted as `lineWidth` counts them (rounded `displayWidth` of each non-blank line),
 * for the line sets the parse measures: every line but furniture (document titles, paragraphs), and in plain text
 * every line but furniture, attachment names and glossary entries (part headings). Kept up to date as lines are
 * edited, so whether an edit changes the width a text is set to is known without measuring every line again.
 */
export class LineWidths {
  private constructor(
    private readonly lineWidths: Float64Array,
    /** Plain text: attachment names and glossary entries, which part headings do not measure. */
    private readonly skipped: ReadonlySet<number> | null,
    private readonly byFurniture: Histogram,
    private readonly bySkip: Histogram | null,
    private readonly isFurniture: (line: number) => boolean,
  ) {}

  static of(model: DocumentModel): LineWidths {
    const { lines } = model;
    const furniture = new Set(model.furniture.map((f) => f.line));
    const skipped = model.format === 'markdown' ? null : new Set([...attachmentItemLines(lines), ...glossaryLines(lines)]);
    const widths = new Float64Array(lines.lineCount).fill(-1);
    const byFurniture = new Histogram();
    const bySkip = skipped ? new Histogram() : null;
    for (let l = 0; l < lines.lineCount; l++) {
      if (isBlankLine(lines, l) || furniture.has(l)) continue;
      const w = roundedWidth(lines.lineText(l));
      widths[l] = w;
      byFurniture.add(w, 1);
      if (bySkip && !skipped!.has(l)) bySkip.add(w, 1);
    }
    return new LineWidths(widths, skipped, byFurniture, bySkip, (l) => furniture.has(l));
  }

  /** The width `lineWidth` finds over the lines but furniture (document titles, paragraphs), and in plain text over those part headings measure. */
  widths(): { lines: number; partLines: number | null } {
    return { lines: this.byFurniture.width(), partLines: this.bySkip?.width() ?? null };
  }

  /** A line the part headings pass over: furniture, an attachment name, a glossary entry. */
  isSkipped(line: number): boolean {
    return this.isFurniture(line) || (this.skipped?.has(line) ?? false);
  }

  /**
   * Whether a body line (non-blank, no furniture) may take `text` without changing any width the parse reads; in plain
   * text the text must also stay set to no width (at one, paragraphs are joined by their lines' widths).
   */
  allowsEdit(line: number, text: string): boolean {
    const was = this.lineWidths[line];
    const now = roundedWidth(text);
    if (was < 0) return false;
    if (was === now) return !this.bySkip || this.byFurniture.width() === 0;
    if (!this.unchangedBy(this.byFurniture, was, now)) return false;
    if (this.bySkip && this.byFurniture.width() !== 0) return false;
    return !this.bySkip || this.skipped!.has(line) || this.unchangedBy(this.bySkip, was, now);
  }

  /** Records the edit `allowsEdit` allowed. */
  edit(line: number, text: string): void {
    const was = this.lineWidths[line];
    const now = roundedWidth(text);
    if (was === now) return;
    this.lineWidths[line] = now;
    this.byFurniture.move(was, now);
    if (this.bySkip && !this.skipped!.has(line)) this.bySkip.move(was, now);
  }

  private unchangedBy(h: Histogram, was: number, now: number): boolean {
    const before = h.width();
    h.move(was, now);
    const after = h.width();
    h.move(now, was);
    return before === after;
  }
}

const roundedWidth = (line: string): number => Math.round(displayWidth(line.trim()));

/** The constants of `lineWidth` (structure/paragraphs.ts), whose decision `Histogram.width` repeats on counts. */
const MIN_WIDTH = 15;
const MIN_WRAPPED_LINES = 10;
const MIN_SHARE = 0.4;

/** How many lines have each rounded width. */
class Histogram {
  private readonly counts = new Map<number, number>();
  private lines = 0;

  add(width: number, n: number): void {
    const count = (this.counts.get(width) ?? 0) + n;
    if (count) this.counts.set(width, count);
    else this.counts.delete(width);
    this.lines += n;
  }

  move(from: number, to: number): void {
    this.add(from, -1);
    this.add(to, 1);
  }

  /** What `lineWidth` returns for lines of these widths: the most common one if 40% of the lines fall near it, else 0. */
  width(): number {
    if (this.lines < MIN_WRAPPED_LINES) return 0;
    let best = 0;
    let bestCount = 0;
    for (const [w, n] of this.counts) if (w >= MIN_WIDTH && (n > bestCount || (n === bestCount && w > best))) [best, bestCount] = [w, n];
    let share = 0;
    for (const [w, n] of this.counts) if (w >= best - WIDTH_SLACK && w <= best + 1) share += n;
    return share >= MIN_SHARE * this.lines ? best : 0;
  }
}
