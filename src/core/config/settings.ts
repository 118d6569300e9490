import type { Severity } from '../types';

/** A rule's setting in `.gongwenrc.json`: a severity, "off", or [severity, options]. */
export type RuleSetting = Severity | 'off' | [Severity | 'off', Record<string, unknown>];

export type NumberingStyle = 'gbt9704' | 'document';
export type NumberingModeSetting = 'auto' | 'restart' | 'continuous';
export type SegmenterSetting = 'auto' | 'nodejieba' | 'rs-jieba' | 'intl' | 'off';

/** An `ignore` entry: problems of `rule` inside an occurrence of `text` are silenced (optionally only in `files`). */
export interface IgnoreEntry {
  rule: string;
  text: string;
  files?: string[];
}

export interface OverrideEntry {
  files: string | string[];
  rules: Record<string, RuleSetting>;
}

/** The whole configuration, with defaults filled in. */
export interface GongwenConfig {
  rules: Record<string, RuleSetting>;
  placeholders: { patterns: string[]; allow: string[] };
  numbering: { style: NumberingStyle; mode: NumberingModeSetting };
  segmenter: SegmenterSetting;
  dictionary: string[];
  maxChars?: number;
  ignore: IgnoreEntry[];
  overrides: OverrideEntry[];
}
