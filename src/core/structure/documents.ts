import type { Heading, ReportDocument, SectionNode } from './model';
import { codePointLength, isBlankLine, type LineIndex } from '../text/lines';
import { matchMarker } from './headings';
import { OPEN_LINE_SLACK, displayWidth, lineWidth } from './paragraphs';

/** Line endings that mark a paragraph, not a title (document title detection). */
const ENDS_LIKE_PARAGRAPH = /[。；：，,;:]$/;

/** Conventions: a table of contents is a run of at least this many bare heading lines. */
const TOC_MIN_RUN = 5;
const TOC_MAX_TITLE = 60;
const TITLE_MAX_CHARS = 50;

/**
 * Marks table-of-contents runs: five or more consecutive bare heading lines (a short title and nothing after it, not
 * even the `。` that ends an item of 工作要点), with no paragraph between them, whose first heading the body later
 * repeats, title and all (so a file that is only an outline in progress, or a list of points followed by the next
 * document, is still judged as a document).
 */
export function markTableOfContents(headings: Heading[], lines: LineIndex): void {
  const byLine = new Map(headings.filter((h) => !h.inline).map((h) => [h.line, h]));
  let run: Heading[] = [];
  const close = () => {
    if (run.length >= TOC_MIN_RUN && isRepeatedLater(run, headings)) for (const h of run) h.inToc = true;
    run = [];
  };
  for (let line = 0; line < lines.lineCount; line++) {
    const h = byLine.get(line);
    if (h) {
      // The body's first 一、 after a contents list restarts the numbering: it ends the run, not joins it.
      if (h.level === 1 && h.number === 1 && run.some((x) => x.level === 1)) close();
      if (h.level > 0 && h.title.length <= TOC_MAX_TITLE && isBare(h, lines.text)) run.push(h);
      else close();
    } else if (!isBlankLine(lines, line)) close();
  }
  close();
}

/** Nothing after the heading's title on its line but blanks and emphasis markers (`**一、总体要求**`). */
function isBare(h: Heading, text: string): boolean {
  for (let i = h.titleEnd; i < h.lineEnd; i++) if (!BARE_TAIL.test(text[i])) return false;
  return true;
}
const BARE_TAIL = /[\s*_]/;

function isRepeatedLater(run: Heading[], headings: Heading[]): boolean {
  const first = run[0];
  const last = run[run.length - 1];
  const title = entryTitle(first.title);
  return headings.some((h) => h.line > last.line && h.level === first.level && h.number === first.number && entryTitle(h.title) === title);
}

/** A contents entry's title without its leader and page number (`总体要求……3`, `总体要求 3`). */
const entryTitle = (title: string): string => title.replace(TOC_LEADER_AND_PAGE, '');
const TOC_LEADER_AND_PAGE = /[\s.．…·・_\-—–]*\d*\s*$/;

/** A line that can be a document's title: short, no marker, not ending like a paragraph. */
function isTitleLine(text: string): boolean {
  const t = text.trim();
  return t !== '' && codePointLength(t) <= TITLE_MAX_CHARS && !ENDS_LIKE_PARAGRAPH.test(t) && matchMarker(t) === null;
}

interface DocumentStart {
  startLine: number;
  titleLine: number;
  titleHeading: Heading | null;
}

/** The title of a document that starts at `first`: scan upward, never past the previous heading. */
function findTitle(first: Heading, previous: Heading | null, lines: LineIndex, furniture: ReadonlySet<number>): DocumentStart {
  const floor = previous ? previous.line + 1 : 0;
  for (let line = first.line - 1; line >= floor; line--) {
    if (!furniture.has(line) && isTitleLine(lines.lineText(line))) return { startLine: line, titleLine: line, titleHeading: null };
  }
  if (previous && previous.level === 0) return { startLine: previous.line, titleLine: previous.line, titleHeading: previous };
  return { startLine: first.line, titleLine: -1, titleHeading: null };
}

/** What a report's title names: its kind of document, or the work it is about. */
const TITLE_WORDS = /报告|总结|计划|规划|方案|意见|通知|汇报|要点|讲话|纲要|决定|办法|规定|请示|纪要|述职|工作|情况|安排|措施|细则|条例/;
/** How far down the first document's title is looked for: past a page's header, not into the body. */
const TITLE_SCAN_LINES = 20;
const SUBTITLE = /^[ \t\u3000]*[—－-]{1,2}/;

function nextText(lines: LineIndex, line: number, furniture: ReadonlySet<number>): string {
  for (let l = line + 1; l < lines.lineCount; l++) if (!furniture.has(l) && lines.lineText(l).trim() !== '') return lines.lineText(l);
  return '';
}

/**
 * Title of the first document: in markdown its first `#` heading before any numbered one; otherwise, among the first
 * lines before any heading that are no page furniture, the first that names a kind of document or work
 * (`2025年政府工作报告` below a page's `下载` button), else the first such line if it can be a title at all.
 */
