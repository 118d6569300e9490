import type { Rule, RuleProblem } from './rule';
import type { DocumentModel } from '../structure/model';
import { CONVENTION, Option, readOptions, ruleOptions } from './rule';
import { CN_NUMERALS_ONLY } from '../structure/patterns';
import { memoByCut, tokensOf, type Segmenter, type Token } from '../text/segmenter';
import { isIdeographCode } from '../text/chars';

/**
 * Normal reduplication, never a typo: AA (层层, 人人), A一A-style measure words (一个个), AABB (扎扎实实) and the odd
 * ABAB verb (研究研究). A candidate inside an occurrence of one of these is left alone. Options `allow` adds more.
 * 一A一A (一户一户, 一步一步) is the same counting one by one, for any A: see `isOneByOne`.
 */
export const REDUPLICATIONS: readonly string[] = [
  // AA adverbs, nouns and measure words
  '层层',
  '人人',
  '月月',
  '常常',
  '看看',
  '天天',
  '年年',
  '日日',
  '时时',
  '处处',
  '事事',
  '步步',
  '家家',
  '户户',
  '村村',
  '个个',
  '件件',
  '项项',
  '条条',
  '样样',
  '次次',
  '代代',
  '世世',
  '岁岁',
  '声声',
  '句句',
  '字字',
  '点点',
  '滴滴',
  '渐渐',
  '紧紧',
  '牢牢',
  '深深',
  '久久',
  '早早',
  '刚刚',
  '仅仅',
  '稍稍',
  '往往',
  '纷纷',
  '频频',
  '默默',
  '偏偏',
  '明明',
  '好好',
  '多多',
  '大大',
  '慢慢',
  '快快',
  '轻轻',
  '静静',
  '悄悄',
  '微微',
  '暗暗',
  '连连',
  '屡屡',
  '略略',
  '想想',
  '试试',
  '说说',
  '谈谈',
  '走走',
  '问问',
  '听听',
  '等等',
  '两两',
  '一一',
  '周周',
  '哈哈',
  '妈妈',
  '爸爸',
  '哥哥',
  '姐姐',
  '弟弟',
  '妹妹',
  '爷爷',
  '奶奶',
  '宝宝',
  '星星',
  '猩猩',
  '蝈蝈',
  '蛐蛐',
  '狒狒',
  '谢谢',
  '团团',
  '冉冉',
  '熊熊',
  '滚滚',
  '浩浩',
  '茫茫',
  '匆匆',
  '赫赫',
  '皑皑',
  '彬彬',
  '济济',
  '孜孜',
  '兢兢',
  '业业',
  '勃勃',
  '津津',
  '源源',
  '蒸蒸',
  '欣欣',
  '井井',
  '息息',
  '循循',
  '历历',
  '栩栩',
  '绵绵',
  '殷殷',
  '拳拳',
  '惶惶',
  '洋洋',
  // 一AA: counted one by one
  '一个个',
  '一件件',
  '一项项',
  '一条条',
  '一步步',
  '一批批',
  '一次次',
  '一天天',
  '一年年',
  '一点点',
  '一排排',
  '一串串',
  '一桩桩',
  '一幕幕',
  '一张张',
  '一家家',
  '一户户',
  '一层层',
  '一道道',
  '一座座',
  // AABB
  '方方面面',
  '家家户户',
  '时时刻刻',
  '世世代代',
  '兢兢业业',
  '扎扎实实',
  '认认真真',
  '实实在在',
  '明明白白',
  '清清楚楚',
  '踏踏实实',
  '稳稳当当',
  '轰轰烈烈',
  '干干净净',
  '整整齐齐',
  '平平安安',
  '高高兴兴',
  '老老实实',
  '的的确确',
  '是是非非',
  '点点滴滴',
  '原原本本',
  '反反复复',
  '条条框框',
  '坑坑洼洼',
  '磕磕绊绊',
  '风风雨雨',
  '上上下下',
  '里里外外',
  '前前后后',
  '日日夜夜',
  '年年岁岁',
  '子子孙孙',
  '口口声声',
  '大大小小',
  '多多少少',
  // ABAB (colloquial, but not a typo)
  '研究研究',
  '讨论讨论',
  '商量商量',
  '学习学习',
  '交流交流',
  '了解了解',
  '介绍介绍',
  '考虑考虑',
  '休息休息',
  '锻炼锻炼',
  '检查检查',
  '拍打拍打',
  '收拾收拾',
  '打扫打扫',
  '整理整理',
  '活动活动',
  '打听打听',
  '琢磨琢磨',
  '准备准备',
  '放松放松',
  '练习练习',
  // Words in which a character doubles
  '呵呵',
  '嘻嘻',
  '啦啦队',
  '饽饽',
  '太太',
  '婆婆',
  '叔叔',
  '舅舅',
  '姑姑',
  '娃娃',
  // Terms: 水水 (联运, 中转: water-to-water transport, also alone in 海铁、水水等多式联运), and a 政府工作报告 titled by
  // its issuer (XX县人民政府政府工作报告), where the next word begins with what the word before ends with
  '水水',
  '政府政府工作报告',
];

