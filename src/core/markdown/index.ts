/**
 * Markdown structure for the linter: which source ranges are not prose (code, HTML, URLs, markup), where the
 * headings and the HTML comments are. One markdown-it parse per call; inline constructs are located by stamping
 * positions while markdown-it parses (wrapped inline rules), never by re-scanning the source with regexes.
 *
 * Offsets are UTF-16 offsets into exactly the string given; lines are 0-based and end at `\r\n`, `\r` or `\n`
 * (the line breaks markdown-it knows).
 *
 * - `source.ts`: the line table, the collected results, front matter;
 * - `parser.ts`: the markdown-it parser, loaded on first use; `plugin.ts`: its wrapped rules (position stamping);
 * - `walk.ts`: the walk over the block tokens; `mapping.ts`: inline content offsets -> source offsets;
 * - `ranges.ts`: sorting, merging and searching the ranges.
 */
import { markdownParser } from './parser';
import { setRun, type Run } from './plugin';
import { mergeRanges, overlapsRange } from './ranges';
import { frontMatterEnd, parserInput, Source } from './source';
import type { MarkdownInfo } from './types';
import { Walker } from './walk';

export type { MarkdownComment, MarkdownHeading, MarkdownInfo } from './types';

function emptyInfo(): MarkdownInfo {
  return { excluded: [], nonProseLines: new Set(), headings: [], comments: [] };
}

/** Analyse markdown `text` (BOM already removed). Never throws: on an internal failure it returns an empty analysis. */
export function analyzeMarkdown(text: string): MarkdownInfo {
  if (typeof text !== 'string' || text.length === 0) return emptyInfo();
  try {
    return analyze(text);
  } catch {
    return emptyInfo();
  } finally {
    setRun(null);
  }
}

function analyze(text: string): MarkdownInfo {
  const src = new Source(text);
  const frontEnd = frontMatterEnd(src);
  if (frontEnd > 0) src.wholeLines(0, frontEnd);
  const source = parserInput(src, frontEnd);

  const md = markdownParser();
  const r: Run = {
    active: false,
    ranges: [],
    commentRanges: [],
    commentTexts: [],
    pendingBase: 0,
    refLines: [],
    walk: null,
  };
  const walker = new Walker(src, md, r);
  r.walk = (state) => walker.walk(state);

  setRun(r);
  try {
    md.parse(source, {});
  } finally {
    setRun(null);
  }

  return { excluded: mergeRanges(src.ranges), nonProseLines: src.nonProseLines, headings: src.headings, comments: src.comments };
}

/**
 * True when [start, end) overlaps an excluded range (an empty range: when `start` lies inside one).
 * Binary search over `info.excluded`.
 */
export function isExcluded(info: MarkdownInfo, start: number, end: number): boolean {
  return overlapsRange(info.excluded, start, end);
}
