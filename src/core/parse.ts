import type { DocumentModel, Heading, SourceFormat } from './model';
import { LineIndex } from './text';
import { analyzeMarkdown, isExcluded as overlapsExcluded, type MarkdownInfo } from './markdown';
import { rangeTester } from './markdown/ranges';
import { canStartMarker, indentAt, parseNumberedHeading, unnumberedHeading } from './headings';
import { markTableOfContents, splitDocuments } from './documents';
import { findEnumerations } from './enumerations';
import { attachmentItemLines } from './attachments';

/** Guesses the format from a file name: `.md`/`.markdown` are markdown, everything else plain text. */
export function formatOf(fileName: string | undefined): SourceFormat {
  return fileName && /\.(md|markdown)$/i.test(fileName) ? 'markdown' : 'text';
}

/** Parses a report once into the model every rule reads. `text` must not start with a BOM. */
export function parse(text: string, format: SourceFormat = 'text'): DocumentModel {
  const lines = new LineIndex(text);
  const markdown = format === 'markdown' ? analyzeMarkdown(text) : undefined;
  const isProseLine = markdown ? (line: number) => !markdown.nonProseLines.has(line) : () => true;
  const isExcluded = markdown ? rangeTester(markdown.excluded) : () => false;
  const headings = markdown ? markdownHeadings(lines, markdown) : textHeadings(lines);
  markTableOfContents(headings, lines);
  return {
    text,
    format,
    lines,
    markdown,
    headings,
    documents: splitDocuments(headings, lines),
    enumerations: findEnumerations(lines, isProseLine, isExcluded),
    isProseLine,
    isExcluded,
  };
}

function textHeadings(lines: LineIndex): Heading[] {
  const headings: Heading[] = [];
  // `      2.××××` under `附件：1.××××` names an attachment (GB/T 9704-2012 §7.3.4), not a section.
  const attachmentItems = attachmentItemLines(lines);
  const { text, starts, ends } = lines;
  for (let line = 0; line < lines.lineCount; line++) {
    if (!canStartMarker(text.charCodeAt(starts[line] + indentAt(text, starts[line], ends[line]))) || attachmentItems.has(line)) continue;
    const h = parseNumberedHeading(lines.lineText(line), lines.starts[line], line, lines.ends[line], false);
    if (h) headings.push(h);
  }
  return headings;
}

/** Numbered lines outside code and html, plus `#` headings (numbered when their content starts with a marker). */
function markdownHeadings(lines: LineIndex, md: MarkdownInfo): Heading[] {
  const byLine = new Map(md.headings.map((h) => [h.line, h]));
  const headings: Heading[] = [];
  const attachmentItems = attachmentItemLines(lines);
  for (let line = 0; line < lines.lineCount; line++) {
    if (md.nonProseLines.has(line)) continue;
    const mh = byLine.get(line);
    const lineEnd = lines.ends[line];
    if (mh) {
      const content = lines.text.slice(mh.contentStart, mh.contentEnd);
      const hashStart = lines.starts[line] + lines.lineText(line).indexOf('#');
      headings.push(
        parseNumberedHeading(content, mh.contentStart, line, lineEnd, true, mh.hashes) ??
          unnumberedHeading(content, mh.contentStart, hashStart >= lines.starts[line] ? hashStart : lines.starts[line], line, lineEnd, mh.hashes),
      );
      continue;
    }
    if (attachmentItems.has(line)) continue;
    const h = parseNumberedHeading(lines.lineText(line), lines.starts[line], line, lineEnd, true);
    if (h && !overlapsExcluded(md, h.markerStart, h.markerEnd)) headings.push(h);
  }
  return headings;
}
