/**
 * Position stamping: markdown-it rule wrappers that, during an analysis (a run), record where what they matched
 * lies. Inline rules record [start, end) pairs in the coordinates of the inline token's content, the reference
 * rule the lines of reference definitions; the core 'inline' rule hands the token stream to the analysis' walk.
 * `./parser` installs them.
 */
import type MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;
type StateInline = MarkdownIt.StateInline;
type StateBlock = MarkdownIt.StateBlock;
type StateCore = MarkdownIt.StateCore;
type RuleInline = MarkdownIt.ParserInline.RuleInline;
type RuleBlock = MarkdownIt.ParserBlock.RuleBlock;

/** An inline state with the stamps this module attaches to it. */
interface StampedState extends StateInline {
  /** Offset of this state's `src` in the inline token's content (image alts are parsed by a nested state). */
  gongwenBase?: number;
  /** Emphasis / strikethrough delimiter tokens pushed by this state, and start * 4 + length of each. */
  gongwenDelimTokens?: Token[];
  gongwenDelimPacked?: number[];
}

/** Collector of the inline token being parsed (markdown-it parses synchronously: one analysis at a time). */
export interface Run {
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

/** Start (a run) or end (null) the analysis the wrapped rules report to. */
export function setRun(r: Run | null): void {
  run = r;
}

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
export function commentText(s: string, start: number, end: number): string {
  if (end - start < 7 || !s.startsWith('-->', end - 3)) return '';
  return s.slice(start + 4, end - 3).trim();
}

// The wrapped inline rules. Each must pass silent calls (and calls outside an analysis) straight through.

const stampEscape = (orig: RuleInline): RuleInline => (state, silent) => {
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
};

const stampBackticks = (orig: RuleInline): RuleInline => (state, silent) => {
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
};

// Delimiter runs push one text token per delimiter; which of them became tags is known after post-processing.
const stampStrikethrough = (orig: RuleInline): RuleInline => (state, silent) => {
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
};

const stampEmphasis = (orig: RuleInline): RuleInline => (state, silent) => {
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
};

const stampLink = (orig: RuleInline): RuleInline => (state, silent) => {
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
};

const stampImage = (orig: RuleInline): RuleInline => (state, silent) => {
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
};

const stampAutolink = (orig: RuleInline): RuleInline => (state, silent) => {
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
};

const stampHtmlInline = (orig: RuleInline): RuleInline => (state, silent) => {
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
};

// After emphasis post-processing: matched delimiters became strong/em/s open/close tokens, or empty text (the
// outer `*` of a `**` pair); unmatched ones are still text with their marker.
export function collectDelimiters(s: StateInline): boolean {
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
}

/** The wrapped block rule 'reference': records the lines of each definition. */
export const stampReference = (orig: RuleBlock): RuleBlock => (state: StateBlock, startLine, endLine, silent) => {
  const ok = orig(state, startLine, endLine, silent);
  if (ok && !silent && run) run.refLines.push(startLine, Math.max(state.line, startLine + 1));
  return ok;
};

/** The core 'inline' rule: the analysis' walk during a run, else markdown-it's own. */
export function coreInline(state: StateCore): void {
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
}

/** The wrapped inline rules, by markdown-it rule name. */
export const INLINE_STAMPS: ReadonlyArray<[string, (orig: RuleInline) => RuleInline]> = [
  ['escape', stampEscape],
  ['backticks', stampBackticks],
  ['strikethrough', stampStrikethrough],
  ['emphasis', stampEmphasis],
  ['link', stampLink],
  ['image', stampImage],
  ['autolink', stampAutolink],
  ['html_inline', stampHtmlInline],
];
