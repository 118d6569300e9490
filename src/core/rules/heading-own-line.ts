import type { Rule, RuleProblem } from './rule';
import { CONVENTION, NO_OPTIONS } from './rule';
import { lineBreakOf } from '../text/lines';

const SPACE_BEFORE = /[ \t\u3000]+$/;
const MAX_QUOTED = 16;

/**
 * A heading run into the paragraph before it (`……成效。二、主要做法（一）加强……`): the copy lost its line breaks.
 * The fix starts the heading on its own line; it changes the document's structure, so it is a suggestion.
 */
export const headingOwnLine: Rule = {
  id: 'heading-own-line',
  defaultSeverity: 'warning',
  category: 'structure',
  description: '标题与上文连在同一行（换行丢失），应另起一行',
  descriptionEn: 'A heading runs on from the text before it (a lost line break): start it on its own line',
  fix: { zh: '另起一行，仅快速修复', en: 'start it on its own line: quick fix only' },
  basis: { zh: '写作惯例', en: 'drafting convention' },
  options: NO_OPTIONS,
  scope: 'structure',
  check({ model }) {
    const { text } = model;
    const eol = lineBreakOf(text);
    const problems: RuleProblem[] = [];
    for (const h of model.headings) {
      if (!h.inline) continue;
      const lineStart = model.lines.starts[h.line];
      const space = SPACE_BEFORE.exec(text.slice(lineStart, h.markerStart));
      const from = space ? h.markerStart - space[0].length : h.markerStart;
      // A run-in title may swallow its body where the copy lost the stop after it: quote its start.
      const label = `${h.marker}${h.title.length > MAX_QUOTED ? `${h.title.slice(0, MAX_QUOTED)}……` : h.title}`;
      problems.push({
        start: from,
        end: h.titleEnd > h.markerEnd ? h.titleEnd : h.markerEnd,
        message: `标题“${label}”与上文连在同一行，换行丢失，应另起一行（${CONVENTION.zh}）`,
        messageEn: `The heading "${label}" runs on from the text before it (a lost line break): start it on its own line (${CONVENTION.en})`,
        fix: { safe: false, edits: [{ start: from, end: h.markerStart, text: eol }], title: '标题另起一行', titleEn: 'Start the heading on its own line' },
      });
    }
    return problems;
  },
};
