import { isProseRange, type DocumentModel } from './model';
import { DIGIT, HAN } from '../text/chars';
import type { GongwenConfig } from '../config/settings';
import { ASCII_TOKEN_CHAR, LATIN_LETTER, URL_LIKE, globalCopy } from './patterns';

/** A Chinese numeral next to 〇〇 makes it part of a date (二〇〇三年). */
const CN_NUMERAL_CHAR = /[一二三四五六七八九十零〇○]/;

/** What a bracketed 【note】 must hold to be a template note rather than text. */
const TEMPLATE_NOTE_CONTENT = /待|填|补充|此处|[xX×]/;

/** Candidate placeholders; each alternative is judged further by the placeholder rule. */
const PLACEHOLDER_CANDIDATE = new RegExp(
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

/** `**加强组织领导**`: markdown bold around a short run of words (no sentence marks: `增长**%，完成**万元` is blanks). */
const BOLD_PAIR = /\*\*([^*\r\n，。；！？、%％]{1,40}?)\*\*/g;

/** A `**…**` pair left in a plain-text report: `inner` is what it encloses. */
export interface BoldPair {
  start: number;
  end: number;
  inner: string;
}

const boldCache = new WeakMap<DocumentModel, BoldPair[]>();

/**
 * The markdown bold pairs around Chinese words in a plain-text report's prose (none in markdown, where they are
 * syntax): bold to delete (the ai-leftovers rule), not two `**` blanks to fill in, so no placeholder count holds them.
 */
export function boldPairs(model: DocumentModel): BoldPair[] {
  let pairs = boldCache.get(model);
  if (!pairs) {
    pairs = [];
    if (model.format !== 'markdown' && model.text.includes('**')) {
      for (const m of model.text.matchAll(BOLD_PAIR)) {
        const end = m.index + m[0].length;
        if (HAN.test(m[1]) && !holdsBlanks(model.text, m.index, end) && isProseRange(model, m.index, end)) pairs.push({ start: m.index, end, inner: m[1] });
      }
    }
    boldCache.set(model, pairs);
  }
  return pairs;
}

/**
 * Whether a `**…**` match is two masked figures rather than bold: `共开展**次检查，发现问题**个` (a unit after the
 * closing `**`, or after an opening one that follows a word or a digit). Bold opens a phrase (`**年度目标**：`), and
 * its closing `**` is followed by punctuation or words, not by a unit; deleting blanks as bold would lose them.
 */
function holdsBlanks(text: string, start: number, end: number): boolean {
  if (FIGURE_UNIT.test(text.slice(end, end + 3))) return true;
  const before = text[start - 1] ?? '';
  return (HAN.test(before) || DIGIT.test(before)) && FIGURE_UNIT.test(text.slice(start + 2, start + 5));
}

/** An unfilled placeholder: `XX`, `xxxx年`, `***`, `××`, `某某`, `〇〇`, `□□`, `____`, `【待补充】`. */
export interface Placeholder {
  start: number;
  end: number;
  text: string;
}

/** Per model, per placeholder configuration (its `patterns` and `allow` decide what is found): both weak. */
const cache = new WeakMap<DocumentModel, WeakMap<GongwenConfig['placeholders'], Placeholder[]>>();

/**
 * Every placeholder of a parsed file, found once per model and placeholder configuration (the rule and the outline's
 * counts share it; a lint session that keeps its model across a change of `placeholders.allow` finds anew).
 */
export function findPlaceholders(model: DocumentModel, config: GongwenConfig): Placeholder[] {
  let byConfig = cache.get(model);
  if (!byConfig) cache.set(model, (byConfig = new WeakMap()));
  let found = byConfig.get(config.placeholders);
  if (!found) byConfig.set(config.placeholders, (found = scan(model, config)));
  return found;
}

function scan(model: DocumentModel, config: GongwenConfig): Placeholder[] {
  const { text } = model;
  const candidates: Placeholder[] = [];
  const bold = new Set(boldPairs(model).flatMap((b) => [b.start, b.end - 2]));
  for (const m of text.matchAll(globalCopy(PLACEHOLDER_CANDIDATE))) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0] === '**' && bold.has(start)) continue;
    if (isPlaceholder(text, m[0], start, end)) candidates.push({ start, end, text: m[0] });
  }
  const stars = maskedStars(model);
  candidates.push(...stars.prose);
  for (const re of userPatternsOf(config.placeholders.patterns)) {
    for (const m of text.matchAll(re)) {
      if (m[0].length > 0) candidates.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  const allowed = allowedRanges(text, config.placeholders.allow);
  const notAllowed = (p: Placeholder) => !allowed.some(([s, e]) => s <= p.start && p.end <= e);
  const kept = candidates.filter((p) => !model.isExcluded(p.start, p.end) && notAllowed(p));
  return maximal([...kept, ...stars.emphasis.filter(notAllowed)]);
}

/* ---- Masked figures: a single `*` where a number belongs (`*家`, `增长*%`, `*-*月`, `第*季度`) ---- */

/** A lone ASCII `*` (a run of two or more is a candidate of its own), or a run of full-width `＊`. */
const LONE_STAR = /(?<![*＊])(?:\*|＊+)(?![*＊])/g;

/**
 * What a masked figure stands before: a measure word, a unit or a date unit. Some characters start ordinary words
 * too (处理, 期间, 支出, 名称), so those are excluded after them; 号 counts only in a document number (〔2024〕*号).
 */
const FIGURE_UNIT = new RegExp(
  '^(?:' +
    [
      '[%％‰个家人次项件户座台套批辆艘株棵栋幢宗例份篇册张款届岁倍元亿万吨亩米度年月日]',
      '季度',
      '小时',
      '分钟',
      '公里',
      '公斤',
      '公顷',
      '千[米克瓦万亿]',
      '百万',
      '平方',
      '立方',
      '名(?![称单义誉])',
      '位(?![置于])',
      '所(?![以有在属])',
      '处(?![理置罚])',
      '起(?![草步来到])',
      '期(?!间)',
      '条(?!件)',
      '类(?!似)',
      '种(?![植养子])',
      '场(?![所景地])',
      '架(?!构)',
      '间(?!隔)',
      '级(?!别)',
      '天(?![然气])',
      '周(?![边围期])',
      '支(?![出持撑付])',
      '只(?![有要是能])',
      '头(?!部)',
    ].join('|') +
    ')',
);

/** What a masked name stands before (`*镇锚定…`, `2021年度*省卫生乡镇`, `*同志`): the kind of place or body. */
const NAME_SUFFIX = /^(?:[省镇村厅]|市(?!场)|县(?!域)|区(?![域别分])|乡(?!村)|局(?![面势限部])|委(?!托)|街道|社区|公司|集团|同志|办公室|医院|学校)/;

/** After the `*`: a decimal part (`*.*%`, `*.5亿元`) and a range or list of figures (`*-*月`, `*至*万元`). */
const FIGURE_TAIL = /^(?:[.．][0-9０-９*＊]+)?(?:[-－—~～至到、][0-9０-９*＊]+(?:[.．][0-9０-９*＊]+)?)*/;

/** The `*` named as a mark, not standing for a figure: `带*项为新开工项目`, `标注*的指标`. */
const STAR_MENTION = /(?:带|标有|标注|标记|加注|打)$/;

/**
 * Decided by the neighbours: a masked figure stands before a unit (after `第`, `-`, a digit or a word alike), a
 * masked name before the kind of place or body. A footnote mark (`…政策*`, `*注：`), a bullet (`* 第一项`), a
 * password mask (`密码*已重置`) or a product (`3*4`, `2*2米`) does not.
 */
function isMaskedFigure(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  if (DIGIT.test(before) && DIGIT.test(text[end] ?? '')) return false;
  if (STAR_MENTION.test(text.slice(Math.max(0, start - 2), start))) return false;
  const unitAt = end + FIGURE_TAIL.exec(text.slice(end, end + 24))![0].length;
  if (text[unitAt] === '号') return /[〕\]］]/.test(before);
  return FIGURE_UNIT.test(text.slice(unitAt, unitAt + 3)) || (unitAt === end && NAME_SUFFIX.test(text.slice(end, end + 3)));
}

