import type { DocumentModel, DocumentSpan, SectionNode } from './model';
import { countsOf, proseCounts, type TextCounts } from './counts';
import { documentSpan, sectionSpan, type SectionSpan } from './spans';
import { parse } from './parse';

export { CHARS_PER_LINE, LINES_PER_PAGE, FIRST_LINE_INDENT, countHan, pagesOf, printedLines, widthOf, type TextCounts } from './counts';

export interface SectionStats extends TextCounts, SectionSpan {
  sections: SectionStats[];
}

export interface DocumentStats extends TextCounts, DocumentSpan {
  sections: SectionStats[];
}

/**
 * Counts per document and per section (a tree like the outline), through the one counting service
 * (`counts.ts`): only prose counts, so markdown markup, code, html, link targets and page furniture do not.
 */
export function stats(model: DocumentModel): DocumentStats[] {
  const index = proseCounts(model);
  const toSection = (node: SectionNode): SectionStats => {
    const span = sectionSpan(node);
    return { ...span, ...index.counts(span.start, span.end), sections: node.children.map(toSection) };
  };
  return model.documents.map((doc) => ({
    ...documentSpan(doc),
    ...index.counts(doc.start, doc.end),
    sections: doc.sections.map(toSection),
  }));
}

/**
 * Counts of text[start, end) of a plain text, read as the model reads it (furniture lines do not count). The editor
 * counts a selection on the open document's model instead (`countsOf`), so markdown is read as markdown there.
 */
export function statsOfRange(text: string, start: number, end: number): TextCounts {
  return countsOf(parse(text, 'text'), start, end);
}
