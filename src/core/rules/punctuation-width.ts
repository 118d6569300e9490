import type { Rule, RuleContext, RuleProblem } from './rule';
import { NO_OPTIONS, regroupDocuments } from './rule';
import type { DocumentModel, ReportDocument } from '../structure/model';
import { ASCII_TOKEN_CHAR, URL_LIKE, nextMatch } from '../structure/patterns';
import { CJK_PUNCT, HAN, charAt, charBefore, isChinese, isDigit, isIdeographCode } from '../text/chars';

/** A number token inside a Chinese clause: `2022`, `100.8%`, `5‰`. */
const NUMBER_TOKEN = /^[0-9]+(?:\.[0-9]+)?[%‰]?$/;

/** A character of a number or Latin token that can sit inside a Chinese clause (`3.44万`, `100.8%`, `XX市`). */
const CLAUSE_TOKEN_CHAR = /[0-9A-Za-z.%‰:-]/;

/** What punctuation-width looks at: the half-width marks, and round brackets of either width (they pair across widths). */
const WIDTH_CANDIDATE = /[,;:?!()（）]/;

/** Half-width marks judged by their neighbours (brackets are judged by their content): , ; : ? !. */
const HALF_WIDTH_PUNCT = /[,;:?!]/;

/** GB/T 15834-2011《标点符号用法》: Chinese text takes full-width marks. */
const GBT_15834 = { zh: 'GB/T 15834-2011', en: 'GB/T 15834-2011' };

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const NAME: Record<string, [string, string]> = {
  ',': ['逗号', 'comma'],
  ';': ['分号', 'semicolon'],
  ':': ['冒号', 'colon'],
  '?': ['问号', 'question mark'],
  '!': ['叹号', 'exclamation mark'],
  '(': ['括号', 'parenthesis'],
  ')': ['括号', 'parenthesis'],
};

/** A Latin or number token may sit between the mark and the Chinese text (`,XX市`, `,2022年`), up to this length. */
const MAX_TOKEN = 24;

const isBlank = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\u3000';

/** What one side of a mark holds: Chinese next to it, a token inside a Chinese clause, or anything else. */
interface Side {
  /** The character next to the mark (spaces skipped), '' at the line's edge. */
  next: string;
  /** A Han character or full-width mark is right next to the mark (spaces skipped). */
  direct: boolean;
  /** The line ends after the mark (right side only). */
  eol: boolean;
  /** A number or Latin token that a Chinese character frames (`2022` in `,2022年`), else ''. */
  token: string;
}

/** The line being checked. */
interface Scope {
  text: string;
  lineStart: number;
  lineEnd: number;
  /** Half-width brackets of the line that become full-width: Chinese for the marks next to them. */
  converted: ReadonlySet<number>;
  /** Markdown syntax (`**`, a link's `](url)`): looked through, to the text beside it. */
  excluded(offset: number): boolean;
}

const gap = (scope: Scope, o: number): boolean => isBlank(scope.text[o]) || scope.excluded(o);

function leftSide(scope: Scope, i: number): Side {
  const { text, lineStart, converted } = scope;
  let j = i;
  while (j > lineStart && gap(scope, j - 1)) j--;
  const next = j > lineStart ? charBefore(text, j) : '';
  if (isChinese(next) || converted.has(j - 1)) return { next, direct: true, eol: false, token: '' };
  let k = j;
  while (k > lineStart && j - k < MAX_TOKEN && CLAUSE_TOKEN_CHAR.test(text[k - 1])) k--;
  const framed = k < j && k > lineStart && isChinese(charBefore(text, k));
  return { next, direct: false, eol: false, token: framed ? text.slice(k, j) : '' };
}

