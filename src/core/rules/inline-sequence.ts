import type { Rule, RuleProblem } from './rule';
import { CONVENTION, NO_OPTIONS } from './rule';
import type { DocumentModel, EnumerationItem } from '../structure/model';
import { numberToChinese } from '../text/numerals';

const render = (item: EnumerationItem, n: number): string => (item.style === 'di' ? `第${numberToChinese(n)}` : `${numberToChinese(n)}是`);

/** 一是、二是、四是 (a skip), a repeated ordinal, or a lone 一是 that no 二是 follows. */
export const inlineSequence: Rule = {
  id: 'inline-sequence',
  defaultSeverity: 'warning',
  category: 'structure',
  description: '段内“一是、二是……”或“第一，第二，……”序号跳号、重复或只有“一是”',
  descriptionEn: 'Inline enumerations (一是, 二是 …; 第一, 第二 …) that skip, repeat, or stop at 一是',
  fix: { zh: '改序号，仅快速修复', en: 'change the ordinal, quick fix only (unsafe: which one is wrong is a guess)' },
  basis: { zh: '写作惯例', en: 'drafting convention' },
  options: NO_OPTIONS,
  check({ model }) {
    const problems: RuleProblem[] = [];
    const earlier = earlierOrdinal(model);
    for (const run of model.enumerations) {
      const { items } = run;
      if (run.style === 'shouxian') {
        problems.push(...shouxianProblems(items));
        continue;
      }
      if (items.length === 1 && items[0].number === 1) {
        const item = items[0];
        if (cutOffAfter(model, item)) continue;
        problems.push({
          start: item.start,
          end: item.end,
          message: `只有“${item.text}”，没有“${render(item, 2)}”：列举不成序列（${CONVENTION.zh}）`,
          messageEn: `"${item.text}" with no "${render(item, 2)}" after it: an enumeration of one (${CONVENTION.en})`,
        });
        continue;
      }
      // A lone 十一是 is the National Day holiday, not an enumeration: a wrong start needs a run, or a lone 二是 …
      // 十是 that opens a clause with no ordinal of its kind before it in its section.
      if (items[0].number !== 1 && startsTooLate(model, items, earlier)) problems.push(startProblem(items[0]));
      for (let i = 1; i < items.length; i++) {
        const prev = items[i - 1];
        const here = items[i];
        if (here.number !== prev.number + 1) problems.push(breakProblem(prev, here));
      }
    }
    return problems;
  },
};

/** A text cut off mid-sentence (an excerpt: it ends in `...` or without a sentence's end). */
const ELLIPSIS_END = /(?:\.{3}|…)\s*$/;
const SENTENCE_END = /[。！？!?”’）)》：:；;]\s*$/;
/** A last line this long is a paragraph; a short one may be a signature or a date. */
const PARAGRAPH_LINE = 30;
const CUT_OFF_WITHIN = 2000;

/**
 * A lone 一是 close before the end of a text that was cut off (a web excerpt ending `…重...`): its 二是 was cut,
 * not left out.
 */
function cutOffAfter(model: DocumentModel, item: EnumerationItem): boolean {
  const { text, lines } = model;
  if (text.length - item.end > CUT_OFF_WITHIN) return false;
  let last = lines.lineCount - 1;
  while (last > 0 && lines.lineText(last).trim() === '') last--;
  const t = lines.lineText(last).trim();
  return ELLIPSIS_END.test(t) || (t.length > PARAGRAPH_LINE && !SENTENCE_END.test(t));
}

/** 首先 … 其次 … 最后 may leave steps out; only a step that goes back (其次 after 最后) or repeats is wrong. */
function shouxianProblems(items: EnumerationItem[]): RuleProblem[] {
  const out: RuleProblem[] = [];
  for (let i = 1; i < items.length; i++) {
    if (items[i].number > items[i - 1].number) continue;
    out.push({
      start: items[i].start,
      end: items[i].end,
      message: `“${items[i].text}”出现在“${items[i - 1].text}”之后，列举顺序有误（${CONVENTION.zh}）`,
      messageEn: `"${items[i].text}" after "${items[i - 1].text}": the steps of the enumeration are out of order (${CONVENTION.en})`,
    });
  }
  return out;
}

