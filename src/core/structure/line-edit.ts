import type { DocumentModel, EnumerationItem, EnumerationRun, Heading, ReportDocument, SectionNode } from './model';
import type { MarkdownInfo } from '../markdown';
import { LineIndex, codePointLength, isBlankLine } from '../text/lines';
import { isIdeographCode } from '../text/chars';
import { isExcluded as overlapsExcluded } from '../markdown';
import { isPageNumber, isWebFurniture } from './furniture';
import { canStartMarker, indentAt, matchMarker, parseNumberedHeading } from './headings';
import { chapterHeading } from './part-headings';
import { ENDS_PARAGRAPH } from './paragraphs';
import { FLATTENED_LINE } from './inline-headings';
import { findEnumerations } from './enumerations';
import { excludedTester } from './parse';
import { LineWidths } from './line-widths';

/**
 * The model after an edit inside one body line, derived from the model before it without a parse: what a lint
 * session does on a keystroke. Only an edit that leaves every structural reading of the text as it was takes this
 * path, and the checks below follow what each stage of `parse()` reads of a line that is no heading, title or
 * furniture:
 * - its start (markers, indentation, list and quote marks, `附件：`, `时间：`, markdown block syntax) is left alone:
 *   the edit starts `HEAD` code units in, past every pattern anchored there;
 * - its end (sentence and paragraph stops, closing marks, a numeral an ordinal's 是 continues) keeps its class;
 * - its length stays past every threshold a body line is measured by (titles, part and lead lines, related links,
 *   flattened lines), and it stays no furniture;
 * - its candidates for a heading run into the paragraph, and its inline ordinals, stay what they were;
 * - no short line above it could be a part or lead line whose standing depends on the paragraph below it;
 * - the width a fixed-width text is set to stays what it was (and is none);
 * - in markdown, the edit touches no syntax: no ASCII mark or `&`/`<` in or beside it, no reference definitions.
 * Any other edit returns null, and the text is parsed again: the result is always the model `parse()` would give.
 */

/** An edit of the text last parsed: `[start, oldEnd)` of it became `[start, newEnd)` of `text`. */
export interface TextEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** What the derivation keeps beside the models it derives, built on first use from a parsed model. */
export class LineEditFacts {
  private constructor(
    readonly widths: LineWidths,
    /** Markdown reference definitions make a link's text a lookup: then no edit is local. */
    readonly hasReferences: boolean,
  ) {}

  static of(model: DocumentModel): LineEditFacts {
    return new LineEditFacts(LineWidths.of(model), model.format === 'markdown' && model.text.includes(']:'));
  }
}

