/**
 * Markdown structure for the linter: which source ranges are not prose (code, HTML, URLs, markup), where the
 * headings and the HTML comments are. One markdown-it parse per call; inline constructs are located by stamping
 * positions while markdown-it parses (wrapped inline rules), never by re-scanning the source with regexes.
 *
 * Offsets are UTF-16 offsets into exactly the string given; lines are 0-based and split at `\r\n`, `\r` or `\n`
 * (the same line breaks markdown-it uses).
 */
import MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;
type StateInline = MarkdownIt.StateInline;
type StateBlock = MarkdownIt.StateBlock;
type StateCore = MarkdownIt.StateCore;
type RuleInline = MarkdownIt.ParserInline.RuleInline;
type RuleBlock = MarkdownIt.ParserBlock.RuleBlock;

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
   * Sorted, merged, non-overlapping [start, end) source ranges that are not prose: code blocks and fences (whole
   * lines), HTML blocks, inline HTML, code spans (with backticks), link/image brackets and `(url "title")` or `[ref]`
   * parts, reference definitions, autolinks, consumed emphasis/strikethrough delimiters, thematic breaks, heading
   * markup, setext underlines, table delimiter rows and the pipes between cells, front matter and the backslash of
   * backslash escapes.
   */
  excluded: Array<[number, number]>;
  /** 0-based lines that are wholly non-prose (code, fences, HTML blocks, hr, front matter, setext underlines,
   * table delimiter rows, reference definitions). */
  nonProseLines: Set<number>;
  headings: MarkdownHeading[];
  comments: MarkdownComment[];
}

/** Per inline token: ranges and comments in the coordinates of the inline token's `content`. */
interface InlineCtx {
  /** Flat [start, end) pairs. */
  ranges: number[];
  /** Flat [start, end) pairs of HTML comments, with their texts. */
  commentRanges: number[];
  commentTexts: string[];
}

/** Delimiter tokens (emphasis / strikethrough) created by one inline state, with their positions. */
interface DelimList {
  tokens: Token[];
  /** start * 4 + length (length is 1 or 2). */
  packed: number[];
}

/** State of the analysis in progress (markdown-it parses synchronously, so one at a time). */
interface Run {
  inline: Map<Token, InlineCtx>;
  ctx: InlineCtx | null;
  /** Offset of each inline state's `src` within the current inline token's content (image alts are re-parsed). */
  bases: WeakMap<StateInline, number>;
  pendingBase: number;
  delims: WeakMap<StateInline, DelimList>;
  /** Flat [startLine, endLine) pairs of reference definitions. */
  refLines: number[];
}

let run: Run | null = null;

function baseOf(r: Run, state: StateInline): number {
  let b = r.bases.get(state);
  if (b === undefined) {
    b = r.pendingBase;
    r.bases.set(state, b);
  }
  return b;
}

function lastToken(state: StateInline, before: number): Token | null {
  return state.tokens.length > before ? state.tokens[state.tokens.length - 1] : null;
}

function recordDelim(r: Run, state: StateInline, token: Token | undefined, start: number, length: number): void {
  if (!token) return;
  let list = r.delims.get(state);
  if (!list) {
    list = { tokens: [], packed: [] };
    r.delims.set(state, list);
  }
  list.tokens.push(token);
  list.packed.push(start * 4 + length);
}

interface RuleRecord<T> {
  name: string;
  fn: T;
  alt: string[];
}

function rulesOf<T>(ruler: MarkdownIt.Ruler<T>): Array<RuleRecord<T>> {
  return (ruler as unknown as { __rules__: Array<RuleRecord<T>> }).__rules__;
}

function wrapInline(md: MarkdownIt, name: string, make: (orig: RuleInline) => RuleInline): void {
  const rule = rulesOf(md.inline.ruler).find((x) => x.name === name);
  if (rule) md.inline.ruler.at(name, make(rule.fn), { alt: rule.alt });
}

