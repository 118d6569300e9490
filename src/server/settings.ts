import { DEFAULT_CONFIG, type GongwenConfig } from '../core';
import { checkRuleSettings } from '../core/config';
import type { ConfigError } from '../core/config/types';
import type { NumberingModeSetting, NumberingStyle, SegmenterSetting } from '../core/config/settings';

export type EnableMode = 'auto' | 'always' | 'never';

/** The `gongwen.*` settings of one scope, as the server uses them. */
export interface Settings {
  /** The core's config the settings give (a `.gongwenrc.json` goes on top of it: `mergeConfigs`). */
  config: GongwenConfig;
  enable: EnableMode;
  /** `gongwen.messageLanguage`: `auto`, `zh-cn` or `en`. */
  messageLanguage: string;
  /** Quiet time after an edit before diagnostics are computed. */
  debounceMs: number;
  /** False in an untrusted VS Code workspace: the workspace's own `.gongwenrc.json` patterns are not run there. */
  workspaceTrusted: boolean;
  /** Problems of `gongwen.rules` (a misspelt option, an unknown rule): warnings, never a reason to stop checking. */
  errors: ConfigError[];
}

const SETTINGS_SOURCE = 'settings.json';
const SEGMENTERS: readonly SegmenterSetting[] = ['auto', 'nodejieba', 'rs-jieba', 'intl', 'off'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const oneOf = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback);

/**
 * The `gongwen` section of the editor's settings (`workspace/configuration`, or what an editor sends in
 * `didChangeConfiguration`) as the server's settings. Anything missing or of the wrong type takes its default, as
 * the extension's own defaults give it: a settings file can never stop the checks.
 */
export function readSettings(section: unknown): Settings {
  const s = isObject(section) ? section : {};
  const placeholders = isObject(s.placeholders) ? s.placeholders : {};
  const numbering = isObject(s.numbering) ? s.numbering : {};
  const rules = checkRuleSettings(isObject(s.rules) ? s.rules : {}, SETTINGS_SOURCE);
  const maxChars = typeof s.maxChars === 'number' && s.maxChars >= 1 ? s.maxChars : undefined;
  const debounce = typeof s.debounceMs === 'number' && s.debounceMs >= 0 ? Math.min(s.debounceMs, 5000) : 300;
  return {
    config: {
      ...DEFAULT_CONFIG,
      rules: rules.rules,
      placeholders: { patterns: strings(placeholders.patterns), allow: [...DEFAULT_CONFIG.placeholders.allow, ...strings(placeholders.allow)] },
      numbering: {
        style: oneOf<NumberingStyle>(numbering.style, ['gbt9704', 'document'], 'gbt9704'),
        mode: oneOf<NumberingModeSetting>(numbering.mode, ['auto', 'restart', 'continuous'], 'auto'),
      },
      segmenter: oneOf(s.segmenter, SEGMENTERS, 'auto'),
      dictionary: strings(s.dictionary),
      maxChars,
    },
    enable: oneOf<EnableMode>(s.enable, ['auto', 'always', 'never'], 'auto'),
    messageLanguage: typeof s.messageLanguage === 'string' ? s.messageLanguage : 'auto',
    debounceMs: debounce,
    workspaceTrusted: s.workspaceTrusted !== false,
    errors: rules.errors,
  };
}

/** Which keys that have defaults a `.gongwenrc.json` sets itself (the settings fill in the rest). */
export interface FileSets {
  style: boolean;
  mode: boolean;
  segmenter: boolean;
}

/**
 * Settings first, then the project's `.gongwenrc.json` on top: the file is shared with the team and the CLI,
 * so where both set a key the file wins; the allow-lists add up.
 */
export function mergeConfigs(
  settings: GongwenConfig,
  file: GongwenConfig | undefined,
  sets: FileSets = { style: true, mode: true, segmenter: true },
): GongwenConfig {
  if (!file) return settings;
  return {
    ...file,
    rules: { ...settings.rules, ...file.rules },
    numbering: {
      style: sets.style ? file.numbering.style : settings.numbering.style,
      mode: sets.mode ? file.numbering.mode : settings.numbering.mode,
    },
    segmenter: sets.segmenter ? file.segmenter : settings.segmenter,
    dictionary: [...new Set([...settings.dictionary, ...file.dictionary])],
    maxChars: file.maxChars ?? settings.maxChars,
    placeholders: {
      patterns: [...settings.placeholders.patterns, ...file.placeholders.patterns],
      allow: [...new Set([...settings.placeholders.allow, ...file.placeholders.allow])],
    },
  };
}
