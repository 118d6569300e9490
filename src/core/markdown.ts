/**
 * Markdown structure for the linter: which source ranges are not prose (code, HTML, URLs, markup), where the
 * headings and the HTML comments are. One markdown-it parse per call; inline constructs are located by stamping
 * positions while markdown-it parses (wrapped inline rules), never by re-scanning the source with regexes.
 *
 * Offsets are UTF-16 offsets into exactly the string given; lines are 0-based and end at `\r\n`, `\r` or `\n`
 * (the line breaks markdown-it knows).
 */
import type MarkdownIt from 'markdown-it';

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

/** An inline state with the stamps this module attaches to it. */
interface StampedState extends StateInline {
  /** Offset of this state's `src` in the inline token's content (image alts are parsed by a nested state). */
  gongwenBase?: number;
  /** Emphasis / strikethrough delimiter tokens pushed by this state, and start * 4 + length of each. */
  gongwenDelimTokens?: Token[];
  gongwenDelimPacked?: number[];
}

/** Collector of the inline token being parsed (markdown-it parses synchronously: one analysis at a time). */
interface Run {
  /** True while an inline token of the analysed document is being parsed. */
  active: boolean;
  /** Flat [start, end) pairs in the coordinates of the inline token's content. */
  ranges: number[];
  /** Flat [start, end) pairs of inline HTML comments, and their texts. */
  commentRanges: number[];
  commentTexts: string[];
  /** Base given to the next new inline state. */
  pendingBase: number;
  /** Flat [startLine, endLine) pairs of reference definitions (they produce no token). */
  refLines: number[];
  /** Replaces the core 'inline' rule: parses the inline tokens and maps what they collected. */
  walk: ((state: StateCore) => void) | null;
}

let run: Run | null = null;

function baseOf(r: Run, state: StampedState): number {
  let b = state.gongwenBase;
  if (b === undefined) {
    b = r.pendingBase;
    state.gongwenBase = b;
  }
  return b;
}

function lastToken(state: StateInline, before: number): Token | null {
  return state.tokens.length > before ? state.tokens[state.tokens.length - 1] : null;
}

function recordDelim(state: StampedState, token: Token | undefined, start: number, length: number): void {
  if (!token) return;
  if (!state.gongwenDelimTokens || !state.gongwenDelimPacked) {
    state.gongwenDelimTokens = [];
    state.gongwenDelimPacked = [];
  }
  state.gongwenDelimTokens.push(token);
  state.gongwenDelimPacked.push(start * 4 + length);
}

/** Inner text of the comment s[start, end) (`<!--` ... `-->`), trimmed. */
function commentText(s: string, start: number, end: number): string {
  if (end - start < 7 || !s.startsWith('-->', end - 3)) return '';
  return s.slice(start + 4, end - 3).trim();
}

interface RuleRecord<T> {
  name: string;
  fn: T;
  alt: string[];
}

function rulesOf<T>(ruler: MarkdownIt.Ruler<T>): Array<RuleRecord<T>> {
  return (ruler as unknown as { __rules__: Array<RuleRecord<T>> }).__rules__;
}

/** Replace inline rule `name` by make(original); the wrapper must pass silent calls straight through. */
function wrapInline(md: MarkdownIt, name: string, make: (orig: RuleInline) => RuleInline): void {
  const rule = rulesOf(md.inline.ruler).find((x) => x.name === name);
  if (rule) md.inline.ruler.at(name, make(rule.fn), { alt: rule.alt });
}

