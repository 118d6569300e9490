import type { Heading, MarkerParts } from './model';
import { globalCopy, nextMatch, MARKER_LEVEL1, MARKER_LEVEL2, MARKER_LEVEL3, MARKER_LEVEL4, NUMERAL_LIST_AFTER, TITLE_STOP } from './patterns';
import { arabicToNumber, chineseToNumber } from '../text/numerals';

const MD_CODE = /`+([^`]*)`+/;

/** Markdown inline link or image `[text](target)`, and a code span, for plain heading titles. */
const MD_LINK = /!?\[([^\]]*)\]\([^)]*\)/;

const MARKER_LEVEL5 = /^()([\u2460-\u2473])()()/;

interface MarkerMatch {
  level: number;
  number: number;
  parts: MarkerParts;
  length: number;
}

const MARKERS: ReadonlyArray<{ level: number; re: RegExp; chinese: boolean }> = [
  { level: 2, re: MARKER_LEVEL2, chinese: true },
  { level: 4, re: MARKER_LEVEL4, chinese: false },
  { level: 1, re: MARKER_LEVEL1, chinese: true },
  { level: 3, re: MARKER_LEVEL3, chinese: false },
  { level: 5, re: MARKER_LEVEL5, chinese: false },
];

/** Recognises a section marker at the start of `s`. */
/** The numerals that begin a level-1 or level-2 marker (the `CN` class of the marker patterns). */
const MARKER_NUMERALS = new Set([...'一二三四五六七八九十百'].map((c) => c.charCodeAt(0)));

/**
 * Whether a marker can start with this code unit: a Chinese numeral, a bracket, a digit or a circled number. Every
 * other line is no heading, known without a slice or a pattern (most lines of a report are body text).
 */
export function canStartMarker(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x28 || c === 0xff08 || (c >= 0xff10 && c <= 0xff19) || (c >= 0x2460 && c <= 0x2473) || MARKER_NUMERALS.has(c);
}

/** Length of the indentation (spaces, tabs, ideographic spaces, a web page's no-break spaces: `INDENT`) at `from`. */
export function indentAt(text: string, from: number, to: number): number {
  let i = from;
  for (let c = text.charCodeAt(i); i < to && (c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0); c = text.charCodeAt(++i));
  return i - from;
}

export function matchMarker(s: string): MarkerMatch | null {
  for (const { level, re, chinese } of MARKERS) {
    const m = re.exec(s);
    if (!m) continue;
    const [whole, open, numeral, close, suffix] = m;
    const number = level === 5 ? numeral.charCodeAt(0) - 0x245f : chinese ? chineseToNumber(numeral) : arabicToNumber(numeral);
    if (!(number > 0)) return null;
    if (level === 1 && isNumeralList(number, s.slice(whole.length))) return null;
    return { level, number, parts: { open, numeral, close, suffix }, length: whole.length };
  }
  return null;
}

/** `一、二级医院`: a list of numerals (一、二), not a heading. */
function isNumeralList(number: number, rest: string): boolean {
  const m = NUMERAL_LIST_AFTER.exec(rest);
  return m !== null && chineseToNumber(m[1]) === number + 1;
}

/** Markdown emphasis that often wraps a heading line: `**一、总体要求**`. */
const EMPHASIS_OPEN = /^(?:\*\*|__)/;
const EMPHASIS_LEAD = /^[*_\s]+/;
const EMPHASIS_TRAIL = /[*_\s]+$/;
const stripEmphasis = (s: string): string => s.replace(EMPHASIS_LEAD, '').replace(EMPHASIS_TRAIL, '');
/** A markdown title as a reader sees it: link text without its target, code without backticks. */
const plainMarkdown = (s: string): string => s.replace(globalCopy(MD_LINK), '$1').replace(globalCopy(MD_CODE), '$1');

/**
 * Parses a numbered heading in `content` (a line, or a markdown heading's content) starting at `base`.
 * Returns null when the content does not start with a marker.
 */
export function parseNumberedHeading(content: string, base: number, line: number, lineEnd: number, markdown: boolean, hashes = 0): Heading | null {
  let skip = indentAt(content, 0, content.length);
  if (markdown) {
    const em = EMPHASIS_OPEN.exec(content.slice(skip));
    if (em) skip += em[0].length;
  }
  if (!canStartMarker(content.charCodeAt(skip))) return null;
  const rest = content.slice(skip);
  const m = matchMarker(rest);
  if (!m) return null;
  const markerStart = base + skip;
  const markerEnd = markerStart + m.length;
  const t = titleOf(content, skip + m.length, markdown);
  return {
    line,
    level: m.level,
    hashes,
    number: m.number,
    marker: rest.slice(0, m.length),
    parts: m.parts,
    markerStart,
    markerEnd,
    title: t.title,
    titleStart: base + t.start,
    titleEnd: base + t.end,
    runIn: t.runIn,
    lineEnd,
    inToc: false,
    inline: false,
  };
}

/** A markdown `#` heading without a number marker. */
export function unnumberedHeading(content: string, contentStart: number, hashStart: number, line: number, lineEnd: number, hashes: number): Heading {
  const t = titleOf(content, 0, true);
  return {
    line,
    level: 0,
    hashes,
    number: null,
    marker: '#'.repeat(hashes),
    parts: { open: '', numeral: '', close: '', suffix: '' },
    markerStart: hashStart,
    markerEnd: hashStart + hashes,
    title: t.title,
    titleStart: contentStart + t.start,
    titleEnd: contentStart + t.end,
    runIn: false,
    lineEnd,
    inToc: false,
    inline: false,
  };
}

/** The title: text after the marker up to the first full-width 。；： or the end of the line. */
/** Anything after `from` but spaces and emphasis markers (`**`, `__`): the heading's line runs on into its body. */
function hasText(content: string, from: number): boolean {
  for (let i = from; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c !== 0x2a && c !== 0x5f && !WHITESPACE.test(content[i])) return true;
  }
  return false;
}
const WHITESPACE = /\s/;

function titleOf(content: string, from: number, markdown: boolean): { title: string; start: number; end: number; runIn: boolean } {
  let start = from;
  while (start < content.length && /[ \t\u3000]/.test(content[start])) start++;
  const stop = nextMatch(TITLE_STOP, content, start);
  let end = stop ? stop.index : content.length;
  const runIn = stop !== null && hasText(content, stop.index + 1);
  while (end > start && /\s/.test(content[end - 1])) end--;
  let title = content.slice(start, end);
  if (markdown) {
    const trimmed = stripEmphasis(title);
    const lead = title.indexOf(trimmed);
    start += Math.max(0, lead);
    end = start + trimmed.length;
    title = plainMarkdown(trimmed);
  }
  return { title, start, end, runIn };
}
