/**
 * `docxToText`: the displayed text of a `.docx` as one string for the core's `parse()`/`lint()` (like a `.txt`),
 * with the map from its offsets back to paragraphs and columns.
 *
 * One paragraph a line (a paragraph whose mark is hidden or deleted shares its line with the next one, as Word
 * shows it); a line break inside a paragraph (`w:br`) is a `\n` too, so one paragraph may span lines. Each line is
 * the label and the runs' text. The label's suffix (`w:suff`: a tab, by default, or a space) is left out: it is
 * list layout, like an indent, not a character anyone typed; kept, a tab would hide `（一）\t标题` from the heading
 * reader and give every automatic label a spacing problem no edit of the text could fix (`DocxParagraph.suffix`
 * still has it). Columns count UTF-16 code units, 0-based, in the paragraph's own text (its runs): the characters
 * of a label all map to column 0, marked `inLabel`.
 */
import type { DocxParagraph, DocxText } from './read';

/** Where a character of the text comes from. */
export interface DocxPosition {
  /** 1-based paragraph index (`DocxParagraph.index`). */
  paragraph: number;
  /** 0-based column in the paragraph's text. */
  column: number;
  /** The character belongs to the automatic label (column is then 0). */
  inLabel: boolean;
}

/** A range of the text as a range in one paragraph: columns 0-based, `endColumn` exclusive. */
export interface DocxRange {
  paragraph: number;
  startColumn: number;
  endColumn: number;
}

/** One line of the text (`\n`-separated), in order. */
export interface DocxLine {
  /** Offset of the line's first character in the text. */
  start: number;
  /** The paragraph the line starts in. */
  paragraph: number;
}

export interface DocxTextMap {
  /** The displayed text, lines separated by `\n`. */
  text: string;
  lines: DocxLine[];
  /** Where the character at `offset` comes from; an offset at a line's end maps to the end of its paragraph. */
  locate(offset: number): DocxPosition;
  /**
   * The text range [start, end) as a range in the paragraph where it starts (a range that runs into the next
   * paragraph ends at that paragraph's end): what `annotateDocx` anchors a comment on.
   */
  paragraphRange(start: number, end: number): DocxRange;
}

interface Segment {
  start: number;
  end: number;
  paragraph: DocxParagraph;
  label: boolean;
}

/** The segments (label, then text) of each paragraph, and the line starts. */
function layout(paragraphs: DocxParagraph[]): { text: string; segments: Segment[]; lines: DocxLine[] } {
  const pieces: string[] = [];
  const segments: Segment[] = [];
  const lines: DocxLine[] = [];
  let at = 0;
  let lineOpen = false;
  for (const p of paragraphs) {
    if (!lineOpen) lines.push({ start: at, paragraph: p.index });
    const label = p.label;
    if (label) segments.push({ start: at, end: at + label.length, paragraph: p, label: true });
    at += label.length;
    segments.push({ start: at, end: at + p.text.length, paragraph: p, label: false });
    // A line break inside the paragraph starts a line of the same paragraph.
    for (let k = p.text.indexOf('\n'); k >= 0; k = p.text.indexOf('\n', k + 1)) lines.push({ start: at + k + 1, paragraph: p.index });
    at += p.text.length;
    pieces.push(label, p.text);
    lineOpen = p.joinsNext;
    if (!lineOpen) {
      pieces.push('\n');
      at += 1;
    }
  }
  const text = pieces.join('');
  // The last paragraph's line ends the text: no newline after it.
  return { text: text.endsWith('\n') ? text.slice(0, -1) : text, segments, lines };
}

/** The segment holding `offset`, or the one ending just before it (a line's end). */
function segmentAt(segments: Segment[], offset: number): Segment | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  let found: Segment | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].start <= offset) {
      found = segments[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The displayed text of a read `.docx` and the map back to its paragraphs. */
export function docxToText(doc: DocxText): DocxTextMap {
  const { text, segments, lines } = layout(doc.paragraphs);
  const locate = (offset: number): DocxPosition => {
    const seg = segmentAt(segments, offset);
    if (!seg) return { paragraph: doc.paragraphs[0]?.index ?? 1, column: 0, inLabel: false };
    if (seg.label && offset < seg.end) return { paragraph: seg.paragraph.index, column: 0, inLabel: true };
    const column = Math.min(offset - seg.start, seg.paragraph.text.length);
    return { paragraph: seg.paragraph.index, column, inLabel: false };
  };
  const paragraphRange = (start: number, end: number): DocxRange => {
    const from = locate(start);
    const paragraph = doc.paragraphs[from.paragraph - 1];
    const length = paragraph?.text.length ?? 0;
    if (end <= start) return { paragraph: from.paragraph, startColumn: from.column, endColumn: from.column };
    const last = locate(end - 1);
    let endColumn: number;
    if (last.paragraph !== from.paragraph) endColumn = length;
    else endColumn = last.inLabel ? 0 : Math.min(last.column + 1, length);
    return { paragraph: from.paragraph, startColumn: from.column, endColumn: Math.max(endColumn, from.column) };
  };
  return { text, lines, locate, paragraphRange };
}