/**
 * The masked figures of a file. In markdown, markdown-it takes a pair of them for emphasis (`共有*家，新增*个`):
 * a matched pair both of whose stars stand before a unit is a pair of blanks; `*重点*项目` stays emphasis.
 */
function maskedStars(model: DocumentModel): { prose: Placeholder[]; emphasis: Placeholder[] } {
  const { text } = model;
  const prose: Placeholder[] = [];
  const delimiters: Array<{ p: Placeholder; masked: boolean }> = [];
  for (const m of text.matchAll(LONE_STAR)) {
    const p = { start: m.index, end: m.index + m[0].length, text: m[0] };
    const masked = isMaskedFigure(text, p.start, p.end);
    if (model.markdown && isDelimiter(model.markdown.excluded, p.start, p.end)) {
      delimiters.push({ p, masked: masked && model.isProseLine(model.lines.lineAt(p.start)) });
    } else if (masked) {
      prose.push(p);
    }
  }
  const emphasis: Placeholder[] = [];
  for (let i = 0; i + 1 < delimiters.length; i += 2) {
    if (delimiters[i].masked && delimiters[i + 1].masked) emphasis.push(delimiters[i].p, delimiters[i + 1].p);
  }
  return { prose, emphasis };
}

/** Whether [start, end) is exactly one excluded range of markdown syntax: an emphasis delimiter markdown-it matched. */
function isDelimiter(excluded: Array<[number, number]>, start: number, end: number): boolean {
  let lo = 0;
  let hi = excluded.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = excluded[mid];
    if (e <= start) lo = mid + 1;
    else if (s > start) hi = mid - 1;
    else return s === start && e === end;
  }
  return false;
}