function createParser(): MarkdownIt {
  // Loaded on first use: plain-text reports never pay for the markdown parser at start-up.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const MarkdownItClass = require('markdown-it') as typeof MarkdownIt;
  const md = new MarkdownItClass('default', { html: true, linkify: false, typographer: false });
  // The inline token children are not used after the walk: joining text tokens is wasted work.
  md.core.ruler.disable('text_join');
  md.inline.ruler2.disable('fragments_join');

  md.core.ruler.at('inline', (state: StateCore) => {
    const r = run;
    if (r && r.walk) {
      r.walk(state);
      return;
    }
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      if (tok.type === 'inline') state.md.inline.parse(tok.content, state.md, state.env, tok.children ?? []);
    }
  });

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
    if (silent || !r || !r.active) return orig(state, silent);
    const start = state.pos;
    const n = state.tokens.length;
    const ok = orig(state, silent);
    const t = ok ? lastToken(state, n) : null;
    // A real escape (`\*`) or a backslash hard break; `\ ` and `\x` stay literal text.
    if (t && (t.type === 'hardbreak' || (t.type === 'text_special' && t.content !== t.markup))) {
      const b = baseOf(r, state) + start;
      r.ranges.push(b, b + 1);
    }
    return ok;
  });

  wrapInline(md, 'backticks', (orig) => (state, silent) => {
    const r = run;
    if (silent || !r || !r.active) return orig(state, silent);
    const start = state.pos;
    const n = state.tokens.length;
    const ok = orig(state, silent);
    const t = ok ? lastToken(state, n) : null;
    // An unmatched backtick run is added to the pending text instead.
    if (t && t.type === 'code_inline') {
      const b = baseOf(r, state);
      r.ranges.push(b + start, b + state.pos);
    }
    return ok;
  });

  // Delimiter runs push one text token per delimiter; which of them became tags is known after post-processing.
  wrapInline(md, 'strikethrough', (orig) => (state, silent) => {
    const r = run;
    if (silent || !r || !r.active) return orig(state, silent);
    const start = state.pos;
    const delims = state.delimiters;
    const d0 = delims.length;
    const ok = orig(state, silent);
    if (ok) {
      // `~~~~~` is split as `~` + `~~` + `~~`: the lone marker comes first.
      const b = baseOf(r, state) + start + ((state.pos - start) % 2);
      for (let k = d0; k < delims.length; k++) recordDelim(state, state.tokens[delims[k].token], b + 2 * (k - d0), 2);
    }
    return ok;
  });

  wrapInline(md, 'emphasis', (orig) => (state, silent) => {
    const r = run;
    if (silent || !r || !r.active) return orig(state, silent);
    const start = state.pos;
    const delims = state.delimiters;
    const d0 = delims.length;
    const ok = orig(state, silent);
    if (ok) {
      const b = baseOf(r, state) + start;
      for (let k = d0; k < delims.length; k++) recordDelim(state, state.tokens[delims[k].token], b + (k - d0), 1);
    }
    return ok;
  });

  wrapInline(md, 'link', (orig) => (state, silent) => {
    const r = run;
    if (silent || !r || !r.active) return orig(state, silent);
    const start = state.pos;
    const n = state.tokens.length;
    const b = baseOf(r, state);
    const ok = orig(state, silent);
    const t = ok ? lastToken(state, n) : null;
    if (t && t.type === 'link_close') {
      const end = state.pos;
      // The same call the rule made, answered from the state's skipToken cache; it restores state.pos.
      const labelEnd = state.md.helpers.parseLinkLabel(state, start, true);
      r.ranges.push(b + start, b + start + 1);
      if (labelEnd > start && labelEnd < end) r.ranges.push(b + labelEnd, b + end);
    }
    return ok;
  });

  wrapInline(md, 'image', (orig) => (state, silent) => {
    const r = run;
    if (silent || !r || !r.active) return orig(state, silent);
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
      r.ranges.push(b + start, b + start + 2);
      if (labelEnd > start && labelEnd < end) r.ranges.push(b + labelEnd, b + end);
    }
    return ok;
  });

  wrapInline(md, 'autolink', (orig) => (state, silent) => {
    const r = run;
    if (silent || !r || !r.active) return orig(state, silent);
    const start = state.pos;
    const n = state.tokens.length;
    const ok = orig(state, silent);
    if (ok && state.tokens.length > n) {
      const b = baseOf(r, state);
      r.ranges.push(b + start, b + state.pos);
    }
    return ok;
  });

  wrapInline(md, 'html_inline', (orig) => (state, silent) => {
    const r = run;
    if (silent || !r || !r.active) return orig(state, silent);
    const start = state.pos;
    const n = state.tokens.length;
    const ok = orig(state, silent);
    const t = ok ? lastToken(state, n) : null;
    if (t && t.type === 'html_inline') {
      const b = baseOf(r, state);
      r.ranges.push(b + start, b + state.pos);
      if (t.content.startsWith('<!--')) {
        r.commentRanges.push(b + start, b + state.pos);
        r.commentTexts.push(commentText(t.content, 0, t.content.length));
      }
    }
    return ok;
  });

  // After emphasis post-processing: matched delimiters became strong/em/s open/close tokens, or empty text (the
  // outer `*` of a `**` pair); unmatched ones are still text with their marker.
  md.inline.ruler2.push('gongwen_delimiters', (s: StateInline) => {
    const state = s as StampedState;
    const r = run;
    const toks = state.gongwenDelimTokens;
    const packed = state.gongwenDelimPacked;
    if (!r || !r.active || !toks || !packed) return false;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.type !== 'text' || t.content === '') {
        const p = packed[i];
        const st = Math.floor(p / 4);
        r.ranges.push(st, st + (p % 4));
      }
    }
    state.gongwenDelimTokens = state.gongwenDelimPacked = undefined;
    return false;
  });

  return md;
}

