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

/** A banned term of `terms.banned`: the bare term, or the term with what to write instead and why. */
export type BannedTermSetting = string | { term: string; replacement?: string; reason?: string };

/** An institution of `terms.institutions`: its official full name and its 规范化简称. */
export interface InstitutionSetting {
  full: string;
  short?: string[];
}

/** `terms`: the writer's own banned terms, institution names and phrases no wording rule may change. */
export interface TermsSetting {
  banned?: BannedTermSetting[];
  institutions?: InstitutionSetting[];
  fixed?: string[];
}

/** The whole configuration, with defaults filled in. */
export interface GongwenConfig {
  rules: Record<string, RuleSetting>;
  placeholders: { patterns: string[]; allow: string[] };
  numbering: { style: NumberingStyle; mode: NumberingModeSetting };
  segmenter: SegmenterSetting;
  dictionary: string[];
  maxChars?: number;
  /** Absent unless configured: the wording rules then use their shipped lists only. */
  terms?: TermsSetting;
  ignore: IgnoreEntry[];
  overrides: OverrideEntry[];
}
