/**
 * Every shared regular expression lives here, once. None has the `g` or `y` flag:
 * a stateful shared regex is a bug waiting to happen. Callers that scan use `globalCopy()`.
 */

/** A fresh global copy of a pattern, for matchAll/exec loops. */
export function globalCopy(re: RegExp): RegExp {
  return new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
}

/** Chinese numerals used in markers (一 … 十, 百). */
const CN = '[一二三四五六七八九十百]+';
const AR = '[0-9０-９]{1,3}';

/** Leading indentation before a marker: spaces, tabs, ideographic spaces. */
export const INDENT = /^[ \t\u3000]*/;

/**
 * Section markers at the start of a line (after indentation), GB/T 9704-2012 §7.3.3 and the variants writers type.
 * Groups: open bracket, numeral, close bracket, suffix.
 */
export const MARKER_LEVEL1 = new RegExp(`^()(${CN})()([、.．])`);
export const MARKER_LEVEL2 = new RegExp(`^([（(])[ \\t]*(${CN})[ \\t]*([）)])([、.．]?)`);
export const MARKER_LEVEL3 = new RegExp(`^()(${AR})()([.．、,，])(?![0-9０-９])`);
export const MARKER_LEVEL4 = new RegExp(`^([（(])[ \\t]*(${AR})[ \\t]*([）)])([、.．]?)`);
export const MARKER_LEVEL5 = /^()([\u2460-\u2473])()()/;

/** After `一、`, a text such as `二级医院` makes `一、二级` a list of numerals, not a heading. */
export const NUMERAL_LIST_AFTER = new RegExp(`^(${CN})[、级类等档]`);

/** Full-width stops that end a heading's title (conventions: 。；：). */
export const TITLE_STOP = /[。；：]/;

/** Line endings that mark a paragraph, not a title (document title detection). */
export const ENDS_LIKE_PARAGRAPH = /[。；：，,;:]$/;

/** Han characters (CJK Unified Ideographs and extensions, compatibility ideographs). */
export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/;

/** Inline enumerations: 一是 … 二是 (not 唯一是, 统一是, 之一是 …). Group 1: numeral. */
export const ENUM_SHI = /(?<![唯统万同单专划归逐之其第再不合另])([一二三四五六七八九十]{1,3})是/;
/** 第一， 第二、 第三是 at the start of a clause (not 第一、二季度, a list of ordinals). Group 1: numeral. */
export const ENUM_DI = /(?<=^|[。；;：:！？!?，,\s\u3000])第([一二三四五六七八九十]{1,3})(?=[，,是]|、(?![一二三四五六七八九十]))/;
/** 首先 … 其次 … 再次 … 最后, recognised as a run that starts with 首先. */
export const ENUM_SHOUXIAN = /首先|其次|再次|最后/;
/** A markdown list marker or quote before a paragraph's first ordinal (`- 二是`, `> 二是`). */
export const LINE_PREFIX = /^[ \t\u3000]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+|>[ \t]*)*/;

/** Candidate placeholders; each alternative is judged further by the placeholder rule. */
export const PLACEHOLDER_CANDIDATE = new RegExp(
  [
    '【[^【】\\n\\r]{1,40}】', // bracketed template note
    '[（(][ \\t]*(?:此处|请填|填写|待补充|待填|待定|待完善)[^（）()\\n\\r]{0,60}[）)]',
    '[xXｘＸ]+',
    '\\*{2,}',
    '×+',
    '某{2,}',
    '[〇○]{2,}',
    '□{2,}',
    '[_＿]{2,}',
  ].join('|'),
);

/** What a bracketed 【note】 must hold to be a template note rather than text. */
export const TEMPLATE_NOTE_CONTENT = /待|填|补充|此处|[xX×]/;

/** Latin letters (ASCII and full-width) next to an x-run make it part of a word. */
export const LATIN_LETTER = /[A-Za-zＡ-Ｚａ-ｚ]/;
export const DIGIT = /[0-9０-９]/;
/** A Chinese numeral next to 〇〇 makes it part of a date (二〇〇三年). */
export const CN_NUMERAL_CHAR = /[一二三四五六七八九十零〇○]/;

/** A printable ASCII run around a candidate (to see whether it sits in a URL, e-mail or path). */
export const ASCII_TOKEN_CHAR = /[!-~]/;
export const URL_LIKE = /:\/\/|^www\.|@[A-Za-z0-9-]+\.|\.(?:com|cn|org|net|gov|edu|io|html?|php|aspx?)(?:[/?#:]|$)/i;

/** Markdown inline link or image `[text](target)`, and a code span, for plain heading titles. */
export const MD_LINK = /!?\[([^\]]*)\]\([^)]*\)/;
export const MD_CODE = /`+([^`]*)`+/;

/** Full-width digits (１２３), a width variant of Arabic markers. */
export const FULL_WIDTH_DIGIT = /[０-９]/;

/** An organisation's name as titles and 落款 write it: a place or body, ending in the kind of body. */
export const ORGANISATION_NAME = /(?:[\u4e00-\u9fa5]|XX|××){2,16}?(?:委员会|人民政府|办公室|办公厅|管理局|卫健委|委|局|厅|院|中心|公司|集团|学校|大学|街道办事处)(?=[0-9０-９一二三四五六七八九〇]{2,4}年|关于|$)/;
