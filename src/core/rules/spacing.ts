import type { Rule, RuleProblem } from './rule';
import { CONVENTION } from './rule';
import { EMPHASIS_MARKER, SPACE_RUN, nextMatch } from '../patterns';
import { charAt, charBefore, isChinese, isDigit, isHan, isIdeographCode } from '../chars';

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
  for (let i = from; items < LIST_MIN_ITEMS; ) {
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

/**
 * Stray spaces between Chinese characters, or between Chinese and digits (`5 月份`, `2025 年`): the Western "add
 * spaces around CJK" habit has no place in a 公文. Indentation and spaces between Latin words are left alone.
 */
export const spacing: Rule = {
  id: 'spacing',
  defaultSeverity: 'warning',
  description: '汉字之间、汉字与数字之间的多余空格（公文不在中文与数字之间加空格）',
  descriptionEn: 'Stray spaces between Chinese characters, or between Chinese and digits (a 公文 never spaces them apart)',
  check({ model }) {
    const { text, lines } = model;
    const problems: RuleProblem[] = [];
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
      const between = isChinese(left) && (isChinese(right) || isDigit(right)) ? (isChinese(right) ? 'cc' : 'cd') : isDigit(left) && isChinese(right) ? 'dc' : '';
      if (!between || isNamePadding(text, l, r, left, right)) continue;
      if (between === 'cc' && l === start && r === end && separatesShortWords(text, ls, le, start, end)) continue;
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
