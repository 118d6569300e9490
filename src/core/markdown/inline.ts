/**
 * Where the non-prose parts of one inline token lie in its content. markdown-it's inline tokens carry no offsets, so
 * the children are walked in order along the content: every inline rule writes its token from a known stretch of the
 * source (a text token's content verbatim, a code span from its backtick run to the matching one, a link from `[` to
 * the end of its destination, found with markdown-it's own public helpers), so each child is re-located where the
 * previous one ended. Only markdown-it's public API is used; a child that is not where its rule put it throws.
 */
import type MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;
type StateInline = MarkdownIt.StateInline;

/** What the walk of one inline token found, in the coordinates of its content. */
export interface InlineMarks {
  /** Flat [start, end) pairs: code spans, link and image markup, autolinks, inline HTML, matched delimiters, escapes. */
  ranges: number[];
  /** Flat [start, end) pairs of inline HTML comments, and their texts. */
  commentRanges: number[];
  commentTexts: string[];
}

/** Inner text of the comment s[start, end) (`<!--` ... `-->`), trimmed. */
export function commentText(s: string, start: number, end: number): string {
  if (end - start < 7 || !s.startsWith('-->', end - 3)) return '';
  return s.slice(start + 4, end - 3).trim();
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09;
const isSpaceOrNewline = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a;

/** The markdown-it rules' output did not match the content: a bug here or an unknown markdown-it, never ignored. */
export class InlineLocateError extends Error {
  constructor(what: string, at: number) {
    super(`gongwen markdown analysis: cannot locate ${what} at offset ${at} of an inline token`);
    this.name = 'InlineLocateError';
  }
}

/**
 * One frame of the walk: a string markdown-it's inline parser tokenized (an inline token's content, or an image's alt
 * text, which it parses on its own), where it starts in the content (`base`), and the end of the current parse range
 * (`max`: a link's label while its children are walked).
 */
class Frame {
  pos = 0;
  max: number;
  private state: StateInline | null = null;

  constructor(
    readonly md: MarkdownIt,
    readonly env: object,
    readonly src: string,
    readonly base: number,
    readonly out: InlineMarks,
  ) {
    this.max = src.length;
  }

  mark(start: number, end: number): void {
    if (end > start) this.out.ranges.push(this.base + start, this.base + end);
  }

  /** The inline state `md.helpers.parseLinkLabel` needs (links and images only: created on first use). */
  labelEnd(start: number, disableNested: boolean): number {
    this.state ??= new this.md.inline.State(this.src, this.md, this.env, []);
    this.state.pos = start;
    this.state.posMax = this.max;
    return this.md.helpers.parseLinkLabel(this.state, start, disableNested);
  }

  expect(ok: boolean, what: string): void {
    if (!ok) throw new InlineLocateError(what, this.base + this.pos);
  }

  skip(test: (c: number) => boolean): void {
    while (this.pos < this.max && test(this.src.charCodeAt(this.pos))) this.pos++;
  }
}

/** Walk the children of inline token `tok` (already parsed by markdown-it) and record into `out`. */
export function locateInline(md: MarkdownIt, env: object, tok: Token, out: InlineMarks): void {
  const children = tok.children;
  if (!children || !children.length) return;
  walk(new Frame(md, env, tok.content, 0, out), children, 0, children.length);
}

/** Walk tokens [from, to) of frame `f`; returns the index after the last one consumed. */
function walk(f: Frame, tokens: Token[], from: number, to: number): number {
  let i = from;
  while (i < to) i = step(f, tokens, i, to);
  return i;
}

/** Locate tokens[i] (and, for links, everything up to its `link_close`); returns the next index. */
function step(f: Frame, tokens: Token[], i: number, to: number): number {
  const t = tokens[i];
  switch (t.type) {
    case 'text':
      f.expect(f.src.startsWith(t.content, f.pos), `text "${t.content.slice(0, 20)}"`);
      f.pos += t.content.length;
      return i + 1;
    case 'softbreak':
    case 'hardbreak':
      lineBreak(f);
      return i + 1;
    case 'text_special':
      f.expect(f.src.startsWith(t.markup, f.pos), t.info || 'text_special');
      // A real escape (`\*`); `\ ` and `\x` stay literal text.
      if (t.info === 'escape' && t.content !== t.markup) f.mark(f.pos, f.pos + 1);
      f.pos += t.markup.length;
      return i + 1;
    case 'code_inline':
      codeSpan(f, t.markup);
      return i + 1;
    case 'html_inline': {
      f.expect(f.src.startsWith(t.content, f.pos), 'inline HTML');
      const start = f.pos;
      f.pos += t.content.length;
      f.mark(start, f.pos);
      if (t.content.startsWith('<!--')) {
        f.out.commentRanges.push(f.base + start, f.base + f.pos);
        f.out.commentTexts.push(commentText(t.content, 0, t.content.length));
      }
      return i + 1;
    }
    case 'em_open':
    case 'em_close':
    case 'strong_open':
    case 'strong_close':
    case 's_open':
      delimiter(f, t.markup.length);
      return i + 1;
    case 's_close':
      return strikeClose(f, tokens, i, to);
    case 'link_open':
      return t.markup === 'autolink' ? autolink(f, tokens, i, to) : link(f, tokens, i, to);
    case 'image':
      image(f, t);
      return i + 1;
    default:
      throw new InlineLocateError(`a token of type ${t.type}`, f.base + f.pos);
  }
}

/** A line break: the trailing spaces markdown-it dropped, a backslash (a hard break written `\`), the `\n` and the next line's indentation. */
function lineBreak(f: Frame): void {
  f.skip((c) => c === 0x20);
  if (f.src.charCodeAt(f.pos) === 0x5c) {
    f.mark(f.pos, f.pos + 1);
    f.pos++;
  }
  f.expect(f.src.charCodeAt(f.pos) === 0x0a, 'a line break');
  f.pos++;
  f.skip(isSpace);
}

/** A code span: from its backtick run to the next run of the same length. */
function codeSpan(f: Frame, marker: string): void {
  const { src } = f;
  f.expect(src.startsWith(marker, f.pos), 'a code span');
  const start = f.pos;
  let matchEnd = start + marker.length;
  for (let matchStart = src.indexOf('`', matchEnd); matchStart >= 0; matchStart = src.indexOf('`', matchEnd)) {
    matchEnd = matchStart + 1;
    while (matchEnd < f.max && src.charCodeAt(matchEnd) === 0x60) matchEnd++;
    if (matchEnd - matchStart === marker.length) {
      f.mark(start, matchEnd);
      f.pos = matchEnd;
      return;
    }
  }
  f.expect(false, 'the end of a code span');
}

/** A matched emphasis or strikethrough delimiter (its partner half, if any, is an empty text token beside it). */
function delimiter(f: Frame, length: number): void {
  f.mark(f.pos, f.pos + length);
  f.pos += length;
}

/**
 * Closing `~~`s. markdown-it moves the lone `~` of an odd closing run (`~~~` is `~` + `~~`) after the `s_close`
 * tokens that follow it: in the text it comes first.
 */
function strikeClose(f: Frame, tokens: Token[], i: number, to: number): number {
  let j = i;
  while (j < to && tokens[j].type === 's_close') j++;
  const lone = j < to && tokens[j].type === 'text' && tokens[j].content === '~';
  if (lone) {
    f.expect(f.src.charCodeAt(f.pos) === 0x7e, 'a lone ~');
    f.pos++;
  }
  for (let k = i; k < j; k++) delimiter(f, tokens[k].markup.length);
  return lone ? j + 1 : j;
}

/** `<url>`: up to the first `>` (the autolink rule's own scan). */
function autolink(f: Frame, tokens: Token[], i: number, to: number): number {
  const end = f.src.indexOf('>', f.pos) + 1;
  f.expect(f.src.charCodeAt(f.pos) === 0x3c && end > 0, 'an autolink');
  f.mark(f.pos, end);
  f.pos = end;
  let j = i + 1;
  while (j < to && tokens[j].type !== 'link_close') j++;
  return j + 1;
}

/** `[label](dest "title")`, `[label][ref]`, `[label][]`, `[label]`: `[` and everything after the label are markup. */
function link(f: Frame, tokens: Token[], i: number, to: number): number {
  const start = f.pos;
  f.expect(f.src.charCodeAt(start) === 0x5b, 'a link');
  const labelEnd = f.labelEnd(start, true);
  f.expect(labelEnd > start, 'the end of a link label');
  f.mark(start, start + 1);
  f.pos = start + 1;
  const max = f.max;
  f.max = labelEnd;
  let j = i + 1;
  while (j < to && tokens[j].type !== 'link_close') j = step(f, tokens, j, to);
  f.max = max;
  f.expect(j < to && f.pos === labelEnd, 'the end of a link label');
  const end = linkEnd(f, labelEnd, true);
  f.mark(labelEnd, end);
  f.pos = end;
  return j + 1;
}

/** `![alt](src "title")` and its reference forms: the alt text (parsed by markdown-it on its own) stays prose. */
function image(f: Frame, t: Token): void {
  const start = f.pos;
  f.expect(f.src.startsWith('![', start) && f.src.startsWith(t.content, start + 2), 'an image');
  const labelEnd = start + 2 + t.content.length;
  f.mark(start, start + 2);
  const children = t.children ?? [];
  if (children.length) walk(new Frame(f.md, f.env, t.content, f.base + start + 2, f.out), children, 0, children.length);
  const end = linkEnd(f, labelEnd, false);
  f.mark(labelEnd, end);
  f.pos = end;
}

/**
 * The end of a link or image whose label ends at `labelEnd` (its `]`), known to be valid: the scan of markdown-it's
 * link and image rules, with the same public helpers (`parseLinkDestination`, `parseLinkTitle`, `parseLinkLabel`).
 */
function linkEnd(f: Frame, labelEnd: number, isLink: boolean): number {
  const { md, src, max } = f;
  let pos = labelEnd + 1;
  let reference = true;
  if (pos < max && src.charCodeAt(pos) === 0x28) {
    reference = false;
    pos++;
    while (pos < max && isSpaceOrNewline(src.charCodeAt(pos))) pos++;
    const dest = md.helpers.parseLinkDestination(src, pos, max);
    // Spaces, then a title if a space came before it, then spaces: as markdown-it's link and image rules read them.
    const pastTitle = (from: number): number => {
      let at = from;
      while (at < max && isSpaceOrNewline(src.charCodeAt(at))) at++;
      const title = md.helpers.parseLinkTitle(src, at, max);
      if (at < max && at !== from && title.ok) {
        at = title.pos;
        while (at < max && isSpaceOrNewline(src.charCodeAt(at))) at++;
      }
      return at;
    };
    if (dest.ok) {
      if (md.validateLink(md.normalizeLink(dest.str))) pos = dest.pos;
      pos = pastTitle(pos);
    } else if (!isLink) {
      // The image rule skips spaces and reads a title even without a destination.
      pos = pastTitle(pos);
    }
    if (pos >= max || src.charCodeAt(pos) !== 0x29) reference = true;
    pos++;
    if (!isLink || !reference) return pos;
  }
  if (!reference) return pos;
  if (pos < max && src.charCodeAt(pos) === 0x5b) {
    const end = f.labelEnd(pos, false);
    return end >= 0 ? end + 1 : labelEnd + 1;
  }
  return labelEnd + 1;
}
