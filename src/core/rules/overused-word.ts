import type { Rule, RuleProblem } from './rule';
import { CONVENTION, Option, readOptions, ruleOptions } from './rule';
import { HAN } from '../text/chars';
import { memoByCut, tokensOf, type Segmenter } from '../text/segmenter';
import type { DocumentModel } from '../structure/model';

/** An ordinal or count that segments as a word (`一是`, `第三`, `二十`, `两年`): never an overused content word. */
const NUMERAL_WORD = /^第?[〇零一二三四五六七八九十百千万亿两]+[是年月日号个项次条家所名人批期类级]?$/;

/** A word for overused-word: two or more ideographs, nothing else. */
const HAN_WORD = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}$/;

/**
 * Two-character function words, scope words and units: they repeat in any report and say nothing about its style.
 * (Single characters never count: a content word has at least two ideographs.)
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  '我们',
  '他们',
  '它们',
  '进行',
  '以及',
  '通过',
  '同时',
  '其中',
  '目前',
  '已经',
  '没有',
  '可以',
  '能够',
  '一个',
  '一些',
  '这个',
  '这些',
  '那些',
  '这样',
  '关于',
  '对于',
  '按照',
  '根据',
  '依据',
  '以上',
  '以下',
  '方面',
  '有关',
  '相关',
  '并且',
  '而且',
  '或者',
  '如果',
  '因为',
  '所以',
  '但是',
  '不是',
  '就是',
  '还是',
  '以来',
  '之后',
  '之前',
  '以后',
  '期间',
  '其他',
  '其它',
  '各类',
  '各级',
  '各项',
  '各种',
  '等等',
  '为了',
  '由于',
  '并且',
  '及时',
  '之间',
  '之中',
  '自己',
  '什么',
  '全市',
  '全区',
  '全县',
  '全省',
  '全国',
  '我市',
  '我区',
  '我县',
  '我省',
  '本市',
  '本区',
  '本县',
  '本省',
  '万元',
  '亿元',
  '千元',
  '元钱',
  '万人',
  '人次',
  '万人次',
  '平方米',
  '万平方米',
  '公里',
  '百分点',
  '同比',
  '环比',
  '年度',
  '月份',
  '上半年',
  '下半年',
  '年底',
  '年初',
]);

const OPTIONS = ruleOptions({
  minCount: Option.Integer({
    minimum: 2,
    default: 5,
    description: '至少用到这么多次才报告',
    descriptionEn: 'Report a word used at least this many times',
  }),
  charsPerUse: Option.Integer({
    minimum: 1,
    default: 50,
    description: '每这么多个汉字允许用一次',
    descriptionEn: 'One use is allowed per this many ideographs of the section',
  }),
  allow: Option.Array(Option.String({ minLength: 1 }), {
    default: [],
    description: '不检查的词',
    descriptionEn: 'Words never reported',
  }),
});

interface Unit {
  start: number;
  end: number;
  /** The section's heading title (or the document title for its preamble): its words are the section's topic. */
  topic: string;
  /** How the message names the section. */
  label: string;
}

/** The text each section owns: from its heading to its first child (or its end); plus each document's preamble. */
function unitsOf(model: DocumentModel): Unit[] {
  const { lines } = model;
  const units: Unit[] = [];
  for (const doc of model.documents) {
    if (doc.kind === 'toc') continue;
    const first = doc.nodes[0];
    const preambleEnd = first ? lines.starts[first.heading.line] : doc.end;
    if (preambleEnd > doc.start) units.push({ start: doc.start, end: preambleEnd, topic: doc.title, label: doc.title });
    for (const node of doc.nodes) {
      const start = lines.starts[node.heading.line];
      const end = node.children.length ? lines.starts[node.children[0].heading.line] : node.end;
      if (end > start) units.push({ start, end, topic: node.heading.title, label: node.heading.marker + node.heading.title });
    }
  }
  return units;
}

/** Prose lines of a unit, as [line, start, end) with the end clamped to the unit. */
function* proseLines(model: DocumentModel, unit: Unit): Generator<[number, number, number]> {
  const { lines } = model;
  for (let line = lines.lineAt(unit.start); line < lines.lineCount && lines.starts[line] < unit.end; line++) {
    if (!model.isProseLine(line)) continue;
    yield [line, Math.max(lines.starts[line], unit.start), Math.min(lines.ends[line], unit.end)];
  }
}

