import type { DocumentModel } from './model';
import { isHanCode } from '../text/chars';

/**
 * The one counting service: 字数, Han characters, paragraphs and pages of a report's prose. The outline's `chars`,
 * `gongwen stats`, the rule `max-chars` and the editor's status bar all count through {@link countsOf} and
 * {@link zishuOf}, so they agree on every text (docs/counting.md states the definition, with worked examples).
 *
 * What counts is the model's prose: markdown markup, code, html and comments, link targets, and page furniture
 * (tool bars, breadcrumbs, page numbers) do not.
 */

/** GB/T 9704-2012 §5.2.3: the text block holds 22 lines of 28 characters. */
export const CHARS_PER_LINE = 28;
export const LINES_PER_PAGE = 22;
/** Every paragraph's first line is indented two characters. */
export const FIRST_LINE_INDENT = 2;

/** Counts of a stretch of prose. */
export interface TextCounts {
  /** 字数 as Word and WPS count it: each Han character and full-width punctuation mark 1, each run of Latin letters or digits 1. */
  zishu: number;
  /** Han characters (CJK ideographs and 〇). */
  han: number;
  /** Non-blank lines, headings and the title included: what an office counts as paragraphs. */
  paragraphs: number;
  /** ⌈Σ over paragraphs ⌈(width + 2) ÷ 28⌉ ÷ 22⌉: width counts full-width characters 1 and half-width 0.5; 2 is the first-line indent. */
  pages: number;
}

/** 字数 of the model's prose in text[start, end). */
export function zishuOf(model: DocumentModel, start: number, end: number): number {
  return proseCounts(model).zishu(start, end);
}

/** Counts of the model's prose in text[start, end): a section, a document, a selection or the whole file. */
export function countsOf(model: DocumentModel, start: number, end: number): TextCounts {
  return proseCounts(model).counts(start, end);
}

const indexes = new WeakMap<DocumentModel, ProseCounts>();

/** The model's counting index, built once per parse and shared by every caller. */
export function proseCounts(model: DocumentModel): ProseCounts {
  let index = indexes.get(model);
  if (!index) {
    index = new ProseCounts(model);
    indexes.set(model, index);
  }
  return index;
}

/** What one line's prose (or part of it) contributes; `printed` is its number of printed lines. */
interface Measure {
  zishu: number;
  han: number;
  paragraph: number;
  printed: number;
}

const NOTHING: Measure = { zishu: 0, han: 0, paragraph: 0, printed: 0 };

/**
 * Per-line measures of the prose, summed ahead: any range costs its first and last lines. A range counts its prose
 * as a text of its own (a selection that cuts a run of letters counts what it holds). Sections split at heading
 * markers, which never fall inside a run of letters or digits, so their counts add up to the document's.
 */
export class ProseCounts {
  private readonly sums: [Float64Array, Float64Array, Float64Array, Float64Array];

  constructor(private readonly model: DocumentModel) {
    const n = model.lines.lineCount;
    const [z, h, p, l] = (this.sums = [new Float64Array(n + 1), new Float64Array(n + 1), new Float64Array(n + 1), new Float64Array(n + 1)]);
    for (let line = 0; line < n; line++) {
      const m = model.isProseLine(line) ? measure(this.prose(model.lines.starts[line], model.lines.ends[line])) : NOTHING;
      z[line + 1] = z[line] + m.zishu;
      h[line + 1] = h[line] + m.han;
      p[line + 1] = p[line] + m.paragraph;
      l[line + 1] = l[line] + m.printed;
    }
  }

  zishu(start: number, end: number): number {
    return this.measureRange(start, end).zishu;
  }

  counts(start: number, end: number): TextCounts {
    const m = this.measureRange(start, end);
    return { zishu: m.zishu, han: m.han, paragraphs: m.paragraph, pages: pagesOf(m.printed) };
  }

  /** The measures of [start, end): whole lines from the sums, the cut first and last lines measured. */
  private measureRange(start: number, end: number): Measure {
    const { lines } = this.model;
    const from = Math.max(0, start);
    const to = Math.min(end, lines.text.length);
    if (to <= from) return NOTHING;
    const first = lines.lineAt(from);
    const last = lines.lineAtFrom(to, first);
    const [z, h, p, l] = this.sums;
    const whole = (a: number, b: number): Measure => ({ zishu: z[b] - z[a], han: h[b] - h[a], paragraph: p[b] - p[a], printed: l[b] - l[a] });
    const part = (line: number, a: number, b: number): Measure => {
      if (a <= lines.starts[line] && b >= lines.ends[line]) return whole(line, line + 1);
      return this.model.isProseLine(line) ? measure(this.prose(a, b)) : NOTHING;
    };
    if (first === last) return part(first, from, to);
    const head = part(first, from, lines.ends[first]);
    const middle = whole(first + 1, last);
    const tail = part(last, lines.starts[last], to);
    return {
      zishu: head.zishu + middle.zishu + tail.zishu,
      han: head.han + middle.han + tail.han,
      paragraph: head.paragraph + middle.paragraph + tail.paragraph,
      printed: head.printed + middle.printed + tail.printed,
    };
  }

