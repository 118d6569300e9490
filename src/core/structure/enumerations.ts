import type { EnumerationItem, EnumerationRun, EnumerationStyle } from './model';
import type { LineIndex } from '../text/lines';
import { LINE_PREFIX, globalCopy, nextMatch } from './patterns';
import { isBlankLine } from '../text/lines';
import { chineseToNumber } from '../text/numerals';
import { canStartMarker, indentAt, matchMarker } from './headings';

/** 首先 … 其次 … 再次 … 最后, recognised as a run that starts with 首先. */
const ENUM_SHOUXIAN = /首先|其次|再次|最后/;

/** 第一， 第二、 第三是 at the start of a clause (not 第一、二季度, a list of ordinals). Group 1: numeral. */
const ENUM_DI = /(?<=^|[。；;：:！？!?，,\s\u3000])第([一二三四五六七八九十]{1,3})(?=[，,是]|、(?![一二三四五六七八九十]))/;

const ENUM_SHI = /(?<![唯统万同单专划归逐之其第再不合另周期拜])([一二三四五六七八九十]{1,3})是/;

/** What every inline ordinal contains (一是 第一 首先 其次 再次 最后), without the context checks: a line without it holds none. */
const ORDINAL_CLUE = /[一二三四五六七八九十]是|第[一二三四五六七八九十]|首先|其次|再次|最后/;

const SHOUXIAN_ORDER: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: 4 };

const STYLES: ReadonlyArray<{ style: EnumerationStyle; re: RegExp; number: (m: RegExpMatchArray) => number }> = [
  { style: 'shi', re: ENUM_SHI, number: (m) => chineseToNumber(m[1]) },
  { style: 'di', re: ENUM_DI, number: (m) => chineseToNumber(m[1]) },
  { style: 'shouxian', re: ENUM_SHOUXIAN, number: (m) => SHOUXIAN_ORDER[m[0]] },
];

/** `、第三` after an ordinal: the next ordinal of a list of ordinals (第一、第三产业). */
const NEXT_DI_ORDINAL = /^、第[一二三四五六七八九十]{1,3}/;
/** What follows the last ordinal of an enumeration (，是 or a further 、): anything else is the noun they qualify. */
const AFTER_ENUMERATION_ORDINAL = /^[，,是、]/;

/**
 * 第一、第三产业 (the primary and tertiary industries), 第一、第二批, 第二、第三季度: ordinals joined by 、 that
 * qualify the noun after the last of them are no enumeration. Returns the end of such a list starting at `end`
 * (the end of its first ordinal), or -1 when the ordinal is an item of an enumeration.
 */
function attributiveListEnd(text: string, end: number): number {
  let at = end;
  for (let m = NEXT_DI_ORDINAL.exec(text.slice(at, at + 6)); m; m = NEXT_DI_ORDINAL.exec(text.slice(at, at + 6))) at += m[0].length;
  if (at === end) return -1;
  return AFTER_ENUMERATION_ORDINAL.test(text.slice(at, at + 1)) ? -1 : at;
}

/** Before 二是 (and the like), a word the numeral belongs to: 初二是 (a lunar day), 独一无二是, 腊月二十三是. */
const NOT_AN_ORDINAL_BEFORE = /[初无月]/;

/** The ordinals of one line, by style, in order. */
function itemsOfLine(lines: LineIndex, line: number, isExcluded: (s: number, e: number) => boolean): EnumerationItem[] {
  const text = lines.lineText(line);
  const base = lines.starts[line];
  const items: EnumerationItem[] = [];
  for (const { style, re, number: numberOf } of STYLES) {
    if (!re.test(text)) continue; // most lines have none: skip compiling a scanning copy
    let skipUntil = -1;
    for (const m of text.matchAll(globalCopy(re))) {
      const end = m.index + m[0].length;
      if ((style === 'di' && m.index < skipUntil) || (style === 'shi' && NOT_AN_ORDINAL_BEFORE.test(text[m.index - 1] ?? ''))) continue;
      const list = style === 'di' ? attributiveListEnd(text, end) : -1;
      if (list >= 0) {
        skipUntil = list;
        continue;
      }
      const number = numberOf(m);
      if (number > 0 && !isExcluded(base + m.index, base + end)) items.push({ style, number, text: m[0], start: base + m.index, end: base + end, line });
    }
  }
  return items.sort((a, b) => a.start - b.start);
}

/** `…。二` / `是加强…`: an ordinal a hard wrap split, its numeral ending one line and 是 opening the next. */
const NUMERAL_AT_END = /(?<=[。；;，,：:！？]|^)([一二三四五六七八九十]{1,3})$/;

function splitOrdinal(lines: LineIndex, line: number, isExcluded: (s: number, e: number) => boolean): EnumerationItem[] {
  const m = NUMERAL_AT_END.exec(lines.lineText(line).trimEnd());
  const next = line + 1;
  if (!m || next >= lines.lineCount || !lines.lineText(next).trimStart().startsWith('是')) return [];
  const start = lines.starts[line] + m.index;
  const end = lines.starts[next] + lines.lineText(next).indexOf('是') + 1;
  const number = chineseToNumber(m[1]);
  if (!(number > 0) || isExcluded(start, start + m[1].length)) return [];
  return [{ style: 'shi', number, text: lines.text.slice(start, end), start, end, line }];
}