const OPTIONS = ruleOptions({
  allow: Option.Array(Option.String({ minLength: 1 }), {
    default: [],
    description: '另外允许的叠词（如 `["抓抓"]`）',
    descriptionEn: 'More reduplications to accept (e.g. `["抓抓"]`)',
  }),
});

const MAX_UNIT = 8;

/**
 * `一户一户`, `一步一步`, `一个微克一个微克`: a unit of two to four characters starting with 一, counted one by one
 * (like 一个个), never a typo.
 */
const isOneByOne = (line: string, c: Candidate): boolean => c.unit >= 2 && c.unit <= 4 && line.charCodeAt(c.start) === 0x4e00;

/** `落实落实再落实`, `实干实干再实干`: a word said twice, then again after 再 or 又, for emphasis. */
const isEmphatic = (line: string, c: Candidate): boolean => {
  const after = c.start + 2 * c.unit;
  return '再又'.includes(line[after] ?? '') && line.startsWith(line.slice(c.start, c.start + c.unit), after + 1);
};

/**
 * The single characters whose doubling is a slip (`的的`, `在在`, `了了`): particles, prepositions, conjunctions,
 * pronouns, auxiliaries and adverbs. Any other character doubled is a name (`屠呦呦`, `田田学校`, `广汕汕高铁` = 广汕
 * + 汕汕), a distributive reduplication (`季季有突破`, `市市通高铁`, `桩桩见成效`, `仓仓分拨`) or the end of one word
 * and the start of the next (`北站站城一体化`), and the segmenter cannot tell these apart.
 */
const SLIP_CHARACTERS: ReadonlySet<string> = new Set([
  ...'的地得了着过在是和与及或对把被将为由从向以于并也都就又还而但且让使给要会能可应该必须有没不这那其之所等各每本此我你他她它们一到再更最很已才只便即则若如',
]);

/** A run of ideographs (`unit` long, from `start`) followed by its copy. */
interface Candidate {
  start: number;
  unit: number;
}

/** `text[i, i + unit)` is followed by its copy. */
function copiedAt(text: string, i: number, unit: number): boolean {
  for (let k = 0; k < unit; k++) if (text.charCodeAt(i + k) !== text.charCodeAt(i + unit + k)) return false;
  return true;
}

/**
 * Every position (relative to `from`) and length where a run of up to eight ideographs is followed by its copy in
 * `text[from, to)`: what `REPEATED_HAN` matches. A copy at distance u starts with the same ideograph u places on, so
 * each ideograph is paired only with its own earlier occurrences within eight places, and only those pairs are
 * compared in full. The pattern, trying eight lengths at every offset, was most of this rule's time. Nothing is kept
 * between calls: the eight places before each ideograph are looked at directly.
 */
