import type { DocumentSpan, ReportDocument, SectionNode } from './model';

/** A section as the outline and the counts report it: its heading, and where it starts and ends. */
export interface SectionSpan {
  level: number;
  depth: number;
  marker: string;
  number: number | null;
  title: string;
  /** 0-based line of the heading. */
  line: number;
  /** Where the heading starts (its marker) and where the section ends (children included), UTF-16 offsets. */
  start: number;
  end: number;
}

export function sectionSpan(node: SectionNode): SectionSpan {
  const h = node.heading;
  return { level: h.level, depth: node.depth, marker: h.marker, number: h.number, title: h.title, line: h.line, start: h.markerStart, end: node.end };
}

export function documentSpan(doc: ReportDocument): DocumentSpan {
  return {
    index: doc.index,
    kind: doc.kind,
    title: doc.title,
    startLine: doc.startLine,
    endLine: doc.endLine,
    titleLine: doc.titleLine,
    start: doc.start,
    end: doc.end,
  };
}
