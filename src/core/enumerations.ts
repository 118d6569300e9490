import type { EnumerationItem, EnumerationRun, EnumerationStyle } from './model';
import type { LineIndex } from './text';
import { ENUM_DI, ENUM_SHI, INDENT, globalCopy } from './patterns';
import { chineseToNumber } from './numerals';

const STYLES: ReadonlyArray<{ style: EnumerationStyle; re: RegExp }> = [
  { style: 'shi', re: ENUM_SHI },
  { style: 'di', re: ENUM_DI },
];

/** The ordinals of one line, by style, in order. */
function itemsOfLine(lines: LineIndex, line: number, isExcluded: (s: number, e: number) => boolean): EnumerationItem[] {
  const text = lines.lineText(line);
  const base = lines.starts[line];
  const items: EnumerationItem[] = [];
  if (!/[是第]/.test(text)) return items;
  for (const { style, re } of STYLES) {
    for (const m of text.matchAll(globalCopy(re))) {
      const start = base + m.index!;
      const end = start + m[0].length;
      const number = chineseToNumber(m[1]);
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
  for (let line = 0; line < lines.lineCount; line++) {
    if (!isProseLine(line)) continue;
    const text = lines.lineText(line);
    if (text.trim() === '') continue;
    const items = itemsOfLine(lines, line, isExcluded);
    const next = new Map<EnumerationStyle, EnumerationRun>();
    const indent = INDENT.exec(text)![0].length;
    for (const item of items) {
      let run = next.get(item.style);
      if (!run) {
        const previous = open.get(item.style);
        // A paragraph that begins with a later ordinal carries the previous paragraph's run on (a gap is then a skip).
        const continues = previous && item.start === lines.starts[line] + indent && item.number > last(previous).number;
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