function createParser(): MarkdownIt {
  const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });

  // Parse inline tokens one by one, so that each gets its own collector.
  md.core.ruler.at('inline', (state: StateCore) => {
    const r = run;
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      if (tok.type !== 'inline') continue;
      if (r) {
        const ctx: InlineCtx = { ranges: [], commentRanges: [], commentTexts: [] };
        r.inline.set(tok, ctx);
        r.ctx = ctx;
        r.pendingBase = 0;
      }
      if (!tok.children) tok.children = [];
      state.md.inline.parse(tok.content, state.md, state.env, tok.children);
    }
    if (r) r.ctx = null;
  });

  // Reference definitions produce no token: note the lines they consume.
  const ref = rulesOf(md.block.ruler).find((x) => x.name === 'reference');
  if (ref) {
    const orig = ref.fn;
    const wrapped: RuleBlock = (state: StateBlock, startLine, endLine, silent) => {
      const ok = orig(state, startLine, endLine, silent);
      if (ok && !silent && run) run.refLines.push(startLine, Math.max(state.line, startLine + 1));
      return ok;
    };
    md.block.ruler.at('reference', wrapped, { alt: ref.alt });
  }

  wrapInline(md, 'escape', (orig) => (state, silent) => {
    const r = run;
    if (silent || !r || !r.ctx) return orig(state, silent);
    const start = state.pos;
    const n = state.tokens.length;
    const ok = orig(state, silent);
    const t = ok ? lastToken(state, n) : null;
    // A real escape (`\*`) or a backslash hard break; `\ ` and `\x` stay literal text.
    if (t && (t.type === 'hardbreak' || (t.type === 'text_special' && t.content !== t.markup))) {
      const b = baseOf(r, state) + start;
      r.ctx.ranges.push(b, b + 1);
    }
    return ok;
  });

  wrapInline(md, 'backticks', (orig) => (state, silent) => {
    const r = run;
    if (silent || !r || !r.ctx) return orig(state, silent);
    const start = state.pos;
    const n = state.tokens.length;
    const ok = orig(state, silent);
    const t = ok ? lastToken(state, n) : null;
    if (t && t.type === 'code_inline') {
      const b = baseOf(r, state);
      r.ctx.ranges.push(b + start, b + state.pos);
    }
    return ok;
  });

  wrapInline(md, 'strikethrough', (orig) => (state, silent) => {
    const r = run;
    if (silent || !r || !r.ctx) return orig(state, silent);
    const start = state.pos;
    const delims = state.delimiters;
    const d0 = delims.length;
    const ok = orig(state, silent);
    if (ok) {
      const b = baseOf(r, state) + start + ((state.pos - start) % 2);
      for (let k = d0; k < delims.length; k++) {
        recordDelim(r, state, state.tokens[delims[k].token], b + 2 * (k - d0), 2);
      }
    }
    return ok;
  });

  wrapInline(md, 'emphasis', (orig) => (state, silent) => {
    const r = run;
    if (silent || !r || !r.ctx) return orig(state, silent);
    const start = state.pos;
    const delims = state.delimiters;
    const d0 = delims.length;
    const ok = orig(state, silent);
    if (ok) {
      const b = baseOf(r, state) + start;
      for (let k = d0; k < delims.length; k++) {
        recordDelim(r, state, state.tokens[delims[k].token], b + (k - d0), 1);
      }
    }
    return ok;
  });

  wrapInline(md, 'link', (orig) => (state, silent) => {
    const r = run;
    if (silent || !r || !r.ctx) return orig(state, silent);
    const ctx = r.ctx;
    const start = state.pos;
    const n = state.tokens.length;
    const b = baseOf(r, state);
    const ok = orig(state, silent);
    const t = ok ? lastToken(state, n) : null;
    if (t && t.type === 'link_close') {
      const end = state.pos;
      // Same call as the rule made; answered from the inline state's cache.
      const labelEnd = state.md.helpers.parseLinkLabel(state, start, true);
      ctx.ranges.push(b + start, b + start + 1);
      if (labelEnd > start && labelEnd < end) ctx.ranges.push(b + labelEnd, b + end);
    }
    return ok;
  });

  wrapInline(md, 'image', (orig) => (state, silent) => {
    const r = run;
    if (silent || !r || !r.ctx) return orig(state, silent);
    const ctx = r.ctx;
    const start = state.pos;
    const n = state.tokens.length;
    const b = baseOf(r, state);
    const savedBase = r.pendingBase;
    r.pendingBase = b + start + 2; // the alt text is parsed by a new inline state
    let ok: boolean;
    try {
      ok = orig(state, silent);
    } finally {
      r.pendingBase = savedBase;
    }
    const t = ok ? lastToken(state, n) : null;
    if (t && t.type === 'image') {
      const end = state.pos;
      const labelEnd = state.md.helpers.parseLinkLabel(state, start + 1, false);
      ctx.ranges.push(b + start, b + start + 2);
      if (labelEnd > start && labelEnd < end) ctx.ranges.push(b + labelEnd, b + end);
    }
    return ok;
  });

  wrapInline(md, 'autolink', (orig) => (state, silent) => {
    const r = run;
    if (silent || !r || !r.ctx) return orig(state, silent);
    const start = state.pos;
    const n = state.tokens.length;
    const ok = orig(state, silent);
    if (ok && state.tokens.length > n) {
      const b = baseOf(r, state);
      r.ctx.ranges.push(b + start, b + state.pos);
    }
    return ok;
  });

  wrapInline(md, 'html_inline', (orig) => (state, silent) => {
    const r = run;
    if (silent || !r || !r.ctx) return orig(state, silent);
    const start = state.pos;
    const n = state.tokens.length;
    const ok = orig(state, silent);
    const t = ok ? lastToken(state, n) : null;
    if (t && t.type === 'html_inline') {
      const b = baseOf(r, state);
      r.ctx.ranges.push(b + start, b + state.pos);
      if (t.content.startsWith('<!--')) {
        r.ctx.commentRanges.push(b + start, b + state.pos);
        r.ctx.commentTexts.push(commentText(t.content, 0, t.content.length));
      }
    }
    return ok;
  });

  // After emphasis post-processing (before text fragments are joined): consumed delimiters became
  // strong/em/s open/close tokens, or empty text (the outer `*` of a `**` pair); unmatched ones are still text.
  md.inline.ruler2.before('fragments_join', 'gongwen_delimiters', (state: StateInline) => {
    const r = run;
    if (!r || !r.ctx) return false;
    const list = r.delims.get(state);
    if (!list) return false;
    r.delims.delete(state);
    const ranges = r.ctx.ranges;
    for (let i = 0; i < list.tokens.length; i++) {
      const t = list.tokens[i];
      if (t.type !== 'text' || t.content === '') {
        const p = list.packed[i];
        const s = Math.floor(p / 4);
        ranges.push(s, s + (p % 4));
      }
    }
    return false;
  });

  return md;
}

