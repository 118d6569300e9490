/**
 * Loading the word segmentation engines (Node only: native modules and temp files; never imported by src/core).
 *
 * `auto` = nodejieba → @node-rs/jieba → Intl.Segmenter. nodejieba is the engine wherever its binary loads;
 * where it cannot (no binary for the platform, old glibc), @node-rs/jieba (prebuilt) takes over, then the built-in
 * Intl.Segmenter. Nothing is ever compiled here. Each call logs exactly one line: the engine in use, and why a better
 * one was not.
 *
 * A native engine is loaded once per process (per module object): nodejieba keeps one global dictionary, and a load
 * costs ~1 s. Later calls with more dictionary words add them to the loaded engine (and clear its paragraph cache), so
 * the words of every config seen in the process apply together: harmless, since they only keep report terms whole.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cachedSegmenter, cleanDictionary, IntlSegmenter, REPORT_VOCABULARY, type CachedSegmenter, type Segmenter } from '../core/text/segmenter';
import { markWordsIn, openDictionary, PADDING_WORD, sliceDictionary, sliceHmm, WordMarks, type DictionaryIndex } from './jieba-dictionary';
import type { SegmenterSetting } from '../core/config/settings';

export type EngineName = 'nodejieba' | 'rs-jieba' | 'intl';

/** `require`, injectable so tests can simulate a missing native binary (`resolve` optional, as on `require`). */
export type RequireFn = ((id: string) => unknown) & { resolve?: (id: string) => string };

/** Receives the one log line, in English and in Chinese. */
export type SegmenterLog = (line: string, lineZh: string) => void;

/** Frequency given to user-dictionary words (both jieba dictionaries count in the same units: total ≈ 6×10⁷). */
const USER_WORD_FREQ = 1000;

/** The engines tried for a setting, best first. */
export function engineChain(setting: SegmenterSetting): EngineName[] {
  switch (setting) {
    case 'off':
      return [];
    case 'intl':
      return ['intl'];
    case 'rs-jieba':
      return ['rs-jieba', 'intl'];
    default:
      return ['nodejieba', 'rs-jieba', 'intl'];
  }
}

/** The engine a setting asks for; anything else loaded is a fallback. */
export function preferredEngine(setting: SegmenterSetting): EngineName | undefined {
  return engineChain(setting)[0];
}

export const ENGINE_LABEL: Record<EngineName, string> = { nodejieba: 'nodejieba', 'rs-jieba': '@node-rs/jieba', intl: 'Intl.Segmenter' };

/**
 * Loads the segmenter a setting asks for, falling back down the chain; undefined for `off` (or when no engine at all
 * is available). The result caches segmentation per paragraph. `dictionary` is the config's extra words
 * (REPORT_VOCABULARY is always loaded). `scope`, the texts the engine will be asked to cut (a run's files), lets
 * nodejieba load only the part of its dictionary they use (see `jieba-dictionary.ts`): it segments the same, and a
 * paragraph outside the scope widens it.
 */
export function loadSegmenter(
  setting: SegmenterSetting,
  dictionary: readonly string[],
  log: SegmenterLog,
  requireFn: RequireFn = require,
  scope?: readonly string[],
): Segmenter | undefined {
  const chain = engineChain(setting);
  if (!chain.length) return undefined;
  const words = cleanDictionary([...REPORT_VOCABULARY, ...dictionary]).filter(wellFormed);
  const failures: Array<{ engine: EngineName; reason: string }> = [];
  for (const engine of chain) {
    try {
      const segmenter = obtain(engine, words, requireFn, scope);
      log(describe(engine, failures, words.length, 'en'), describe(engine, failures, words.length, 'zh'));
      return segmenter;
    } catch (e) {
      failures.push({ engine, reason: reasonOf(e) });
    }
  }
  const all = failures.map((f) => `${ENGINE_LABEL[f.engine]}: ${f.reason}`).join('; ');
  log(
    `gongwen: no word segmentation engine could load (${all}); repeated-word and overused-word are off`,
    `gongwen：没有可用的分词引擎（${all}），repeated-word 和 overused-word 规则不工作`,
  );
  return undefined;
}

function describe(engine: EngineName, failures: Array<{ engine: EngineName; reason: string }>, words: number, lang: 'en' | 'zh'): string {
  const why = failures.map((f) => `${ENGINE_LABEL[f.engine]}: ${f.reason}`).join('; ');
  if (lang === 'en') {
    const dict = engine === 'intl' ? '' : ` with ${words} user dictionary words`;
    return `gongwen: word segmentation by ${ENGINE_LABEL[engine]}${dict}${why ? ` (fallback: ${why})` : ''}`;
  }
  const dict = engine === 'intl' ? '' : `，用户词典 ${words} 词`;
  return `gongwen：分词引擎 ${ENGINE_LABEL[engine]}${dict}${why ? `（回退：${why}）` : ''}`;
}