/**
 * The user patterns compiled (global, for `matchAll` only: it scans a copy), once per configured list: the cache is keyed by the config's array (a `WeakMap`), so
 * it lives exactly as long as the configuration. The config validated them; one that fails to compile matches nothing.
 */
const compiledPatterns = new WeakMap<readonly string[], RegExp[]>();
function userPatternsOf(sources: readonly string[]): RegExp[] {
  let compiled = compiledPatterns.get(sources);
  if (!compiled) {
    compiled = sources.map(compileUserPattern).filter((re): re is RegExp => re !== null);
    compiledPatterns.set(sources, compiled);
  }
  return compiled;
}

function compileUserPattern(source: string): RegExp | null {
  try {
    return new RegExp(source, 'gu');
  } catch {
    try {
      return new RegExp(source, 'g');
    } catch {
      return null;
    }
  }
}

/** Where the allowed terms stand, typed with half-width or full-width Latin letters and digits (X光, Ｘ光). */
function allowedRanges(text: string, allow: string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const term of allow) {
    const wide = toFullWidth(term);
    for (const word of wide === term ? [term] : [term, wide]) {
      if (!word) continue;
      for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) ranges.push([i, i + word.length]);
    }
  }
  return ranges;
}

/** ASCII letters, digits and signs as their full-width forms (U+FF01–U+FF5E). */
const toFullWidth = (s: string): string => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Sorted, with candidates inside a larger one (an x inside 【待补充x】) dropped. */
function maximal(list: Placeholder[]): Placeholder[] {
  list.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Placeholder[] = [];
  for (const p of list) {
    const last = out[out.length - 1];
    if (last && p.start < last.end) {
      if (p.end > last.end) out[out.length - 1] = { start: last.start, end: p.end, text: last.text + p.text.slice(last.end - p.start) };
      continue;
    }
    out.push(p);
  }
  return out;
}