let parser: MarkdownIt | null = null;

/** Inner text of the comment starting at `start` (`<!--`) and ending at `end` (after `-->`), trimmed. */
function commentText(s: string, start: number, end: number): string {
  if (end - start < 7 || !s.startsWith('-->', end - 3)) return '';
  return s.slice(start + 4, end - 3).trim();
}

const FRONT_OPEN = /^---[ \t]*$/;
const FRONT_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

function emptyInfo(): MarkdownInfo {
  return { excluded: [], nonProseLines: new Set(), headings: [], comments: [] };
}

/** Analyse markdown `text`. Never throws; on an internal failure it returns an empty analysis. */
export function analyzeMarkdown(text: string): MarkdownInfo {
  if (typeof text !== 'string' || text.length === 0) return emptyInfo();
  try {
    return analyze(text);
  } catch {
    return emptyInfo();
  } finally {
    run = null;
  }
}

function analyze(text: string): MarkdownInfo {
  const len = text.length;

  // Line table of the original text: content start and end (before the line break) of each line.
  const starts: number[] = [0];
  const ends: number[] = [];
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
  ends.push(len);
  const lineCount = starts.length;
  const lineStart = (l: number): number => (l < lineCount ? starts[l] : len);
  // markdown-it replaces NUL by U+FFFD (same length): compare against the same text.
  const cmp = text.indexOf('\0') >= 0 ? text.replace(/\0/g, '\uFFFD') : text;
  const lineText = (l: number): string => cmp.slice(starts[l], ends[l]);

  const ranges: Array<[number, number]> = [];
  const nonProseLines = new Set<number>();
  const headings: MarkdownHeading[] = [];
  const comments: MarkdownComment[] = [];

  const pushRange = (s: number, e: number): void => {
    if (s < 0) s = 0;
    if (e > len) e = len;
    if (e > s) ranges.push([s, e]);
  };
  const wholeLines = (l0: number, l1: number): void => {
    if (l0 < 0) l0 = 0;
    if (l1 > lineCount) l1 = lineCount;
    if (l1 <= l0) return;
    pushRange(starts[l0], lineStart(l1));
    for (let l = l0; l < l1; l++) nonProseLines.add(l);
  };
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  // Front matter: a leading `---` line closed by `---` or `...`.
  let frontEnd = 0;
  if (FRONT_OPEN.test(lineText(0))) {
    for (let l = 1; l < lineCount; l++) {
      if (FRONT_CLOSE.test(lineText(l))) {
        frontEnd = l + 1;
        break;
      }
    }
  }

  let source = text.replace(/\r\n?/g, '\n');
  if (frontEnd > 0) {
    wholeLines(0, frontEnd);
    // Blank the front matter lines, keeping the line numbers.
    let cut = 0; // start of line `frontEnd` in `source`, or -1 when the front matter ends the text
    for (let l = 0; l < frontEnd; l++) {
      const nl = source.indexOf('\n', cut);
      if (nl < 0) {
        cut = -1;
        break;
      }
      cut = nl + 1;
    }
    source = cut < 0 ? '\n'.repeat(frontEnd - 1) : '\n'.repeat(frontEnd) + source.slice(cut);
  }

  if (!parser) parser = createParser();
  const r: Run = {
    inline: new Map(),
    ctx: null,
    bases: new WeakMap(),
    pendingBase: 0,
    delims: new WeakMap(),
    refLines: [],
  };
  run = r;
  const tokens = parser.parse(source, {});
  run = null;

  for (let i = 0; i < r.refLines.length; i += 2) wholeLines(r.refLines[i], r.refLines[i + 1]);

  // Mapping of one inline token's content to the source: anchors (content offset -> source offset), each clamped
  // to the source line it lies on.
  const aC: number[] = [];
  const aS: number[] = [];
  const aMin: number[] = [];
  const aMax: number[] = [];
  const anchorAt = (p: number): number => {
    let lo = 0;
    let hi = aC.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (aC[mid] <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const mapStart = (p: number): number => {
    const k = anchorAt(p);
    return Math.min(Math.max(aS[k] + (p - aC[k]), aMin[k]), aMax[k]);
  };
  const mapEnd = (p: number): number => {
    if (p <= 0) return mapStart(0);
    const k = anchorAt(p - 1);
    return Math.min(Math.max(aS[k] + (p - 1 - aC[k]) + 1, aMin[k]), aMax[k]);
  };

  /** Column of content line `c` in source line `l` for paragraph-like content (a suffix of the line). */
  const locateSuffix = (l: number, c: string): number => {
    const s = lineText(l);
    if (s.endsWith(c)) return s.length - c.length;
    const t = s.trimEnd();
    if (t.endsWith(c)) return t.length - c.length;
    const idx = c.length > 0 ? s.indexOf(c) : -1;
    if (idx >= 0) return idx;
    // Tabs expanded in the indentation: align on the end of the line.
    return (c.length > 0 && c.trimEnd().length < c.length ? s.length : t.length) - c.length;
  };

  const mapInline = (tok: Token, kind: 'para' | 'atx', firstLine: number, hashes: number): void => {
    aC.length = aS.length = aMin.length = aMax.length = 0;
    const content = tok.content;
    let cPos = 0;
    let l = firstLine;
    for (;;) {
      const nl = content.indexOf('\n', cPos);
      const c = nl < 0 ? content.slice(cPos) : content.slice(cPos, nl);
      const line = Math.min(l, lineCount - 1);
      let col: number;
      if (kind === 'atx' && l === firstLine) {
        const s = lineText(line);
        const h = s.indexOf('#'.repeat(hashes));
        let c0 = h < 0 ? 0 : h + hashes;
        while (c0 < s.length && (s.charCodeAt(c0) === 32 || s.charCodeAt(c0) === 9)) c0++;
        if (s.startsWith(c, c0)) col = c0;
        else {
          const idx = s.indexOf(c, c0);
          col = idx >= 0 ? idx : c0;
        }
      } else {
        col = locateSuffix(line, c);
      }
      aC.push(cPos);
      aS.push(starts[line] + col);
      aMin.push(starts[line]);
      aMax.push(ends[line]);
      if (nl < 0) break;
      cPos = nl + 1;
      l++;
    }
  };

  const flushInline = (tok: Token): void => {
    const ctx = r.inline.get(tok);
    if (!ctx) return;
    const rg = ctx.ranges; // not sorted: the final merge sorts (link ends and delimiters come late)
    for (let i = 0; i < rg.length; i += 2) pushRange(mapStart(rg[i]), mapEnd(rg[i + 1]));
    const cr = ctx.commentRanges;
    for (let i = 0; i < cr.length; i += 2) {
      const s = mapStart(cr[i]);
      const e = mapEnd(cr[i + 1]);
      comments.push({ line: lineOf(s), endLine: lineOf(Math.max(s, e - 1)), text: ctx.commentTexts[i / 2] });
    }
  };

  // Table rows: cells are located left to right on the row's line.
  let rowLine = -1;
  let rowCursor = 0;
  let rowOk = false;

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const map = t.map;
    switch (t.type) {
      case 'fence':
      case 'code_block':
      case 'hr':
        if (map) wholeLines(map[0], map[1]);
        break;
      case 'html_block':
        if (map) {
          wholeLines(map[0], map[1]);
          blockComments(t.content, map[0], comments);
        }
        break;
      case 'table_open':
        if (map) wholeLines(map[0] + 1, map[0] + 2);
        break;
      case 'tr_open':
        rowLine = map && map[0] < lineCount ? map[0] : -1;
        rowCursor = 0;
        rowOk = rowLine >= 0;
        break;
      case 'tr_close':
        if (rowOk) pushGap(rowLine, rowCursor, ends[rowLine] - starts[rowLine]);
        rowLine = -1;
        break;
      case 'heading_open': {
        const inl = tokens[i + 1];
        if (!map || !inl || inl.type !== 'inline') break;
        const level = Number(t.tag.slice(1)) || 1;
        const setext = t.markup === '=' || t.markup === '-';
        const line = Math.min(map[0], lineCount - 1);
        mapInline(inl, setext ? 'para' : 'atx', line, level);
        const contentStart = mapStart(0);
        const contentEnd = inl.content.length > 0 ? Math.max(contentStart, mapEnd(inl.content.length)) : contentStart;
        headings.push({ line, hashes: level, contentStart, contentEnd });
        if (!setext) pushRange(starts[line], contentStart);
        flushInline(inl);
        if (setext) wholeLines(map[1] - 1, map[1]);
        else pushRange(contentEnd, ends[line]);
        i++;
        break;
      }
      case 'inline': {
        const prev = i > 0 ? tokens[i - 1].type : '';
        if (prev === 'th_open' || prev === 'td_open') {
          mapCell(t);
        } else if (map) {
          mapInline(t, 'para', map[0], 0);
          flushInline(t);
        }
        break;
      }
      default:
        break;
    }
  }

  function pushGap(line: number, from: number, to: number): void {
    // Only whitespace, pipes and blockquote markers: the cell separators.
    const gap = lineText(line).slice(from, to);
    if (/^[\s|>]*$/.test(gap)) pushRange(starts[line] + from, starts[line] + to);
  }

  function mapCell(tok: Token): void {
    if (rowLine < 0) return;
    const s = lineText(rowLine);
    const c = tok.content;
    // Every `|` inside a cell was written `\|` (escapedSplit drops the backslash).
    const written = c.includes('|') ? c.replace(/\|/g, '\\|') : c;
    const idx = s.indexOf(written, rowCursor);
    aC.length = aS.length = aMin.length = aMax.length = 0;
    const base = starts[rowLine];
    const col = idx >= 0 ? idx : rowCursor;
    aC.push(0);
    aS.push(base + col);
    aMin.push(base);
    aMax.push(ends[rowLine]);
    if (idx >= 0) {
      if (rowOk) pushGap(rowLine, rowCursor, idx);
      for (let j = c.indexOf('|'), n = 0; j >= 0; j = c.indexOf('|', j + 1), n++) {
        // Content offset j is source column col + j + n + 1; the backslash before it is an escape.
        pushRange(base + col + j + n, base + col + j + n + 1);
        aC.push(j);
        aS.push(base + col + j + n + 1);
        aMin.push(base);
        aMax.push(ends[rowLine]);
      }
      rowCursor = idx + written.length;
    } else {
      rowOk = false;
    }
    flushInline(tok);
  }

  return {
    excluded: mergeRanges(ranges),
    nonProseLines,
    headings,
    comments,
  };
}

/** Comments inside an HTML block whose content starts on `firstLine`. */
function blockComments(content: string, firstLine: number, out: MarkdownComment[]): void {
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
      if (close < 0) return;
      e = close + 3;
    }
    countTo(s);
    const startLine = line;
    countTo(e);
    out.push({ line: startLine, endLine: line, text: commentText(content, s, e) });
    pos = e;
  }
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  // Nearly sorted already (document order); the engine's merge sort is fast on such input.
  ranges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of ranges) {
    const last = out.length > 0 ? out[out.length - 1] : null;
    if (last && s <= last[1]) {
      if (e > last[1]) last[1] = e;
    } else {
      out.push([s, e]);
    }
  }
  return out;
}

/**
 * True when [start, end) overlaps an excluded range (an empty range: when `start` lies inside one).
 * Binary search over `info.excluded`.
 */
export function isExcluded(info: MarkdownInfo, start: number, end: number): boolean {
  const r = info.excluded;
  const stop = end > start ? end : start + 1;
  // Last range whose start is before `stop`; ranges are disjoint and sorted, so it has the largest end of those.
  let lo = 0;
  let hi = r.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (r[mid][0] < stop) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && r[lo - 1][1] > start;
}
