import type { DocumentModel, Heading, SourceFormat } from './model';
import { LineIndex } from '../text/lines';
import { analyzeMarkdown, isExcluded as overlapsExcluded, type MarkdownInfo } from '../markdown';
import { rangeTester } from '../markdown/ranges';
import { canStartMarker, indentAt, parseNumberedHeading, unnumberedHeading } from './headings';
import { markTableOfContents, splitDocuments } from './documents';
import { findEnumerations } from './enumerations';
import { attachmentItemLines } from './attachments';
import { findFurniture, type FurnitureLine } from './furniture';
import { chapterHeading, glossaryLines, unnumberedPartHeadings } from './part-headings';
import { withInlineHeadings } from './inline-headings';
import { textParagraphs } from './paragraphs';

/** Guesses the format from a file name: `.md`/`.markdown` are markdown, everything else plain text. */
export function formatOf(fileName: string | undefined): SourceFormat {
  return fileName && /\.(md|markdown)$/i.test(fileName) ? 'markdown' : 'text';
}

/** Parses a report once into the model every rule reads. `text` must not start with a BOM. */
export function parse(text: string, format: SourceFormat = 'text'): DocumentModel {
  const lines = new LineIndex(text);
  const markdown = format === 'markdown' ? analyzeMarkdown(text) : undefined;
  const furniture = findFurniture(lines);
  const furnitureLines = new Set(furniture.map((f) => f.line));
  const isProseLine = proseLineTester(markdown, furnitureLines);
  const isExcluded = excludedTester(markdown, furniture, lines);
  const headings = markdown ? markdownHeadings(lines, markdown, furnitureLines) : textHeadings(lines, furnitureLines);
  markTableOfContents(headings, lines);
  const model: DocumentModel = {
    text,
    format,
    lines,
    markdown,
    headings,
    furniture,
    documents: splitDocuments(headings, lines, furnitureLines),
    enumerations: [],
    isProseLine,
    isExcluded,
  };
  for (const run of findEnumerations(lines, isProseLine, isExcluded, markdown ? undefined : paragraphEnds(model))) model.enumerations.push(run);
  // The Report is read by every rule, view and export at once: none may change it.
  return Object.freeze(model);
}

/** Where the paragraph that starts at a line ends, for the hard-wrapped paragraphs of plain text. */
function paragraphEnds(model: DocumentModel): (line: number) => number {
  const ends = new Map<number, number>();
  for (const [first, last] of textParagraphs(model)) if (last > first) ends.set(first, last);
  return (line) => ends.get(line) ?? line;
}

function proseLineTester(markdown: MarkdownInfo | undefined, furniture: ReadonlySet<number>): (line: number) => boolean {
  if (markdown) return (line) => !markdown.nonProseLines.has(line) && !furniture.has(line);
  return furniture.size ? (line) => !furniture.has(line) : () => true;
}

/** Markdown syntax that is no prose, and furniture lines: no rule reads their characters. */
export function excludedTester(
  markdown: MarkdownInfo | undefined,
  furniture: readonly FurnitureLine[],
  lines: LineIndex,
): (start: number, end: number) => boolean {
  const inMarkdown = markdown ? rangeTester(markdown.excluded) : null;
  if (!furniture.length) return inMarkdown ?? (() => false);
  const inFurniture = rangeTester(furniture.map((f): [number, number] => [lines.starts[f.line], lines.ends[f.line]]));
  return inMarkdown ? (start, end) => inMarkdown(start, end) || inFurniture(start, end) : inFurniture;
}

/**
 * Headings of plain text: numbered lines, `第一部分`/`第一章` parts, unnumbered parts between paragraphs, and headings
 * run into paragraphs where line breaks were lost; never on a furniture line.
 */
function textHeadings(lines: LineIndex, furniture: ReadonlySet<number>): Heading[] {
  const headings: Heading[] = [];
  // `      2.××××` under `附件：1.××××` names an attachment (GB/T 9704-2012 §7.3.4), not a section.
  const attachmentItems = attachmentItemLines(lines);
  const skip = new Set([...furniture, ...attachmentItems, ...glossaryLines(lines)]);
  const { text, starts, ends } = lines;
  for (let line = 0; line < lines.lineCount; line++) {
    if (skip.has(line)) continue;
    const lineText = lines.lineText(line);
    const h = canStartMarker(text.charCodeAt(starts[line] + indentAt(text, starts[line], ends[line])))
      ? parseNumberedHeading(lineText, starts[line], line, ends[line], false)
      : chapterHeading(lineText, starts[line], line, ends[line]);
    if (h) headings.push(h);
  }
  const withParts = [...headings, ...unnumberedPartHeadings(lines, headings, skip)].sort((a, b) => a.line - b.line);
  return withInlineHeadings(lines, withParts, skip);
}

/** Numbered lines outside code and html, plus `#` headings (numbered when their content starts with a marker). */
function markdownHeadings(lines: LineIndex, md: MarkdownInfo, furniture: ReadonlySet<number>): Heading[] {
  const byLine = new Map(md.headings.map((h) => [h.line, h]));
  const headings: Heading[] = [];
  const attachmentItems = attachmentItemLines(lines);
  for (let line = 0; line < lines.lineCount; line++) {
    if (md.nonProseLines.has(line) || furniture.has(line)) continue;
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
