/** The types of the configuration module; `index.ts` re-exports the public ones. */
import type { GongwenConfig } from './settings';
import type { Severity } from '../types';

/** One problem in a configuration file. */
export interface ConfigError {
  file: string;
  /** JSON path of the offending value, e.g. `rules.placeholder`, `placeholders.patterns[1]`; "" for the whole file. */
  key: string;
  message: string;
  messageEn: string;
}

export type ParseConfigResult = { ok: true; config: GongwenConfig } | { ok: false; errors: ConfigError[] };

/** A rule's effective setting for one file. */
export interface ResolvedRule {
  severity: Severity | 'off';
  options: Record<string, unknown>;
}

/** A message in Chinese and in English. */
export interface Wording {
  zh: string;
  en: string;
}

/** One step of a JSON path: a property name or an array index. */
export type PathSegment = string | number;

/** A message about the value at `path`; `KEY` in the text stands for the quoted key. */
export interface Explained extends Wording {
  path: PathSegment[];
}
