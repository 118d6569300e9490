import type { Heading } from './model';
import { codePointLength, isBlankLine, type LineIndex } from '../text/lines';
import { matchMarker } from './headings';
import { WIDTH_SLACK, displayWidth, lineWidth } from './paragraphs';
import { ATTACHMENT_LABEL } from './patterns';

/**
 * Unnumbered part headings of plain-text reports: `第一部分 总体要求`, `第二章 发展目标`, `第三节 …`, and the
 * unnumbered parts of 政府工作报告 (`“十四五”时期工作回顾`, `2026年重点工作`) whose `（一）` sections would
 * otherwise hang from nothing. They take level 0 like markdown's `#` headings, ranked by `hashes`.
 */

const CHAPTER = /^第[一二三四五六七八九十百零〇0-9]{1,4}(部分|篇|编|章|节)(?=[\s\u3000:：、]|[\p{Script=Han}“"《（(]|$)/u;
/** 篇/编/部分 above 章 above 节. */
const CHAPTER_RANK: Record<string, number> = { 部分: 1, 篇: 1, 编: 1, 章: 2, 节: 3 };
const MAX_PART_CHARS = 30;
/** A part heading's line holds no clause: no sentence or clause punctuation anywhere in it. */
const CLAUSE_MARK = /[。，；：！？,;:!?]/;
/** Lines that are short and bare but no heading: dates, signatures' dates, subtitles, attachment notes. */
const NOT_A_PART = /^(?:——|—|附件|抄送|印发|主题词|关键词)|^\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?$|^[一二三四五六七八九〇○零]{4}年/;

/** The heading of a glossary appended to a report: `名词解释`, `《政府工作报告》有关内容名词注释`, `名词、术语注释`. */
export const GLOSSARY_HEADING = /^(?:附件)?[《“]?[^。，；：]{0,20}[》”]?(?:有关内容)?(?:名词|术语|名词、术语)(?:解释|注释|说明)$|^(?:注释|名词解释)$/;

/**
 * Lines of a glossary: below its heading to the end of the file, the numbered entries (`1.MCC`, `2.“942”治安陆海防控体系`)
 * explain terms; they are no sections of the report.
 */
export function glossaryLines(lines: LineIndex): Set<number> {
  const out = new Set<number>();
  let inGlossary = false;
  for (let line = 0; line < lines.lineCount; line++) {
    const t = lines.lineText(line).trim();
    if (!inGlossary) {
      inGlossary = GLOSSARY_HEADING.test(t);
      continue;
    }
    if (/^[0-9０-９]{1,3}[.．、]|^[（(][0-9０-９]{1,3}[）)]/.test(t)) out.add(line);
  }
  return out;
}

/** `第一部分 总体要求`: a part, chapter or section heading of the report's own hierarchy. */
export function chapterHeading(lineText: string, lineStart: number, line: number, lineEnd: number): Heading | null {
  const indent = lineText.length - lineText.trimStart().length;
  const t = lineText.trim();
  const m = CHAPTER.exec(t);
  if (!m || codePointLength(t) > MAX_PART_CHARS + 8 || CLAUSE_MARK.test(t.replace(/[:：]$/, ''))) return null;
  return partHeading(lineText, lineStart, line, lineEnd, indent, CHAPTER_RANK[m[1]]);
}

function partHeading(lineText: string, lineStart: number, line: number, lineEnd: number, indent: number, hashes: number): Heading {
  const titleStart = lineStart + indent;
  const titleEnd = lineStart + lineText.trimEnd().length;
  return {
    line,
    level: 0,
    hashes,
    number: null,
    marker: '',
    parts: { open: '', numeral: '', close: '', suffix: '' },
    markerStart: titleStart,
    markerEnd: titleStart,
    title: lineText.slice(indent, lineText.trimEnd().length),
    titleStart,
    titleEnd,
    runIn: false,
    lineEnd,
    inToc: false,
    inline: false,
  };
}

/** A short bare line that could head a part: Han text, no clause punctuation or inner space, no marker, not a date or subtitle. */
function isBarePartLine(t: string): boolean {
  const n = codePointLength(t);
  return (
    n >= 4 && n <= MAX_PART_CHARS && /\p{Script=Han}/u.test(t) && !CLAUSE_MARK.test(t) && !INNER_SPACE.test(t) && !NOT_A_PART.test(t) && matchMarker(t) === null
  );
}
/** `甘肃省省长 任振鹤`, `记者 盛学卿`: a byline's space sets a name apart; a part heading has none. */
const INNER_SPACE = /[ \t\u3000]/;
const ENDS_SENTENCE = /[。！？]["”’」）)]?$/;
/** A body paragraph: a few clauses long, ending a sentence or leading into a list. */
const MIN_PARAGRAPH_CHARS = 40;

/**
 * Unnumbered part headings: a bare short line between body paragraphs — the line before it ends a sentence, and
 * the next is a body paragraph or a numbered heading below 一、 that opens a run (`（一）`, `1.`). A title block, a byline, a
 * 落款 with its date below, or a list of short items does not stand so.
 */
export function unnumberedPartHeadings(lines: LineIndex, numbered: readonly Heading[], skip: ReadonlySet<number>): Heading[] {
  const atLine = new Map<number, Heading>();
  for (const h of numbered) if (!h.inline && !atLine.has(h.line)) atLine.set(h.line, h);
  const found: Heading[] = [];
  const leads: number[] = [];
  const seen = new Set<string>();
  // In a text set to a fixed width (a PDF's), a full line is a piece of a wrapped paragraph, never a heading.
  const width = lineWidth(lines, (l) => !skip.has(l));
  const isFull = (t: string) => width > 0 && displayWidth(t) >= width - WIDTH_SLACK;
  let previous = '';
  for (let line = 0; line < lines.lineCount; line++) {
    if (skip.has(line) || isBlankLine(lines, line)) continue;
    const text = lines.lineText(line);
    const t = text.trim();
    // A line that repeats an earlier one (a title printed again as a running head) heads nothing.
    const next = nextBlock(lines, line, atLine, skip);
    const standsAlone =
      !atLine.has(line) &&
      !seen.has(t) &&
      !isFull(t) &&
      ENDS_SENTENCE.test(previous) &&
      (next.heading ? next.heading.number === 1 && next.heading.level >= 2 : isBodyParagraph(next.text));
    const indent = text.length - text.trimStart().length;
    if (!atLine.has(line) && ATTACHMENT_LABEL.test(t)) found.push(attachmentHeading(lines, line, atLine, skip));
    else if ((standsAlone && isBarePartLine(t)) || (!atLine.has(line) && GLOSSARY_HEADING.test(t)))
      found.push(partHeading(text, lines.starts[line], line, lines.ends[line], indent, 1));
    // A lead line heads a paragraph twice its length at least, never a numbered heading.
    else if (standsAlone && !next.heading && isLeadLine(t) && codePointLength(next.text) >= 2 * codePointLength(t)) leads.push(line);
    seen.add(t);
    previous = t;
  }
  if (leads.length >= MIN_LEAD_LINES) for (const line of leads) found.push(leadHeading(lines, line));
  return found.sort((a, b) => a.line - b.line);
}

/**
 * A lead line: a short sentence standing on its own line between paragraphs (`生态底色更加亮丽。`,
 * `这一年，我们感恩奋进、埋头苦干。`), the bold topic lines of a 政府工作报告's review. Only a run of them in one file is
 * taken for headings: one short line alone may be any short paragraph (`特此报告。`).
 */
function isLeadLine(t: string): boolean {
  const n = codePointLength(t);
  const body = t.slice(0, -1);
  return n >= 6 && n <= MAX_LEAD_CHARS && /。$/.test(t) && !/[。；：！？:;!?]/.test(body) && (body.match(/，/g)?.length ?? 0) <= 2 && matchMarker(t) === null;
}
const MAX_LEAD_CHARS = 40;
const MIN_LEAD_LINES = 3;

function leadHeading(lines: LineIndex, line: number): Heading {
  const text = lines.lineText(line);
  const indent = text.length - text.trimStart().length;
  const h: Heading = { ...partHeading(text, lines.starts[line], line, lines.ends[line], indent, 2), lead: true };
  // The title without its closing 。 (a title stop, like a numbered heading's).
  h.title = h.title.slice(0, -1);
  h.titleEnd -= 1;
  return h;
}

/** An attachment's part: headed by its title line below `附件2` where it has one (a bare line), else by `附件2`. */
function attachmentHeading(lines: LineIndex, line: number, headings: ReadonlyMap<number, Heading>, skip: ReadonlySet<number>): Heading {
  let at = line;
  for (let l = line + 1; l < lines.lineCount; l++) {
    if (skip.has(l) || isBlankLine(lines, l)) continue;
    if (!headings.has(l) && isBarePartLine(lines.lineText(l).trim())) at = l;
    break;
  }
  const text = lines.lineText(at);
  return { ...partHeading(text, lines.starts[at], at, lines.ends[at], text.length - text.trimStart().length, 1), attachment: true };
}

/** The next block below `from`: a numbered heading, or the text of the next non-blank line ('' at the end). */
function nextBlock(lines: LineIndex, from: number, headings: ReadonlyMap<number, Heading>, skip: ReadonlySet<number>): { heading?: Heading; text: string } {
  for (let line = from + 1; line < lines.lineCount; line++) {
    if (skip.has(line) || isBlankLine(lines, line)) continue;
    const heading = headings.get(line);
    return heading ? { heading, text: '' } : { text: sentenceFrom(lines, line, headings, skip) };
  }
  return { text: '' };
}

/** The text from a line to its first sentence end, over a few hard-wrapped lines (a PDF's line holds ~28 characters). */
function sentenceFrom(lines: LineIndex, from: number, headings: ReadonlyMap<number, Heading>, skip: ReadonlySet<number>): string {
  let text = '';
  for (let line = from; line < lines.lineCount && line < from + MAX_WRAPPED_LINES; line++) {
    if (line > from && (headings.has(line) || skip.has(line) || isBlankLine(lines, line))) break;
    text += lines.lineText(line).trim();
    if (/[。！？：:]["”’」）)]?$/.test(text)) break;
  }
  return text;
}
const MAX_WRAPPED_LINES = 6;

// Before a restarting 一、 a bare line is the next document's title (conventions), not a part of this one; so only
// a run opening below 一、 (`（一）`, `1.`) counts as what a part heading heads.
function isBodyParagraph(t: string): boolean {
  const n = codePointLength(t);
  return n >= MIN_PARAGRAPH_CHARS && (/[。！？：:]["”’」）)]?$/.test(t) || n >= LONG_SENTENCE_CHARS);
}
/** A sentence this long that has not ended yet (it runs over more wrapped lines than are read) is body text. */
const LONG_SENTENCE_CHARS = 120;
