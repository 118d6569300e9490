import { FLATTENED_LINE } from '../structure/inline-headings';
import type { Rule, RuleProblem } from './rule';
import { CONVENTION, NO_OPTIONS } from './rule';
import { nextMatch } from '../structure/patterns';
import { charAt, charBefore, isChinese, isDigit, isHan, isIdeographCode } from '../text/chars';
import { WEB_LABEL_WORDS, isWebMetadataLine } from '../structure/furniture';

/** A markdown emphasis delimiter character. */
const EMPHASIS_MARKER = /[*_~]/;

/** A run of spaces that may be stray: ASCII spaces, tabs, ideographic spaces. */
const SPACE_RUN = /[ \t\u3000]+/;

/** What the run is made of, for the message. */
function kindOf(run: string): [string, string] {
  if (/^\t+$/.test(run)) return ['制表符', 'tab'];
  if (/^\u3000+$/.test(run)) return ['全角空格', 'ideographic space'];
  if (/^ +$/.test(run)) return ['空格', 'space'];
  return ['空白', 'whitespace'];
}

/**
 * `王\u3000伟`, `王  伟`: a two-character name padded to the width of three (lists of names are aligned this way).
 * One ideographic space or two ASCII spaces between two single Han characters that nothing Han touches.
 */
function isNamePadding(text: string, start: number, end: number, left: string, right: string): boolean {
  const run = text.slice(start, end);
  if (run !== '\u3000' && run !== '  ') return false;
  if (!isHan(left) || !isHan(right)) return false;
  return !isHan(charBefore(text, start - left.length)) && !isHan(charAt(text, end + right.length));
}

const isBlank = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x3000;

/** Items of a list of names: runs of two to four ideographs. */
const LIST_ITEM = { min: 2, max: 4 };
/** Lists of fewer items are ordinary text with a stray space (`推进 工作`). */
const LIST_MIN_ITEMS = 3;

/**
 * `出席：张三\u3000李四\u3000王五`: the run separates the items of a list of three or more short words (names, units), each
 * two to four ideographs with only blanks between them. Deleting it would merge the names, so it is no stray space.
 * Up to three items each side are looked at, each walk stopping past four ideographs: a long line costs no more.
 */
function separatesShortWords(text: string, ls: number, le: number, start: number, end: number): boolean {
  const left = shortWordsBeside(text, start, ls, -1);
  const right = shortWordsBeside(text, end, le, 1);
  return left > 0 && right > 0 && left + right >= LIST_MIN_ITEMS;
}

/** How many short words stand in a row from `from` towards `limit` (step -1: leftwards), blanks between; 0 if the first is not short. */
function shortWordsBeside(text: string, from: number, limit: number, step: -1 | 1): number {
  const at = (i: number) => text.charCodeAt(step < 0 ? i - 1 : i);
  let items = 0;
  for (let i = from; items < LIST_MIN_ITEMS;) {
    let k = i;
    while (k !== limit && Math.abs(k - i) <= LIST_ITEM.max && isIdeographCode(at(k))) k += step;
    const length = Math.abs(k - i);
    if (length < LIST_ITEM.min || length > LIST_ITEM.max) return items;
    items++;
    let b = k;
    while (b !== limit && isBlank(at(b))) b += step;
    if (b === k || b === limit) break;
    i = b;
  }
  return items;
}

const BLANKS = '[ \\t\\u3000]+';
const CLOSE = '[）)】\\]]?[ \\t\\u3000]*';
/** How far around a run the structural tests look: a line's furniture is short, and a long line costs no more. */
const WINDOW = 48;

/** `一、2025年工作总结 3`, `第一章 总则 ……1`, `医疗机构 26`: a page number (or a figure) ends the line after the run. */
const PAGE_NUMBER_AFTER = /^(?:[…⋯·.．_\-－—]{2,}[ \t\u3000]*)?\d{1,4}[ \t\u3000]*$/;
/** `XX区人民政府 2019年12月3日星期二`: an issuer and the date, a signature flattened onto one line. */
const DATELINE_AFTER = /^\d{4}年\d{1,2}月\d{1,2}日(?:[ \t\u3000]*(?:星期|周)[一二三四五六日天])?[ \t\u3000]*$/;
/** `第一章 总则`, `第一部分 总体要求`, `第一节 …`: the space after a part's number is the convention. */
const PART_NUMBER_BEFORE = /^[ \t\u3000]*(?:#{1,6}[ \t]+)?第[一二三四五六七八九十百零〇两\d]+(?:章|节|部分|篇|编|条|卷)$/;
/** `……五年。 一、结构调整`, `……报告 17.东凤镇`: a numbering marker where a line break was lost. */
const MARKER_AFTER = /^(?:[一二三四五六七八九十]{1,3}、|[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)]|[①-⑳]|\d{1,2}(?:[.．、](?!\d)|[.．](?=\d{4}年)))/;
/** `收缴参合基金 万元，`, `接待来访群众 人次，`: a template's slot for a figure, before its unit. */
const FIGURE_SLOT_AFTER =
  /^(?:万元|亿元|千元|元|人次|万人|人|件|次|个|家|户|所|项|亩|公里|千米|米|平方米|吨|台|套|场|期|批|名)(?=[，,。；;、）)]|[ \t\u3000]|$)/;
