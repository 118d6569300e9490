import type { Rule, RuleProblem } from './rule';
import { CONVENTION } from './rule';
import type { DocumentModel } from '../model';

/**
 * Page furniture left in a report copied from a web page or a PDF (tool bars, `来源：` metadata, share widgets,
 * page numbers, running heads): one problem per document, on its first furniture line, whose fix deletes every
 * furniture line of the document. Deleting lines is a suggestion, never applied unreviewed.
 */
export const pageFurniture: Rule = {
  id: 'page-furniture',
  defaultSeverity: 'info',
  description: '网页或PDF残留（工具栏、来源时间、分享按钮、页码、页眉）混在报告中，可一键清理',
  descriptionEn: 'Web-page or PDF furniture (tool bars, source and time lines, share buttons, page numbers, running heads) left in the report',
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
        fix: { safe: false, edits: own.map((f) => lineRemoval(model, f.line)), title: `清理网页残留（${n}行）`, titleEn: `Clean up the furniture (${n} ${n === 1 ? 'line' : 'lines'})` },
      });
    }
    return problems;
  },
};

/** Deletes a line with its line break (the last line: with the break before it). */
function lineRemoval(model: DocumentModel, line: number) {
  const { starts, ends, lineCount } = model.lines;
  if (line + 1 < lineCount) return { start: starts[line], end: starts[line + 1], text: '' };
  return { start: line > 0 ? ends[line - 1] : starts[line], end: ends[line], text: '' };
}
