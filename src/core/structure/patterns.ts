/**
 * The regular expressions that several modules share, once; a pattern with one user lives beside it. None has the `g`
 * or `y` flag: a stateful shared regex is a bug waiting to happen. Callers that scan use `globalCopy()`.
 */

const globalCopies = new WeakMap<RegExp, RegExp>();

/**
 * The global form of a pattern, for `matchAll` and `replace` only: both start from lastIndex 0 on a copy (or
 * reset it), so the one cached instance carries no state between calls. Never call `exec`/`test` on it.
 */
export function globalCopy(re: RegExp): RegExp {
  let g = globalCopies.get(re);
  if (!g) globalCopies.set(re, (g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')));
  return g;
}

const scanners = new WeakMap<RegExp, RegExp>();

/**
 * The first match of `re` at or after `from`, found in place: no slice of the text, and no copy of the pattern (which
 * `matchAll` makes on every call, thousands of times for a per-line scan). Stateless for the caller: the private
 * global copy's `lastIndex` is set before each search. For patterns without anchors or lookbehind, which would read
 * the text before `from` differently than a slice starting there.
 */
export function nextMatch(re: RegExp, text: string, from: number): RegExpExecArray | null {
  let g = scanners.get(re);
  if (!g) scanners.set(re, (g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')));
  g.lastIndex = from;
  return g.exec(text);
}

/**
 * A bare attachment label alone on its line, where an attachment's pages begin (GB/T 9704-2012 §8.2: 附件 and its
 * number at the top left of the attachment's first page): `附件`, `附件1`, `附件 2`, `附件一`.
 */
export const ATTACHMENT_LABEL = /^[ \t\u3000]*附件[ \t\u3000]*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?[ \t\u3000]*$/;

/** Chinese numerals used in markers (一 … 十, 百). */
const CN = '[一二三四五六七八九十百]+';
const AR = '[0-9０-９]{1,3}';

/** Leading indentation before a marker: spaces, tabs, ideographic spaces. */
export const INDENT = /^[ \t\u3000\u00a0]*/;

/**
 * Section markers at the start of a line (after indentation), GB/T 9704-2012 §7.3.3 and the variants writers type.
 * Groups: open bracket, numeral, close bracket, suffix.
 */
export const MARKER_LEVEL1 = new RegExp(`^()(${CN})()([、.．])`);
export const MARKER_LEVEL2 = new RegExp(`^([（(])[ \\t]*(${CN})[ \\t]*([）)])([、.．]?)`);
export const MARKER_LEVEL3 = new RegExp(`^()(${AR})()([.．、,，])(?![0-9０-９])`);
export const MARKER_LEVEL4 = new RegExp(`^([（(])[ \\t]*(${AR})[ \\t]*([）)])([、.．]?)`);

/**
 * After `一、`, a text such as `二级医院`, `二季度`, `二线城市`, `二年级`, `三产业` (`二、三产业比例为56.5：43.5`: the
 * secondary and tertiary sectors) makes `一、二…` a list of numerals, not a heading. Only counters, ranks and 产:
 * `二、三年行动计划`, `二、三农工作` are headings.
 */
export const NUMERAL_LIST_AFTER = new RegExp(`^(${CN})(?:[、级类等档季期线批轮产]|年级|月份)`);

/** Full-width stops that end a heading's title (conventions: 。；：). */
export const TITLE_STOP = /[。；：]/;

/** Inline enumerations: 一是 … 二是 (not 唯一是, 统一是, 之一是 …). Group 1: numeral. */

/** A markdown list marker or quote before a paragraph's first ordinal (`- 二是`, `> 二是`). */
export const LINE_PREFIX = /^[ \t\u3000\u00a0]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+|>[ \t]*)*/;

/** Latin letters (ASCII and full-width) next to an x-run make it part of a word. */
export const LATIN_LETTER = /[A-Za-zＡ-Ｚａ-ｚ]/;

/** A printable ASCII run around a candidate (to see whether it sits in a URL, e-mail or path). */
export const ASCII_TOKEN_CHAR = /[!-~]/;
export const URL_LIKE = /:\/\/|^www\.|@[A-Za-z0-9-]+\.|\.(?:com|cn|org|net|gov|edu|io|html?|php|aspx?)(?:[/?#:]|$)/i;

/* ---- Writing checks: punctuation-width, spacing, date-format, quote-pairs ---- */

/** A Chinese date `2024年3月13日`, `24年03月`, `03月5日`. Groups: year, month, day (year and day optional). */
export const DATE_CHINESE = /(?<![0-9０-９])(?:([0-9]{4}|[0-9]{2})年)?([0-9]{1,2})月(?:([0-9]{1,2})日)?/;
/**
 * A document number's year and serial: `〔2024〕5号`, `[2024]第05号`. Groups: open, year, close, 第, serial. It counts
 * only right after the issuing authority, an ideograph (`ISSUER_BEFORE`), checked on each match: as a lookbehind it
 * kept the scan from skipping ahead to the brackets.
 */
export const DOCUMENT_NUMBER = /([[［【(（〔﹝〖])((?:19|20)[0-9]{2}|[0-9]{2})([\]］】)）〕﹞〗])(第?)([0-9]{1,5})号/;
/** What must come right before a document number (the issuer's last character). */
export const ISSUER_BEFORE = /[\u3400-\u4dbf\u4e00-\u9fff]/;

/* ---- Document checks: attachment, document-type, sentence-length ---- */

/** Where a sentence ends (sentence-length): 。！？； of either width, with the closing quotes and brackets after it. */
export const SENTENCE_END = /[。！？；!?;][”’」』）)》〉】]*/;

/**
 * A word typed twice in a row (`的的`, `建设建设`, `项目项目`): a run of 1–8 ideographs and its copy. A candidate only:
 * repeated-word keeps it where the segmentation puts word boundaries around the copy. 〇 is left out (dates: 二〇〇三).
 */
export const REPEATED_HAN = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{1,8})\1/;
/** Chinese numerals: a repeated unit made only of them is a number (二〇二二, 一一对应), never a typo. */
export const CN_NUMERALS_ONLY = /^[〇零一二三四五六七八九十百千万亿两]+$/;
/** Spaces at a line's end. */
export const TRAILING_SPACE = /[ \t\u3000]+$/;
