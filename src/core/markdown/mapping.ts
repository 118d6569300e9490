/**
 * Mapping of one inline token's content (what markdown-it parses, container prefixes and indentation removed) to
 * source offsets: anchors placed on the source lines of paragraphs, ATX headings and table cells.
 */
import type MarkdownIt from 'markdown-it';
import { lastAtMost } from './ranges';
import type { Source } from './source';

type Token = MarkdownIt.Token;

/** The whitespace String.prototype.trim removes. */
function isTrimSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Column of paragraph content line `c` in source line `l`: a suffix of the line, maybe right-trimmed. */
function locateSuffix(src: Source, l: number, c: string): number {
  const cmp = src.cmp;
  const ls = src.starts[l];
  const le = src.ends[l];
  if (c.length <= le - ls && cmp.endsWith(c, le)) return le - ls - c.length;
  let te = le;
  while (te > ls && isTrimSpace(cmp.charCodeAt(te - 1))) te--;
  if (c.length <= te - ls && cmp.endsWith(c, te)) return te - ls - c.length;
  if (c.length > 0) {
    const idx = src.lineText(l).indexOf(c);
    if (idx >= 0) return idx;
  }
  // Tabs expanded into spaces in the indentation: align on the end of the line.
  return (c.length > 0 && isTrimSpace(c.charCodeAt(c.length - 1)) ? le : te) - ls - c.length;
}

/**
 * The mapping of the inline token being parsed: anchors (content offset -> source offset), each clamped to the
 * source line it lies on. Content line k of a block comes from source line map[0] + k.
 */
export class InlineMap {
  private readonly aC: number[] = [];
  private readonly aS: number[] = [];
  private readonly aMin: number[] = [];
  private readonly aMax: number[] = [];
  /** Anchors in use. */
  private aN = 0;

  constructor(private readonly src: Source) {}

  reset(): void {
    this.aN = 0;
  }

  add(c: number, s: number, line: number): void {
    const n = this.aN;
    this.aC[n] = c;
    this.aS[n] = s;
    this.aMin[n] = this.src.starts[line];
    this.aMax[n] = this.src.ends[line];
    this.aN = n + 1;
  }

  private at(k: number, p: number): number {
    return Math.min(Math.max(this.aS[k] + (p - this.aC[k]), this.aMin[k]), this.aMax[k]);
  }

  /** Source offset of content offset `p` as the start of a range. */
  mapStart(p: number): number {
    return this.at(lastAtMost(this.aC, this.aN, p), p);
  }

  /** Source offset of content offset `p` as the end of a range: on the line of the character before it. */
  mapEnd(p: number): number {
    if (p <= 0) return this.mapStart(0);
    return this.at(lastAtMost(this.aC, this.aN, p - 1), p);
  }

  /** A paragraph or setext heading whose content starts on source line `firstLine`: one anchor a line. */
  paragraph(tok: Token, firstLine: number): void {
    this.reset();
    const src = this.src;
    const content = tok.content;
    let cPos = 0;
    for (let l = firstLine; ; l++) {
      const nl = content.indexOf('\n', cPos);
      const c = nl < 0 ? (cPos === 0 ? content : content.slice(cPos)) : content.slice(cPos, nl);
      const line = Math.min(l, src.lineCount - 1);
      this.add(cPos, src.starts[line] + locateSuffix(src, line, c), line);
      if (nl < 0) break;
      cPos = nl + 1;
    }
  }

  /** An ATX heading of `level` on source line `line`. */
  atx(tok: Token, line: number, level: number): void {
    this.reset();
    const c = tok.content;
    const s = this.src.lineText(line);
    // Container prefixes (`>`, list markers, spaces) contain no `#`: the first run of them is the marker.
    const h = s.indexOf('#');
    let c0 = h < 0 ? 0 : h + level;
    while (c0 < s.length && (s.charCodeAt(c0) === 32 || s.charCodeAt(c0) === 9)) c0++;
    let col = c0;
    if (!s.startsWith(c, c0)) {
      const idx = s.indexOf(c, c0);
      if (idx >= 0) col = idx;
    }
    this.add(0, this.src.starts[line] + col, line);
  }
}

/** Table rows: cells are located left to right on the row's line, and the separators between them excluded. */
export class TableRows {
  private line = -1;
  private cursor = 0;
  private ok = false;

  constructor(
    private readonly src: Source,
    private readonly map: InlineMap,
  ) {}

  open(map: [number, number] | null): void {
    this.line = map && map[0] < this.src.lineCount ? map[0] : -1;
    this.cursor = 0;
    this.ok = this.line >= 0;
  }

  close(): void {
    const line = this.line;
    if (this.ok) this.pushGap(line, this.cursor, this.src.ends[line] - this.src.starts[line]);
    this.line = -1;
  }

  private pushGap(line: number, from: number, to: number): void {
    // Only whitespace, pipes and blockquote markers: cell separators.
    const base = this.src.starts[line];
    if (/^[\s|>]*$/.test(this.src.lineText(line).slice(from, to))) this.src.pushRange(base + from, base + to);
  }

  /** Anchor the inline token of the next cell of the row. */
  cell(tok: Token): void {
    this.map.reset();
    const line = this.line >= 0 ? this.line : 0;
    const c = tok.content;
    // Every `|` inside a cell was written `\|` (the table rule drops the backslash).
    const written = c.includes('|') ? c.replace(/\|/g, '\\|') : c;
    const idx = this.line >= 0 ? this.src.lineText(line).indexOf(written, this.cursor) : -1;
    const base = this.src.starts[line];
    const col = idx >= 0 ? idx : this.cursor;
    this.map.add(0, base + col, line);
    if (idx < 0) {
      this.ok = false;
      return;
    }
    if (this.ok) this.pushGap(line, this.cursor, idx);
    for (let j = c.indexOf('|'), n = 0; j >= 0; j = c.indexOf('|', j + 1), n++) {
      // Content offset j is at source column col + j + n + 1; the backslash before it is an escape.
      this.src.pushRange(base + col + j + n, base + col + j + n + 1);
      this.map.add(j, base + col + j + n + 1, line);
    }
    this.cursor = idx + written.length;
  }
}