function rightSide(scope: Scope, i: number): Side {
  const { text, lineEnd, converted } = scope;
  let j = i + 1;
  while (j < lineEnd && gap(scope, j)) j++;
  const next = j < lineEnd ? charAt(text, j) : '';
  if (j >= lineEnd) return { next, direct: false, eol: true, token: '' };
  if (isChinese(next) || converted.has(j)) return { next, direct: true, eol: false, token: '' };
  let k = j;
  while (k < lineEnd && k - j < MAX_TOKEN && CLAUSE_TOKEN_CHAR.test(text[k])) k++;
  const framed = k > j && k < lineEnd && isChinese(charAt(text, k));
  return { next, direct: false, eol: false, token: framed ? text.slice(j, k) : '' };
}

/** True when the mark sits inside an ASCII run that reads as a URL, e-mail address or path. */
function inUrl(text: string, i: number, lineStart: number, lineEnd: number): boolean {
  let s = i;
  while (s > lineStart && ASCII_TOKEN_CHAR.test(text[s - 1])) s--;
  let e = i + 1;
  while (e < lineEnd && ASCII_TOKEN_CHAR.test(text[e])) e++;
  if (s === i || e === i + 1) return false; // the mark ends the run: it belongs to the text around
  return URL_LIKE.test(text.slice(s, e));
}

/** A BMP ideograph or full-width mark by its code unit (a surrogate is neither: the full judgement handles pairs). */
function isChineseCode(text: string, o: number): boolean {
  const c = text.charCodeAt(o);
  if (isIdeographCode(c)) return true;
  return (c < 0xd800 || c > 0xdfff) && CJK_PUNCT.test(text[o]);
}

/**
 * The common case of a web copy (`推进,落实`): an ideograph or full-width mark right on both sides, neither of them
 * markdown syntax. `inChineseClause` says yes to all of these (no gap to skip, no digits, no URL run); deciding them
 * here first keeps 13,000 commas a megabyte off its slower path.
 */
function framedByChinese(scope: Scope, i: number): boolean {
  return (
    i > scope.lineStart &&
    i + 1 < scope.lineEnd &&
    isChineseCode(scope.text, i - 1) &&
    isChineseCode(scope.text, i + 1) &&
    !scope.excluded(i - 1) &&
    !scope.excluded(i + 1)
  );
}

/** A , ; : ? ! in a Chinese clause: Chinese on both sides, never between two digits (1,500 3:2). */
function inChineseClause(scope: Scope, i: number): boolean {
  if (framedByChinese(scope, i)) return true;
  const left = leftSide(scope, i);
  const right = rightSide(scope, i);
  if (isDigit(left.next) && isDigit(right.next)) return false;
  if (inUrl(scope.text, i, scope.lineStart, scope.lineEnd)) return false;
  // A label's colon before a number, code or address (`联系电话:13800138000`, `网址:https://…`) is the sentence's too.
  if (left.direct) return right.direct || right.eol || right.token !== '' || scope.text[i] === ':';
  if (right.direct) return left.token !== '';
  // No Chinese character touches the mark: only numbers framed by Chinese (`完成率100.8%;2022年`).
  return NUMBER_TOKEN.test(left.token) && NUMBER_TOKEN.test(right.token);
}

/** The texts of a mark's problem, built once per mark: a web copy can hold thousands of half-width commas. */
const TEXTS = new Map<string, { message: string; messageEn: string; title: string; titleEn: string; full: string }>();
function textsOf(mark: string) {
  let t = TEXTS.get(mark);
  if (!t) {
    const full = FULL_WIDTH[mark];
    const [zh, en] = NAME[mark];
    t = {
      full,
      message: `中文语境中使用了半角${zh}“${mark}”，应为全角“${full}”（${GBT_15834.zh}）`,
      messageEn: `Half-width ${en} "${mark}" in Chinese text: use the full-width "${full}" (${GBT_15834.en})`,
      title: `改为全角“${full}”`,
      titleEn: `Change to full-width "${full}"`,
    };
    TEXTS.set(mark, t);
  }
  return t;
}

function problem(mark: string, start: number): RuleProblem {
  const { full, message, messageEn, title, titleEn } = textsOf(mark);
  return { start, end: start + 1, message, messageEn, fix: { safe: true, edits: [{ start, end: start + 1, text: full }], title, titleEn } };
}