/** `2026-02-03 09:02:33 半年总结`: what follows a web page's timestamp is its next field. */
const TIMESTAMP_BEFORE = /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[ \t\u3000T]+\d{1,2}:\d{2}(?::\d{2})?$/;
/** `2026年2月3日 09:02`, `2026年02月10日 07时41分`: a date and its time. */
const DATE_BEFORE = /\d[日号]$/;
const TIME_AFTER = /^\d{1,2}(?:[:：]\d{2}|时\d{1,2}分)/;

/** A 职务 (or a byline's 记者) before a name: `省长\u3000王予波`, `甘肃日报记者 盛学卿`, `国务院总理\u3000温家宝`. */
const ROLE =
  '(?:总理|省长|市长|县长|区长|州长|旗长|镇长|乡长|村长|主席|委员长|书记|部长|厅长|局长|处长|科长|署长|主任|委员|代表|秘书长|院长|检察长|庭长|校长|所长|站长|馆长|行长|社长|台长|会长|理事长|董事长|总裁|总经理|经理|厂长|组长|队长|记者|通讯员|编辑|主编|作者|撰稿|摄影|评论员|发言人|报告人|主持人|实习生)';
/**
 * A name or a part of one (`王予波`, `张某`, `×××`, a padded `龚 正`), or a credit (`摄`): short, no punctuation; or a
 * name of the 维吾尔族 or another people written with a middle dot (`艾尔肯·吐尼亚孜`), longer.
 */
const NAME_PART = '(?:[\\u4e00-\\u9fff]{1,8}(?:[·•][\\u4e00-\\u9fff]{1,8})+|[\\u4e00-\\u9fffXxＸｘ×*＊·•]{1,4})';
/** Names, blanks or `、` between them, then the end of the line (a closing bracket allowed: `（甘肃日报记者 盛学卿）`). */
const NAMES_TO_END = new RegExp(`^${NAME_PART}(?:(?:${BLANKS}|[、，,])${NAME_PART})*${CLOSE}$`);
/** The run follows a role, maybe a colon and names already (`记者 张三 李四`, `新华社记者 刘卫兵 摄`, `责任编辑： 郭桢`). */
const ROLE_BEFORE = new RegExp(`${ROLE}[:：]?(?:${BLANKS}${NAME_PART})*$`);
/** The run precedes a role and its names at the end of the line (`……会议上\u3000市长\u3000张某`, `。 宁夏日报记者 王鼎 摄`). */
const ROLE_AND_NAMES_AFTER = new RegExp(`^[\\u4e00-\\u9fff]{0,8}?${ROLE}[:：]?(?:(?:${BLANKS}|[、，,])${NAME_PART})+${CLOSE}$`);