function reasonOf(e: unknown): string {
  const err = e as { code?: string; message?: string };
  const message = String(err?.message ?? e).split('\n')[0];
  if (err?.code === 'MODULE_NOT_FOUND' || err?.code === 'BINDING_NOT_FOUND')
    return `not installed or no binary for ${process.platform}-${process.arch} (${message})`;
  return message;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const wellFormed = (w: string): boolean => !LONE_SURROGATE.test(w);

interface NativeEngine extends Segmenter {
  addWords(words: string[]): void;
  /** Prepares the engine for these texts (nodejieba loads the dictionary words they use). */
  cover?(texts: readonly string[]): void;
}

interface Loaded {
  engine: NativeEngine;
  cached: CachedSegmenter;
  words: Set<string>;
}

/** Engines loaded in this process, by the module object they came from (a fake require in tests gets its own). */
const loaded = new WeakMap<object, Loaded>();
let intl: { cached: CachedSegmenter; words: string } | undefined;

function obtain(engine: EngineName, words: string[], requireFn: RequireFn, scope: readonly string[] | undefined): Segmenter {
  if (engine === 'intl') {
    if (typeof Intl.Segmenter !== 'function') throw new Error('Intl.Segmenter is not available in this runtime');
    const key = words.join('\n');
    if (intl?.words !== key) intl = { cached: cachedSegmenter(new IntlSegmenter(words)), words: key };
    return intl.cached;
  }
  const mod = requireFn(engine === 'nodejieba' ? 'nodejieba' : '@node-rs/jieba');
  if (!mod || (typeof mod !== 'object' && typeof mod !== 'function')) throw new Error('module did not load');
  const done = loaded.get(mod);
  if (done) {
    const fresh = words.filter((w) => !done.words.has(w));
    if (fresh.length) {
      done.engine.addWords(fresh);
      for (const w of fresh) done.words.add(w);
      done.cached.clear();
    }
    if (scope) done.engine.cover?.(scope);
    return done.cached;
  }
  const native = engine === 'nodejieba' ? loadNodejieba(mod as NodejiebaModule, words, scope) : loadRsJieba(mod as RsJiebaModule, requireFn, words);
  const entry: Loaded = { engine: native, cached: cachedSegmenter(native), words: new Set(words) };
  loaded.set(mod, entry);
  return entry.cached;
}

interface NodejiebaModule {
  DEFAULT_DICT: string;
  DEFAULT_HMM_DICT: string;
  load(paths: { dict: string; hmmDict: string; userDict: string; idfDict: string; stopWordDict: string }): unknown;
  cut(text: string, hmm: boolean): string[];
  insertWord(word: string, tag?: string): boolean;
}

const isFile = (p: string): boolean => {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
};

/**
 * nodejieba: `load` aborts the whole process (a C++ assertion) on a missing or empty dictionary file, so every path
 * is checked first. The user dictionary goes in a temp file (`word freq tag` lines). The keyword-extraction files
 * (idf, stop words: 6 MB we never use) are replaced by one-line files, which saves ~15% of the load time. With a
 * scope, the dictionary is the slice its texts use (`NodejiebaEngine`).
 */
function loadNodejieba(nj: NodejiebaModule, words: string[], scope: readonly string[] | undefined): NativeEngine {
  if (typeof nj.load !== 'function' || typeof nj.cut !== 'function') throw new Error('unexpected nodejieba module');
  for (const [key, p] of Object.entries({ dict: nj.DEFAULT_DICT, hmmDict: nj.DEFAULT_HMM_DICT })) {
    if (typeof p !== 'string' || !isFile(p) || fs.statSync(p).size === 0) throw new Error(`dictionary file missing or empty (${key}: ${p})`);
  }
  const engine = new NodejiebaEngine(nj, words);
  if (scope) engine.cover(scope);
  else engine.loadWhole();
  const probe = nj.cut('卫生健康委', true);
  if (!Array.isArray(probe) || probe.join('') !== '卫生健康委') throw new Error('nodejieba loaded but does not segment');
  return engine;
}

/**
 * A slice is reloaded when a text needs words it lacks; once the slices loaded add up to this many words, the whole
 * dictionary is loaded instead (each load costs ~26 ms plus ~2.4 ms per thousand words; the whole one ~1.2 s).
 */
const MAX_SLICED_WORDS = 150_000;

/** nodejieba with the whole dictionary or a slice of it (exactly the same segmentation either way). */
class NodejiebaEngine implements NativeEngine {
  readonly name = 'nodejieba';
  private whole = false;
  private dictionary: { index: DictionaryIndex; needed: WordMarks } | null | undefined;
  private slicedWords = 0;
  /** The HMM model's text, once; null when it cannot be read (the engine then loads the file whole). */
  private hmm: string | null | undefined;
  /** Words added after a load, replayed after each reload in the same order. */
  private readonly added: string[] = [];
  /** Scopes already covered (a run hands the same array in for each of its files). */
  private readonly covered = new WeakSet<readonly string[]>();

  constructor(
    private readonly nj: NodejiebaModule,
    private readonly userWords: string[],
  ) {}

  cut(text: string): string[] {
    if (!this.whole) {
      if (text.includes(PADDING_WORD)) this.loadWhole();
      else this.cover([text]);
    }
    return this.nj.cut(text, true);
  }

  addWords(words: string[]): void {
    for (const w of words) {
      this.nj.insertWord(w);
      this.added.push(w);
    }
  }

  cover(texts: readonly string[]): void {
    if (this.whole || this.covered.has(texts)) return;
    this.covered.add(texts);
    const dict = this.openDictionary();
    if (!dict) return this.loadWhole();
    let added = 0;
    for (const t of texts) added += markWordsIn(dict.index, t, dict.needed);
    if (!added && this.slicedWords) return;
    const count = dict.needed.entries.length;
    if (this.slicedWords + count > MAX_SLICED_WORDS) return this.loadWhole();
    let slice: Buffer;
    try {
      slice = sliceDictionary(this.nj.DEFAULT_DICT, dict.index, dict.needed);
    } catch {
      return this.loadWhole();
    }
    this.slicedWords += count;
    this.load(slice);
  }

  loadWhole(): void {
    this.whole = true;
    this.dictionary = null;
    this.load(null);
  }

  /** The HMM model for these characters (see `sliceHmm`), or null to load it whole. */
  private hmmSlice(chars: ReadonlySet<number>): string | null {
    if (this.hmm === undefined) {
      try {
        this.hmm = fs.readFileSync(this.nj.DEFAULT_HMM_DICT, 'utf8');
      } catch {
        this.hmm = null;
      }
    }
    return this.hmm === null ? null : sliceHmm(this.hmm, chars);
  }

  /** The dictionary and its index, once; null when it cannot be sliced exactly. */
  private openDictionary(): { index: DictionaryIndex; needed: WordMarks } | null {
    if (this.dictionary === undefined) {
      try {
        const index = openDictionary(this.nj.DEFAULT_DICT);
        this.dictionary = { index, needed: new WordMarks(index.entryCount) };
      } catch {
        this.dictionary = null;
      }
    }
    return this.dictionary;
  }

  /** Loads the engine with a dictionary slice, or the whole dictionary when `slice` is null. */
  private load(slice: Buffer | null): void {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-jieba-'));
    try {
      const file = (name: string, data: string | Uint8Array) => {
        const p = path.join(dir, name);
        fs.writeFileSync(p, data);
        return p;
      };
      const dict = slice ? file('jieba.dict.utf8', slice) : this.nj.DEFAULT_DICT;
      const hmmSlice = slice && this.dictionary ? this.hmmSlice(this.dictionary.needed.chars) : null;
      const hmmDict = hmmSlice !== null ? file('hmm_model.utf8', hmmSlice) : this.nj.DEFAULT_HMM_DICT;
      const userDict = file('user.dict.utf8', userDictionary(this.userWords));
      const idfDict = file('idf.utf8', '的 1.0\n');
      const stopWordDict = file('stop_words.utf8', '的\n');
      this.nj.load({ dict, hmmDict, userDict, idfDict, stopWordDict });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    for (const w of this.added) this.nj.insertWord(w);
  }
}

interface RsJieba {
  cut(text: string, hmm?: boolean): string[];
  loadDict(dict: Uint8Array): void;
}
interface RsJiebaModule {
  Jieba: { withDict(dict: Uint8Array): RsJieba };
}

/**
 * @node-rs/jieba 2.x: `Jieba.withDict(dict)` with its own dictionary, then our words. Its `dict.txt` is read directly
 * where it can be found: `@node-rs/jieba/dict` would also read the 6 MB keyword file and keep both buffers for good.
 */
function loadRsJieba(mod: RsJiebaModule, requireFn: RequireFn, words: string[]): NativeEngine {
  if (typeof mod.Jieba?.withDict !== 'function') throw new Error('unexpected @node-rs/jieba module (2.x expected)');
  const jieba = mod.Jieba.withDict(rsJiebaDictionary(requireFn));
  jieba.loadDict(Buffer.from(userDictionary(words), 'utf8'));
  return {
    name: 'rs-jieba',
    cut: (text) => jieba.cut(text, true),
    addWords: (ws) => jieba.loadDict(Buffer.from(userDictionary(ws), 'utf8')),
  };
}

function rsJiebaDictionary(requireFn: RequireFn): Uint8Array {
  try {
    const file = path.join(path.dirname(requireFn.resolve!('@node-rs/jieba/package.json')), 'dict.txt');
    if (isFile(file)) return fs.readFileSync(file);
  } catch {
    // No resolve (a test's require) or an unusual layout: the package's own loader below.
  }
  return (requireFn('@node-rs/jieba/dict') as { dict: Uint8Array }).dict;
}

/** One `word freq tag` line per word: the format both nodejieba (cppjieba) and jieba-rs read. */
export function userDictionary(words: readonly string[]): string {
  return words.map((w) => `${w} ${USER_WORD_FREQ} n\n`).join('');
}