/** Judges a candidate by its first character's kind and its neighbours. */
function isPlaceholder(text: string, match: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  switch (match[0]) {
    case '【':
      return TEMPLATE_NOTE_CONTENT.test(match.slice(1, -1));
    case '（':
    case '(':
      return true;
    case 'x':
    case 'X':
    case 'ｘ':
    case 'Ｘ':
      return isXPlaceholder(text, start, end, before, after);
    case '×':
      return match.length >= 2 || isLoneTimesSign(text, start, end, before, after);
    case '〇':
    case '○':
      return !CN_NUMERAL_CHAR.test(before) && !CN_NUMERAL_CHAR.test(after);
    case '〔':
    case '［':
      return true;
    case '_':
    case '＿':
      if (LATIN_LETTER.test(before) || LATIN_LETTER.test(after) || inUrl(text, start, end)) return false;
      // After digits only before a date or count unit: `20__年`, `20__ 年` (an identifier's `a1__b` has letters).
      return !DIGIT.test(before) || DATE_UNIT_AFTER.test(text.slice(end, end + 2));
    case '*':
      return true;
    case '某':
      return !isAnonymisedName(text, start, end);
    default:
      return true; // □□
  }
}

/** Surnames common enough to stand before 某某 in a name kept anonymous, and rarely the end of another word there. */
const SURNAME: ReadonlySet<string> = new Set([
  ...'王李张刘陈杨黄赵吴徐孙朱胡郭林罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡杜叶魏吕丁沈姚卢姜崔钟谭汪范廖贾夏韦邹孟熊秦邱尹薛闫雷侯陶黎贺顾郝龚邵钱严覃戴莫孔汤',
]);
/** What introduces a person before the name: a clause's start or 的, or a word for the person. */
const PERSON_BEFORE = /(?:^|[的，、：:（(“]|居民|村民|市民|患者|病例|人员|男子|女子|群众|当事人|嫌疑人|老人|学生|职工|员工)$/;

/**
 * `居住在下十围的朱某某为阳性`: a surname and 某某 is a real person's name kept anonymous, as reports, bulletins and
 * judgments write it, not a blank: a person-introducing word or punctuation before the surname, and no organ's
 * suffix after it (`王某某公司` is still a blank).
 */
function isAnonymisedName(text: string, start: number, end: number): boolean {
  const surname = text[start - 1] ?? '';
  if (!SURNAME.has(surname) || /^[公单镇县市区局厅部委院所村乡街]/.test(text.slice(end, end + 1))) return false;
  return PERSON_BEFORE.test(text.slice(Math.max(0, start - 5), start - 1));
}

const DATE_UNIT_AFTER = /^[ \u3000]?[年月日号期届)）]/;

/**
 * `XX市`, `xx余条`, `x%`, `20XX年`, `xxxx-xx-xx` are placeholders; `Excel`, `3x3`, `1920x1080`, `10x`, `x64`,
 * `X-ray`, `iPhone X`, `Python 3.x`, `https://x.com` are not.
 */
function isXPlaceholder(text: string, start: number, end: number, before: string, after: string): boolean {
  if (LATIN_LETTER.test(before) || formulaOperand(text, start, end)) return false;
  if (LATIN_LETTER.test(after) && !(end - start >= 2 && LATIN_UNIT.test(text.slice(end, end + 5)))) return false;
  if (DIGIT.test(after) && !(end - start >= 2 && blankBeforeDigits(text, end))) return false;
  if (numberExpression(text, start, end) || inLatinPhrase(text, start, end) || versionSeries(text, start, end)) return false;
  return !inUrl(text, start, end);
}

/** A unit in Latin letters after a run of blanks (`XXkg`); one x before one is a word (`xml`, `XMB`), `XXL` a size. */
const LATIN_UNIT = /^(?:kWh|kW|MWh|MW|GWh|GW|kV|kg|km²|km|cm|mm|mg|ml|mL|m²|m³|GB|TB|MB|Hz)(?![A-Za-z])/;

/** `xxxx3年`, `XX5个`: a run of blanks, then the figure's last digits, then its unit. */
function blankBeforeDigits(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && DIGIT.test(text[i])) i++;
  return FIGURE_UNIT.test(text.slice(i, i + 3));
}

/** One x in a formula of policy terms (`1+N+X`, `N+X`, `1+X证书`, `人工智能+X`): an operand, no blank. */
function formulaOperand(text: string, start: number, end: number): boolean {
  if (end - start !== 1) return false;
  if (PLUS.test(text[start - 1] ?? '') || PLUS.test(text[end] ?? '')) return true;
  return namesFormulaPart(text, start, end);
}

