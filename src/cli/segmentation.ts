import { DEFAULT_CONFIG, type GongwenConfig, type LintOptions, type Segmenter } from '../core';
import type { SegmenterSetting } from '../core/config/settings';
import { loadSegmenter, preferredEngine, type RequireFn } from '../engines/segmenters';
import { pick, type Lang } from './lang';
import type { Output } from './report';

export const SEGMENTER_SETTINGS: readonly SegmenterSetting[] = ['auto', 'nodejieba', 'rs-jieba', 'intl', 'off'];

/** Engines loaded in this process, by setting and dictionary: a CLI run loads its engine once, on first need. */
const loaded = new Map<string, Segmenter | undefined>();
let announced = false;

/**
 * Lint options for one file with segmentation wired in: `--segmenter` (when given) overrides the config's setting, and
 * the engine is a lazy provider (loaded only when a segmentation rule has a candidate to judge, then kept for the
 * process). Its one log line goes to stderr only on a fallback (the engine is not the one the setting asks for),
 * once per process.
 */
export function withSegmentation(options: LintOptions, override: SegmenterSetting | undefined, lang: Lang, io: Output, requireFn?: RequireFn): LintOptions {
  const base = options.config ?? DEFAULT_CONFIG;
  const config: GongwenConfig = override ? { ...base, segmenter: override } : base;
  if (config.segmenter === 'off') return { ...options, config };
  const setting = config.segmenter;
  const key = `${setting}\u0000${config.dictionary.join('\n')}`;
  const segmenter = (): Segmenter | undefined => {
    if (!loaded.has(key)) {
      let line = '';
      const seg = loadSegmenter(setting, config.dictionary, (en, zh) => (line = pick(lang, zh, en)), requireFn);
      loaded.set(key, seg);
      if (!announced && seg?.name !== preferredEngine(setting) && line) {
        announced = true;
        io.err(line);
      }
    }
    return loaded.get(key);
  };
  return { ...options, config, segmenter };
}

/** Forgets the engines loaded by this module (tests that simulate a missing binary). */
export function resetSegmentation(): void {
  loaded.clear();
  announced = false;
}
