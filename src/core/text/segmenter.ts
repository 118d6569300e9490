/**
 * Word segmentation, as the rules see it: one interface, whatever engine runs behind it.
 * The core only knows `Intl.Segmenter` (built into every JavaScript runtime with ICU);
 * the native jieba engines are loaded outside the core (`src/engines/segmenters.ts`) and handed in.
 */

/** A word segmenter. `cut` takes one paragraph and returns its words in order; their concatenation is the paragraph. */
export interface Segmenter {
  /** Engine name: `nodejieba`, `rs-jieba`, `intl`. */
  readonly name: string;
  cut(paragraph: string): string[];
}

/** A word with its UTF-16 offsets in the paragraph it was cut from. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * Report vocabulary: 公文, health and governance terms the general jieba dictionary splits.
 * nodejieba and @node-rs/jieba load it as a user dictionary; `IntlSegmenter` (which has no dictionary) merges its occurrences.
 * `.gongwenrc.json`'s `dictionary` adds more.
 */
export const REPORT_VOCABULARY: readonly string[] = [
  // Health system bodies and reforms
  '医联体',
  '医共体',
  '县域医共体',
  '紧密型医共体',
  '卫生健康委',
  '卫健委',
  '卫生健康局',
  '卫健局',
  '医保局',
  '疾控中心',
  '疾病预防控制中心',
  '优质服务基层行',
  '医养结合',
  '分级诊疗',
  '双向转诊',
  '家庭医生',
  '签约服务',
  '三医联动',
  '公立医院',
  '互联网医院',
  '智慧医院',
  '基层医疗卫生机构',
  '乡镇卫生院',
  '社区卫生服务中心',
  '村卫生室',
  '专科联盟',
  '远程医疗',
  '医共体建设',
  '医联体建设',
  '基本公共卫生服务',
  '妇幼保健',
  '中医药',
  '中医馆',
  '国医堂',
  '院感防控',
  '疫情防控',
  '常态化疫情防控',
  '核酸检测',
  '疫苗接种',
  '健康中国',
  '健康城市',
  '爱国卫生运动',
  '三减三健',
  '慢性病',
  '重大传染病',
  '医疗废物',
  '带量采购',
  '按病种付费',
  'DRG付费',
  // Governance and Party language
  '党建引领',
  '放管服',
  '放管服改革',
  '高质量发展',
  '一网通办',
  '最多跑一次',
  '河长制',
  '林长制',
  '乡村振兴',
  '营商环境',
  '两个维护',
  '四个意识',
  '四个自信',
  '两个确立',
  '三重一大',
  '一岗双责',
  '全面从严治党',
  '党风廉政建设',
  '基层党组织',
  '不忘初心',
  '牢记使命',
  '主题教育',
  '民生实事',
  '获得感',
  '幸福感',
  '安全感',
  '新发展理念',
  '新发展格局',
  '共同富裕',
  '十四五',
  '二十大',
  '安全生产',
  '应急管理',
  '网格化管理',
  '数字化转型',
  '清单管理',
  '巡察整改',
  '督查检查',
  '接诉即办',
  '求真务实',
  '真抓实干',
  '担当作为',
  '守正创新',
  '攻坚克难',
  '凝心聚力',
  '实事求是',
  '久久为功',
  '落细落实',
  '见行见效',
];

/** Words in order with their offsets; a word the engine altered (or dropped) is skipped, never misplaced. */
export function tokensOf(words: readonly string[], paragraph: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  for (const w of words) {
    if (!w) continue;
    const start = paragraph.startsWith(w, at) ? at : paragraph.indexOf(w, at);
    if (start < 0) continue;
    tokens.push({ text: w, start, end: start + w.length });
    at = start + w.length;
  }
  return tokens;
}

/**
 * Remembers what a rule derives from a cut paragraph, by the cut's array: a cached segmenter hands back the same array
 * for the same paragraph, so a paragraph the writer did not touch costs nothing on the next lint. The paragraph is
 * compared too, since an engine may refill one array for every paragraph.
 */