export function candidatesOf(text: string, from: number, to: number): Candidate[] {
  const found: Candidate[] = [];
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    if (!isIdeographCode(c)) continue;
    for (let i = j - 1; i >= from && j - i <= MAX_UNIT; i--) {
      if (text.charCodeAt(i) !== c) continue;
      const unit = j - i;
      if (j + unit <= to && ideographsOnly(text, i, j) && copiedAt(text, i, unit) && !CN_NUMERALS_ONLY.test(text.slice(i, j)))
        found.push({ start: i - from, unit });
    }
  }
  return found.sort((a, b) => a.start - b.start || a.unit - b.unit);
}

function ideographsOnly(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (!isIdeographCode(text.charCodeAt(k))) return false;
  return true;
}

/**
 * The allowed reduplications and `allow` words. Short ones (the 叠词, most `allow` entries) are looked up as the few
 * substrings around a candidate, so a line of one character typed over and over (字字字…, 字字 being a 叠词) costs no
 * more than any other line; a long `allow` entry is found by searching the line for it instead, which costs the same
 * whatever its length.
 */
class Allowed {
  private readonly short = new Set<string>();
  private shortest = Infinity;
  private longestShort = 0;
  private readonly long: string[] = [];

  constructor(words: Iterable<string>) {
    for (const w of words) {
      if (!w) continue;
      if (w.length > SHORT_ALLOWED) this.long.push(w);
      else {
        this.short.add(w);
        this.shortest = Math.min(this.shortest, w.length);
        this.longestShort = Math.max(this.longestShort, w.length);
      }
    }
  }

  /** A test for candidates `[start, end)` of one line. */
  forLine(line: string): (start: number, end: number) => boolean {
    let reach: Int32Array | null | undefined;
    return (start, end) => {
      if (this.coveredByShort(line, start, end)) return true;
      if (!this.long.length) return false;
      if (reach === undefined) reach = reachOf(line, this.long);
      return reach !== null && reach[start] >= end;
    };
  }

  private coveredByShort(line: string, start: number, end: number): boolean {
    if (end - start > this.longestShort) return false;
    for (let s = Math.max(0, end - this.longestShort); s <= start; s++) {
      for (let e = Math.max(end, s + this.shortest); e - s <= this.longestShort && e <= line.length; e++) if (this.short.has(line.slice(s, e))) return true;
    }
    return false;
  }
}

/** `allow` entries longer than this are searched for in the line rather than looked up around each candidate. */
const SHORT_ALLOWED = 8;

/** For each offset of the line, how far an occurrence of one of `words` starting at or before it reaches. */
function reachOf(line: string, words: readonly string[]): Int32Array | null {
  let reach: Int32Array | null = null;
  for (const w of words) {
    for (let at = line.indexOf(w); at >= 0; at = line.indexOf(w, at + 1)) {
      reach ??= new Int32Array(line.length + 1);
      reach[at] = Math.max(reach[at], at + w.length);
    }
  }
  if (reach) for (let i = 1; i < reach.length; i++) reach[i] = Math.max(reach[i], reach[i - 1]);
  return reach;
}

/** A cut paragraph's tokens by where each starts (once per cut). */
const tokenIndex = memoByCut((words, paragraph) => ({ startsAt: new Map(tokensOf(words, paragraph).map((t) => [t.start, t])) }));

/**
 * The segmentation confirms a repetition when the copy is one whole word and the first occurrence ends a word without
 * being split inside: itself a whole word (`的/的`, `在/在`), or, two characters or more, the tail of a longer one
 * (`建设项目/项目`, `党风廉政建设/建设`); or when both copies are the same run of whole words of two or more
 * characters each (`加强/管理/加强/管理`). A single character that ends a longer word is no repetition, whatever the
 * segmenter says of the next: in `安全/全/链条`, `首都/都`, `我们/们` it may as well begin the next word (全链条, 都市圈),
 * and deleting it cuts that word. `中医/医院`, `传染病/病例`, `紧紧围绕`, `专病/专防` are not repetitions, nor single
 * characters that merely alternate (`病/专/病/专`).
 */
