import type { Severity } from '../types';
import type { Rule } from './rule';
import { placeholder } from './placeholder';
import { numberingSequence } from './numbering-sequence';
import { numberingStart } from './numbering-start';
import { numberingStyle } from './numbering-style';
import { numberingMode } from './numbering-mode';
import { numberingHierarchy } from './numbering-hierarchy';
import { inlineSequence } from './inline-sequence';
import { headingTitleStop } from './heading-title-stop';
import { punctuationWidth } from './punctuation-width';
import { spacing } from './spacing';
import { lookalikeChar } from './lookalike-char';
import { dateFormat } from './date-format';
import { quotePairs } from './quote-pairs';
import { attachment } from './attachment';
import { documentType } from './document-type';
import { sentenceLength } from './sentence-length';
import { maxChars } from './max-chars';
import { repeatedWord } from './repeated-word';
import { overusedWord } from './overused-word';
import { headingOwnLine } from './heading-own-line';
import { pageFurniture } from './page-furniture';
import { hardWrap } from './hard-wrap';
import { typo } from './typo';
import { variantForm } from './variant-form';
import { usage } from './usage';
import { bannedTerm } from './banned-term';
import { rangeDash } from './range-dash';
import { aiLeftovers } from './ai-leftovers';

/** Every rule, in the order their problems are listed when they share a position. */
export const RULES: readonly Rule[] = [
  placeholder,
  numberingSequence,
  numberingStart,
  numberingStyle,
  numberingMode,
  numberingHierarchy,
  inlineSequence,
  headingTitleStop,
  headingOwnLine,
  punctuationWidth,
  spacing,
  lookalikeChar,
  dateFormat,
  quotePairs,
  attachment,
  documentType,
  sentenceLength,
  maxChars,
  repeatedWord,
  overusedWord,
  pageFurniture,
  hardWrap,
  typo,
  variantForm,
  usage,
  bannedTerm,
  rangeDash,
  aiLeftovers,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

/** Rule id -> default severity, for config resolution (`off` for a rule off by default). */
export const DEFAULT_SEVERITIES: Record<string, Severity | 'off'> = Object.fromEntries(RULES.map((r) => [r.id, r.offByDefault ? 'off' : r.defaultSeverity]));

export type { Rule, RuleProblem, RuleContext } from './rule';
