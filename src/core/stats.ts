import type { DocumentModel, DocumentSpan, SectionNode } from './model';
import { countZishu, isFullWidthPunctuation, isHan } from './counts';
import { documentSpan, sectionSpan, type SectionSpan } from './spans';

/** GB/T 9704-2012 §5.2.3: the text block holds 22 lines of 28 characters. */
export const CHARS_PER_LINE = 28;
export const LINES_PER_PAGE = 22;
/** Every paragraph's first line is indented two characters. */
export const FIRST_LINE_INDENT = 2;

/** Counts of a stretch of text. */
export interface TextCounts {
  /** 字数 as Word and WPS count it: each Han character and full-width punctuation mark 1, each run of Latin letters or digits 1. */
  zishu: number;
  /** Han characters (CJK ideographs and 〇). */
  han: number;
  /** Non-empty lines, headings and the title included: what an office counts as paragraphs. */
  paragraphs: number;
  /** ⌈Σ over paragraphs ⌈(width + 2) ÷ 28⌉ ÷ 22⌉: width counts full-width characters 1 and half-width 0.5; 2 is the first-line indent. */
  pages: number;
}

export interface SectionStats extends TextCounts, SectionSpan {
  sections: SectionStats[];
}

export interface DocumentStats extends TextCounts, DocumentSpan {
  sections: SectionStats[];
}

/** What one paragraph (line) contributes; `printed` is its number of printed lines. */
interface LineMeasure {
  zishu: number;
  han: number;
  paragraph: number;
  printed: number;
}

const EMPTY: LineMeasure = { zishu: 0, han: 0, paragraph: 0, printed: 0 };

/** Counts per document and per section (a tree like the outline). In markdown only prose counts: markup, code and html do not. */
export function stats(model: DocumentModel): DocumentStats[] {
  const { lines } = model;
  // Prefix sums over per-line measures: documents and sections are whole lines.
  const n = lines.lineCount;
  const zishu = new Float64Array(n + 1);
  const han = new Float64Array(n + 1);
  const paragraphs = new Float64Array(n + 1);
  const printed = new Float64Array(n + 1);
  for (let line = 0; line < n; line++) {
    const m = model.isProseLine(line) ? measure(proseOfLine(model, line)) : EMPTY;
    zishu[line + 1] = zishu[line] + m.zishu;
    han[line + 1] = han[line] + m.han;
    paragraphs[line + 1] = paragraphs[line] + m.paragraph;
    printed[line + 1] = printed[line] + m.printed;
  }
  const countsOf = (start: number, end: number): TextCounts => {
    const a = lines.lineAt(start);
    const b = lines.lineAt(Math.max(start, end)) + 1;
    return { zishu: zishu[b] - zishu[a], han: han[b] - han[a], paragraphs: paragraphs[b] - paragraphs[a], pages: pagesOf(printed[b] - printed[a]) };
  };
  const toSection = (node: SectionNode): SectionStats => {
    return {
      ...sectionSpan(node),
      ...countsOf(node.heading.markerStart, node.end),
      sections: node.children.map(toSection),
    };
  };
  return model.documents.map((doc) => ({
    ...documentSpan(doc),
    ...countsOf(doc.start, doc.end),
    sections: doc.sections.map(toSection),
  }));
}

/** Counts of a selection: each line's part inside [start, end) is a paragraph when not blank (the status bar's `字数 3,215 · 约 6 页`). */
export function statsOfRange(text: string, start: number, end: number): TextCounts {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  let z = 0;
  let h = 0;
  let p = 0;
  let printed = 0;
  let lineStart = from;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : -1;
    if (c !== -1 && c !== 10 && c !== 13) continue;
    const m = measure(text.slice(lineStart, i));
    z += m.zishu;
    h += m.han;
    p += m.paragraph;
    printed += m.printed;
    if (c === 13 && i + 1 < to && text.charCodeAt(i + 1) === 10) i++;
    lineStart = i + 1;
  }
  return { zishu: z, han: h, paragraphs: p, pages: pagesOf(printed) };
}

/** Pages for a number of printed lines, 22 to the page. */
export function pagesOf(printedLines: number): number {
  return Math.ceil(printedLines / LINES_PER_PAGE);
}

/** Printed lines of one paragraph: ⌈(width + 2) ÷ 28⌉. */
export function printedLines(paragraph: string): number {
  const trimmed = trimSpaces(paragraph);
  return trimmed ? Math.ceil((widthOf(trimmed) + FIRST_LINE_INDENT) / CHARS_PER_LINE) : 0;
}

/** A line's prose: in markdown, the line without its markup (heading `#`, emphasis marks, link targets, code). */
function proseOfLine(model: DocumentModel, line: number): string {
  const s = model.lines.starts[line];
  const e = model.lines.ends[line];
  const excluded = model.markdown?.excluded;
  if (!excluded || !excluded.length) return model.text.slice(s, e);
  // First excluded range that ends after s.
  let lo = 0;
  let hi = excluded.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (excluded[mid][1] <= s) lo = mid + 1;
    else hi = mid;
  }
  let out = '';
  let at = s;
  for (let i = lo; i < excluded.length && excluded[i][0] < e; i++) {
    const [a, b] = excluded[i];
    if (a > at) out += model.text.slice(at, a);
    at = Math.max(at, b);
  }
  if (at < e) out += model.text.slice(at, e);
  return out;
}

function measure(line: string): LineMeasure {
  const trimmed = trimSpaces(line);
  if (!trimmed) return EMPTY;
  return { zishu: countZishu(trimmed), han: countHan(trimmed), paragraph: 1, printed: printedLines(trimmed) };
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff;

/** The line without leading indentation and trailing spaces (the indent is the +2 of the page formula). */
function trimSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

/** Han characters, an astral ideograph (Extension B and later) once for its pair. */
export function countHan(text: string, start = 0, end = text.length): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (i + 1 < end && next >= 0xdc00 && next <= 0xdfff) {
        if (c >= 0xd840 && c <= 0xd87f) count++;
        i++;
      }
      continue;
    }
    if (isHan(c)) count++;
  }
  return count;
}

/** Printed width in character cells: full-width characters 1, half-width 0.5, zero-width marks 0. */
export function widthOf(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        // Astral ideographs and emoji print full-width.
        width += 1;
        i++;
        continue;
      }
      width += 0.5;
      continue;
    }
    width += cellWidth(c);
  }
  return width;
}

function cellWidth(c: number): number {
  if (c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) || c === 0xfeff) return 0;
  if (isHan(c) || isFullWidthPunctuation(c)) return 1;
  if (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe10 && c <= 0xfe19) ||
    (c >= 0xfe30 && c <= 0xfe6f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6)
  )
    return 1;
  return 0.5;
}