/** `“1+X”区域医联体：“1”是指……“X”包括……`: a quoted lone X that explains the X of a formula in the same paragraph. */
function namesFormulaPart(text: string, start: number, end: number): boolean {
  if (text[start - 1] !== '“' || text[end] !== '”') return false;
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const lineEnd = text.indexOf('\n', end);
  return FORMULA_WITH_X.test(text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd));
}
const FORMULA_WITH_X = /[0-9０-９NnＮ][+＋][XxＸ]|[XxＸ][+＋][0-9０-９NnＮ]/;
const PLUS = /[+＋]/;

/**
 * `Python 3.x`, `Vue 2.x`, `v1.x`: one x after a software name's version number, not a blank decimal (`完成1.x万元`,
 * `12.x%`).
 */
function versionSeries(text: string, start: number, end: number): boolean {
  if (end - start !== 1 || text[start - 1] !== '.' || !DIGIT.test(text[start - 2] ?? '')) return false;
  let i = start - 2;
  while (i > 0 && DIGIT.test(text[i - 1])) i--;
  const name = text[i - 1] === ' ' ? text[i - 2] : text[i - 1];
  return start - 1 - i <= 2 && LATIN_LETTER.test(name ?? '') && !/[%‰]/.test(text[end] ?? '');
}

/**
 * A Latin word across one space or hyphen (`iPhone X`, `X-ray`); `X 射线` is not Latin, and neither are blanks
 * joined the same way (`xxxx-xx-xx`, `XX XX`): a word across the gap must hold a letter other than x.
 */
function inLatinPhrase(text: string, start: number, end: number): boolean {
  const gap = (c: string | undefined) => c === ' ' || c === '-';
  return (gap(text[start - 1]) && isLatinWordEnding(text, start - 2)) || (gap(text[end]) && isLatinWordStarting(text, end + 1));
}

const X_LETTER = /[xXｘＸ]/;

/** The Latin letters ending at `last` (walking left) hold one other than x. */
function isLatinWordEnding(text: string, last: number): boolean {
  for (let i = last; i >= 0 && LATIN_LETTER.test(text[i]); i--) if (!X_LETTER.test(text[i])) return true;
  return false;
}

/** The Latin letters starting at `first` hold one other than x. */
function isLatinWordStarting(text: string, first: number): boolean {
  for (let i = first; i < text.length && LATIN_LETTER.test(text[i]); i++) if (!X_LETTER.test(text[i])) return true;
  return false;
}

/** 年月日号 after a sign make it a blank in a date or a number (`202X年`, `〔2024〕×号`), whatever stands before it. */
const DATE_UNIT = /[年月日号]/;

/**
 * One sign in a number expression: after a digit (`10x`, `3x3`) or between digits across a space (`3 x 4`). A run
 * of signs (`20XX年`, `20××`, an identity number's `34xxxxxx…`) or a sign before a date unit (`202X年`) is a blank.
 */
function numberExpression(text: string, start: number, end: number): boolean {
  return end - start === 1 && !DATE_UNIT.test(text[end] ?? '') && nearDigits(text, start, end);
}

/** A digit just before (3x3, 10x) or, across one space, on both sides (3 x 3): a number expression. */
function nearDigits(text: string, start: number, end: number): boolean {
  const left = text[start - 1] === ' ' ? text[start - 2] : text[start - 1];
  const right = text[end] === ' ' ? text[end + 1] : text[end];
  return DIGIT.test(text[start - 1] ?? '') || (DIGIT.test(left ?? '') && DIGIT.test(right ?? ''));
}

/**
 * A single × stands for a blank between Han characters, punctuation or brackets (×市, ×月×日, 〔2024〕×号, 202×年),
 * not in 3×4.
 */
function isLoneTimesSign(text: string, start: number, end: number, before: string, after: string): boolean {
  if (numberExpression(text, start, end) || DIGIT.test(after)) return false;
  if (POLICY_OPERAND.test(text.slice(Math.max(0, start - 4), start)) || closeButton(text, start, end)) return false;
  const blankSide = (c: string) => c === '' || HAN.test(c) || TIMES_SIGN_NEIGHBOUR.test(c);
  // Not a number expression, so a digit before it is a year's (202×年).
  return (blankSide(before) || DIGIT.test(before)) && blankSide(after);
}
const TIMES_SIGN_NEIGHBOUR = /[\s，。、；：“”（）〔〕［］【】《》]/;

