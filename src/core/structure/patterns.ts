/**
 * Every shared regular expression lives here, once. None has the `g` or `y` flag:
 * a stateful shared regex is a bug waiting to happen. Callers that scan use `globalCopy()`.
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
export const MARKER_LEVEL5 = /^()([\u2460-\u2473])()()/;

/**
 * After `一、`, a text such as `二级医院`, `二季度`, `二线城市`, `二年级` makes `一、二…` a list of numerals, not a
 * heading. Only counters and ranks: `二、三年行动计划`, `二、三农工作` are headings.
 */
export const NUMERAL_LIST_AFTER = new RegExp(`^(${CN})(?:[、级类等档季期线批轮]|年级|月份)`);

/** Full-width stops that end a heading's title (conventions: 。；：). */
export const TITLE_STOP = /[。；：]/;

/** Line endings that mark a paragraph, not a title (document title detection). */
export const ENDS_LIKE_PARAGRAPH = /[。；：，,;:]$/;

/** Inline enumerations: 一是 … 二是 (not 唯一是, 统一是, 之一是 …). Group 1: numeral. */
/** What every inline ordinal contains (一是 第一 首先 其次 再次 最后), without the context checks: a line without it holds none. */
export const ORDINAL_CLUE = /[一二三四五六七八九十]是|第[一二三四五六七八九十]|首先|其次|再次|最后/;

export const ENUM_SHI = /(?<![唯统万同单专划归逐之其第再不合另周期拜])([一二三四五六七八九十]{1,3})是/;
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
    '[〔［](?:…{1,2}|\\.{3,6})[〕］]', // a name masked by an ellipsis in brackets (〔…〕镇)
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
export const ORGANISATION_NAME =
  /(?:[\u4e00-\u9fa5]|XX|××){2,16}?(?:委员会|人民政府|办公室|办公厅|管理局|卫健委|委|局|厅|院|中心|公司|集团|学校|大学|街道办事处)(?=[0-9０-９一二三四五六七八九〇]{2,4}年|关于|$)/;

/* ---- Writing checks: punctuation-width, spacing, date-format, quote-pairs ---- */

/** Half-width marks judged by their neighbours (brackets are judged by their content): , ; : ? !. */
export const HALF_WIDTH_PUNCT = /[,;:?!]/;
/** What punctuation-width looks at: the half-width marks, and round brackets of either width (they pair across widths). */
export const WIDTH_CANDIDATE = /[,;:?!()（）]/;
/** A character of a number or Latin token that can sit inside a Chinese clause (`3.44万`, `100.8%`, `XX市`). */
export const CLAUSE_TOKEN_CHAR = /[0-9A-Za-z.%‰:-]/;
/** A number token inside a Chinese clause: `2022`, `100.8%`, `5‰`. */
export const NUMBER_TOKEN = /^[0-9]+(?:\.[0-9]+)?[%‰]?$/;

/** A run of spaces that may be stray: ASCII spaces, tabs, ideographic spaces. */
export const SPACE_RUN = /[ \t\u3000]+/;