/** Labels only a web page's metadata uses (the page furniture's), at the start of a field. */
const WEB_LABELS = `(?:${[...WEB_LABEL_WORDS, '时间', '日期'].join('|')})[ \\t]*[:：]`;
const WEB_FIELD_AFTER = new RegExp(`^[【[（(]?${WEB_LABELS}`);
const WEB_FIELD_BEFORE = new RegExp(`(?:^|[ \\t\\u3000【[（(|｜])${WEB_LABELS}$`);
/** A line of `label：value` fields (`来源：XX市人民政府\u3000时间：2026-02-10`): the run before the next label. */
const FIELD_LINE = /^[ \t\u3000]*[【[]?[\u4e00-\u9fff]{1,8}[:：]/;
const FIELD_AFTER = /^[【[]?[\u4e00-\u9fff]{1,8}[:：]/;
/** `【字号：大 中 小】`, `【小 中 大】`: a web page's font-size widget. */
const SIZE_WIDGET = /(?:^|[^\u4e00-\u9fff])[大小][ \t\u3000]+中[ \t\u3000]+[大小](?![\u4e00-\u9fff])/;
/** `“好客山东 好品山东”`: a slogan of parallel phrases, spaced apart inside its quotes. */
const SLOGAN = /^[\u4e00-\u9fff]{2,10}(?:[ \t\u3000]+[\u4e00-\u9fff]{2,10})+$/;

/** A newspaper's jump line set in a paragraph (`（下转第四版）（紧接第一版） 我们…`): the space marks where the page changed. */
const PAGE_JUMP = '[（(](?:下转|上接|紧接|转|接)第?[一二三四五六七八九十0-9]{1,3}版[）)]';
const PAGE_JUMP_BEFORE = new RegExp(`${PAGE_JUMP}$`);
const PAGE_JUMP_AFTER = new RegExp(`^${PAGE_JUMP}`);

const FLATTENED_SENTENCES = 8;

function isFlattened(text: string, ls: number, le: number): boolean {
  if (le - ls > FLATTENED_LINE) return true;
  let sentences = 0;
  for (let i = text.indexOf('。', ls); i >= 0 && i < le; i = text.indexOf('。', i + 1)) if (++sentences >= FLATTENED_SENTENCES) return true;
  return false;
}
/** `政 府 工 作 报 告`: a display title set with a space between its characters. */
const LETTER_SPACED = /^[ \t\u3000]*\p{Script=Han}(?:[ \t\u3000]+\p{Script=Han}){2,}[ \t\u3000]*$/u;
const isLetterSpaced = (text: string, ls: number, le: number): boolean => le - ls <= 60 && LETTER_SPACED.test(text.slice(ls, le));

/** A byline, signature or caption credit: a role, then names to the end of the line. */
function isByline(before: string, after: string): boolean {
  return ROLE_AND_NAMES_AFTER.test(after) || (ROLE_BEFORE.test(before) && NAMES_TO_END.test(after));
}

/** Between the fields of a web page's metadata line, or after one's label. */
function separatesFields(text: string, ls: number, le: number, before: string, after: string): boolean {
  if (WEB_FIELD_AFTER.test(after) || WEB_FIELD_BEFORE.test(before) || TIMESTAMP_BEFORE.test(before)) return true;
  if (isWebMetadataLine(text, ls, le)) return true;
  if (SIZE_WIDGET.test(`${before.slice(-4)} ${after.slice(0, 4)}`)) return true;
  return FIELD_AFTER.test(after) && FIELD_LINE.test(text.slice(ls, Math.min(le, ls + 12)));
}

/** Between the phrases of a quoted slogan (`“万企出海 鲁贸全球”`). */
function inSlogan(before: string, after: string): boolean {
  const open = before.lastIndexOf('“');
  const close = after.indexOf('”');
  if (open < 0 || close < 0 || before.includes('”', open)) return false;
  return SLOGAN.test(`${before.slice(open + 1)} ${after.slice(0, close)}`);
}

/**
 * Inside a document's title in 《》: the space between joint issuers (`《中共中央 国务院关于……的意见》`,
 * `《深圳海关 龙岗区共促……》`) or between a title's phrases (`《关于勇当海洋强国尖兵 加快建设……》`) is the title's
 * own, as issued.
 */
function inBookTitle(before: string, after: string): boolean {
  const open = before.lastIndexOf('《');
  if (open < 0 || before.includes('》', open)) return false;
  const close = after.indexOf('》');
  return close >= 0 && !after.slice(0, close).includes('《');
}

/** A line with two tabs or more between its text: a table's row, its cells set apart by tabs. */
function isTableRow(text: string, ls: number, le: number): boolean {
  const first = text.indexOf('\t', ls);
  if (first < 0 || first >= le) return false;
  let second = first + 1;
  while (second < le && /[\t \u3000]/.test(text[second])) second++;
  second = text.indexOf('\t', second);
  return second >= 0 && second < le && text.slice(second, le).trim() !== '';
}

/** `中共中央 国务院印发`, `中共深圳市委 深圳市人民政府`: joint issuers are set apart by a space (GB/T 9704-2012 §7.2.2). */
const ISSUER_BEFORE = /(?:中共中央|国务院|中央军委|人民政府|委员会|[省市区县]委|办公厅|办公室)$/;
const ISSUER_AFTER =
  /^(?:中共|国务院|中央军委|全国人大|全国政协|[\u4e00-\u9fff]{1,8}(?:人民政府|委员会|[省市区县]委|办公厅|办公室)(?![\u4e00-\u9fff]{0,2}[的了是]))/;

/**
 * Spaces that carry structure, which deleting would break: a TOC entry's page number, a part's number and its title,
 * a role and a name in a byline, signature or caption, a date and its time, the fields of a web page's metadata line,
 * a marker where a line break was lost, a template's blank for a figure, the phrases of a slogan.
 * `[l, r)` is the run (emphasis markers beside it included), `[ls, le)` its line.
 */
function isStructural(text: string, ls: number, le: number, l: number, r: number): boolean {
  const before = text.slice(Math.max(ls, l - WINDOW), l);
  const after = text.slice(r, Math.min(le, r + WINDOW));
  if (le - r <= WINDOW && (PAGE_NUMBER_AFTER.test(after) || DATELINE_AFTER.test(after) || isByline(before, after))) return true;
  if (l - ls <= WINDOW && PART_NUMBER_BEFORE.test(before)) return true;
  if (DATE_BEFORE.test(before) && TIME_AFTER.test(after)) return true;
  if (MARKER_AFTER.test(after) || (FIGURE_SLOT_AFTER.test(after) && isHan(charBefore(before, before.length)))) return true;
  if (PAGE_JUMP_BEFORE.test(before) || PAGE_JUMP_AFTER.test(after)) return true;
  if (inBookTitle(text.slice(ls, l), text.slice(r, le)) || (ISSUER_BEFORE.test(before) && ISSUER_AFTER.test(after))) return true;
  return separatesFields(text, ls, le, before, after) || inSlogan(before, after);
}

/**
 * Stray spaces between Chinese characters, or between Chinese and digits (`5 月份`, `2025 年`): the Western "add
 * spaces around CJK" habit has no place in a 公文. Indentation and spaces between Latin words are left alone.
 */
export const spacing: Rule = {
  id: 'spacing',
  defaultSeverity: 'warning',
  category: 'typography',
  description: '汉字之间、汉字与数字之间的多余空格（公文不在中文与数字之间加空格）',
  descriptionEn: 'Stray spaces between Chinese characters, or between Chinese and digits (a 公文 never spaces them apart)',
  fix: { zh: '删除空白，安全', en: 'delete the whitespace, safe' },
  basis: { zh: '写作惯例', en: 'drafting convention' },
  options: NO_OPTIONS,
  scope: 'line',
  check({ model }) {
    const { text, lines } = model;
    const problems: RuleProblem[] = [];
    // A line with a heading run into it lost its line breaks.
    const inlineHeadingLines = new Set(model.headings.filter((h) => h.inline).map((h) => h.line));
    // One pass over the text's space runs (a run never spans a line break), each placed on its line.
    let line = 0;
    for (let m = nextMatch(SPACE_RUN, text, 0); m; m = nextMatch(SPACE_RUN, text, m.index + m[0].length)) {
      const start = m.index;
      const end = start + m[0].length;
      line = lines.lineAtFrom(start, line);
      if (!model.isProseLine(line)) continue;
      const ls = lines.starts[line];
      const le = lines.ends[line];
      if (start === ls || end === le) continue; // indentation, trailing spaces
      // Tabs that separate the cells of a table copied as text (`126\t\u3000\u3000完成上川一路……\t已完成`).
      if (m[0].includes('\t') && isTableRow(text, ls, le)) continue;
      if (model.isExcluded(start, end)) continue;
      // Emphasis markers next to the run (`**粗体** 中文`) are looked through, to the text beside it; a code
      // span or link is not text, so the space beside it (`见 \`docs/a.md\``) is markdown's business.
      const isMarker = (i: number) => model.isExcluded(i, i + 1) && EMPHASIS_MARKER.test(text[i]);
      let l = start;
      while (l > ls && isMarker(l - 1)) l--;
      let r = end;
      while (r < le && isMarker(r)) r++;
      const left = l > ls ? charBefore(text, l) : '';
      const right = r < le ? charAt(text, r) : '';
      const between =
        isChinese(left) && (isChinese(right) || isDigit(right)) ? (isChinese(right) ? 'cc' : 'cd') : isDigit(left) && isChinese(right) ? 'dc' : '';
      if (!between || isNamePadding(text, l, r, left, right) || isLetterSpaced(text, ls, le)) continue;
      // On a flattened line a space before Chinese or a figure may be a lost line break (`新起点 1998年县…`); one
      // between a figure and its unit (`43.68 亿元`) is still stray.
      if (between !== 'dc' && (inlineHeadingLines.has(line) || isFlattened(text, ls, le))) continue;
      if (between === 'cc' && l === start && r === end && separatesShortWords(text, ls, le, start, end)) continue;
      if (isStructural(text, ls, le, l, r)) continue;
      const [zh, en] = kindOf(m[0]);
      const whereZh = between === 'cc' ? '中文之间' : '中文与数字之间';
      const whereEn = between === 'cc' ? 'between Chinese characters' : 'between Chinese and a number';
      problems.push({
        start,
        end,
        message: `${whereZh}有多余的${zh}，公文中应删除（${CONVENTION.zh}）`,
        messageEn: `Stray ${en} ${whereEn}: a 公文 does not space them apart; delete it (${CONVENTION.en})`,
        fix: { safe: true, edits: [{ start, end, text: '' }], title: `删除${zh}`, titleEn: `Delete the ${en}` },
      });
    }
    return problems;
  },
};
