import type { Rule, RuleProblem } from './rule';
import { CLAUSE_7_3_3 } from './rule';
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
          const breaks = breaksOf(run.nodes.map((n) => n.heading));
          breaks.forEach((i) => {
            const prev = run.nodes[i - 1].heading;
            const here = run.nodes[i].heading;
            const safe = breaks.length === 1 && here.number! > prev.number! + 1;
            const edits = renumberEdits(headingsFrom(entry, run, i), prev.number! + 1);
            problems.push({ start: here.markerStart, end: here.markerEnd, ...describe(prev, here), fix: { safe, edits, title: '重新编号此后的同级标题', titleEn: 'Renumber the following headings of this level' } });
          });
        }
      }
    }
    return problems;
  },
};

/** Indexes where a number does not follow its predecessor by one. */
function breaksOf(headings: Heading[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < headings.length; i++) if (headings[i].number !== headings[i - 1].number! + 1) out.push(i);
  return out;
}

function describe(prev: Heading, here: Heading): { message: string; messageEn: string } {
  const want = renderMarker(here, here.parts, prev.number! + 1);
  const clause = `（${CLAUSE_7_3_3.zh}）`;
  const clauseEn = ` (${CLAUSE_7_3_3.en})`;
  if (here.number === prev.number) {
    return { message: `编号重复：${prev.marker}之后又是${here.marker}，应为${want}${clause}`, messageEn: `Repeated number: ${here.marker} again after ${prev.marker}; expected ${want}${clauseEn}` };
  }
  if (here.number! > prev.number!) {
    return { message: `编号跳号：${prev.marker}之后应为${want}，此处为${here.marker}${clause}`, messageEn: `Number skipped: after ${prev.marker} comes ${want}, not ${here.marker}${clauseEn}` };
  }
  return { message: `编号顺序颠倒：${prev.marker}之后是${here.marker}，应为${want}${clause}`, messageEn: `Numbers out of order: ${here.marker} after ${prev.marker}; expected ${want}${clauseEn}` };
}
