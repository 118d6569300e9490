import type { Rule, RuleProblem } from './rule';
import { CONVENTION, NO_OPTIONS } from './rule';
import type { TextEdit } from '../types';
import { ENDS_PARAGRAPH, textParagraphs, wrapWidth } from '../structure/paragraphs';

/**
 * A text set to a fixed width (a PDF extraction): its paragraphs are broken into lines of the page's width, page
 * numbers and blank lines between pages. One problem per file, on the first broken paragraph, whose fix "重排断行"
 * joins every line broken inside a sentence, dropping the page breaks between (a suggestion: it rewrites the layout).
 */
export const hardWrap: Rule = {
  id: 'hard-wrap',
  defaultSeverity: 'info',
  category: 'pasted',
  description: '从PDF等复制的文字按版面宽度断行，段落被拆成多行，可一键重排',
  descriptionEn: 'Text copied from a PDF keeps the page’s line breaks: its paragraphs are split into lines; rebuild them',
  fix: { zh: '重排断行，仅快速修复', en: 'rebuild the paragraphs, one line each: quick fix only' },
  basis: { zh: '写作惯例', en: 'drafting convention' },
  options: NO_OPTIONS,
  scope: 'structure',
  check({ model }) {
    if (model.format === 'markdown' || !wrapWidth(model)) return [];
    const { lines } = model;
    const edits: TextEdit[] = [];
    let paragraphs = 0;
    for (const [first, last] of textParagraphs(model)) {
      if (last === first) continue;
      paragraphs++;
      // Each break inside the paragraph goes, with any blank or furniture lines of a page break between.
      for (let l = first; l < last;) {
        let next = l + 1;
        while (next < last && (lines.lineText(next).trim() === '' || !model.isProseLine(next))) next++;
        // Only breaks inside a sentence are certain; one after a sentence end may be a paragraph's end (an extraction
        // drops the indent that tells), so the rebuilt text keeps it rather than glue two paragraphs.
        if (!ENDS_PARAGRAPH.test(lines.lineText(l))) {
          edits.push({ start: lines.ends[l], end: lines.starts[next] + (lines.lineText(next).length - lines.lineText(next).trimStart().length), text: '' });
        }
        l = next;
      }
    }
    if (!edits.length) return [];
    const firstBreak = edits[0];
    const problem: RuleProblem = {
      start: Math.max(lines.starts[lines.lineAt(firstBreak.start)], firstBreak.start - 1),
      end: firstBreak.start,
      message: `本文按版面宽度断行（从PDF复制所致），${paragraphs}个段落被拆成多行，可重排为每段一行（${CONVENTION.zh}）`,
      messageEn: `The text keeps a page's line breaks (copied from a PDF): ${paragraphs} ${paragraphs === 1 ? 'paragraph is' : 'paragraphs are'} split into lines; rebuild each on one line (${CONVENTION.en})`,
      fix: { safe: false, edits, title: `重排断行（${paragraphs}段）`, titleEn: `Rebuild the paragraphs (${paragraphs})` },
    };
    return [problem];
  },
};