/** Where a URL or a file path begins (`https://`, `www.`, `D:\`): its Chinese part is address, not text. */
const LINK_START = /[a-z][a-z0-9+.-]*:\/\/|www\.|(?<![A-Za-z])[A-Za-z]:\\/i;

/**
 * Whether a mark is inside a URL or path that has Chinese in it before the mark (`https://x.cn/搜索?q=卫生,健康`,
 * `D:\\办公室\\2023年(定稿)`), for offsets asked in increasing order (`endsAddress` says where an address ends).
 * `inUrl` judges the plain ASCII ones, and a mark right after an ASCII address (`www.gov.cn,了解`) is the sentence's.
 */
function linkSweep(text: string): (offset: number) => boolean {
  const spans: Array<{ start: number; end: number; firstWide: number }> = [];
  let end = 0;
  // Each search starts past the address before it: a `www.` inside an address is part of it.
  for (let m = nextMatch(LINK_START, text, 0); m; m = nextMatch(LINK_START, text, Math.max(end, m.index + m[0].length))) {
    let firstWide = -1;
    for (end = m.index; end < text.length && !endsAddress(text, end); end++) if (firstWide < 0 && text.charCodeAt(end) > 0x7f) firstWide = end;
    if (firstWide >= 0) spans.push({ start: m.index, end, firstWide });
  }
  let k = 0;
  return (offset) => {
    while (k < spans.length && spans[k].end <= offset) k++;
    return k < spans.length && spans[k].firstWide < offset && offset < spans[k].end;
  };
}

/** A blank, a line end or a full-width mark ends an address; so does Chinese straight after a letter (`www.gov.cn了解`). */
const endsAddress = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || CJK_PUNCT.test(text[i])) return true;
  return c > 0x7f && isAsciiLetter(text.charCodeAt(i - 1));
};
const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * Whether an offset lies in a heading's marker, for offsets asked in increasing order: one pass along the headings
 * (in line order) instead of a set of every marker character built on each lint.
 */
function markerSweep(model: DocumentModel): (offset: number) => boolean {
  const { headings } = model;
  let h = 0;
  return (offset) => {
    while (h < headings.length && headings[h].markerEnd <= offset) h++;
    return h < headings.length && headings[h].markerStart <= offset;
  };
}

/**
 * Half-width brackets of the line's candidates `[c, d)` that become full-width: round brackets pair across widths on
 * the line, and a pair around Chinese content takes the full-width form. Null when the line has none (most lines).
 */
function convertedBrackets(text: string, candidates: readonly number[], c: number, d: number): Set<number> | null {
  let converted: Set<number> | null = null;
  const open: number[] = [];
  for (let k = c; k < d; k++) {
    const i = candidates[k];
    const ch = text[i];
    if (ch === '(' || ch === '（') open.push(i);
    else if (ch === ')' || ch === '）') {
      const o = open.pop();
      if (o === undefined || !HAN.test(text.slice(o + 1, i))) continue;
      converted ??= new Set();
      if (text[o] === '(') converted.add(o);
      if (ch === ')') converted.add(i);
    }
  }
  return converted;
}

/** Half-width , ; : ? ! ( ) in Chinese text (pasted web copy): GB/T 15834 wants the full-width marks. */
export const punctuationWidth: Rule = {
  id: 'punctuation-width',
  defaultSeverity: 'warning',
  category: 'typography',
  description: '中文语境中的半角标点（, ; : ? ! ( )）应为全角（，；：？！（））',
  descriptionEn: 'Half-width punctuation (, ; : ? ! ( )) in Chinese text: use the full-width forms',
  fix: { zh: '改为全角，安全', en: 'full-width mark, safe' },
  basis: { zh: 'GB/T 15834-2011', en: 'GB/T 15834-2011' },
  options: NO_OPTIONS,
  scope: 'line',
  byDocument: { local: halfWidthMarks, regroup: groupConsistent },
  check(context) {
    return regroupDocuments(context.model, halfWidthMarks(context), groupConsistent);
  },
};

