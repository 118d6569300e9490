/**
 * The walk over markdown-it's block tokens (in place of its core 'inline' rule): block constructs become whole
 * non-prose lines, and each inline token is parsed with the stamping rules and what they collected mapped to the
 * source.
 */
import type MarkdownIt from 'markdown-it';
import { InlineMap, TableRows } from './mapping';
import { commentText, type Run } from './plugin';
import { sortPairs } from './ranges';
import type { Source } from './source';
import type { MarkdownComment } from './types';

type Token = MarkdownIt.Token;
type StateCore = MarkdownIt.StateCore;

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

/** One analysis' walk: records into `src`, parses with `md` while `r` is the run its rules report to. */
export class Walker {
  private readonly map: InlineMap;
  private readonly rows: TableRows;
  /** Next pair of `r.refLines` to record. */
  private ref = 0;
  /** The delimiter row of the current table, -1 once recorded. */
  private delimRow = -1;

  constructor(
    private readonly src: Source,
    private readonly md: MarkdownIt,
    private readonly r: Run,
  ) {
    this.map = new InlineMap(src);
    this.rows = new TableRows(src, this.map);
  }

  // Ranges are recorded in document order where cheap (reference definitions, delimiter rows), so that the
  // final sort usually finds them sorted.
  walk(state: StateCore): void {
    const tokens = state.tokens;
    this.ref = 0;
    this.delimRow = -1;
    for (let i = 0; i < tokens.length; i++) {
      const map = tokens[i].map;
      if (map) this.referencesUpTo(map[0]);
      i = this.visit(state, tokens, i);
    }
    this.referencesUpTo(Infinity);
  }

  /** Record the reference definitions starting on or before `line`. */
  private referencesUpTo(line: number): void {
    const refs = this.r.refLines;
    for (; this.ref < refs.length && refs[this.ref] <= line; this.ref += 2) {
      this.src.wholeLines(refs[this.ref], refs[this.ref + 1]);
    }
  }

  /** Record token `i`; returns the index of the last token it consumed. */
  private visit(state: StateCore, tokens: Token[], i: number): number {
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
        return this.heading(state, t, tokens[i + 1], i);
      case 'inline':
        this.inline(state, t, i > 0 ? tokens[i - 1].type : '');
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
  private heading(state: StateCore, t: Token, inl: Token | undefined, i: number): number {
    const map = t.map;
    if (!map || !inl || inl.type !== 'inline') return i;
    const src = this.src;
    this.parseInline(state, inl);
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
  private inline(state: StateCore, t: Token, prev: string): void {
    this.parseInline(state, t);
    if (prev === 'th_open' || prev === 'td_open') {
      this.rows.cell(t);
      this.flushInline();
    } else if (t.map) {
      this.map.paragraph(t, Math.min(t.map[0], this.src.lineCount - 1));
      this.flushInline();
    }
  }

  private parseInline(state: StateCore, tok: Token): void {
    const r = this.r;
    if (r.ranges.length > 0) r.ranges.length = 0;
    if (r.commentRanges.length > 0) r.commentRanges.length = r.commentTexts.length = 0;
    r.pendingBase = 0;
    r.active = true;
    try {
      this.md.inline.parse(tok.content, this.md, state.env, tok.children ?? (tok.children = []));
    } finally {
      r.active = false;
    }
  }

  /** Map what parseInline collected through the current anchors. */
  private flushInline(): void {
    const src = this.src;
    const map = this.map;
    const rg = this.r.ranges;
    sortPairs(rg); // link ends and matched delimiters are recorded late; the mapping keeps the order
    for (let i = 0; i < rg.length; i += 2) src.pushRange(map.mapStart(rg[i]), map.mapEnd(rg[i + 1]));
    const cr = this.r.commentRanges;
    for (let i = 0; i < cr.length; i += 2) {
      const s = map.mapStart(cr[i]);
      const e = Math.max(s, map.mapEnd(cr[i + 1]));
      src.comments.push({ line: src.lineOf(s), endLine: src.lineOf(Math.max(s, e - 1)), text: this.r.commentTexts[i / 2] });
    }
  }
}
