import type { Rule, RuleProblem } from './rule';
import { clauseFor, NO_OPTIONS } from './rule';
import type { ReportDocument } from '../structure/model';
import type { LineIndex } from '../text/lines';
import { expectedStart, firstNumber, gapClues, headingsFrom, numberingOf, renderMarker, renumberEdits, type NumberRun } from '../structure/numbering';
import { repairProblem } from './numbering-sequence';

/** A run of sibling sections that does not start where it should (1, or after the previous run in a continuous document). */
/** A page title that numbers the page of an article split over several (`镇政府工作总结(3)`, `……（续）`, `第2页`). */
const CONTINUED_PAGE = /(?:[（(](?:[2-9]|[1-9]\d)[）)]|[（(]续[）)]|第\s*(?:[2-9]|[1-9]\d)\s*页)\s*$/;

export const numberingStart: Rule = {
  id: 'numbering-start',
  defaultSeverity: 'warning',
  category: 'structure',
  description: '同级编号不从一（1）开始，或未接续上一部分',
  descriptionEn: 'A level does not start at one under its parent (or does not continue, in continuous numbering)',
  fix: { zh: '重新编号，仅快速修复', en: 'renumber, quick fix only (unsafe)' },
  basis: { zh: 'GB/T 9704-2012 第7.3.3条', en: 'GB/T 9704-2012 §7.3.3' },
  options: NO_OPTIONS,
  check({ model, config }) {
    const problems: RuleProblem[] = [];
    for (const doc of model.documents) {
      for (const entry of numberingOf(doc, config.numbering.mode).values()) {
        for (const run of entry.runs) {
          if (entry.departures.has(run)) continue; // numbering-mode reports it
          const want = expectedStart(entry, run);
          if (firstNumber(run) === want) continue;
          const h = run.nodes[0].heading;
          // A later page of a paginated web article (`……工作总结(3)`) starts wherever the page break fell.
          if (h.level === 1 && run === entry.runs[0] && CONTINUED_PAGE.test(doc.title)) continue;
          // （⏎一） split over two lines before （二）: the first section is there, its marker broken.
          const repair = firstNumber(run) === want + 1 ? brokenFirst(model.lines, doc, run, want) : null;
          if (repair) {
            problems.push(repair);
            continue;
          }
          const wantMarker = renderMarker(h, h.parts, want);
          const continuous = want > 1;
          const clause = clauseFor(h.level);
          problems.push({
            start: h.markerStart,
            end: h.markerEnd,
            message: continuous
              ? `编号未接续：本文第${h.level}级编号连续排列，此处应为${wantMarker}，实为${h.marker}（${clause.zh}）`
              : `编号起始错误：本级第一个标题应为${wantMarker}，实为${h.marker}（${clause.zh}）`,
            messageEn: continuous
              ? `Numbering does not continue: level ${h.level} runs on through this document, so this should be ${wantMarker}, not ${h.marker} (${clause.en})`
              : `Numbering starts wrong: the first heading of this level should be ${wantMarker}, not ${h.marker} (${clause.en})`,
            fix: {
              safe: false,
              edits: renumberEdits(headingsFrom(entry, run, 0), want),
              title: `从${wantMarker}起重新编号`,
              titleEn: `Renumber from ${wantMarker}`,
            },
          });
        }
      }
    }
    return problems;
  },
};

/** A broken marker with the run's missing first number between the parent (or the document's start) and the run. */
function brokenFirst(lines: LineIndex, doc: ReportDocument, run: NumberRun, want: number): RuleProblem | null {
  const first = run.nodes[0].heading;
  const parent = run.parent?.heading;
  const from = parent ? parent.markerEnd : doc.start;
  const { repair } = gapClues(lines, first.level, first, from, first.markerStart, new Set([want]));
  return repair && repairProblem(first, repair);
}
