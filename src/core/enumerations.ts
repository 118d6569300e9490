import type { EnumerationItem, EnumerationRun, EnumerationStyle } from './model';
import type { LineIndex } from './text';
import { ENUM_DI, ENUM_SHI, ENUM_SHOUXIAN, LINE_PREFIX, ORDINAL_CLUE, globalCopy, nextMatch } from './patterns';
import { isBlankLine } from './text';
import { chineseToNumber } from './numerals';

const SHOUXIAN_ORDER: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: 4 };

const STYLES: ReadonlyArray<{ style: EnumerationStyle; re: RegExp; number: (m: RegExpMatchArray) => number }> = [
  { style: 'shi', re: ENUM_SHI, number: (m) => chineseToNumber(m[1]) },
  { style: 'di', re: ENUM_DI, number: (m) => chineseToNumber(m[1]) },
  { style: 'shouxian', re: ENUM_SHOUXIAN, number: (m) => SHOUXIAN_ORDER[m[0]] },
];

/** The ordinals of one line, by style, in order. */
function itemsOfLine(lines: LineIndex, line: number, isExcluded: (s: number, e: number) => boolean): EnumerationItem[] {
  const text = lines.lineText(line);
  const base = lines.starts[line];
  const items: EnumerationItem[] = [];
  for (const { style, re, number: numberOf } of STYLES) {
    if (!re.test(text)) continue; // most lines have none: skip compiling a scanning copy
    for (const m of text.matchAll(globalCopy(re))) {
      const start = base + m.index!;
      const end = start + m[0].length;
      const number = numberOf(m);
      if (number > 0 && !isExcluded(start, end)) items.push({ style, number, text: m[0], start, end, line });
    }
  }
  return items.sort((a, b) => a.start - b.start);
}

/**
 * Finds inline enumerations (一是…二是…, 第一，…第二，…). A run is the ordinals of one paragraph (line); it
 * continues into following paragraphs that begin with a later ordinal; an ordinal 1 after others starts a new run.
 */
export function findEnumerations(
  lines: LineIndex,
  isProseLine: (line: number) => boolean,
  isExcluded: (s: number, e: number) => boolean,
): EnumerationRun[] {
  const runs: EnumerationRun[] = [];
  let open = new Map<EnumerationStyle, EnumerationRun>();
  // The next place an ordinal could be: lines before it hold none and are passed over unsliced.
  let clue = nextMatch(ORDINAL_CLUE, lines.text, 0);
  for (let line = 0; line < lines.lineCount; line++) {
    if (!isProseLine(line) || isBlankLine(lines, line)) continue;
    while (clue && clue.index < lines.starts[line]) clue = nextMatch(ORDINAL_CLUE, lines.text, clue.index + 1);
    if (!clue || clue.index >= lines.ends[line]) {
      if (open.size) open = new Map(); // a paragraph without ordinals ends every run
      continue;
    }
    const text = lines.lineText(line);
    const items = itemsOfLine(lines, line, isExcluded);
    const next = new Map<EnumerationStyle, EnumerationRun>();
    const prefix = LINE_PREFIX.exec(text)![0].length;
    for (const item of items) {
      let run = next.get(item.style);
      // 首先/其次/最后 words are common in prose: only a run that starts with 首先 is an enumeration.
      if (!run && item.style === 'shouxian' && item.number !== 1 && !open.get(item.style)) continue;
      if (!run) {
        const previous = open.get(item.style);
        // A paragraph that begins with a later ordinal carries the previous paragraph's run on (a gap is then a skip).
        const continues = previous && item.start === lines.starts[line] + prefix && item.number > last(previous).number;
        run = continues ? previous! : { style: item.style, items: [] };
        if (!continues) runs.push(run);
      } else if (item.number === 1) {
        run = { style: item.style, items: [] };
        runs.push(run);
      }
      run.items.push(item);
      next.set(item.style, run);
    }
    open = next;
  }
  return runs;
}

const last = (run: EnumerationRun): EnumerationItem => run.items[run.items.length - 1];