let parser: MarkdownIt | null = null;

const FRONT_OPEN = /^---[ \t]*$/;
const FRONT_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** The whitespace String.prototype.trim removes. */
function isTrimSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

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
    run = null;
  }
}

function analyze(text: string): MarkdownInfo {
  const len = text.length;

  // Line table of the original text: start of each line and end of its content (before the line break).
  const starts: number[] = [0];
  const ends: number[] = [];
  const hasCR = text.indexOf('\r') >= 0;
  if (hasCR) {
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
  } else {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      ends.push(i);
      starts.push(i + 1);
    }
  }
  ends.push(len);
  const lineCount = starts.length;
  const lineStart = (l: number): number => (l < lineCount ? starts[l] : len);
  // markdown-it replaces NUL by U+FFFD (same length): compare its contents with the same replacement.
  const cmp = text.indexOf('\0') >= 0 ? text.replace(/\0/g, '\uFFFD') : text;
  const lineText = (l: number): string => cmp.slice(starts[l], ends[l]);
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

  const ranges: number[] = []; // flat [start, end) pairs in source offsets
  const nonProseLines = new Set<number>();
  const headings: MarkdownHeading[] = [];
  const comments: MarkdownComment[] = [];

  const pushRange = (s: number, e: number): void => {
    if (s < 0) s = 0;
    if (e > len) e = len;
    if (e > s) ranges.push(s, e);
  };
  const wholeLines = (l0: number, l1: number): void => {
    if (l0 < 0) l0 = 0;
    if (l1 > lineCount) l1 = lineCount;
    if (l1 <= l0) return;
    pushRange(starts[l0], lineStart(l1));
    for (let l = l0; l < l1; l++) nonProseLines.add(l);
  };

  // Front matter: a leading `---` line closed by a `---` or `...` line.
  let frontEnd = 0;
  if (FRONT_OPEN.test(lineText(0))) {
    for (let l = 1; l < lineCount; l++) {
      if (FRONT_CLOSE.test(lineText(l))) {
        frontEnd = l + 1;
        break;
      }
    }
  }

  // markdown-it would normalise the line breaks itself; doing it here keeps the line numbers the same.
  let source = hasCR ? text.replace(/\r\n?/g, '\n') : text;
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

  // Mapping of one inline token's content to the source: anchors (content offset -> source offset), each clamped
  // to the source line it lies on. Content line k of a block comes from source line map[0] + k.
  const aC: number[] = [];
  const aS: number[] = [];
  const aMin: number[] = [];
  const aMax: number[] = [];
  let aN = 0; // anchors in use
  const resetAnchors = (): void => {
    aN = 0;
  };
  const addAnchor = (c: number, s: number, line: number): void => {
    aC[aN] = c;
    aS[aN] = s;
    aMin[aN] = starts[line];
    aMax[aN] = ends[line];
    aN++;
  };
  const anchorAt = (p: number): number => {
    let lo = 0;
    let hi = aN - 1;
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
    return Math.min(Math.max(aS[k] + (p - aC[k]), aMin[k]), aMax[k]);
  };

  /** Column of paragraph content line `c` in source line `l`: a suffix of the line, maybe right-trimmed. */
  const locateSuffix = (l: number, c: string): number => {
    const ls = starts[l];
    const le = ends[l];
    if (c.length <= le - ls && cmp.endsWith(c, le)) return le - ls - c.length;
    let te = le;
    while (te > ls && isTrimSpace(cmp.charCodeAt(te - 1))) te--;
    if (c.length <= te - ls && cmp.endsWith(c, te)) return te - ls - c.length;
    if (c.length > 0) {
      const idx = lineText(l).indexOf(c);
      if (idx >= 0) return idx;
    }
    // Tabs expanded into spaces in the indentation: align on the end of the line.
    return (c.length > 0 && isTrimSpace(c.charCodeAt(c.length - 1)) ? le : te) - ls - c.length;
  };

  const anchorParagraph = (tok: Token, firstLine: number): void => {
    resetAnchors();
    const content = tok.content;
    let cPos = 0;
    for (let l = firstLine; ; l++) {
      const nl = content.indexOf('\n', cPos);
      const c = nl < 0 ? (cPos === 0 ? content : content.slice(cPos)) : content.slice(cPos, nl);
      const line = Math.min(l, lineCount - 1);
      addAnchor(cPos, starts[line] + locateSuffix(line, c), line);
      if (nl < 0) break;
      cPos = nl + 1;
    }
  };

  const anchorAtx = (tok: Token, line: number, level: number): void => {
    resetAnchors();
    const c = tok.content;
    const s = lineText(line);
    // Container prefixes (`>`, list markers, spaces) contain no `#`: the first run of them is the marker.
    const h = s.indexOf('#');
    let c0 = h < 0 ? 0 : h + level;
    while (c0 < s.length && (s.charCodeAt(c0) === 32 || s.charCodeAt(c0) === 9)) c0++;
    let col = c0;
    if (!s.startsWith(c, c0)) {
      const idx = s.indexOf(c, c0);
      if (idx >= 0) col = idx;
    }
    addAnchor(0, starts[line] + col, line);
  };

  // Table rows: cells are located left to right on the row's line.
  let rowLine = -1;
  let rowCursor = 0;
  let rowOk = false;
  const pushGap = (line: number, from: number, to: number): void => {
    // Only whitespace, pipes and blockquote markers: cell separators.
    if (/^[\s|>]*$/.test(lineText(line).slice(from, to))) pushRange(starts[line] + from, starts[line] + to);
  };
  const anchorCell = (tok: Token): void => {
    resetAnchors();
    const line = rowLine >= 0 ? rowLine : 0;
    const s = lineText(line);
    const c = tok.content;
    // Every `|` inside a cell was written `\|` (the table rule drops the backslash).
    const written = c.includes('|') ? c.replace(/\|/g, '\\|') : c;
    const idx = rowLine >= 0 ? s.indexOf(written, rowCursor) : -1;
    const base = starts[line];
    const col = idx >= 0 ? idx : rowCursor;
    addAnchor(0, base + col, line);
    if (idx < 0) {
      rowOk = false;
      return;
    }
    if (rowOk) pushGap(line, rowCursor, idx);
    for (let j = c.indexOf('|'), n = 0; j >= 0; j = c.indexOf('|', j + 1), n++) {
      // Content offset j is at source column col + j + n + 1; the backslash before it is an escape.
      pushRange(base + col + j + n, base + col + j + n + 1);
      addAnchor(j, base + col + j + n + 1, line);
    }
    rowCursor = idx + written.length;
  };

  if (!parser) parser = createParser();
  const md = parser;
  const r: Run = {
    active: false,
    ranges: [],
    commentRanges: [],
    commentTexts: [],
    pendingBase: 0,
    refLines: [],
    walk: null,
  };

  const parseInline = (state: StateCore, tok: Token): void => {
    if (r.ranges.length > 0) r.ranges.length = 0;
    if (r.commentRanges.length > 0) r.commentRanges.length = r.commentTexts.length = 0;
    r.pendingBase = 0;
    r.active = true;
    try {
      md.inline.parse(tok.content, md, state.env, tok.children ?? (tok.children = []));
    } finally {
      r.active = false;
    }
  };
  /** Map what parseInline collected through the current anchors. */
  const flushInline = (): void => {
    const rg = r.ranges;
    sortPairs(rg); // link ends and matched delimiters are recorded late; the mapping keeps the order
    for (let i = 0; i < rg.length; i += 2) pushRange(mapStart(rg[i]), mapEnd(rg[i + 1]));
    const cr = r.commentRanges;
    for (let i = 0; i < cr.length; i += 2) {
      const s = mapStart(cr[i]);
      const e = Math.max(s, mapEnd(cr[i + 1]));
      comments.push({ line: lineOf(s), endLine: lineOf(Math.max(s, e - 1)), text: r.commentTexts[i / 2] });
    }
  };

  r.walk = (state: StateCore): void => {
    const tokens = state.tokens;
    const refs = r.refLines;
    let ref = 0;
    let delimRow = -1;
    // Ranges are recorded in document order where cheap (reference definitions, delimiter rows), so that the
    // final sort usually finds them sorted.
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const map = t.map;
      for (; map && ref < refs.length && refs[ref] <= map[0]; ref += 2) wholeLines(refs[ref], refs[ref + 1]);
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
          delimRow = map ? map[0] + 1 : -1;
          break;
        case 'tr_open':
          rowLine = map && map[0] < lineCount ? map[0] : -1;
          rowCursor = 0;
          rowOk = rowLine >= 0;
          break;
        case 'tr_close':
          if (rowOk) pushGap(rowLine, rowCursor, ends[rowLine] - starts[rowLine]);
          rowLine = -1;
          if (delimRow >= 0) wholeLines(delimRow, delimRow + 1); // after the header row
          delimRow = -1;
          break;
        case 'table_close':
          if (delimRow >= 0) wholeLines(delimRow, delimRow + 1);
          delimRow = -1;
          break;
        case 'heading_open': {
          const inl = tokens[i + 1];
          if (!map || !inl || inl.type !== 'inline') break;
          i++;
          parseInline(state, inl);
          const level = Number(t.tag.slice(1)) || 1;
          const setext = t.markup === '=' || t.markup === '-';
          const line = Math.min(map[0], lineCount - 1);
          if (setext) anchorParagraph(inl, line);
          else anchorAtx(inl, line, level);
          const contentStart = mapStart(0);
          const contentEnd = inl.content.length > 0 ? Math.max(contentStart, mapEnd(inl.content.length)) : contentStart;
          headings.push({ line, hashes: level, contentStart, contentEnd });
          if (!setext) pushRange(starts[line], contentStart);
          flushInline();
          if (setext) wholeLines(map[1] - 1, map[1]);
          else pushRange(contentEnd, ends[line]);
          break;
        }
        case 'inline': {
          parseInline(state, t);
          const prev = i > 0 ? tokens[i - 1].type : '';
          if (prev === 'th_open' || prev === 'td_open') {
            anchorCell(t);
            flushInline();
          } else if (map) {
            anchorParagraph(t, Math.min(map[0], lineCount - 1));
            flushInline();
          }
          break;
        }
        default:
          break;
      }
    }
    for (; ref < refs.length; ref += 2) wholeLines(refs[ref], refs[ref + 1]);
  };

  run = r;
  try {
    md.parse(source, {});
  } finally {
    run = null;
  }

  return { excluded: mergeRanges(ranges), nonProseLines, headings, comments };
}