function confirmed(startsAt: Map<number, Token>, start: number, unit: number): boolean {
  const copy = startsAt.get(start + unit);
  if (!copy) return false;
  if (copy.end === start + 2 * unit) {
    for (let at = start + 1; at < start + unit; at++) if (startsAt.has(at)) return false;
    return unit > 1 || startsAt.get(start)?.end === start + 1;
  }
  const first = wordsIn(startsAt, start, start + unit);
  const second = wordsIn(startsAt, start + unit, start + 2 * unit);
  return (
    !!first &&
    !!second &&
    first.length > 1 &&
    first.every((t) => t.text.length >= 2) &&
    first.map((t) => t.text).join('/') === second.map((t) => t.text).join('/')
  );
}

/** The tokens exactly covering [start, end), or null when a token crosses either end. */
function wordsIn(startsAt: Map<number, Token>, start: number, end: number): Token[] | null {
  const words: Token[] = [];
  for (let at = start; at < end;) {
    const t = startsAt.get(at);
    if (!t || t.end > end) return null;
    words.push(t);
    at = t.end;
  }
  return words;
}

/** A line this short ends where its writer ended it (a title, a cell, a name), never at a wrap. */
const MIN_WRAPPED_LINE = 12;
/** No paragraph of a report runs longer; past it, lines are read on their own (a text wrapped throughout costs no more). */
const MAX_PARAGRAPH = 2000;

/** One line's share of a paragraph: where it starts in the joined text (`at`) and in the document (`doc`). */
interface Piece {
  at: number;
  doc: number;
  length: number;
}

/** A paragraph: one line, or lines a hard wrap cut apart, read as one text without their breaks. */
interface Paragraph {
  pieces: Piece[];
  /** The last line it takes. */
  lastLine: number;
}

/**
 * `首都\n都市圈`: the break falls between two ideographs, after a line long enough to have been wrapped, and neither
 * line is a heading: a PDF's or a fixed-width copy's hard wrap, so the words run on across it.
 */
function wrapsInto(model: DocumentModel, headingLines: ReadonlySet<number>, line: number): boolean {
  const { lines, text } = model;
  const next = line + 1;
  if (next >= lines.lineCount || !model.isProseLine(next) || headingLines.has(line) || headingLines.has(next)) return false;
  const end = lines.ends[line];
  if (!isIdeographCode(text.charCodeAt(end - 1)) || !isIdeographCode(text.charCodeAt(lines.starts[next]))) return false;
  return lines.lineText(line).trim().length >= MIN_WRAPPED_LINE;
}

/** The paragraph that starts at `line`: the line and every line a hard wrap carries it into. */
function paragraphAt(model: DocumentModel, headingLines: ReadonlySet<number>, line: number): Paragraph {
  const { starts, ends } = model.lines;
  const pieces: Piece[] = [{ at: 0, doc: starts[line], length: ends[line] - starts[line] }];
  let last = line;
  for (let at = pieces[0].length; at < MAX_PARAGRAPH && wrapsInto(model, headingLines, last); at += ends[last] - starts[last]) {
    last++;
    pieces.push({ at, doc: starts[last], length: ends[last] - starts[last] });
  }
  return { pieces, lastLine: last };
}

/** The paragraph's text and its candidates; a single line is scanned in place and sliced only when it has some. */
function scan(model: DocumentModel, p: Paragraph): { text: string; candidates: Candidate[] } {
  if (p.pieces.length === 1) {
    const { doc, length } = p.pieces[0];
    const candidates = candidatesOf(model.text, doc, doc + length);
    return { text: candidates.length ? model.text.slice(doc, doc + length) : '', candidates };
  }
  const text = p.pieces.map((piece) => model.text.slice(piece.doc, piece.doc + piece.length)).join('');
  return { text, candidates: candidatesOf(text, 0, text.length) };
}

