import type { Rule, RuleProblem } from './rule';
import { CONVENTION, NO_OPTIONS } from './rule';
import type { DocumentModel } from '../structure/model';
import type { TextEdit } from '../types';

/**
 * Page furniture left in a report copied from a web page or a PDF (tool bars, `来源：` metadata, share widgets,
 * page numbers, running heads): one problem per document, on its first furniture line, whose fix deletes every
 * furniture line of the document. Deleting lines is a suggestion, never applied unreviewed.
 */
export const pageFurniture: Rule = {
  id: 'page-furniture',
  defaultSeverity: 'info',
  category: 'pasted',
  description: '网页或PDF残留（工具栏、来源时间、分享按钮、页码、页眉）混在报告中，可一键清理',
  descriptionEn: 'Web-page or PDF furniture (tool bars, source and time lines, share buttons, page numbers, running heads) left in the report',
  fix: { zh: '清理网页残留（删除这些行），仅快速修复', en: 'delete the furniture lines: quick fix only' },
  basis: { zh: '写作惯例', en: 'drafting convention' },
  options: NO_OPTIONS,
  scope: 'structure',
  check({ model }) {
    const problems: RuleProblem[] = [];
    for (const doc of model.documents) {
      const own = model.furniture.filter((f) => f.line >= doc.startLine && f.line <= doc.endLine);
      if (!own.length) continue;
      const first = own[0].line;
      const n = own.length;
      const web = own.filter((f) => f.kind === 'web').length * 2 >= own.length;
      const [zh, en] = web ? ['网页残留', 'web-page furniture'] : ['PDF页码和页眉', 'PDF page numbers and running heads'];
      problems.push({
        start: model.lines.starts[first],
        end: model.lines.ends[first],
        message: `本文有${n}行${zh}（如“${model.lines.lineText(first).trim().slice(0, 20)}”），不属于报告正文，交稿前应删除（${CONVENTION.zh}）`,
        messageEn: `${n} ${n === 1 ? 'line' : 'lines'} of ${en} (such as "${model.lines.lineText(first).trim().slice(0, 20)}") ${n === 1 ? 'is' : 'are'} not part of the report: delete ${n === 1 ? 'it' : 'them'} before handing it in (${CONVENTION.en})`,
        fix: {
          safe: false,
          edits: removals(
            model,
            own.map((f) => f.line),
          ),
          title: `清理网页残留（${n}行）`,
          titleEn: `Clean up the furniture (${n} ${n === 1 ? 'line' : 'lines'})`,
        },
      });
    }
    return problems;
  },
};

/**
 * Deletes runs of consecutive lines (ascending) with their line breaks, one edit per run: a run that ends the text
 * takes the line break before it instead of after, so no two edits share a character.
 */
function removals(model: DocumentModel, lines: readonly number[]): TextEdit[] {
  const { starts, ends, lineCount } = model.lines;
  const edits: TextEdit[] = [];
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++;
    const [first, last] = [lines[i], lines[j]];
    if (last + 1 < lineCount) edits.push({ start: starts[first], end: starts[last + 1], text: '' });
    else edits.push({ start: first > 0 ? ends[first - 1] : starts[first], end: ends[last], text: '' });
    i = j + 1;
  }
  return edits;
}
