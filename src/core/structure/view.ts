import type { DocumentModel, Heading, ReportDocument } from './model';
import type { MarkdownInfo } from '../markdown';
import { LineIndex } from '../text/lines';

/**
 * A few whole lines of a model as a model of their own, for the rules whose problems on a line depend on that line or
 * its paragraph alone (`RuleScope` `line` and `paragraph`): a lint session runs them on the lines an edit changed.
 * The view's text runs from the line break before its first line to the one after its last, so each line has the same
 * neighbours as in the whole text; the empty lines those breaks add at its edges are no prose. Headings, furniture
 * and the markdown analysis are the model's, moved; documents are cut to the view; it has no section trees and no
 * enumerations.
 */
export interface ModelView {
  model: DocumentModel;
  /** The offset in the whole text of the view's offset 0. */
  offset: number;
  /** The line of the whole text that is the view's line 0. */
  lineOffset: number;
}

/** The view of lines `first` to `last` (inclusive) of `model`. */
export function viewOf(model: DocumentModel, first: number, last: number): ModelView {
  const { lines } = model;
  const offset = first > 0 ? lines.ends[first - 1] : 0;
  const end = last + 1 < lines.lineCount ? lines.starts[last + 1] : model.text.length;
  const lineOffset = first > 0 ? first - 1 : 0;
  const text = model.text.slice(offset, end);
  const inView = (line: number) => line >= first && line <= last;
  const headings = model.headings.filter((h) => inView(h.line)).map((h) => movedHeading(h, offset, lineOffset));
  const view: DocumentModel = {
    text,
    format: model.format,
    lines: new LineIndex(text),
    markdown: model.markdown && markdownView(model.markdown, first, last, offset, end, lineOffset),
    headings,
    furniture: model.furniture.filter((f) => inView(f.line)).map((f) => ({ ...f, line: f.line - lineOffset })),
    documents: model.documents
      .filter((d) => d.endLine >= first && d.startLine <= last)
      .map((d) => documentView(d, headings, first, last, offset, end, lineOffset, lines.starts, lines.ends)),
    enumerations: [],
    isProseLine: (line) => inView(line + lineOffset) && model.isProseLine(line + lineOffset),
    isExcluded: (start, stop) => model.isExcluded(start + offset, stop + offset),
  };
  return { model: Object.freeze(view), offset, lineOffset };
}

function movedHeading(h: Heading, offset: number, lineOffset: number): Heading {
  return {
    ...h,
    line: h.line - lineOffset,
    markerStart: h.markerStart - offset,
    markerEnd: h.markerEnd - offset,
    titleStart: h.titleStart - offset,
    titleEnd: h.titleEnd - offset,
    lineEnd: h.lineEnd - offset,
  };
}

function documentView(
  d: ReportDocument,
  headings: Heading[],
  first: number,
  last: number,
  offset: number,
  end: number,
  lineOffset: number,
  starts: readonly number[],
  ends: readonly number[],
): ReportDocument {
  const startLine = Math.max(d.startLine, first);
  const endLine = Math.min(d.endLine, last);
  return {
    ...d,
    titleLine: d.titleLine < 0 ? -1 : d.titleLine - lineOffset,
    startLine: startLine - lineOffset,
    endLine: endLine - lineOffset,
    start: Math.max(d.start, starts[startLine]) - offset,
    end: Math.min(d.end, ends[endLine], end) - offset,
    headings: headings.filter((h) => h.line >= startLine - lineOffset && h.line <= endLine - lineOffset),
    sections: [],
    nodes: [],
  };
}

function markdownView(info: MarkdownInfo, first: number, last: number, offset: number, end: number, lineOffset: number): MarkdownInfo {
  const nonProseLines = new Set<number>();
  for (let line = first; line <= last; line++) if (info.nonProseLines.has(line)) nonProseLines.add(line - lineOffset);
  return {
    excluded: info.excluded
      .filter(([s, e]) => e > offset && s < end)
      .map(([s, e]): [number, number] => [Math.max(s, offset) - offset, Math.min(e, end) - offset]),
    nonProseLines,
    headings: info.headings
      .filter((h) => h.line >= first && h.line <= last)
      .map((h) => ({ ...h, line: h.line - lineOffset, contentStart: h.contentStart - offset, contentEnd: h.contentEnd - offset })),
    comments: info.comments
      .filter((c) => c.line >= first && c.endLine <= last)
      .map((c) => ({ ...c, line: c.line - lineOffset, endLine: c.endLine - lineOffset })),
  };
}
