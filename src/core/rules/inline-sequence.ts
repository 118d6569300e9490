import type { Rule, RuleProblem } from './rule';
import { CONVENTION } from './rule';
import type { EnumerationItem } from '../model';
import { numberToChinese } from '../numerals';

const render = (item: EnumerationItem, n: number): string => (item.style === 'di' ? `第${numberToChinese(n)}` : `${numberToChinese(n)}是`);

/** 一是、二是、四是 (a skip), a repeated ordinal, or a lone 一是 that no 二是 follows. */
export const inlineSequence: Rule = {
  id: 'inline-sequence',
  defaultSeverity: 'warning',
  description: '段内“一是、二是……”或“第一，第二，……”序号跳号、重复或只有“一是”',
  descriptionEn: 'Inline enumerations (一是, 二是 …; 第一, 第二 …) that skip, repeat, or stop at 一是',
  check({ model }) {
    const problems: RuleProblem[] = [];
    for (const run of model.enumerations) {
      const { items } = run;
      if (run.style === 'shouxian') {
        problems.push(...shouxianProblems(items));
        continue;
      }
      if (items.length === 1 && items[0].number === 1) {
        const item = items[0];
        problems.push({
          start: item.start,
          end: item.end,
          message: `只有“${item.text}”，没有“${render(item, 2)}”：列举不成序列（${CONVENTION.zh}）`,
          messageEn: `"${item.text}" with no "${render(item, 2)}" after it: an enumeration of one (${CONVENTION.en})`,
        });
        continue;
      }
      // A lone 十一是 is the National Day holiday, not an enumeration: a wrong start needs a run.
      if (items[0].number !== 1 && items.length > 1) problems.push(startProblem(items[0]));
      for (let i = 1; i < items.length; i++) {
        const prev = items[i - 1];
        const here = items[i];
        if (here.number !== prev.number + 1) problems.push(breakProblem(prev, here));
      }
    }
    return problems;
  },
};

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