/** Comments inside an HTML block whose content starts on line `firstLine`. */
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

const PACK = 2 ** 26;

/** Sort flat [start, end) pairs in place by start, then end. */
function sortPairs(flat: number[]): void {
  const n = flat.length >> 1;
  let sorted = true;
  let max = 0;
  for (let i = 0; i < flat.length; i += 2) {
    if (i > 0 && (flat[i] < flat[i - 2] || (flat[i] === flat[i - 2] && flat[i + 1] < flat[i - 1]))) sorted = false;
    if (flat[i + 1] > max) max = flat[i + 1];
  }
  if (sorted) return;
  if (n <= 16) {
    for (let i = 2; i < flat.length; i += 2) {
      const st = flat[i];
      const e = flat[i + 1];
      let j = i - 2;
      for (; j >= 0 && (flat[j] > st || (flat[j] === st && flat[j + 1] > e)); j -= 2) {
        flat[j + 2] = flat[j];
        flat[j + 3] = flat[j + 1];
      }
      flat[j + 2] = st;
      flat[j + 3] = e;
    }
  } else if (max < PACK) {
    // start * 2^26 + length is exact in a double: a numeric typed-array sort, no comparator, no tuples.
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = flat[2 * i] * PACK + (flat[2 * i + 1] - flat[2 * i]);
    keys.sort();
    for (let i = 0; i < n; i++) {
      const st = Math.floor(keys[i] / PACK);
      flat[2 * i] = st;
      flat[2 * i + 1] = st + (keys[i] - st * PACK);
    }
  } else {
    const tuples: Array<[number, number]> = [];
    for (let i = 0; i < n; i++) tuples.push([flat[2 * i], flat[2 * i + 1]]);
    tuples.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    for (let i = 0; i < n; i++) {
      flat[2 * i] = tuples[i][0];
      flat[2 * i + 1] = tuples[i][1];
    }
  }
}

/** Sort flat [start, end) pairs and merge overlapping or touching ones. */
function mergeRanges(flat: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (flat.length < 2) return out;
  sortPairs(flat);
  let cs = flat[0];
  let ce = flat[1];
  for (let i = 2; i < flat.length; i += 2) {
    const st = flat[i];
    const e = flat[i + 1];
    if (st <= ce) {
      if (e > ce) ce = e;
    } else {
      out.push([cs, ce]);
      cs = st;
      ce = e;
    }
  }
  out.push([cs, ce]);
  return out;
}

/**
 * True when [start, end) overlaps an excluded range (an empty range: when `start` lies inside one).
 * Binary search over `info.excluded`.
 */
export function isExcluded(info: MarkdownInfo, start: number, end: number): boolean {
  const r = info.excluded;
  const stop = end > start ? end : start + 1;
  // The last range starting before `stop`: ranges are disjoint and sorted, so it has the largest end of those.
  let lo = 0;
  let hi = r.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (r[mid][0] < stop) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && r[lo - 1][1] > start;
}
