/** The analysis' public shapes, re-exported by `./index`. Offsets are UTF-16 offsets; lines are 0-based. */

export interface MarkdownHeading {
  /** 0-based line of the ATX heading, or of the first text line of a setext heading. */
  line: number;
  /** Heading level 1..6 (setext: 1 for `=`, 2 for `-`). */
  hashes: number;
  /** Offset of the heading's content (after `## ` and leading spaces). */
  contentStart: number;
  /** Offset of the end of the content (before closing `#`s and trailing spaces). */
  contentEnd: number;
}

/** An HTML comment `<!-- ... -->` (block or inline); `text` is the inner text trimmed; lines are 0-based. */
export interface MarkdownComment {
  line: number;
  endLine: number;
  text: string;
}

export interface MarkdownInfo {
  /**
   * Sorted, merged, non-overlapping [start, end) source ranges that are not prose, so a linter must ignore them:
   * fenced and indented code blocks and HTML blocks (whole lines, line breaks included), inline HTML, code spans
   * (with their backticks), links and images except their text (`[`, `![`, and `](url "title")` / `][ref]` / `]`),
   * reference definitions, autolinks, emphasis and strikethrough delimiters that markdown-it matched (unmatched
   * `**` stay prose), thematic breaks, heading markup (`## `, closing ` ##`, setext underlines), table delimiter
   * rows and the pipes between cells, front matter, and the backslash of backslash escapes.
   */
  excluded: Array<[number, number]>;
  /** 0-based lines that are wholly non-prose: code blocks and fences (fence lines included), HTML blocks,
   * thematic breaks, front matter, setext underlines, table delimiter rows, reference definitions. */
  nonProseLines: Set<number>;
  headings: MarkdownHeading[];
  comments: MarkdownComment[];
}
