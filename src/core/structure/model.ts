import type { LineIndex } from '../text/lines';
import type { MarkdownInfo } from '../markdown';
import type { FurnitureLine } from './furniture';

export type SourceFormat = 'text' | 'markdown';

/** The parts of a section marker as written: `（` `一` `）` `、`. */
export interface MarkerParts {
  open: string;
  numeral: string;
  close: string;
  suffix: string;
}

/** A section heading: a numbered marker (`一、` … `①`) or a markdown `#` heading. */
export interface Heading {
  /** 0-based line. */
  line: number;
  /** GB/T 9704 level by marker: 1 `一、`, 2 `（一）`, 3 `1.`, 4 `（1）`, 5 `①`; 0 for an unnumbered `#` heading or part (`第一部分`). */
  level: number;
  /** Count of `#` for a markdown heading; the rank of an unnumbered part of plain text (1 部分/篇, 2 章, 3 节); else 0. */
  hashes: number;
  /** The number the marker carries, null for a `#` heading. */
  number: number | null;
  /** The marker as written (`(一)`, `1、`, `##`). */
  marker: string;
  parts: MarkerParts;
  markerStart: number;
  markerEnd: number;
  title: string;
  titleStart: number;
  titleEnd: number;
  /** Body text follows the title on the same line. */
  runIn: boolean;
  /** Offset of the end of the heading's line (before its terminator). */
  lineEnd: number;
  /** Part of a table of contents (a run of bare heading lines). */
  inToc: boolean;
  /** Run into a paragraph (its line break was lost in copying): the marker does not start its line. */
  inline: boolean;
  /** A lead line (`生态底色更加亮丽。`): it heads the paragraph below it and holds no section; any heading closes it. */
  lead?: true;
  /** A bare `附件2` line: an attachment begins. An attachment that restarts at 一、 is still a document of its own. */
  attachment?: true;
}

/** A heading placed in its document's tree. */
export interface SectionNode {
  heading: Heading;
  /** Nesting depth in the tree, 1 = top. */
  depth: number;
  parent: SectionNode | null;
  children: SectionNode[];
  /** Offset where the section ends: before the next heading of the same or a higher rank, or the document's end. */
  end: number;
}

export type DocumentKind = 'document' | 'toc';

/** Where a document of a file lies, as the outline and the counts report it. */
export interface DocumentSpan {
  index: number;
  kind: DocumentKind;
  title: string;
  /** 0-based first, last and title lines (titleLine -1 when the document has none). */
  startLine: number;
  endLine: number;
  titleLine: number;
  /** UTF-16 offsets of its start and end. */
  start: number;
  end: number;
}

/** One report inside a file. */
export interface ReportDocument {
  index: number;
  kind: DocumentKind;
  title: string;
  /** 0-based line of the title, -1 when the document has none. */
  titleLine: number;
  startLine: number;
  /** Last line of the document, inclusive. */
  endLine: number;
  start: number;
  end: number;
  /** Numbered and `#` headings of the document, the title heading excluded. */
  headings: Heading[];
  /** Top-level sections. */
  sections: SectionNode[];
  /** Every section node, in document order. */
  nodes: SectionNode[];
}

export type EnumerationStyle = 'shi' | 'di' | 'shouxian';

/** One ordinal of an inline enumeration (`二是`, `第三`). */
export interface EnumerationItem {
  style: EnumerationStyle;
  number: number;
  text: string;
  start: number;
  end: number;
  line: number;
}

/** A run of ordinals: those of one paragraph, continued into following paragraphs that begin with the next ordinal. */
export interface EnumerationRun {
  style: EnumerationStyle;
  items: EnumerationItem[];
}

/** The parsed file: what every rule reads. Parse once, then every rule reads this. */
export interface DocumentModel {
  readonly text: string;
  readonly format: SourceFormat;
  readonly lines: LineIndex;
  /** Markdown analysis, for `.md` files. */
  readonly markdown?: MarkdownInfo;
  readonly headings: Heading[];
  readonly documents: ReportDocument[];
  readonly enumerations: EnumerationRun[];
  /** Lines a web page or a PDF put around the report (breadcrumbs, metadata, tool bars, page numbers, running heads). */
  readonly furniture: FurnitureLine[];
  /** 0-based lines that are not prose (markdown code, html, rules; page furniture). */
  readonly isProseLine: (line: number) => boolean;
  /** True when text[start, end) overlaps markdown syntax that is not prose, or a furniture line. */
  readonly isExcluded: (start: number, end: number) => boolean;
}

/** Whether a rule may read text[start, end) as prose: its line is a prose line and it overlaps no markup or furniture. */
export const isProseRange = (model: DocumentModel, start: number, end: number): boolean =>
  model.isProseLine(model.lines.lineAt(start)) && !model.isExcluded(start, end);