/** A heading line (a section marker after indentation, or a markdown `#`): the runs of the section before it end there. */
function isHeadingLine(lines: LineIndex, line: number): boolean {
  const { text } = lines;
  const at = lines.starts[line] + indentAt(text, lines.starts[line], lines.ends[line]);
  const c = text.charCodeAt(at);
  if (c === 0x23 /* # */) return true;
  return canStartMarker(c) && matchMarker(text.slice(at, Math.min(lines.ends[line], at + 12))) !== null;
}

/**
 * Finds inline enumerations (一是…二是…, 第一，…第二，…). A run is the ordinals of one paragraph (a line, or the lines
 * of a hard-wrapped paragraph); it
 * continues into following paragraphs that begin with a later ordinal; an ordinal 1 after others starts a new run.
 * Within a section a run also resumes after paragraphs without ordinals (an item's own explanation), in the
 * paragraph that begins with its next ordinal exactly (一是…。／全年召开会议12次。／二是…).
 */
export function findEnumerations(
  lines: LineIndex,
  isProseLine: (line: number) => boolean,
  isExcluded: (s: number, e: number) => boolean,
  /** The last line of the paragraph that starts at `line` (a hard-wrapped paragraph spans several); default: `line`. */
  paragraphEnd: (line: number) => number = (line) => line,
): EnumerationRun[] {
  const runs: EnumerationRun[] = [];
  let open = new Map<EnumerationStyle, EnumerationRun>();
  // Runs of this section that paragraphs without ordinals interrupted: the next ordinal exactly resumes them.
  let resumable = new Map<EnumerationStyle, EnumerationRun>();
  // The next place an ordinal could be: lines before it hold none and are passed over unsliced.
  let clue = nextMatch(ORDINAL_CLUE, lines.text, 0);
  for (let line = 0; line < lines.lineCount; line++) {
    if (!isProseLine(line) || isBlankLine(lines, line)) continue;
    if ((open.size || resumable.size) && isHeadingLine(lines, line)) {
      open = new Map();
      resumable = new Map();
    }
    const end = Math.max(line, paragraphEnd(line));
    while (clue && clue.index < lines.starts[line]) clue = nextMatch(ORDINAL_CLUE, lines.text, clue.index + 1);
    if (!clue || clue.index >= lines.ends[end]) {
      for (const [style, run] of open) resumable.set(style, run);
      if (open.size) open = new Map(); // a paragraph without ordinals ends every run
      line = end;
      continue;
    }
    const items: EnumerationItem[] = [];
    for (let l = line; l <= end; l++) {
      if (!isProseLine(l)) continue;
      items.push(...itemsOfLine(lines, l, isExcluded));
      if (l < end) items.push(...splitOrdinal(lines, l, isExcluded));
    }
    const next = runsOfParagraph(lines, line, items, open, resumable, runs);
    line = end;
    // A style this paragraph has no ordinal of is interrupted, as by a paragraph without any.
    for (const [style, run] of open) if (!next.has(style)) resumable.set(style, run);
    for (const style of next.keys()) resumable.delete(style);
    open = next;
  }
  return runs;
}

/** Places a paragraph's ordinals into runs (continued or new); returns the runs open at its end, by style. */
function runsOfParagraph(
  lines: LineIndex,
  line: number,
  items: EnumerationItem[],
  open: Map<EnumerationStyle, EnumerationRun>,
  resumable: Map<EnumerationStyle, EnumerationRun>,
  runs: EnumerationRun[],
): Map<EnumerationStyle, EnumerationRun> {
  const next = new Map<EnumerationStyle, EnumerationRun>();
  const first = lines.starts[line] + LINE_PREFIX.exec(lines.lineText(line))![0].length;
  for (const item of items) {
    let run = next.get(item.style);
    // 首先/其次/最后 words are common in prose: only a run that starts with 首先 is an enumeration.
    if (!run && item.style === 'shouxian' && item.number !== 1 && !open.get(item.style)) continue;
    if (!run) {
      const previous = open.get(item.style);
      const interrupted = item.style === 'shouxian' ? undefined : resumable.get(item.style);
      // A paragraph that begins with a later ordinal carries the previous paragraph's run on (a gap is then a skip).
      const continues = item.start === first && !!previous && item.number > last(previous).number;
      const resumes = item.start === first && !previous && !!interrupted && item.number === last(interrupted).number + 1;
      run = continues ? previous : resumes ? interrupted : { style: item.style, items: [] };
      if (!continues && !resumes) runs.push(run);
    } else if (item.number === 1) {
      run = { style: item.style, items: [] };
      runs.push(run);
    }
    run.items.push(item);
    next.set(item.style, run);
  }
  return next;
}

const last = (run: EnumerationRun): EnumerationItem => run.items[run.items.length - 1];