/** Every half-width mark to make full-width, one problem each, in text order: lines in order, each line's marks in order. */
function halfWidthMarks({ model }: RuleContext): RuleProblem[] {
  const { text, lines } = model;
  const inMarker = markerSweep(model);
  const inLink = linkSweep(text);
  const problems: RuleProblem[] = [];
  // Candidate marks found by one native scan, then judged line by line.
  const candidates: number[] = [];
  for (let m = nextMatch(WIDTH_CANDIDATE, text, 0); m; m = nextMatch(WIDTH_CANDIDATE, text, m.index + 1)) {
    if (!inMarker(m.index) && !inLink(m.index) && !model.isExcluded(m.index, m.index + 1)) candidates.push(m.index);
  }
  const noneConverted: ReadonlySet<number> = new Set();
  const scope: Scope = { text, lineStart: 0, lineEnd: 0, converted: noneConverted, excluded: (o) => model.isExcluded(o, o + 1) };
  let line = 0;
  for (let c = 0, d = 0; c < candidates.length; c = d) {
    line = lines.lineAtFrom(candidates[c], line);
    const le = lines.ends[line];
    for (d = c; d < candidates.length && candidates[d] < le; d++);
    if (!model.isProseLine(line)) continue;
    scope.lineStart = lines.starts[line];
    scope.lineEnd = le;
    scope.converted = convertedBrackets(text, candidates, c, d) ?? noneConverted;
    // In the line's order: those brackets, and , ; : ? ! with Chinese on both sides (a bracket about to become
    // full-width counts as Chinese).
    for (let k = c; k < d; k++) {
      const i = candidates[k];
      const ch = text[i];
      if (scope.converted.has(i) || (HALF_WIDTH_PUNCT.test(ch) && inChineseClause(scope, i))) problems.push(problem(ch, i));
    }
  }
  return problems;
}

/** Below this many half-width marks a document is too short to call consistently half-width. */
const CONSISTENT_MIN_MARKS = 8;
const FULL_WIDTH_MARKS = new Set([...'，；：？！（）'].map((c) => c.charCodeAt(0)));

/**
 * A document written consistently in half-width marks (a web copy: at least three times as many half-width marks in Chinese
 * text as full-width ones) gets one problem per paragraph, whose fix converts all of its marks; a stray half-width
 * mark in a full-width document stays one problem per mark.
 */
function groupConsistent(model: DocumentModel, doc: ReportDocument, own: RuleProblem[]): RuleProblem[] {
  if (own.length < CONSISTENT_MIN_MARKS) return own;
  let fullWidth = 0;
  for (let i = doc.start; i < doc.end; i++) if (FULL_WIDTH_MARKS.has(model.text.charCodeAt(i))) fullWidth++;
  return own.length >= 3 * fullWidth ? perParagraph(model, own) : own;
}

function perParagraph(model: DocumentModel, problems: RuleProblem[]): RuleProblem[] {
  const out: RuleProblem[] = [];
  for (let i = 0; i < problems.length;) {
    const line = model.lines.lineAt(problems[i].start);
    let j = i;
    while (j < problems.length && problems[j].start < model.lines.ends[line]) j++;
    const group = problems.slice(i, j);
    i = j;
    if (group.length === 1) {
      out.push(group[0]);
      continue;
    }
    const first = group[0];
    const last = group[group.length - 1];
    out.push({
      start: first.start,
      end: last.end,
      message: `本段有${group.length}处半角标点，中文语境应使用全角标点（GB/T 15834-2011）；全文均为半角，可一次全部改正`,
      messageEn: `${group.length} half-width punctuation marks in this paragraph; Chinese text takes the full-width forms (GB/T 15834-2011); the whole document is half-width, fix all at once`,
      fix: {
        safe: true,
        edits: group.flatMap((p) => p.fix!.edits),
        title: `改为全角标点（本段${group.length}处）`,
        titleEn: `Use full-width punctuation (${group.length} in this paragraph)`,
      },
    });
  }
  return out;
}
