/**
 * The analysed text: its line table (lines end at `\r\n`, `\r` or `\n`, the line breaks markdown-it knows), what
 * the analysis found in it (in source offsets), front matter, and the string handed to markdown-it.
 */
import { lastAtMost } from './ranges';
import type { MarkdownComment, MarkdownHeading } from './types';

const FRONT_OPEN = /^---[ \t]*$/;
const FRONT_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

export class Source {
  readonly length: number;
  /** Start of each line of the original text. */
  readonly starts: number[] = [0];
  /** End of each line's content (before the line break). */
  readonly ends: number[] = [];
  readonly lineCount: number;
  readonly hasCR: boolean;
  /** The text compared with markdown-it's contents: it replaces NUL by U+FFFD (same length). */
  readonly cmp: string;
  /** Flat [start, end) pairs in source offsets: the non-prose found so far. */
  readonly ranges: number[] = [];
  readonly nonProseLines = new Set<number>();
  readonly headings: MarkdownHeading[] = [];
  readonly comments: MarkdownComment[] = [];

  constructor(readonly text: string) {
    const len = text.length;
    this.length = len;
    this.hasCR = text.indexOf('\r') >= 0;
    if (this.hasCR) splitLinesCR(text, this.starts, this.ends);
    else splitLinesLF(text, this.starts, this.ends);
    this.ends.push(len);
    this.lineCount = this.starts.length;
    this.cmp = text.indexOf('\0') >= 0 ? text.replace(/\0/g, '\uFFFD') : text;
  }

  lineStart(l: number): number {
    return l < this.lineCount ? this.starts[l] : this.length;
  }

  lineText(l: number): string {
    return this.cmp.slice(this.starts[l], this.ends[l]);
  }

  lineOf(offset: number): number {
    return lastAtMost(this.starts, this.lineCount, offset);
  }

  pushRange(s: number, e: number): void {
    if (s < 0) s = 0;
    if (e > this.length) e = this.length;
    if (e > s) this.ranges.push(s, e);
  }

  /** Lines [l0, l1) are wholly non-prose, line breaks included. */
  wholeLines(l0: number, l1: number): void {
    if (l0 < 0) l0 = 0;
    if (l1 > this.lineCount) l1 = this.lineCount;
    if (l1 <= l0) return;
    this.pushRange(this.starts[l0], this.lineStart(l1));
    for (let l = l0; l < l1; l++) this.nonProseLines.add(l);
  }
}

function splitLinesCR(text: string, starts: number[], ends: number[]): void {
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      ends.push(i);
      starts.push(i + 1);
    } else if (c === 13) {
      ends.push(i);
      if (i + 1 < len && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
}

function splitLinesLF(text: string, starts: number[], ends: number[]): void {
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    ends.push(i);
    starts.push(i + 1);
  }
}

/** Front matter: a leading `---` line closed by a `---` or `...` line. The line after it, or 0 when there is none. */
export function frontMatterEnd(src: Source): number {
  if (!FRONT_OPEN.test(src.lineText(0))) return 0;
  for (let l = 1; l < src.lineCount; l++) {
    if (FRONT_CLOSE.test(src.lineText(l))) return l + 1;
  }
  return 0;
}

/**
 * The string markdown-it parses: line breaks normalised to `\n` (markdown-it would do it itself; doing it here
 * keeps the line numbers the same) and the `frontEnd` lines of front matter blanked, keeping the line numbers.
 */
export function parserInput(src: Source, frontEnd: number): string {
  const source = src.hasCR ? src.text.replace(/\r\n?/g, '\n') : src.text;
  if (frontEnd === 0) return source;
  let cut = 0; // start of line `frontEnd` in `source`, or -1 when the front matter ends the text
  for (let l = 0; l < frontEnd; l++) {
    const nl = source.indexOf('\n', cut);
    if (nl < 0) {
      cut = -1;
      break;
    }
    cut = nl + 1;
  }
  return cut < 0 ? '\n'.repeat(frontEnd - 1) : '\n'.repeat(frontEnd) + source.slice(cut);
}