/** A Chinese date `2024年3月13日`, `24年03月`, `03月5日`. Groups: year, month, day (year and day optional). */
export const DATE_CHINESE = /(?<![0-9０-９])(?:([0-9]{4}|[0-9]{2})年)?([0-9]{1,2})月(?:([0-9]{1,2})日)?/;
/** A numeric date `2024-3-13`, `2024/03/13`, `2024.3.13` (never inside a version, an IP address, a path or a range). Groups: year, separator, month, day. */
export const DATE_NUMERIC = /(?<![0-9A-Za-z_./\\:-])((?:19|20)[0-9]{2})([-/.])([0-9]{1,2})\2([0-9]{1,2})(?![0-9A-Za-z_]|[./:-][0-9A-Za-z])/;
/** An issuing date in Chinese numerals alone on its line (`二〇二四年三月十三日`). Groups: year, month, day. */
export const DATE_CHINESE_NUMERALS_LINE =
  /^[ \t\u3000]*([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日[ \t\u3000]*$/;
/**
 * A document number's year and serial: `〔2024〕5号`, `[2024]第05号`. Groups: open, year, close, 第, serial. It counts
 * only right after the issuing authority, an ideograph (`ISSUER_BEFORE`), checked on each match: as a lookbehind it
 * kept the scan from skipping ahead to the brackets.
 */
export const DOCUMENT_NUMBER = /([[［【(（〔﹝〖])((?:19|20)[0-9]{2}|[0-9]{2})([\]］】)）〕﹞〗])(第?)([0-9]{1,5})号/;
/** What must come right before a document number (the issuer's last character). */
export const ISSUER_BEFORE = /[\u3400-\u4dbf\u4e00-\u9fff]/;
/** After 号, a place (`3号楼`, `5号院`): an address, not a document number. */
export const NUMBER_IS_ADDRESS = /^[楼院线房室门栋层路街巷仓库馆厅]/;
/** The usual last character of an issuing authority's abbreviation (国发, 国办函, 陕政办字, 国令): a fix there cannot guess wrong. */
export const ISSUER_CODE_END = /[发函字办令电文规通复报呈]/;

/** Paired marks that quote-pairs balances (round brackets of either width pair with each other). */
export const PAIRED_MARK = /[“”‘’《》（）()]/;

/* ---- Document checks: attachment, document-type, sentence-length ---- */

/** The 附件说明 line, GB/T 9704-2012 §7.3.4: `附件：1.××××`. Group 1: the colon. */
export const ATTACHMENT_LIST = /^[ \t\u3000]*附件[ \t\u3000]*([:：])/;
/** An attachment's number in the 附件说明: `1.` (and the forms writers type: `1．` `1、` `1,` `1，`); a name may start with a year (`1.2024年……`). Groups: number, separator. */
export const ATTACHMENT_ITEM = /^([0-9０-９]{1,2})([.．、,，])/;
/** Punctuation after an attachment's name (§7.3.4: none), up to the line's end. */
export const ATTACHMENT_TRAILING_PUNCT = /[。；;，,、：:．.！!？?]+(?=[ \t\u3000]*$)/;
/** A line that only heads an attachment's own page: `附件1`, `附件 2`, `附件`. */
export const ATTACHMENT_PAGE = /^[ \t\u3000]*附件[ \t\u3000]*[0-9０-９]{0,2}[ \t\u3000]*$/;
/**
 * The body naming one of the document's attachments: `见附件1`, `附件2、3`, `附件1至3` (not `《……》附件2` or
 * `（……号）附件2`, another document's). Groups: first number, the rest of a list or range.
 */
export const ATTACHMENT_REF = /(?<![》〉>）)])附件[ \t]?([0-9０-９]{1,2})((?:[、，,和及与至到\-－—~～][ \t]?[0-9０-９]{1,2}(?![0-9０-９]))*)(?![0-9０-９])/;
/** One number of an attachment reference's list or range tail. Groups: separator, number. */
export const ATTACHMENT_REF_TAIL = /([、，,和及与至到\-－—~～])[ \t]?([0-9０-９]{1,2})/;

/** A 公文 title naming its kind (文种): `××关于××的请示`. Group 1: the kind. */
export const DOCUMENT_KIND_TITLE = /关于.+?(请示|报告|通知)[ \t\u3000]*$/;
/** The mixed kind 请示报告 at a title's end: no such 文种. */
export const MIXED_KIND_TITLE = /请示报告(?=[ \t\u3000]*$)/;
/** A 通知 that issues, forwards or publishes a document: it closes with the document, not with 特此通知. */
export const ISSUING_NOTICE_TITLE = /关于(?:印发|转发|批转|颁发|发布|公布)/;
/** A request for approval or a reply in so many words: what a 报告 must not carry (not 申请批准, 报请批准, 请示经……批准). */
export const APPROVAL_REQUEST = /(?:恳请|敬请)[^。；！？!?\n\r]{0,10}?(?:批示|批复|审批|批准)|(?<![申提报邀聘恳敬])请(?:予以|予)?(?:批示|批复|审批|批准)/;
/** The closing a 请示 needs: 妥否，请批示 / 当否，请批复 / 以上请示，请予审批 / 恳请市政府予以批准 … */
export const REQUEST_CLOSING =
  /(?<![申提报邀聘])(?:恳请|敬请|请|望)[^。；！？!?\n\r]{0,15}?(?:批示|批复|审批|批准|核准|审定|审核|指示|示复|同意|阅示)|妥否|当否/;
/** The bare formula 特此请示 (no request in it). */
export const BARE_REQUEST_FORMULA = /^[ \t\u3000]*特此请示[。.]?[ \t\u3000]*$/;
/** The closing formula of a 通知. */
export const NOTICE_CLOSING = /特此通知[。.！!]?[ \t\u3000]*$/;
/** Lines after the body that are not its closing paragraph: contact lines, 版记 (抄送, 印发). */
export const CLOSING_NOTE_LINE = /^[ \t\u3000]*[（(]?[ \t\u3000]*(?:联[ \t\u3000]*系[ \t\u3000]*人|联系电话|联系方式|抄送|抄报|主送|分送|报送|印发)/;
/** A paragraph that ends like prose: a sentence mark, maybe with closing quotes or brackets after it. */
export const ENDS_WITH_SENTENCE_STOP = /[。！？!?][”’」』）)》]*[ \t\u3000]*$/;

/** Where a sentence ends (sentence-length): 。！？； of either width, with the closing quotes and brackets after it. */
export const SENTENCE_END = /[。！？；!?;][”’」』）)》〉】]*/;
/** The separator of an attachment range `附件1至3`, `附件1-3`. */
export const ATTACHMENT_RANGE_SEP = /[至到\-－—~～]/;

/**
 * A word typed twice in a row (`的的`, `建设建设`, `项目项目`): a run of 1–8 ideographs and its copy. A candidate only:
 * repeated-word keeps it where the segmentation puts word boundaries around the copy. 〇 is left out (dates: 二〇〇三).
 */
export const REPEATED_HAN = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{1,8})\1/;
/** Chinese numerals: a repeated unit made only of them is a number (二〇二二, 一一对应), never a typo. */
export const CN_NUMERALS_ONLY = /^[〇零一二三四五六七八九十百千万亿两]+$/;
/** A word for overused-word: two or more ideographs, nothing else. */
export const HAN_WORD = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}$/;
/** An ordinal or count that segments as a word (`一是`, `第三`, `二十`, `两年`): never an overused content word. */
export const NUMERAL_WORD = /^第?[〇零一二三四五六七八九十百千万亿两]+[是年月日号个项次条家所名人批期类级]?$/;
/** Spaces at a line's end. */
export const TRAILING_SPACE = /[ \t\u3000]+$/;
/** The first line break of a text. */
export const LINE_BREAK = /\r\n|\r|\n/;

/** A markdown emphasis delimiter character. */
export const EMPHASIS_MARKER = /[*_~]/;

/** ASCII punctuation that sits between a label and its value (`Date: `, `(`, `,`). */
export const ASCII_SEPARATOR = /[:;,()"'=]/;
