import type { DocumentModel } from './model';
import { isBlankLine, type LineIndex } from '../text/lines';

/** A line that ends its paragraph: a sentence or clause end, a closing quote or bracket after one, or a colon. */
/** A paragraph of a report often opens with its ordinal: `二是…`, `第三，…`. */
const OPENS_WITH_ORDINAL = /^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[，,、])/;
const QUOTATION_PARAGRAPH = /^[ \t\u3000]*[“‘]/;
export const ENDS_PARAGRAPH = /[。！？；：…!?;:]["”’」』）)》]*\s*$/;

/**
 * Paragraphs of plain text as [first line, last line]: a line, joined with the lines below it where a hard wrap
 * broke it (a PDF's or a web page's fixed line width): the line runs on without ending its sentence, and the next
 * line is no heading, title or furniture. A wrap may cross a page break: blank lines with a page number or running
 * head among them. A line of a normal report ends its paragraph, so there each paragraph stays one line.
 */
export function textParagraphs(model: DocumentModel): Array<[number, number]> {
  let found = paragraphCache.get(model);
  if (!found) paragraphCache.set(model, (found = findParagraphs(model)));
  return found;
}

/** Per parsed model: the parse (enumerations) and the rules that read paragraphs share one reading. */
const paragraphCache = new WeakMap<DocumentModel, Array<[number, number]>>();
const widthCache = new WeakMap<DocumentModel, number>();
/** Each line's rounded display width, trimmed: the parse asks `lineWidth` three times with different lines in view. */
const lineWidthsCache = new WeakMap<LineIndex, Int32Array>();

function roundedWidths(lines: LineIndex): Int32Array {
  let widths = lineWidthsCache.get(lines);
  if (!widths) {
    widths = new Int32Array(lines.lineCount);
    for (let l = 0; l < lines.lineCount; l++) widths[l] = Math.round(displayWidth(lines.lineText(l).trim()));
    lineWidthsCache.set(lines, widths);
  }
  return widths;
}

function findParagraphs(model: DocumentModel): Array<[number, number]> {
  const { lines } = model;
  const bareHeadings = new Set(model.headings.filter((h) => !h.runIn).map((h) => h.line));
  const headingLines = new Set(model.headings.map((h) => h.line));
  const titleLines = new Set(model.documents.map((d) => d.titleLine));
  // In a text set to a fixed width (a PDF's) the line's width decides (runsOnAtWidth). Elsewhere a line runs on when
  // it does not end its sentence; a bare heading only when a mark it opens is closed below
  // (`二、关于《……规划` / `纲要（草案）》的说明`).
  const width = wrapWidth(model);
  const runsOn = (l: number, next: number) => {
    const t = lines.lineText(l);
    if (!model.isProseLine(l) || titleLines.has(l)) return false;
    const ends = ENDS_PARAGRAPH.test(t);
    if (width) return runsOnAtWidth(t, lines.lineText(next), ends, width, bareHeadings.has(l));
    return !ends && (!bareHeadings.has(l) || leavesMarkOpen(t));
  };
  // Two lines that both open with “: the paragraphs of a quotation that runs over several (each opens with “).
  const joins = (from: number, l: number) =>
    !headingLines.has(l) && !titleLines.has(l) && !(QUOTATION_PARAGRAPH.test(lines.lineText(l)) && QUOTATION_PARAGRAPH.test(lines.lineText(from)));
  const out: Array<[number, number]> = [];
  for (let l = 0; l < lines.lineCount; l++) {
    if (isBlankLine(lines, l) || !model.isProseLine(l)) continue;
    let end = l;
    for (let next = continuation(model, end); next >= 0 && runsOn(end, next) && joins(end, next); next = continuation(model, end)) end = next;
    out.push([l, end]);
    l = end;
  }
  return out;
}

/**
 * At a fixed width: a full line runs on, unless it ends a sentence before a line that opens a paragraph (`二是`, or
 * a line two characters short: the first line of a paragraph, whose indent the extraction dropped); a shorter line
 * ends its paragraph (a heading, a subtitle, a signature, a paragraph's last line) unless it broke before a token
 * too long for the line's rest (`全面升级` / `“1+6+31+N”群众诉求…`). A bare heading runs on only when full.
 */
function runsOnAtWidth(t: string, next: string, ends: boolean, width: number, bareHeading: boolean): boolean {
  const w = displayWidth(t.trim());
  const full = w >= width - WIDTH_SLACK;
  // Without a sentence end, a line short by its indent and a mark the line may not start with still runs on (a
  // heading too: indented like a paragraph, a long one wraps).
  const nextWidth = displayWidth(next.trim());
  // The next line opens a paragraph: two characters short of the width, its indent dropped.
  const opensParagraph = nextWidth >= width - 2.5 && nextWidth <= width - 1.5;
  // A wrapped heading goes on in a full line or ends in a short one; a line between is a paragraph's indented first.
  if (bareHeading) return !ends && w >= width - OPEN_LINE_SLACK && (nextWidth >= width - 1.5 || nextWidth < width - OPEN_LINE_SLACK);
  if (!full && !ends) return w >= width - OPEN_LINE_SLACK || (w >= width - LONG_TOKEN_SLACK && LONG_TOKEN_START.test(next.trimStart()));
  if (!full) return false;
  if (!ends) return true;
  return !OPENS_WITH_ORDINAL.test(next) && !opensParagraph;
}
/** How far short a line may fall when the next begins with a token that cannot be broken. */
const LONG_TOKEN_SLACK = 8;
/** A paragraph's first line (two characters of indent) that also gave a character to the next line (line-start rules). */
export const OPEN_LINE_SLACK = 4;
const LONG_TOKEN_START = /^[“"‘'《（(A-Za-z0-9０-９]/;

/** The line a wrap after `line` continues on: the next line, or past a page break (blanks and furniture); -1 if none. */
function continuation(model: DocumentModel, line: number): number {
  const { lines } = model;
  let crossedFurniture = false;
  let crossedBlank = false;
  for (let l = line + 1; l < lines.lineCount; l++) {
    if (isBlankLine(lines, l)) crossedBlank = true;
    else if (!model.isProseLine(l)) crossedFurniture = true;
    else return crossedBlank && !crossedFurniture ? -1 : l;
  }
  return -1;
}

const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['“', '”'],
  ['（', '）'],
  ['《', '》'],
];

/** More opening than closing quotes, brackets or title marks in the line. */
function leavesMarkOpen(t: string): boolean {
  return PAIRS.some(([open, close]) => t.split(open).length > t.split(close).length);
}

/**
 * How far a full line of a fixed-width text may fall short of the width: a paragraph's first line is indented two
 * characters (the extraction drops the indent), and a line may end before a mark that would not fit.
 */
export const WIDTH_SLACK = 2.5;
const MIN_WIDTH = 15;
const MIN_WRAPPED_LINES = 10;

/** Width on the page in characters: a full-width character 1, a half-width one (digits, Latin, ASCII marks) 0.5. */
export function displayWidth(t: string): number {
  let w = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    // A surrogate pair is one character, full-width (a lone surrogate counts as one too).
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
      const low = t.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) i++;
    }
    w += c < 0x2000 || (c >= 0xff61 && c <= 0xffdc) ? 0.5 : 1;
  }
  return w;
}

