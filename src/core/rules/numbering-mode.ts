import type { Rule, RuleProblem } from './rule';
import { CONVENTION, NO_OPTIONS } from './rule';
import { expectedStart, headingsFrom, numberingOf, renderMarker, renumberEdits, type LevelNumbering, type NumberRun } from '../structure/numbering';

/** Level-3/4 numbering that restarts under one parent and runs on under another. */
export const numberingMode: Rule = {
  id: 'numbering-mode',
  defaultSeverity: 'warning',
  category: 'structure',
  description: '第三、四级编号时而分段重排、时而全文连续',
  descriptionEn: 'Level-3/4 numbering both restarts and runs on in one document',
  fix: { zh: '重新编号，仅快速修复', en: 'renumber, quick fix only (unsafe)' },
  basis: { zh: '写作惯例', en: 'drafting convention' },
  options: NO_OPTIONS,
  scope: 'structure',
  check({ model, config }) {
    const problems: RuleProblem[] = [];
    for (const doc of model.documents) {
      for (const entry of numberingOf(doc, config.numbering.mode).values()) {
        // Detected: the first part that departs from the majority. Configured: every part that departs.
        const departing = entry.runs.filter((r) => entry.departures.has(r));
        const forced = config.numbering.mode !== 'auto';
        for (const run of forced ? departing : departing.slice(0, 1)) problems.push(modeProblem(entry, run, forced));
      }
    }
    return problems;
  },
};

/** The problem for a part whose numbering departs from the document's (or the configured) mode. */
function modeProblem(entry: LevelNumbering, first: NumberRun, forced: boolean): RuleProblem {
  const h = first.nodes[0].heading;
  const want = expectedStart(entry, first);
  const wantMarker = renderMarker(h, h.parts, want);
  const continuous = entry.effective === 'continuous';
  const how = continuous ? '全文连续编号' : '在各部分内重新从1起编号';
  const howEn = continuous ? 'runs on through the whole document' : 'restarts under each parent';
  const whose = forced ? `按设置（numbering.mode），第${h.level}级标题应${how}` : `本文第${h.level}级标题${how}`;
  const whoseEn = forced ? `The numbering.mode setting says level ${h.level} ${howEn}` : `In this document level ${h.level} ${howEn}`;
  return {
    start: h.markerStart,
    end: h.markerEnd,
    message: `编号方式不一致：${whose}，此处却${continuous ? '重新从1起编' : '接续上一部分'}，应为${wantMarker}（${CONVENTION.zh}）`,
    messageEn: `Inconsistent numbering: ${whoseEn}, but here it ${continuous ? 'restarts' : 'runs on'}; expected ${wantMarker} (${CONVENTION.en})`,
    fix: { safe: false, edits: renumberEdits(headingsFrom(entry, first, 0), want), title: `从${wantMarker}起重新编号`, titleEn: `Renumber from ${wantMarker}` },
  };
}
