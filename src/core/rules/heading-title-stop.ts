import { codePointLength } from '../text/lines';
import type { Rule, RuleProblem } from './rule';
import { CONVENTION, Option, readOptions, ruleOptions } from './rule';
import type { Heading } from '../structure/model';

/** Conventions: over 40 characters, over three times the median of at least three other run-in titles. */
const MIN_PEERS = 3;

const OPTIONS = ruleOptions({
  minLength: Option.Integer({
    minimum: 0,
    default: 40,
    description: '标题超过这么多字才可能报告',
    descriptionEn: 'Only a title longer than this many characters can be reported',
  }),
  ratio: Option.Number({
    minimum: 1,
    default: 3,
    description: '标题超过同级段首标题长度中位数的这么多倍才报告',
    descriptionEn: 'Report a title longer than this many times the median run-in title of its level',
  }),
});

/** Median of an ascending list. */
const median = (sorted: number[]): number => {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** An ascending list without one occurrence of `value` (the heading judged is not its own peer). */
const without = (sorted: number[], value: number): number[] => {
  const i = sorted.indexOf(value);
  return i < 0 ? sorted : [...sorted.slice(0, i), ...sorted.slice(i + 1)];
};

const lengthOf = (h: Heading): number => codePointLength(h.title);

/** A run-in heading whose title swallowed its body because the 。 after the title is missing. */
export const headingTitleStop: Rule = {
  id: 'heading-title-stop',
  defaultSeverity: 'warning',
  category: 'structure',
  description: '段首标题后缺少句号，标题与正文连在一起',
  descriptionEn: 'A run-in heading has no full stop between its title and its body',
  fix: null,
  basis: { zh: '写作惯例', en: 'drafting convention' },
  options: OPTIONS,
  scope: 'structure',
  check({ model, options }) {
    const { minLength, ratio } = readOptions(OPTIONS, options);
    const problems: RuleProblem[] = [];
    for (const doc of model.documents) {
      if (doc.kind === 'toc') continue;
      const byLevel = new Map<number, Heading[]>();
      for (const h of doc.headings) {
        if (h.level === 0) continue;
        const list = byLevel.get(h.level);
        if (list) list.push(h);
        else byLevel.set(h.level, [h]);
      }
      for (const headings of byLevel.values()) {
        const runInLengths = headings
          .filter((h) => h.runIn)
          .map(lengthOf)
          .sort((a, b) => a - b);
        for (const h of headings) {
          const len = lengthOf(h);
          if (len <= minLength) continue;
          const peers = h.runIn ? without(runInLengths, len) : runInLengths;
          if (peers.length < MIN_PEERS) continue;
          const typical = median(peers);
          if (len <= ratio * typical) continue;
          const shown = h.title.slice(0, 12);
          problems.push({
            start: h.markerStart,
            end: h.markerEnd,
            message: `标题“${shown}…”长达${len}字，同级标题一般约${Math.round(typical)}字：标题后可能漏了句号，正文连进了标题（${CONVENTION.zh}）`,
            messageEn: `The title "${shown}…" is ${len} characters long where titles of this level run about ${Math.round(typical)}: the full stop after the title is probably missing (${CONVENTION.en})`,
          });
        }
      }
    }
    return problems;
  },
};