/**
 * The tokens that count as content words: two or more ideographs, not a function word, a numeral or a unit. Judged
 * once per cut paragraph: re-testing every word of every section on each lint was most of this rule's time. The memo
 * is keyed by the cut's array (a `WeakMap`): it dies with the segmenter's cache entry.
 */
const contentTokens = memoByCut((words, paragraph) =>
  tokensOf(words, paragraph).filter((t) => HAN_WORD.test(t.text) && !FUNCTION_WORDS.has(t.text) && !NUMERAL_WORD.test(t.text)),
);

/** A number for each word counted in one lint run (a report's vocabulary: some thousands), so counting is array arithmetic. */
class WordIds {
  private readonly ids = new Map<string, number>();
  readonly words: string[] = [];

  idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
    }
    return id;
  }
}
/** Counts of word ids within one section, with where each first occurs; a new section needs no clearing. */
class SectionCounts {
  private count = new Int32Array(1024);
  private start = new Int32Array(1024);
  private end = new Int32Array(1024);
  private stamp = new Int32Array(1024);
  private current = 0;
  /** Ids met in this section, in order of first occurrence. */
  seen: number[] = [];

  reset(): void {
    this.current++;
    this.seen = [];
  }

  add(id: number, start: number, end: number): void {
    // A word met for the first time during this section may be numbered past the arrays' end.
    if (id >= this.stamp.length) this.grow(Math.max(id + 1, this.stamp.length * 2));
    if (this.stamp[id] === this.current) {
      this.count[id]++;
      return;
    }
    this.stamp[id] = this.current;
    this.count[id] = 1;
    this.start[id] = start;
    this.end[id] = end;
    this.seen.push(id);
  }

  of(id: number): { count: number; start: number; end: number } {
    return { count: this.count[id], start: this.start[id], end: this.end[id] };
  }

  private grow(size: number): void {
    const grown = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.count = grown(this.count);
    this.start = grown(this.start);
    this.end = grown(this.end);
    this.stamp = grown(this.stamp);
  }
}
const shorten = (s: string): string => (s.length > 14 ? `${s.slice(0, 13)}…` : s);

/** A BMP ideograph's index among the 28,096 of the three ranges, or -1. */
function hanIndex(c: number): number {
  if (c >= 0x4e00 && c <= 0x9fff) return c - 0x4e00;
  if (c >= 0x3400 && c <= 0x4dbf) return 20992 + c - 0x3400;
  if (c >= 0xf900 && c <= 0xfaff) return 27584 + c - 0xf900;
  return -1;
}
const HAN_INDICES = 28096;

/**
 * Counts character pairs (keys below 2^30) in an open-addressing table of typed arrays, reused from unit to unit of
 * one lint run:
 * a `Map` cost two lookups a character, most of this rule's time on a long report.
 */
class PairCounts {
  /** A table larger than this (after a long section) is dropped at the next section rather than kept for the process. */
  private static readonly KEEP = 1 << 16;
  private static readonly INITIAL = 1 << 10;
  private keys = new Int32Array(0);
  private counts = new Int32Array(0);
  /** Which round wrote a slot: a new round needs no clearing. */
  private rounds = new Int32Array(0);
  private round = 0;
  private used = 0;

  constructor() {
    this.allocate(PairCounts.INITIAL);
  }

  /** Starts counting afresh. */
  reset(): void {
    this.used = 0;
    if (this.keys.length > PairCounts.KEEP) this.allocate(PairCounts.INITIAL);
    else if (++this.round === 0x7fffffff) this.allocate(this.keys.length);
  }

  /** Counts one more of `key` (below 2^30); returns its count. */
  add(key: number): number {
    if (2 * (this.used + 1) > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) & mask;
    while (this.rounds[slot] === this.round) {
      if (this.keys[slot] === key) return ++this.counts[slot];
      slot = (slot + 1) & mask;
    }
    this.rounds[slot] = this.round;
    this.keys[slot] = key;
    this.counts[slot] = 1;
    this.used++;
    return 1;
  }

  private allocate(size: number): void {
    this.keys = new Int32Array(size);
    this.counts = new Int32Array(size);
    this.rounds = new Int32Array(size);
    this.round = 1;
  }

  /** Doubles the table, moving this round's counts over (kept at most half full). */
  private grow(): void {
    const { keys, counts, rounds, round } = this;
    this.allocate(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (rounds[i] !== round) continue;
      let slot = Math.imul(keys[i], 0x9e3779b1) & mask;
      while (this.rounds[slot] === this.round) slot = (slot + 1) & mask;
      this.rounds[slot] = this.round;
      this.keys[slot] = keys[i];
      this.counts[slot] = counts[i];
    }
  }
}

