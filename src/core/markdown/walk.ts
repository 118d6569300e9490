/**
 * The walk over the token stream markdown-it returns: block constructs become whole non-prose lines (by each block
 * token's `map`), lines no block token covers are reference definitions, and each inline token's children are
 * re-located in its content (`./inline`) and mapped to the source (`./mapping`).
 */
import type MarkdownIt from 'markdown-it';
import { commentText, locateInline, type InlineMarks } from './inline';
import { InlineMap, TableRows } from './mapping';
import { sortPairs } from './ranges';
import type { Source } from './source';
import type { MarkdownComment } from './types';

type Token = MarkdownIt.Token;

/** Block tokens whose `map` holds content lines; a non-blank line none of them covers is a reference definition. */
const LEAF_BLOCKS: ReadonlySet<string> = new Set(['paragraph_open', 'heading_open', 'fence', 'code_block', 'html_block', 'hr', 'table_open']);

/** What a line holds once container markup (`>`, list markers, indentation) is stripped: empty for a container-only line. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*[ \t]*/;

/** Comments inside an HTML block whose content starts on line `firstLine`. */
export function blockComments(content: string, firstLine: number, out: MarkdownComment[]): void {
  let pos = 0;
  let line = firstLine;
  let counted = 0;
  const countTo = (p: number): void => {
    for (let j = content.indexOf('\n', counted); j >= 0 && j < p; j = content.indexOf('\n', j + 1)) line++;
    counted = Math.max(counted, p);
  };
  for (;;) {
    const s = content.indexOf('<!--', pos);
    if (s < 0) return;
    let e: number;
    if (content.startsWith('<!-->', s)) e = s + 5;
    else if (content.startsWith('<!--->', s)) e = s + 6;
    else {
      const close = content.indexOf('-->', s + 4);
      if (close < 0) return; // unterminated: not a comment we can read
      e = close + 3;
    }
    countTo(s);
    const startLine = line;
    countTo(e);
    out.push({ line: startLine, endLine: line, text: commentText(content, s, e) });
    pos = e;
  }
}

/** One analysis' walk: records into `src` what the tokens of one `md.parse(…, env)` show. */
export class Walker {
  private readonly map: InlineMap;
  private readonly rows: TableRows;
  private readonly marks: InlineMarks = { ranges: [], commentRanges: [], commentTexts: [] };
  /** The delimiter row of the current table, -1 once recorded. */
  private delimRow = -1;

  constructor(
    private readonly src: Source,
    private readonly md: MarkdownIt,
    private readonly env: object,
  ) {
    this.map = new InlineMap(src);
    this.rows = new TableRows(src, this.map);
  }

  /** Record the tokens; `firstLine` is the first line markdown-it read as markdown (after front matter). */
  walk(tokens: Token[], firstLine: number): void {
    this.delimRow = -1;
    const covered = new Uint8Array(this.src.lineCount);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.map && LEAF_BLOCKS.has(t.type)) covered.fill(1, t.map[0], Math.min(t.map[1], covered.length));
      i = this.visit(tokens, i);
    }
    this.references(covered, firstLine);
  }

  /** Reference definitions produce no token: the lines no leaf block covers that hold more than container markup. */
  private references(covered: Uint8Array, firstLine: number): void {
    for (let l = firstLine; l < covered.length; l++) {
      if (covered[l]) continue;
      const line = this.src.lineText(l);
      if (CONTAINER_PREFIX.exec(line)![0].length < line.length) this.src.wholeLines(l, l + 1);
    }
  }

  /** Record token `i`; returns the index of the last token it consumed. */
  private visit(tokens: Token[], i: number): number {
    const t = tokens[i];
    const map = t.map;
    switch (t.type) {
      case 'fence':
      case 'code_block':
      case 'hr':
        if (map) this.src.wholeLines(map[0], map[1]);
        break;
      case 'html_block':
        if (map) {
          this.src.wholeLines(map[0], map[1]);
          blockComments(t.content, map[0], this.src.comments);
        }
        break;
      case 'table_open':
        this.delimRow = map ? map[0] + 1 : -1;
        break;
      case 'tr_open':
        this.rows.open(map);
        break;
      case 'tr_close':
        this.rows.close();
        this.delimiterRow(); // after the header row
        break;
      case 'table_close':
        this.delimiterRow();
        break;
      case 'heading_open':
        return this.heading(t, tokens[i + 1], i);
      case 'inline':
        this.inline(t, i > 0 ? tokens[i - 1].type : '');
        break;
      default:
        break;
    }
    return i;
  }

  private delimiterRow(): void {
    if (this.delimRow >= 0) this.src.wholeLines(this.delimRow, this.delimRow + 1);
    this.delimRow = -1;
  }

  /** A heading whose inline token is `inl` (token i + 1). */
  private heading(t: Token, inl: Token | undefined, i: number): number {
    const map = t.map;
    if (!map || !inl || inl.type !== 'inline') return i;
    const src = this.src;
    this.locate(inl);
    const level = Number(t.tag.slice(1)) || 1;
    const setext = t.markup === '=' || t.markup === '-';
    const line = Math.min(map[0], src.lineCount - 1);
    if (setext) this.map.paragraph(inl, line);
    else this.map.atx(inl, line, level);
    const contentStart = this.map.mapStart(0);
    const contentEnd = inl.content.length > 0 ? Math.max(contentStart, this.map.mapEnd(inl.content.length)) : contentStart;
    src.headings.push({ line, hashes: level, contentStart, contentEnd });
    if (!setext) src.pushRange(src.starts[line], contentStart);
    this.flushInline();
    if (setext) src.wholeLines(map[1] - 1, map[1]);
    else src.pushRange(contentEnd, src.ends[line]);
    return i + 1;
  }

  /** An inline token outside headings: a table cell's (after `th_open` / `td_open`) or a paragraph's. */
  private inline(t: Token, prev: string): void {
    this.locate(t);
    if (prev === 'th_open' || prev === 'td_open') {
      this.rows.cell(t);
      this.flushInline();
    } else if (t.map) {
      this.map.paragraph(t, Math.min(t.map[0], this.src.lineCount - 1));
      this.flushInline();
    }
  }

  private locate(tok: Token): void {
    const m = this.marks;
    m.ranges.length = m.commentRanges.length = m.commentTexts.length = 0;
    locateInline(this.md, this.env, tok, m);
  }

  /** Map what locate collected through the current anchors. */
  private flushInline(): void {
    const src = this.src;
    const map = this.map;
    const rg = this.marks.ranges;
    sortPairs(rg); // an image's markup is recorded around its alt text's; the mapping keeps the order
    for (let i = 0; i < rg.length; i += 2) src.pushRange(map.mapStart(rg[i]), map.mapEnd(rg[i + 1]));
    const cr = this.marks.commentRanges;
    for (let i = 0; i < cr.length; i += 2) {
      const s = map.mapStart(cr[i]);
      const e = Math.max(s, map.mapEnd(cr[i + 1]));
      src.comments.push({ line: src.lineOf(s), endLine: src.lineOf(Math.max(s, e - 1)), text: this.marks.commentTexts[i / 2] });
    }
  }
}