/** The 「数据要素×」 action and its kin: × after 要素, 人工智能 or a `+` is the policy term's operator. */
const POLICY_OPERAND = /(?:要素|人工智能|[+＋])$/;

/** Words of a web page's share and print widget, whose close button a copy keeps (`分享到微信朋友圈×`). */
const PAGE_WIDGET = /分享|朋友圈|微信|微博|QQ|扫一扫|二维码|打印|关闭|收藏/;

/** A web page's close button: a × alone on its line, or last on a line of share-widget words. */
function closeButton(text: string, start: number, end: number): boolean {
  const { from, to } = lineAround(text, start);
  if (text.slice(end, to).trim() !== '') return false;
  const rest = text.slice(from, start).trim();
  return rest === '' || PAGE_WIDGET.test(rest);
}

/** The bounds of the line holding `pos` (`\n`, `\r\n` or a lone `\r` ends a line). */
function lineAround(text: string, pos: number): { from: number; to: number } {
  const from = Math.max(text.lastIndexOf('\n', pos - 1), text.lastIndexOf('\r', pos - 1)) + 1;
  let to = pos;
  while (to < text.length && text[to] !== '\n' && text[to] !== '\r') to++;
  return { from, to };
}

/** Whether the printable ASCII token around [start, end) looks like a URL, e-mail address or domain. */
function inUrl(text: string, start: number, end: number): boolean {
  let s = start;
  let e = end;
  while (s > 0 && start - s < 2048 && ASCII_TOKEN_CHAR.test(text[s - 1])) s--;
  while (e < text.length && e - end < 2048 && ASCII_TOKEN_CHAR.test(text[e])) e++;
  if (s === start && e === end) return false;
  return URL_LIKE.test(text.slice(s, e));
}

/* ---- The term an "allow" entry names ---- */

/** Characters of a term around a placeholder: Han, Latin letters, digits, and the operators of policy terms. */
const TERM_CHAR = /[A-Za-z0-9Ａ-Ｚａ-ｚ０-９+＋×]/;
/** Han characters taken on each side: enough for 数据要素× or X染色体, without the whole clause. */
const TERM_HAN_PER_SIDE = 4;
const TERM_MAX_SIDE = 24;

/**
 * The text an "allow" quick fix should add to `placeholders.allow` for the placeholder at [start, end): the
 * placeholder with the word characters beside it on its line (`数据要素×`, `1+N+X`, `X射线`), so allowing one
 * term never allows every lone `×`. Undefined where nothing stands beside it: a bare blank sign is no term.
 */
export function allowTermAt(text: string, start: number, end: number): string | undefined {
  const from = termEdge(text, start, -1);
  const to = termEdge(text, end, 1);
  return from === start && to === end ? undefined : text.slice(from, to);
}

/** Walks from `pos` in direction `dir` over term characters, at most TERM_HAN_PER_SIDE of them Han. */
function termEdge(text: string, pos: number, dir: -1 | 1): number {
  let han = 0;
  let i = pos;
  while (Math.abs(i - pos) < TERM_MAX_SIDE) {
    const c = dir < 0 ? charBefore(text, i) : charAt(text, i);
    if (!c) break;
    if (HAN.test(c)) {
      if (++han > TERM_HAN_PER_SIDE) break;
    } else if (!TERM_CHAR.test(c)) break;
    i += dir * c.length;
  }
  return i;
}

/** The character (one or two UTF-16 units) ending at / starting at an offset. */
const charBefore = (text: string, i: number): string =>
  i >= 2 && /[\udc00-\udfff]/.test(text[i - 1]) ? text.slice(i - 2, i) : text.slice(Math.max(0, i - 1), i);
const charAt = (text: string, i: number): string => (/[\ud800-\udbff]/.test(text[i] ?? '') ? text.slice(i, i + 2) : text.slice(i, i + 1));
