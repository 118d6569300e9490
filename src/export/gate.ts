/**
 * What stands between a document and its export: placeholders block it (unless the user exports anyway); numbering
 * problems only warn.
 */
import { lintModel, type DocumentModel, type LintOptions, type Problem } from '../core';
import { attachedDocuments } from '../core/structure/parts';

export interface ExportBlockers {
  /** Unfilled placeholders (rule `placeholder`): the export refuses while any remain. */
  placeholders: Problem[];
  /** Numbering problems of warning or error severity (`numbering-*` rules): the export warns. */
  numbering: Problem[];
}

const NUMBERING_RULES = ['numbering-sequence', 'numbering-start', 'numbering-style', 'numbering-mode', 'numbering-hierarchy'];

/**
 * The placeholders and numbering problems of document `docIndex` (with the documents attached to it as its
 * attachments), as the user's configuration reports them: its allow-list, `ignore` entries and severities apply, so
 * a placeholder rule turned off lets the export through.
 */
export function exportBlockers(model: DocumentModel, docIndex: number, options: LintOptions = {}): ExportBlockers {
  const doc = model.documents[docIndex];
  if (!doc) throw new RangeError(`no document ${docIndex} (the file holds ${model.documents.length})`);
  const last = attachedDocuments(model, docIndex).reduce((end, i) => Math.max(end, model.documents[i].end), doc.end);
  const inside = (p: Problem) => p.start >= doc.start && p.start <= last;
  const problems = lintModel(model, { ...options, only: ['placeholder', ...NUMBERING_RULES] }).filter(inside);
  return {
    placeholders: problems.filter((p) => p.ruleId === 'placeholder'),
    numbering: problems.filter((p) => p.ruleId !== 'placeholder' && (p.severity === 'error' || p.severity === 'warning')),
  };
}