/** The document ranges of the paragraph's `[start, end)`: one per line it touches (line breaks left out). */
function documentRanges(p: Paragraph, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const piece of p.pieces) {
    const s = Math.max(start, piece.at);
    const e = Math.min(end, piece.at + piece.length);
    if (s < e) out.push([piece.doc + s - piece.at, piece.doc + e - piece.at]);
  }
  return out;
}

/** The problem for a confirmed repetition: the whole run its range, deleting the copies only a suggestion. */
function problemOf(p: Paragraph, start: number, unit: number, end: number, word: string): RuleProblem {
  const extraCopies = (end - start) / unit - 1;
  const edits = documentRanges(p, start + unit, end).map(([s, e]) => ({ start: s, end: e, text: '' }));
  const range = documentRanges(p, start, end);
  return {
    start: range[0][0],
    end: range[range.length - 1][1],
    message: `“${word}”重复${extraCopies > 1 ? `了${extraCopies}次` : ''}：删除多余的“${word}”（${CONVENTION.zh}）`,
    messageEn: `"${word}" is repeated${extraCopies > 1 ? ` ${extraCopies} times` : ''}: delete the extra copy (${CONVENTION.en})`,
    // The segmenter can be wrong about where a word ends, and then the deletion cuts a word in two: review it.
    fix: { safe: false, edits, title: `删除重复的“${word}”`, titleEn: `Delete the repeated "${word}"` },
  };
}

/** A word typed twice in a row (`的的`, `建设建设`): deleting the copy is offered. */
export const repeatedWord: Rule = {
  id: 'repeated-word',
  defaultSeverity: 'warning',
  category: 'wording',
  description: '词语误重复（“的的”“建设建设”），正常叠词（层层、人人、一个个）除外',
  descriptionEn: 'A word typed twice in a row (的的, 建设建设); normal reduplication (层层, 人人, 一个个) is fine',
  fix: { zh: '删除重复的词，仅快速修复', en: "delete the copy: quick fix only (the segmenter may misplace a word's end)" },
  basis: { zh: '写作惯例', en: 'drafting convention' },
  options: OPTIONS,
  scope: 'paragraph',
  check({ model, config, options, segmenter }) {
    if (!segmenter || config.segmenter === 'off') return [];
    const allowed = new Allowed([...REDUPLICATIONS, ...readOptions(OPTIONS, options).allow]);
    const headingLines = new Set(model.headings.map((h) => h.line));
    const problems: RuleProblem[] = [];
    let engine: Segmenter | undefined;
    for (let line = 0; line < model.lines.lineCount; line++) {
      if (!model.isProseLine(line)) continue;
      const p = paragraphAt(model, headingLines, line);
      line = p.lastLine;
      const { text, candidates } = scan(model, p);
      if (!candidates.length) continue;
      const isAllowed = allowed.forLine(text);
      const isOpen = (c: Candidate) => {
        if (c.unit === 1 && !SLIP_CHARACTERS.has(text[c.start])) return false;
        if (isOneByOne(text, c) || isEmphatic(text, c) || isAllowed(c.start, c.start + 2 * c.unit)) return false;
        const range = documentRanges(p, c.start, c.start + 2 * c.unit);
        return !model.isExcluded(range[0][0], range[range.length - 1][1]);
      };
      const open = candidates.filter(isOpen);
      if (!open.length) continue;
      engine ??= segmenter();
      if (!engine) return [];
      const { startsAt } = tokenIndex(engine.cut(text), text);
      let next = 0;
      for (const c of open) {
        if (c.start < next || !confirmed(startsAt, c.start, c.unit)) continue;
        const word = text.slice(c.start, c.start + c.unit);
        // A third copy (的的的) belongs to the same problem.
        let end = c.start + 2 * c.unit;
        while (text.startsWith(word, end) && startsAt.get(end)?.end === end + c.unit) end += c.unit;
        next = end;
        problems.push(problemOf(p, c.start, c.unit, end, word));
      }
    }
    return problems;
  },
};