export function memoByCut<T>(derive: (words: readonly string[], paragraph: string) => T): (words: readonly string[], paragraph: string) => T {
  const memo = new WeakMap<readonly string[], { paragraph: string; value: T }>();
  return (words, paragraph) => {
    const hit = memo.get(words);
    if (hit && hit.paragraph === paragraph) return hit.value;
    const value = derive(words, paragraph);
    memo.set(words, { paragraph, value });
    return value;
  };
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words usable as dictionary entries: trimmed, non-empty, no whitespace, deduplicated. */
export function cleanDictionary(words: readonly string[]): string[] {
  return [...new Set(words.map((w) => w.trim()).filter((w) => w && !/\s/.test(w)))];
}

/**
 * `Intl.Segmenter('zh', {granularity: 'word'})`, fed one paragraph at a time (it is slow on long strings).
 * It has no user dictionary, so occurrences of the vocabulary are merged into single words afterwards.
 */
export class IntlSegmenter implements Segmenter {
  readonly name = 'intl';
  private readonly segmenter: Intl.Segmenter;
  private readonly vocabulary: RegExp | null;

  constructor(vocabulary: readonly string[] = REPORT_VOCABULARY) {
    this.segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    // Longest first, so at one position the longer term wins (医共体建设 over 医共体).
    const words = cleanDictionary(vocabulary).sort((a, b) => b.length - a.length);
    this.vocabulary = words.length ? new RegExp(words.map(escapeRegExp).join('|'), 'g') : null;
  }

  cut(paragraph: string): string[] {
    const words: string[] = [];
    for (const s of this.segmenter.segment(paragraph)) words.push(s.segment);
    return this.vocabulary ? mergeVocabulary(paragraph, words, this.vocabulary) : words;
  }
}

/** Makes every occurrence of a vocabulary term one word: no boundary inside it, one at each end. */
function mergeVocabulary(paragraph: string, words: string[], vocabulary: RegExp): string[] {
  vocabulary.lastIndex = 0;
  const spans: Array<[number, number]> = [];
  for (let m = vocabulary.exec(paragraph); m; m = vocabulary.exec(paragraph)) spans.push([m.index, m.index + m[0].length]);
  if (!spans.length) return words;
  const boundaries = new Set<number>([0, paragraph.length]);
  let at = 0;
  for (const w of words) boundaries.add((at += w.length));
  for (const [s, e] of spans) {
    for (let i = s + 1; i < e; i++) boundaries.delete(i);
    boundaries.add(s);
    boundaries.add(e);
  }
  const cuts = [...boundaries].sort((a, b) => a - b);
  const merged: string[] = [];
  for (let i = 1; i < cuts.length; i++) merged.push(paragraph.slice(cuts[i - 1], cuts[i]));
  return merged;
}

/** A segmenter with a per-paragraph cache. */
export interface CachedSegmenter extends Segmenter {
  /** The engine behind the cache. */
  readonly engine: Segmenter;
  readonly size: number;
  /** Forget every cached paragraph (after the engine's dictionary changed). */
  clear(): void;
}

/**
 * Caches `cut` per paragraph text, least recently used evicted beyond `maxEntries`:
 * after a keystroke only the edited paragraph is segmented again.
 */
export function cachedSegmenter(engine: Segmenter, maxEntries = 5000): CachedSegmenter {
  const cache = new Map<string, string[]>();
  return {
    name: engine.name,
    engine,
    get size() {
      return cache.size;
    },
    clear: () => cache.clear(),
    cut(paragraph: string): string[] {
      const hit = cache.get(paragraph);
      if (hit) {
        // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
        cache.delete(paragraph);
        cache.set(paragraph, hit);
        return hit;
      }
      const words = engine.cut(paragraph);
      cache.set(paragraph, words);
      if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
      return words;
    },
  };
}

const builtIn = new Map<string, CachedSegmenter | null>();

/**
 * The built-in engine for a config's extra dictionary: a cached `IntlSegmenter`, shared by every lint call.
 * Undefined where the runtime has no `Intl.Segmenter`.
 */
export function builtInSegmenter(dictionary: readonly string[] = []): Segmenter | undefined {
  const extra = cleanDictionary(dictionary);
  const key = extra.join('\n');
  let seg = builtIn.get(key);
  if (seg === undefined) {
    seg = typeof Intl.Segmenter === 'function' ? cachedSegmenter(new IntlSegmenter([...REPORT_VOCABULARY, ...extra])) : null;
    if (builtIn.size >= 8) builtIn.delete(builtIn.keys().next().value as string);
    builtIn.set(key, seg);
  }
  return seg ?? undefined;
}
