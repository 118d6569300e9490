import type { Rule, RuleProblem } from './rule';
import { clauseFor } from './rule';
import type { Heading } from '../model';
import { headingsFrom, numberingOf, renderMarker, renumberEdits } from '../numbering';

/** Skipped, repeated or out-of-order numbers within a run of sibling sections. */
export const numberingSequence: Rule = {
  id: 'numbering-sequence',
  defaultSeverity: 'warning',
  description: '同级编号跳号、重号或顺序颠倒',
  descriptionEn: 'Numbers at one level skip, repeat or go backwards',
  check({ model, config }) {
    const problems: RuleProblem[] = [];
    for (const doc of model.documents) {
      for (const entry of numberingOf(doc, config.numbering.mode).values()) {
        for (const run of entry.runs) {
          const headings = run.nodes.map((n) => n.heading);
          const reported = reportedBreaks(headings);
          const safe = reported.length === 1 && isClearMistake(headings);
          for (const i of reported) {
            const prev = headings[i - 1];
            const edits = renumberEdits(headingsFrom(entry, run, i), prev.number! + 1);
            problems.push({ start: headings[i].markerStart, end: headings[i].markerEnd, ...describe(prev, headings[i]), fix: { safe, edits, title: '重新编号此后的同级标题', titleEn: 'Renumber the following headings of this level' } });
          }
        }
      }
    }
    return problems;
  },
};

/**
 * Indexes where a number does not follow its predecessor by one and is not where the run's count puts it
 * (in 1. 2. 2. 4. only the second 2. is wrong: 4. is in its place).
 */
function reportedBreaks(headings: Heading[]): number[] {
  const base = headings[0].number!;
  const out: number[] = [];
  for (let i = 1; i < headings.length; i++) {
    const n = headings[i].number!;
    if (n !== headings[i - 1].number! + 1 && n !== base + i) out.push(i);
  }
  return out;
}

/**
 * A fix cannot guess wrong when the run has one clear gap (every number from some point on is off by the same
 * amount) or one stray number among numbers that are all in place.
 */
function isClearMistake(headings: Heading[]): boolean {
  const base = headings[0].number!;
  const offsets = headings.map((h, i) => h.number! - (base + i));
  const wrong = offsets.filter((d) => d !== 0).length;
  const first = offsets.findIndex((d) => d !== 0);
  const clearGap = first > 0 && offsets.slice(first).every((d) => d === offsets[first] && d > 0);
  return wrong === 1 || clearGap;
}

function describe(prev: Heading, here: Heading): { message: string; messageEn: string } {
  // What the fix writes: this marker with the next number.
  const want = renderMarker(here, here.parts, prev.number! + 1);
  const { zh, en } = clauseFor(here.level);
  const clause = `（${zh}）`;
  const clauseEn = ` (${en})`;
  if (here.number === prev.number) {
    return { message: `编号重复：${prev.marker}之后又是${here.marker}，应为${want}${clause}`, messageEn: `Repeated number: ${here.marker} again after ${prev.marker}; expected ${want}${clauseEn}` };
  }
  if (here.number! > prev.number!) {
    return { message: `编号跳号：${prev.marker}之后应为${want}，此处为${here.marker}${clause}`, messageEn: `Number skipped: after ${prev.marker} comes ${want}, not ${here.marker}${clauseEn}` };
  }
  return { message: `编号顺序颠倒：${prev.marker}之后是${here.marker}，应为${want}${clause}`, messageEn: `Numbers out of order: ${here.marker} after ${prev.marker}; expected ${want}${clauseEn}` };
}
