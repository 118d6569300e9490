import type { Heading } from './model';
import { codePointLength, isBlankLine, type LineIndex } from './text';
import { matchMarker } from './headings';

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
  return n >= 4 && n <= MAX_PART_CHARS && /\p{Script=Han}/u.test(t) && !CLAUSE_MARK.test(t) && !INNER_SPACE.test(t) && !NOT_A_PART.test(t) && matchMarker(t) === null;
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
  let previous = '';
  for (let line = 0; line < lines.lineCount; line++) {
    if (skip.has(line) || isBlankLine(lines, line)) continue;
    const text = lines.lineText(line);
    const t = text.trim();
    if (!atLine.has(line) && ENDS_SENTENCE.test(previous) && isBarePartLine(t) && isFollowedByBody(lines, line, atLine, skip)) {
      found.push(partHeading(text, lines.starts[line], line, lines.ends[line], text.length - text.trimStart().length, 1));
    }
    previous = t;
  }
  return found;
}

function isFollowedByBody(lines: LineIndex, from: number, headings: ReadonlyMap<number, Heading>, skip: ReadonlySet<number>): boolean {
  for (let line = from + 1; line < lines.lineCount; line++) {
    if (skip.has(line) || isBlankLine(lines, line)) continue;
    const h = headings.get(line);
    // Before a restarting 一、 a bare line is the next document's title (conventions), not a part of this one.
    if (h) return h.number === 1 && h.level >= 2;
    const t = lines.lineText(line).trim();
    return codePointLength(t) >= MIN_PARAGRAPH_CHARS && /[。！？：:]["”’」）)]?$/.test(t);
  }
  return false;
}