/**
 * The width a text was set to, when it was (a PDF extraction, a fixed-width web page): the most common width of its
 * prose lines, within which (less a first-line indent) at least 40% of them fall; 0 for a text whose paragraphs are lines.
 */
export function wrapWidth(model: DocumentModel): number {
  let width = widthCache.get(model);
  if (width === undefined) widthCache.set(model, (width = lineWidth(model.lines, model.isProseLine)));
  return width;
}

/** `wrapWidth` over lines, for the parse before the model exists. */
export function lineWidth(lines: LineIndex, isProseLine: (line: number) => boolean): number {
  const counts = new Map<number, number>();
  const widths = roundedWidths(lines);
  let prose = 0;
  for (let l = 0; l < lines.lineCount; l++) {
    if (!isProseLine(l) || isBlankLine(lines, l)) continue;
    const w = widths[l];
    prose++;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  if (prose < MIN_WRAPPED_LINES) return 0;
  let best = 0;
  let bestCount = 0;
  for (const [w, n] of counts) if (w >= MIN_WIDTH && (n > bestCount || (n === bestCount && w > best))) [best, bestCount] = [w, n];
  let share = 0;
  for (const [w, n] of counts) if (w >= best - WIDTH_SLACK && w <= best + 1) share += n;
  return share >= 0.4 * prose ? best : 0;
}
