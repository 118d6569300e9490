/** The gongwen core: pure functions over text. No editor, no file system. */
export { parse, formatOf } from './structure/parse';
export { lint, lintModel, type LintOptions } from './rules/lint';
export { createLintSession, type LintSession } from './rules/session';
export {
  IntlSegmenter,
  cachedSegmenter,
  builtInSegmenter,
  tokensOf,
  REPORT_VOCABULARY,
  type Segmenter,
  type CachedSegmenter,
  type Token,
} from './text/segmenter';
export { outline, type OutlineDocument, type OutlineSection } from './structure/outline';
export { applyEdits, editsBetween, type ApplyResult } from './edits/fix';
export { looksLikeReport } from './structure/detect';
export { findPlaceholders, type Placeholder } from './structure/placeholders';
export { countZishu } from './structure/counts';
export { stats, statsOfRange, type DocumentStats, type SectionStats, type TextCounts } from './structure/stats';
export { LineIndex, stripBom } from './text/lines';
export { RULES, RULE_IDS, DEFAULT_SEVERITIES } from './rules';
export { DEFAULT_CONFIG, parseConfig, resolveRules, formatConfigError, type ConfigError } from './config';
export type { GongwenConfig, RuleSetting } from './config/settings';
export type { Problem, Fix, TextEdit, Severity } from './types';
export type { DocumentModel, Heading, ReportDocument, SourceFormat } from './structure/model';
export { numberingOf } from './structure/numbering';
export { fixAll, safeEdits, MAX_FIX_PASSES, type FixAllResult } from './edits/fix-all';
export { completionsAt, reportDate, type Suggestion, type CompletionOptions } from './edits/completion';
export { moveSection, moveUp, moveDown, promote, demote, type SectionTarget } from './edits/restructure';
