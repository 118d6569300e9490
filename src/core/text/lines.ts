import type { LineColumn } from '../types';

/** Removes a leading byte-order mark: it is never part of the text. */
export function stripBom(text: string): { text: string; bom: boolean } {
  return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), bom: true } : { text, bom: false };
}

/**
 * Line starts of a text, for O(log n) offset -> line/column conversion.
 * `\n`, `\r\n` and a lone `\r` each end a line; the terminator belongs to no column.
 */
export class LineIndex {
  /** Offset where each line starts. */
  readonly starts: number[];
  /** Offset where each line's content ends (before its terminator). */
  readonly ends: number[];

  constructor(readonly text: string) {
    const starts = [0];
    const ends: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */ || c === 13 /* \r */) {
        ends.push(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    ends.push(text.length);
    this.starts = starts;
    this.ends = ends;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line containing `offset` (a terminator belongs to the line it ends). */
  lineAt(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * `lineAt` for an offset at or after the start of line `hint`, found by stepping forward from there: one pass over
   * offsets in order (problems sorted by position) costs O(lines + offsets) instead of a search each.
   */
  lineAtFrom(offset: number, hint: number): number {
    const starts = this.starts;
    if (hint < 0 || hint >= starts.length || offset < starts[hint]) return this.lineAt(offset);
    let line = hint;
    for (let steps = 0; line + 1 < starts.length && starts[line + 1] <= offset; line++) {
      if (++steps > 32) return this.lineAt(offset);
    }
    return line;
  }

  /** The text of a line, without its terminator. */
  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.ends[line]);
  }

  /** 0-based line and UTF-16 column; an offset inside a terminator clamps to the line's end. */
  position(offset: number): { line: number; character: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { line, character: Math.min(clamped, this.ends[line]) - this.starts[line] };
  }

  /** 1-based line and column, as the CLI prints them. */
  lineColumn(offset: number): LineColumn {
    const p = this.position(offset);
    return { line: p.line + 1, column: p.character + 1 };
  }

  /** Offset of a 0-based line and column, clamped into the text. */
  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[line] + Math.max(0, character), this.ends[line]);
  }
}

/** What `String.prototype.trim` removes. */
const WHITESPACE = /\s/;

/** A line of nothing but whitespace (`lineText(line).trim() === ''`), checked in place, without a slice. */
export function isBlankLine(lines: LineIndex, line: number): boolean {
  const { text } = lines;
  for (let i = lines.starts[line]; i < lines.ends[line]; i++) if (!WHITESPACE.test(text[i])) return false;
  return true;
}

/** Characters of a text as a reader counts them: code points (a surrogate pair is one), counted without an array. */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i + 1 < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** The line break a text uses (its first one), `\n` when it has none: what a fix that breaks a line inserts. */
export function lineBreakOf(text: string): string {
  const i = text.search(/\r\n|\r|\n/);
  if (i < 0) return '\n';
  return text[i] === '\r' ? (text[i + 1] === '\n' ? '\r\n' : '\r') : '\n';
}