/** Ideographs in the unit and its most frequent character pair: no word can occur more often than its first two characters. */
function scan(model: DocumentModel, unit: Unit, pairCounts: PairCounts): { han: number; maxPair: number } {
  const { text } = model;
  pairCounts.reset();
  let han = 0;
  let maxPair = 0;
  for (const [, s, e] of proseLines(model, unit)) {
    let prev = -1;
    for (let i = s; i < e; i++) {
      const c = text.charCodeAt(i);
      const index = hanIndex(c);
      if (index < 0) {
        if (c >= 0xd840 && c <= 0xd87f && HAN.test(text.slice(i, i + 2))) han++; // an astral ideograph: counted, pairs not tracked
        prev = -1;
        continue;
      }
      han++;
      if (prev >= 0) {
        const n = pairCounts.add(prev * HAN_INDICES + index);
        if (n > maxPair) maxPair = n;
      }
      prev = index;
    }
  }
  return { han, maxPair };
}

/**
 * A content word used far more often than its section's length warrants (`推进` eight times in one subsection).
 *
 * Per section (the text a heading owns up to its first sub-heading; a document's text before its first heading is one
 * more), each word of two or more ideographs that is not a function word, a numeral or a unit is counted. It is
 * flagged when its count reaches both `minCount` (5) and one use per `charsPerUse` (50) ideographs of the section:
 * 8 uses in a 400-character section, 11 in a 517-character one. A word of the section's own heading is its topic and
 * needs twice both. One problem per section and word, at its first occurrence.
 */
export const overusedWord: Rule = {
  id: 'overused-word',
  defaultSeverity: 'info',
  category: 'wording',
  offByDefault: true,
  description: '同一节中某个词用得过多（如一小节里八次“推进”），可换用近义词或合并表述',
  descriptionEn: 'A word used far more often than its section warrants (推进 eight times in one subsection)',
  fix: null,
  basis: { zh: '写作惯例', en: 'drafting convention' },
  options: OPTIONS,
  check({ model, config, options, segmenter }) {
    if (!segmenter || config.segmenter === 'off') return [];
    const { minCount, charsPerUse, allow: allowed } = readOptions(OPTIONS, options);
    const allow = new Set(allowed);
    const { lines } = model;
    const problems: RuleProblem[] = [];
    // Scratch of this run only: nothing outlives the call, so a long editing session keeps no growing vocabulary.
    const pairCounts = new PairCounts();
    const wordIds = new WordIds();
    const counts = new SectionCounts();
    let engine: Segmenter | undefined;
    for (const unit of unitsOf(model)) {
      const { han, maxPair } = scan(model, unit, pairCounts);
      const limit = Math.max(minCount, Math.ceil(han / charsPerUse));
      if (maxPair < limit) continue; // no word can reach the limit: nothing to segment
      engine ??= segmenter();
      if (!engine) return [];
      counts.reset();
      for (const [line, s, e] of proseLines(model, unit)) {
        const lineStart = lines.starts[line];
        const paragraph = lines.lineText(line);
        for (const t of contentTokens(engine.cut(paragraph), paragraph)) {
          const start = lineStart + t.start;
          const end = lineStart + t.end;
          if (start < s || end > e || (allow.size && allow.has(t.text))) continue;
          if (model.isExcluded(start, end)) continue;
          counts.add(wordIds.idOf(t.text), start, end);
        }
      }
      for (const id of counts.seen) {
        const { count, start, end } = counts.of(id);
        if (count < limit) continue;
        const word = wordIds.words[id];
        const topic = unit.topic.includes(word);
        if (count < (topic ? 2 * limit : limit)) continue;
        const bound = topic ? 2 * limit : limit;
        const where = unit.label ? `“${shorten(unit.label)}”` : '';
        const whereEn = unit.label ? `the section "${shorten(unit.label)}"` : 'this section';
        problems.push({
          start,
          end,
          message: `“${word}”在本节${where}（${han}字）中用了${count}次（按篇幅${bound}次即偏多）：可换用近义词或合并表述（${CONVENTION.zh}）`,
          messageEn: `"${word}" is used ${count} times in ${whereEn} (${han} characters; ${bound} is already many for its length): vary the wording or merge sentences (${CONVENTION.en})`,
        });
      }
    }
    return problems.sort((a, b) => a.start - b.start);
  },
};