/** Where a clause begins: before it, on its line, a clause mark, or only indentation, list markers and emphasis. */
const CLAUSE_MARK_BEFORE = /(?:^|[。；;：:！？!?，,])[\s\u3000*_]*$/;
const LIST_PREFIX = /^[ \t\u3000]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+|>[ \t]*)*$/;

type EarlierOrdinal = (item: EnumerationItem) => EnumerationItem | undefined;

/** The ordinal of any style that comes last before an item in its section (since the last heading), if any. */
function earlierOrdinal(model: DocumentModel): EarlierOrdinal {
  const all = model.enumerations.flatMap((run) => run.items).sort((a, b) => a.start - b.start);
  const starts = all.map((it) => it.start);
  const sections = model.headings.map((h) => h.markerStart).sort((a, b) => a - b);
  return (item) => {
    const k = countBelow(starts, item.start);
    const section = sections[countBelow(sections, item.start + 1) - 1] ?? 0;
    return k > 0 && starts[k - 1] >= section ? all[k - 1] : undefined;
  };
}

/** How many values of a sorted list are below `limit`. */
function countBelow(sorted: number[], limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A run that starts past one lacks its first items, unless another style's ordinal just before it stands for them
 * (首先……。二是……三是……). A lone later ordinal counts only where it opens a clause with no ordinal before it.
 */
function startsTooLate(model: DocumentModel, items: EnumerationItem[], earlier: EarlierOrdinal): boolean {
  const before = earlier(items[0]);
  if (items.length === 1) return !before && isOrphanOrdinal(model, items[0]);
  return !(before && before.style !== items[0].style && before.number === items[0].number - 1);
}

/**
 * A lone 二是 (up to 十是; 第二，) that opens a clause: with no ordinal before it in its section, the enumeration
 * lost its 一是. 十一是 (a holiday), 初二是, 独一无二是 stay alone: past ten, or inside a clause.
 */
function isOrphanOrdinal(model: DocumentModel, item: EnumerationItem): boolean {
  if (item.style === 'shouxian' || item.number < 2 || item.number > 10) return false;
  const lineStart = model.lines.starts[item.line];
  const before = model.text.slice(lineStart, item.start);
  const heading = model.headings.some((h) => h.titleStart === item.start);
  return heading || LIST_PREFIX.test(before) || CLAUSE_MARK_BEFORE.test(before);
}

function startProblem(item: EnumerationItem): RuleProblem {
  const want = render(item, 1);
  return {
    start: item.start,
    end: item.end,
    message: `列举从“${item.text}”开始，前面没有“${want}”（${CONVENTION.zh}）`,
    messageEn: `The enumeration starts at "${item.text}" with no "${want}" before it (${CONVENTION.en})`,
  };
}

function breakProblem(prev: EnumerationItem, here: EnumerationItem): RuleProblem {
  const want = render(here, prev.number + 1);
  const kind = here.number === prev.number ? '重复' : here.number > prev.number ? '跳号' : '顺序颠倒';
  const kindEn = here.number === prev.number ? 'repeats' : here.number > prev.number ? 'skips' : 'goes backwards';
  return {
    start: here.start,
    end: here.end,
    message: `列举序号${kind}：“${prev.text}”之后是“${here.text}”，应为“${want}”（${CONVENTION.zh}）`,
    messageEn: `The enumeration ${kindEn}: "${here.text}" after "${prev.text}"; expected "${want}" (${CONVENTION.en})`,
    // Which ordinal is wrong is a guess, so the fix is never applied unreviewed.
    fix: { safe: false, edits: [{ start: here.start, end: here.end, text: want }], title: `改为“${want}”`, titleEn: `Change to "${want}"` },
  };
}
