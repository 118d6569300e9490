import { DEFAULT_CONFIG, type GongwenConfig, type LintOptions, type Segmenter } from '../core';
import type { SegmenterSetting } from '../core/config/settings';
import { loadSegmenter, preferredEngine, type RequireFn } from '../engines/segmenters';
import { pick, type Lang } from './lang';
import type { Output } from './report';

export const SEGMENTER_SETTINGS: readonly SegmenterSetting[] = ['auto', 'nodejieba', 'rs-jieba', 'intl', 'off'];

/** An engine loaded in this process, and the line that says so when it is a fallback ('' when it is the one asked for). */
interface LoadedEngine {
  segmenter: Segmenter | undefined;
  fallbackLine: string;
}

/** Engines loaded in this process, by setting and dictionary: a CLI run loads its engine once, on first need. */
const loaded = new Map<string, LoadedEngine>();
let announced = false;

/** What a file's segmentation did: the engine, if a rule asked for one, and whether it was a fallback. */
export interface SegmentationUse {
  engine?: string;
  fallbackLine?: string;
}

export interface SegmentationExtras {
  /**
   * The texts of the run (or of this thread's share of it), asked for when an engine is first needed: nodejieba loads
   * the dictionary words they use. Return the same array each time.
   */
  scope?: () => readonly string[];
  /** Told when the file's provider is first called; set, the fallback line goes here on every file, not to stderr once. */
  onUse?: (use: SegmentationUse) => void;
}

/**
 * Lint options for one file with segmentation wired in: `--segmenter` (when given) overrides the config's setting, and
 * the engine is a lazy provider (loaded only when a segmentation rule has a candidate to judge, then kept for the
 * process). Its one log line goes to stderr only on a fallback (the engine is not the one the setting asks for),
 * once per process.
 */
export function withSegmentation(
  options: LintOptions,
  override: SegmenterSetting | undefined,
  lang: Lang,
  io: Output,
  requireFn?: RequireFn,
  extras: SegmentationExtras = {},
): LintOptions {
  const base = options.config ?? DEFAULT_CONFIG;
  const config: GongwenConfig = override ? { ...base, segmenter: override } : base;
  if (config.segmenter === 'off') return { ...options, config };
  const setting = config.segmenter;
  const key = `${setting}\u0000${config.dictionary.join('\n')}`;
  const segmenter = (): Segmenter | undefined => {
    let entry = loaded.get(key);
    // nodejieba loads the words of each new scope; the other engines have nothing to load.
    if (!entry || (extras.scope && entry.segmenter?.name === 'nodejieba')) {
      let line = '';
      const seg = loadSegmenter(setting, config.dictionary, (en, zh) => (line = pick(lang, zh, en)), requireFn, extras.scope?.());
      // A later call (a new scope) logs again: the first call's line stands.
      entry ??= { segmenter: seg, fallbackLine: seg?.name !== preferredEngine(setting) && line ? line : '' };
      loaded.set(key, entry);
    }
    if (extras.onUse) extras.onUse({ engine: entry.segmenter?.name, fallbackLine: entry.fallbackLine || undefined });
    else if (!announced && entry.fallbackLine) {
      announced = true;
      io.err(entry.fallbackLine);
    }
    return entry.segmenter;
  };
  return { ...options, config, segmenter };
}

/** Forgets the engines loaded by this module (tests that simulate a missing binary). */
export function resetSegmentation(): void {
  loaded.clear();
  announced = false;
}
