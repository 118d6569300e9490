import { codePointLength } from '../text/lines';
import type { Rule, RuleProblem } from './rule';
import { CONVENTION, Option, readOptions, ruleOptions } from './rule';
import type { Heading, SectionNode } from '../structure/model';

/**
 * Conventions: a run-in title over 40 characters, over three times the median of at least three other titles: its
 * siblings' where it has three or more, else the document's run-in titles of its level.
 */
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

/** Ascending lengths of the run-in titles of each level of a document. */
function runInLengthsByLevel(headings: readonly Heading[]): Map<number, number[]> {
  const byLevel = new Map<number, number[]>();
  for (const h of headings) {
    if (h.level === 0 || !h.runIn) continue;
    const list = byLevel.get(h.level);
    if (list) list.push(lengthOf(h));
    else byLevel.set(h.level, [lengthOf(h)]);
  }
  for (const list of byLevel.values()) list.sort((a, b) => a - b);
  return byLevel;
}

/**
 * The length a title of this heading's place runs to: its siblings' (same parent, same level) where there are enough,
 * since one part of a report may title its `（一）` in 6 characters and the next in 40 (a 政府工作报告's review and
 * its tasks); else the document's run-in titles of the level. Null with too few peers.
 */
function typicalLength(node: SectionNode, topLevel: readonly SectionNode[], runInLengths: number[], len: number): number | null {
  const siblings = node.parent ? node.parent.children : topLevel;
  const siblingLengths = siblings
    .filter((s) => s !== node && s.heading.level === node.heading.level)
    .map((s) => lengthOf(s.heading))
    .sort((a, b) => a - b);
  if (siblingLengths.length >= MIN_PEERS) return median(siblingLengths);
  const peers = node.heading.runIn ? without(runInLengths, len) : runInLengths;
  return peers.length >= MIN_PEERS ? median(peers) : null;
}

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
      const runInByLevel = runInLengthsByLevel(doc.headings);
      for (const node of doc.nodes) {
        const h = node.heading;
        // A title that ran into its body on one line (conventions), or a line that is one sentence (`（四）推进……落实。`);
        // a title standing alone without a stop is a title, however long. `①` items are sentences, not titled sections.
        if (!(h.runIn || model.text[h.titleEnd] === '。') || h.level === 0 || h.level > 4) continue;
        const len = lengthOf(h);
        // `两带两线、三区三片:大梧桐……`: a half-width colon ends a glossary term as well as `：` does.
        if (len <= minLength || /[^0-9]:/.test(h.title)) continue;
        const typical = typicalLength(node, doc.sections, runInByLevel.get(h.level) ?? [], len);
        if (typical === null || len <= ratio * typical) continue;
        const shown = h.title.slice(0, 12);
        problems.push({
          start: h.markerStart,
          end: h.markerEnd,
          message: `标题“${shown}…”长达${len}字，同级标题一般约${Math.round(typical)}字：标题后可能漏了句号，正文连进了标题（${CONVENTION.zh}）`,
          messageEn: `The title "${shown}…" is ${len} characters long where titles of this level run about ${Math.round(typical)}: the full stop after the title is probably missing (${CONVENTION.en})`,
        });
      }
    }
    return problems;
  },
};