  /** The prose of text[start, end) within one line: markdown's excluded ranges (markup, code, link targets) left out. */
  private prose(start: number, end: number): string {
    const { text, markdown } = this.model;
    const excluded = markdown?.excluded;
    if (!excluded?.length) return text.slice(start, end);
    let lo = 0;
    let hi = excluded.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (excluded[mid][1] <= start) lo = mid + 1;
      else hi = mid;
    }
    let out = '';
    let at = start;
    for (let i = lo; i < excluded.length && excluded[i][0] < end; i++) {
      const [a, b] = excluded[i];
      if (a > at) out += text.slice(at, a);
      at = Math.max(at, b);
    }
    if (at < end) out += text.slice(at, end);
    return out;
  }
}

/** A paragraph's measures in one pass over its trimmed text: the same definitions as countZishu, countHan and widthOf. */
function measure(prose: string): Measure {
  let a = 0;
  let b = prose.length;
  while (a < b && isSpace(prose.charCodeAt(a))) a++;
  while (b > a && isSpace(prose.charCodeAt(b - 1))) b--;
  if (a === b) return NOTHING;
  const kinds = codeKinds();
  let zishu = 0;
  let han = 0;
  let width = 0;
  let inWord = false;
  for (let i = a; i < b; i++) {
    const c = prose.charCodeAt(i);
    const kind = kinds[c];
    if (kind === HIGH_SURROGATE) {
      inWord = false;
      const next = prose.charCodeAt(i + 1);
      if (i + 1 < b && next >= 0xdc00 && next <= 0xdfff) {
        if (c >= 0xd840 && c <= 0xd87f) {
          zishu++;
          han++;
        }
        width += 1;
        i++;
      } else width += 0.5;
      continue;
    }
    if (kind === ALNUM) {
      if (!inWord) zishu++;
      inWord = true;
    } else {
      inWord = false;
      if (kind === COUNTED) {
        zishu++;
        if (isHanCode(c)) han++;
      }
    }
    width += kind === COUNTED ? 1 : cellWidth(c);
  }
  return { zishu, han, paragraph: 1, printed: Math.ceil((width + FIRST_LINE_INDENT) / CHARS_PER_LINE) };
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

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff;

/** The text without leading indentation and trailing spaces (the indent is the +2 of the page formula). */
function trimSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/**
 * 字数 of a string as Word and WPS count it: each Han character and each full-width punctuation mark is 1, each run
 * of Latin letters or digits is 1; spaces and half-width punctuation count 0. A report's count goes through
 * {@link countsOf}, which applies this to its prose.
 */
export function countZishu(text: string, start = 0, end = text.length): number {
  const kinds = codeKinds();
  let count = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const kind = kinds[c];
    if (kind === ALNUM) {
      if (!inWord) count++;
      inWord = true;
      continue;
    }
    inWord = false;
    if (kind === COUNTED) count++;
    else if (kind === HIGH_SURROGATE) {
      // An astral Han character (CJK Extension B and later) counts once for its pair.
      const next = text.charCodeAt(i + 1);
      if (i + 1 < end && next >= 0xdc00 && next <= 0xdfff) {
        if (c >= 0xd840 && c <= 0xd87f) count++;
        i++;
      }
    }
  }
  return count;
}

const OTHER = 0;
const ALNUM = 1;
const COUNTED = 2;
const HIGH_SURROGATE = 3;
let kindTable: Uint8Array | null = null;

/** What each UTF-16 code unit is to 字数, tabulated once (65,536 bytes): the count then costs one lookup a character. */
function codeKinds(): Uint8Array {
  if (!kindTable) {
    kindTable = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      kindTable[c] = isAlnum(c) ? ALNUM : c >= 0xd800 && c <= 0xdbff ? HIGH_SURROGATE : isHanCode(c) || isFullWidthPunctuation(c) ? COUNTED : OTHER;
    }
  }
  return kindTable;
}

function isAlnum(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    (c >= 0xff10 && c <= 0xff19) ||
    (c >= 0xff21 && c <= 0xff3a) ||
    (c >= 0xff41 && c <= 0xff5a)
  );
}

/** CJK punctuation, full-width forms, curly quotes, the ellipsis and dashes used in Chinese text. */
export function isFullWidthPunctuation(c: number): boolean {
  return (
    (c >= 0x3001 && c <= 0x303f && c !== 0x3007) ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    (c >= 0x2018 && c <= 0x201f) ||
    c === 0x2026 ||
    c === 0x2014 ||
    c === 0x2015 ||
    c === 0x00b7 ||
    c === 0x2027 ||
    (c >= 0xfe10 && c <= 0xfe1f) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0x2460 && c <= 0x24ff) ||
    c === 0x25a1 ||
    c === 0x25cb ||
    c === 0x00d7
  );
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
    if (isHanCode(c)) count++;
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
      // Astral ideographs and emoji print full-width.
      if (next >= 0xdc00 && next <= 0xdfff) {
        width += 1;
        i++;
      } else width += 0.5;
      continue;
    }
    width += cellWidth(c);
  }
  return width;
}

function cellWidth(c: number): number {
  if (c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) || c === 0xfeff) return 0;
  if (isHanCode(c) || isFullWidthPunctuation(c)) return 1;
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