function firstDocumentTitle(headings: Heading[], lines: LineIndex, furniture: ReadonlySet<number>): DocumentStart {
  const firstNumbered = headings.find((h) => h.level > 0);
  // A markdown `#` heading can be the title; an unnumbered part of plain text (`第一部分`) cannot.
  const hashTitle = headings.find((h) => h.level === 0 && h.marker !== '');
  if (hashTitle && (!firstNumbered || hashTitle.line < firstNumbered.line)) {
    const before = headings.filter((h) => h.line < hashTitle.line).length === 0;
    if (before) return { startLine: 0, titleLine: hashTitle.line, titleHeading: hashTitle };
  }
  const stop = headings.length ? headings[0].line : lines.lineCount;
  // In a text set to a fixed width (a PDF's) a line of nearly the full width is a piece of a paragraph, not a title.
  const width = lineWidth(lines, (l) => !furniture.has(l));
  const wrapped = (line: number) => width > 0 && displayWidth(lines.lineText(line).trim()) >= width - OPEN_LINE_SLACK;
  const candidates: number[] = [];
  let first = -1;
  for (let line = 0, seen = 0; line < stop && seen < TITLE_SCAN_LINES; line++) {
    const text = lines.lineText(line);
    if (text.trim() === '' || furniture.has(line)) continue;
    if (first < 0) first = line;
    seen++;
    if (isTitleLine(text) && !wrapped(line)) candidates.push(line);
  }
  // A report's own title block: its title over a `——2026年1月15日在……会议上` subtitle (a page's headline may come first).
  const overSubtitle = candidates.find((line) => TITLE_WORDS.test(lines.lineText(line)) && SUBTITLE.test(nextText(lines, line, furniture)));
  const named = overSubtitle ?? candidates.find((line) => TITLE_WORDS.test(lines.lineText(line)));
  const titleLine = named ?? (candidates[0] === first ? first : -1);
  return { startLine: 0, titleLine, titleHeading: null };
}

/**
 * Splits a file into documents: a new one starts where level-1 numbering restarts at 一、 after the current
 * document already had a level-1 heading (in markdown, unless a `#` part below the document's `#` title began in between).
 */
export function splitDocuments(headings: Heading[], lines: LineIndex, furniture: ReadonlySet<number> = new Set()): ReportDocument[] {
  const starts: DocumentStart[] = [firstDocumentTitle(headings, lines, furniture)];
  // A `#` heading below the current document's `#` title (or in a document without one) opens a part of it, under
  // which 一、 may restart; one of the title's rank or above is the next document's title.
  const titleRank = (s: DocumentStart) => s.titleHeading?.hashes ?? 0;
  let rank = titleRank(starts[0]);
  let hadLevel1 = false;
  let hashSinceLevel1 = false;
  headings.forEach((h, i) => {
    if (h.level === 0 && !h.attachment) hashSinceLevel1 = hadLevel1 && h.hashes > rank;
    if (h.level !== 1) return;
    if (h.number === 1 && hadLevel1 && !hashSinceLevel1) {
      starts.push(findTitle(h, headings[i - 1] ?? null, lines, furniture));
      rank = titleRank(starts[starts.length - 1]);
    }
    hadLevel1 = true;
    hashSinceLevel1 = false;
  });
  return starts.map((s, index) => {
    const endLine = index + 1 < starts.length ? starts[index + 1].startLine - 1 : lines.lineCount - 1;
    return buildDocument(index, s, endLine, headings, lines);
  });
}

/** Index of the first heading on or after `line` (headings come in line order). */
function firstHeadingFrom(all: readonly Heading[], line: number): number {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function buildDocument(index: number, s: DocumentStart, endLine: number, all: Heading[], lines: LineIndex): ReportDocument {
  // Each document takes its slice of the line-ordered headings: filtering the whole list per document made a
  // file of hundreds of documents quadratic.
  const own = all.slice(firstHeadingFrom(all, s.startLine), firstHeadingFrom(all, endLine + 1)).filter((h) => h !== s.titleHeading);
  const lastLine = lastNonBlankLine(lines, s.startLine, endLine);
  const numbered = own.filter((h) => h.level > 0);
  const doc: ReportDocument = {
    index,
    kind: numbered.length > 0 && numbered.every((h) => h.inToc) ? 'toc' : 'document',
    title: s.titleLine >= 0 ? (s.titleHeading ? s.titleHeading.title : lines.lineText(s.titleLine).trim()) : '',
    titleLine: s.titleLine,
    startLine: s.startLine,
    endLine: lastLine,
    start: lines.starts[s.startLine],
    end: lines.ends[lastLine],
    headings: own,
    sections: [],
    nodes: [],
  };
  buildTree(doc, lines);
  return doc;
}

function lastNonBlankLine(lines: LineIndex, from: number, to: number): number {
  for (let line = to; line > from; line--) if (!isBlankLine(lines, line)) return line;
  return from;
}

/** True when `h` closes the section `open` (same or higher rank). */
function closes(h: Heading, open: Heading): boolean {
  // A lead line sits inside the section it is read in and holds nothing: it closes only a lead before it.
  if (h.lead) return open.lead === true;
  if (open.lead) return true;
  if (h.level === 0) return open.level > 0 || open.hashes >= h.hashes;
  return open.level > 0 && open.level >= h.level;
}

/** Nests headings: numbered by level, `#` by their count of `#`, numbered under the nearest `#` above. */
function buildTree(doc: ReportDocument, lines: LineIndex): void {
  const stack: SectionNode[] = [];
  const endBefore = (line: number) => lines.ends[lastNonBlankLine(lines, doc.startLine, Math.max(doc.startLine, line - 1))];
  for (const h of doc.headings) {
    // A heading run into a paragraph closes the section before it where its marker starts, on the same line.
    while (stack.length && closes(h, stack[stack.length - 1].heading)) {
      const open = stack.pop()!;
      open.end = h.inline ? Math.max(open.heading.titleEnd, h.markerStart) : endBefore(h.line);
    }
    const parent = stack.length ? stack[stack.length - 1] : null;
    const node: SectionNode = { heading: h, depth: stack.length + 1, parent, children: [], end: doc.end };
    (parent ? parent.children : doc.sections).push(node);
    doc.nodes.push(node);
    stack.push(node);
  }
  for (const n of stack) n.end = doc.end;
}
