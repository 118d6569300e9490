/**
 * Markdown structure for the linter: which source ranges are not prose (code, HTML, URLs, markup), where the
 * headings and the HTML comments are. One markdown-it parse per call, through its public API; blocks are placed by
 * their tokens' line maps and inline constructs by walking each inline token's children along its content, never by
 * re-scanning the source with regexes.
 *
 * Offsets are UTF-16 offsets into exactly the string given; lines are 0-based and end at `\r\n`, `\r` or `\n`
 * (the line breaks markdown-it knows).
 *
 * - `source.ts`: the line table, the collected results, front matter;
 * - `parser.ts`: the markdown-it parser, loaded on first use;
 * - `walk.ts`: the walk over the block tokens; `inline.ts`: inline children -> content offsets;
 *   `mapping.ts`: inline content offsets -> source offsets;
 * - `ranges.ts`: sorting, merging and searching the ranges.
 */
import { markdownParser } from './parser';
import { mergeRanges, overlapsRange } from './ranges';
import { frontMatterEnd, parserInput, Source } from './source';
import type { MarkdownInfo } from './types';
import { Walker } from './walk';

export type { MarkdownComment, MarkdownHeading, MarkdownInfo } from './types';

function emptyInfo(): MarkdownInfo {
  return { excluded: [], nonProseLines: new Set(), headings: [], comments: [] };
}

/**
 * Analyse markdown `text` (BOM already removed). A failure of the parser (or of the walk over its tokens) throws:
 * an analysis that silently dropped its exclusions would report problems in code and URLs, or none at all.
 */
export function analyzeMarkdown(text: string): MarkdownInfo {
  if (typeof text !== 'string' || text.length === 0) return emptyInfo();
  return analyze(text);
}

function analyze(text: string): MarkdownInfo {
  const src = new Source(text);
  const frontEnd = frontMatterEnd(src);
  if (frontEnd > 0) src.wholeLines(0, frontEnd);
  const source = parserInput(src, frontEnd);

  const md = markdownParser();
  // Per parse: markdown-it keeps the reference definitions it found here, and the walk reads them back.
  const env = {};
  new Walker(src, md, env).walk(md.parse(source, env), frontEnd);

  return { excluded: mergeRanges(src.ranges), nonProseLines: src.nonProseLines, headings: src.headings, comments: src.comments };
}

/**
 * True when [start, end) overlaps an excluded range (an empty range: when `start` lies inside one).
 * Binary search over `info.excluded`.
 */
export function isExcluded(info: MarkdownInfo, start: number, end: number): boolean {
  return overlapsRange(info.excluded, start, end);
}
