import type { DocumentModel } from '../model';
import type { GongwenConfig } from '../config-types';
import type { Fix, Severity } from '../types';
import type { Segmenter } from '../segmenter';

/** A problem as a rule reports it; lint() adds the rule id and the configured severity. */
export interface RuleProblem {
  start: number;
  end: number;
  message: string;
  messageEn: string;
  fix?: Fix;
  /** A milder class of the rule's problems (e.g. a consistent harmless variant): never louder than configured. */
  severityCap?: Severity;
}

export interface RuleContext {
  model: DocumentModel;
  config: GongwenConfig;
  /** The rule's options from `.gongwenrc.json` (`[severity, options]`). */
  options: Record<string, unknown>;
  /**
   * The word segmenter, lazily: call it only with a candidate in hand (it may load a dictionary).
   * Undefined when segmentation is off; returns undefined when no engine is available. Either way: report nothing.
   */
  segmenter?: () => Segmenter | undefined;
}

/** The one contract every rule follows. */
export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /**
   * Off unless configured (`"rules": {"sentence-length": "info"}`): a rule whose precision on real reports stays below
   * its target (`npm run eval`, ACCURACY.md); `defaultSeverity` is then the severity it takes when turned on bare.
   */
  offByDefault?: boolean;
  /** One line on what the rule checks, Chinese and English. */
  description: string;
  descriptionEn: string;
  check(context: RuleContext): RuleProblem[];
}

/** A numeric option, or its default when absent or invalid. */
export function numberOption(options: Record<string, unknown>, key: string, fallback: number): number {
  const v = options[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** A list-of-strings option (e.g. `allow`), or empty when absent or invalid. */
export function stringListOption(options: Record<string, unknown>, key: string): string[] {
  const v = options[key];
  return Array.isArray(v) ? v.filter((w): w is string => typeof w === 'string') : [];
}

/** Where a rule rests on GB/T 9704-2012 §7.3.3 (structure numbering). */
export const CLAUSE_7_3_3 = { zh: 'GB/T 9704-2012 第7.3.3条', en: 'GB/T 9704-2012 §7.3.3' };
/** Where a rule rests on drafting practice rather than a standard. */
export const CONVENTION = { zh: '写作惯例', en: 'drafting convention' };

/** GB/T 9704-2012 §7.3.3 rules the four levels 一、（一）1.（1）; deeper markers (①) follow drafting practice. */
export function clauseFor(level: number): { zh: string; en: string } {
  return level >= 1 && level <= 4 ? CLAUSE_7_3_3 : CONVENTION;
}