/** Edits this far into a line or further leave its start alone: every pattern anchored at a line start is decided sooner. */
const HEAD = 24;
/** A run this long of characters such a pattern repeats (spaces, numerals, marks) could carry it further. */
const MAX_HEAD_RUN = 4;
const REPEATABLE = /[\s0-9０-９一二三四五六七八九十百千零〇○两\-*+.．、)）(（>#_=~`|:：]/;
/** Body lines longer than this (trimmed, in code points) are past every threshold but those checked by `signature`. */
const MIN_BODY_LINE = 56;
/** `relatedLinks` takes short lines after `相关链接` that end no sentence for headlines. */
const HEADLINE_CHARS = 60;
/** How many lines above the edited one a part or lead line's reading of the paragraph below reaches. */
const NEXT_BLOCK_LINES = 6;
/** Part and lead lines are no longer than this; lines above that could be one are looked at. */
const MAX_CANDIDATE_CHARS = 40;

/** The model after an edit inside one line, or why the edit may change the structure (then parse the text). */
export type LineEditResult = { model: DocumentModel; line: number } | { refused: string };

/** The model of `text`, which is `model.text` with one edit, unless that edit may change the structure. */
export function modelAfterLineEdit(model: DocumentModel, facts: LineEditFacts, text: string, edit: TextEdit): LineEditResult {
  const line = model.lines.lineAt(edit.start);
  const refused = refusal(model, facts, text, edit, line);
  if (refused) return { refused };
  const { lines } = model;
  const delta = edit.newEnd - edit.oldEnd;
  const lines2 = shiftedLines(lines, text, line, delta);
  const markdown = model.markdown && shiftedMarkdown(model.markdown, edit.start, delta);
  const isExcluded = excludedTester(markdown, model.furniture, lines2);
  const after = text.slice(lines.starts[line], lines.ends[line] + delta);
  if (
    itemsOf(model.text.slice(lines.starts[line], lines.ends[line]), lines.starts[line], model.isExcluded, edit) !==
    itemsOf(after, lines.starts[line], isExcluded)
  )
    return { refused: 'ordinals' };
  const moved = (o: number) => (o < edit.start ? o : o + delta);
  const headings = shiftedHeadings(model.headings, line, delta);
  const byOld = new Map<Heading, Heading>();
  model.headings.forEach((h, i) => {
    if (headings[i] !== h) byOld.set(h, headings[i]);
  });
  const derived: DocumentModel = {
    text,
    format: model.format,
    lines: lines2,
    markdown,
    headings,
    furniture: model.furniture,
    documents: model.documents.map((d) => (d.end < edit.start ? d : shiftedDocument(d, byOld, moved))),
    enumerations: model.enumerations.map((run) => shiftedRun(run, edit.start, delta)),
    isProseLine: model.isProseLine,
    isExcluded,
  };
  facts.widths.edit(line, after);
  return { model: Object.freeze(derived), line };
}

/** Why the edit may change the structure (the first reason found), or null when it cannot. */
function refusal(model: DocumentModel, facts: LineEditFacts, text: string, edit: TextEdit, line: number): string | null {
  const ls = model.lines.starts[line];
  const le = model.lines.ends[line];
  if (edit.oldEnd > le || hasLineBreak(model.text, edit.start, edit.oldEnd) || hasLineBreak(text, edit.start, edit.newEnd)) return 'lines';
  const delta = edit.newEnd - edit.oldEnd;
  const before = model.text.slice(ls, le);
  const after = text.slice(ls, le + delta);
  if (edit.start - ls < HEAD || !headDecided(before)) return 'line start';
  if (!isBodyLine(model, line) || !staysBodyLine(model, after, ls, line, le + delta)) return 'no body line';
  if (signature(before) !== signature(after)) return 'line end or length';
  if (!facts.widths.allowsEdit(line, after)) return 'width';
  if (model.format === 'markdown') return markdownUntouched(model, facts, text, edit) ? null : 'markdown syntax';
  return aboveUnaffected(model, facts, line) ? null : 'short line above';
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** A prose line of the model that holds no heading and is no document's title. */
function isBodyLine(model: DocumentModel, line: number): boolean {
  if (!model.isProseLine(line) || model.documents.some((d) => d.titleLine === line)) return false;
  const { headings } = model;
  let lo = 0;
  let hi = headings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (headings[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo >= headings.length || headings[lo].line !== line;
}

/** No run of characters that a pattern anchored at the line's start repeats is long enough to carry it past `HEAD`. */
function headDecided(line: string): boolean {
  let run = 0;
  for (let i = 0; i < Math.min(HEAD, line.length); i++) {
    run = REPEATABLE.test(line[i]) ? run + 1 : 0;
    if (run >= MAX_HEAD_RUN) return false;
  }
  return true;
}

/** The edited line is still a body line: long, no furniture, no heading at its start; `#` would start one for the enumerations. */
function staysBodyLine(model: DocumentModel, after: string, lineStart: number, line: number, lineEnd: number): boolean {
  const t = after.trim();
  if (codePointLength(t) <= MIN_BODY_LINE || isWebFurniture(t) || isPageNumber(t)) return false;
  if (after.charCodeAt(indentAt(after, 0, after.length)) === 0x23 /* # */) return false;
  if (parseNumberedHeading(after, lineStart, line, lineEnd, model.format === 'markdown')) return false;
  return model.format === 'markdown' || chapterHeading(after, lineStart, line, lineEnd) === null;
}

/** What the structural stages read of a body line beyond its start: its end's class, length classes, run-in marker candidates. */
function signature(line: string): string {
  const n = codePointLength(line.trim());
  return [tailClass(line), ENDS_PARAGRAPH.test(line), n > HEADLINE_CHARS, line.length > FLATTENED_LINE, inlineCandidates(line)].join('\u0000');
}

const CLOSING_MARK = /["”’」』）)》]/;
const TRAILING_NUMERAL = /[一二三四五六七八九十]/;
const STOP_OR_COMMA = /[。！？；：…!?;:，,、]/;
const WHITESPACE = /\s/;

/**
 * A line's end as the stages read it: trailing spaces, closing marks and numerals exactly, and the character before
 * them by class (the mark itself where it is a stop or comma, else ideograph or other).
 */
function tailClass(line: string): string {
  let i = line.length;
  while (i > 0 && WHITESPACE.test(line[i - 1])) i--;
  while (i > 0 && CLOSING_MARK.test(line[i - 1])) i--;
  while (i > 0 && TRAILING_NUMERAL.test(line[i - 1])) i--;
  const kind = i === 0 ? '^' : STOP_OR_COMMA.test(line[i - 1]) ? line[i - 1] : isIdeographCode(line.charCodeAt(i - 1)) ? 'H' : 'O';
  return kind + line.slice(i);
}

const SENTENCE_STOP = new Set([0x3002, 0xff01, 0xff1f]);
const COLON = new Set([0xff1a, 0x3a]);
const SPACE = /[ \t\u3000]/;

/**
 * Where `withInlineHeadings` would weigh a heading run into the line: each stop (or colon) followed by a marker, with
 * the marker's level and number and whether a heading parses there. Equal lists are judged alike.
 */
function inlineCandidates(line: string): string {
  const out: string[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const kind = SENTENCE_STOP.has(c) ? 'e' : COLON.has(c) ? (line.slice(Math.max(0, i - 2), i) === '如下' ? 'r' : 'c') : '';
    if (!kind) continue;
    let j = i + 1;
    while (j < line.length && SPACE.test(line[j])) j++;
    if (j >= line.length || !canStartMarker(line.charCodeAt(j))) continue;
    const m = matchMarker(line.slice(j, j + 12));
    if (m) out.push(`${kind}${m.level}.${m.number}.${parseNumberedHeading(line.slice(j), 0, 0, line.length - j, false) ? 1 : 0}`);
  }
  return out.join(',');
}

/**
 * Short lines above the edited one whose standing as a part or lead line `unnumberedPartHeadings` judges by the
 * paragraph below them (its length, its first sentence): none may stand there, unless it is a line-start heading.
 */
function aboveUnaffected(model: DocumentModel, facts: LineEditFacts, line: number): boolean {
  const { lines } = model;
  const mayStand = (l: number) => codePointLength(lines.lineText(l).trim()) <= MAX_CANDIDATE_CHARS && !isLineStartHeading(model, l);
  let l = line - 1;
  // The lines right above, whose next block may start a few lines above this one and read on into it.
  for (let run = 0; l >= 0 && !isBlankLine(lines, l); l--) {
    if (facts.widths.isSkipped(l)) continue;
    // A block read past this line stops at it (a heading) or never reaches the edited one.
    if (++run > NEXT_BLOCK_LINES || isLineStartHeading(model, l)) return true;
    if (mayStand(l)) return false;
  }
  // Past blank lines (and lines the part headings pass over): the line whose next block starts at the top of that run.
  for (; l >= 0; l--) if (!isBlankLine(lines, l) && !facts.widths.isSkipped(l)) return !mayStand(l);
  return true;
}

/** A numbered heading at the start of its line, or a `第一章` part: never a part or lead line itself. */
function isLineStartHeading(model: DocumentModel, line: number): boolean {
  const { lines } = model;
  return model.headings.some(
    (h) => h.line === line && !h.inline && (h.level > 0 || chapterHeading(lines.lineText(line), lines.starts[line], line, lines.ends[line]) !== null),
  );
}

/** ASCII marks markdown reads as syntax (every printable ASCII character but letters, digits and the space), and controls. */
function hasMarkdownSyntax(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c > 0x20 && c < 0x7f && !isAsciiAlphanumeric(c))) return true;
  }
  return false;
}
const isAsciiAlphanumeric = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** In markdown: the edit and the characters beside it are no syntax, and the line holds no entity or tag to complete. */
function markdownUntouched(model: DocumentModel, facts: LineEditFacts, text: string, edit: TextEdit): boolean {
  const info = model.markdown!;
  if (facts.hasReferences) return false;
  const { start, oldEnd, newEnd } = edit;
  const line = model.lines.lineAt(start);
  const ls = model.lines.starts[line];
  const le = model.lines.ends[line];
  const around = model.text.slice(Math.max(ls, start - 1), Math.min(le, oldEnd + 1)) + text.slice(start, newEnd);
  if (hasMarkdownSyntax(around)) return false;
  const lineBefore = model.text.slice(ls, le);
  const lineAfter = text.slice(ls, le + newEnd - oldEnd);
  if (/[&<]/.test(lineBefore) || /[&<]/.test(lineAfter)) return false;
  if (overlapsExcluded(info, start - 1, oldEnd + 1)) return false;
  return !info.headings.some((h) => h.contentStart <= oldEnd && h.contentEnd >= start);
}

/**
 * The inline ordinals of a line, as `findEnumerations` finds them (a `首先` line before it keeps every 其次 and 最后,
 * which it drops when no 首先 run is open), placed on the edited text: equal lists mean equal enumerations.
 */
function itemsOf(lineText: string, lineStart: number, isExcluded: (s: number, e: number) => boolean, edit?: TextEdit): string {
  const lead = '首先\n';
  const mini = new LineIndex(lead + lineText);
  const offset = lineStart - lead.length;
  const excluded = (s: number, e: number) => s >= lead.length && isExcluded(s + offset, e + offset);
  const out: string[] = [];
  for (const run of findEnumerations(mini, () => true, excluded)) {
    for (const it of run.items) {
      if (it.line !== 1) continue;
      let start = it.start + offset;
      let end = it.end + offset;
      if (edit && end > edit.start) {
        if (start < edit.oldEnd) return `overlap@${start}`;
        start += edit.newEnd - edit.oldEnd;
        end += edit.newEnd - edit.oldEnd;
      }
      out.push(`${it.style}${it.number}${it.text}@${start}-${end}`);
    }
  }
  return out.sort().join(',');
}

function shiftedLines(lines: LineIndex, text: string, line: number, delta: number): LineIndex {
  const starts = lines.starts.slice();
  const ends = lines.ends.slice();
  ends[line] += delta;
  for (let l = line + 1; l < starts.length; l++) {
    starts[l] += delta;
    ends[l] += delta;
  }
  // A LineIndex of the same shape as the parse's, without scanning the text for its line breaks again.
  const shifted = new LineIndex('') as { -readonly [K in keyof LineIndex]: LineIndex[K] };
  shifted.text = text;
  shifted.starts = starts;
  shifted.ends = ends;
  return shifted;
}

function shiftedMarkdown(info: MarkdownInfo, start: number, delta: number): MarkdownInfo {
  return {
    excluded: info.excluded.map((r) => (r[0] > start ? [r[0] + delta, r[1] + delta] : r)),
    nonProseLines: info.nonProseLines,
    headings: info.headings.map((h) => (h.contentStart > start ? { ...h, contentStart: h.contentStart + delta, contentEnd: h.contentEnd + delta } : h)),
    comments: info.comments,
  };
}

/** Headings below the edited line move; those above stay the same objects. */
function shiftedHeadings(headings: readonly Heading[], line: number, delta: number): Heading[] {
  return headings.map((h) => (h.line < line ? h : movedHeading(h, delta)));
}

/** A heading `delta` further on, copied field by field (a spread copy of thousands of headings costs a keystroke milliseconds). */
function movedHeading(h: Heading, delta: number): Heading {
  const moved: Heading = {
    line: h.line,
    level: h.level,
    hashes: h.hashes,
    number: h.number,
    marker: h.marker,
    parts: h.parts,
    markerStart: h.markerStart + delta,
    markerEnd: h.markerEnd + delta,
    title: h.title,
    titleStart: h.titleStart + delta,
    titleEnd: h.titleEnd + delta,
    runIn: h.runIn,
    lineEnd: h.lineEnd + delta,
    inToc: h.inToc,
    inline: h.inline,
  };
  if (h.lead) moved.lead = h.lead;
  if (h.attachment) moved.attachment = h.attachment;
  return moved;
}

/**
 * A document at or after the edit, its section tree copied onto the moved headings. Its bounds and its sections' ends
 * are line starts and ends (no heading is on the edited line): `moved` takes the edited line's end along.
 */
function shiftedDocument(doc: ReportDocument, byOld: ReadonlyMap<Heading, Heading>, moved: (offset: number) => number): ReportDocument {
  const nodes = new Map<SectionNode, SectionNode>();
  for (const n of doc.nodes) {
    nodes.set(n, { heading: byOld.get(n.heading) ?? n.heading, depth: n.depth, parent: n.parent && nodes.get(n.parent)!, children: [], end: moved(n.end) });
  }
  for (const [old, node] of nodes) for (const child of old.children) node.children.push(nodes.get(child)!);
  return {
    ...doc,
    start: moved(doc.start),
    end: moved(doc.end),
    headings: doc.headings.map((h) => byOld.get(h) ?? h),
    sections: doc.sections.map((n) => nodes.get(n)!),
    nodes: doc.nodes.map((n) => nodes.get(n)!),
  };
}

/** A run with its ordinals after the edit moved (`itemsOf` made sure none overlaps it). */
function shiftedRun(run: EnumerationRun, start: number, delta: number): EnumerationRun {
  if (run.items[run.items.length - 1].end <= start) return run;
  return { ...run, items: run.items.map((it): EnumerationItem => (it.end <= start ? it : { ...it, start: it.start + delta, end: it.end + delta })) };
}
