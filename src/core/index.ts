/** The gongwen core: pure functions over text. No editor, no file system. */
export { parse, formatOf } from './parse';
export { lint, lintModel, type LintOptions } from './lint';
export { outline, type OutlineDocument, type OutlineSection } from './outline';
export { applyEdits, editsBetween, type ApplyResult } from './fix';
export { looksLikeReport } from './detect';
export { findPlaceholders, type Placeholder } from './placeholders';
export { countZishu } from './counts';
export { LineIndex, stripBom } from './text';
export { RULES, RULE_IDS, DEFAULT_SEVERITIES } from './rules';
export { DEFAULT_CONFIG, parseConfig, resolveRules, formatConfigError, type ConfigError } from './config';
export type { GongwenConfig, RuleSetting } from './config-types';
export type { Problem, Fix, TextEdit, Severity } from './types';
export type { DocumentModel, Heading, ReportDocument, SourceFormat } from './model';
export { numberingOf } from './numbering';
export { fixAll, safeEdits, MAX_FIX_PASSES, type FixAllResult } from './fix-all';
export { completionsAt, reportDate, type Suggestion, type CompletionOptions } from './completion';
