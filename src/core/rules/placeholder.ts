import type { Rule, RuleContext, RuleScope } from './rule';
import { CONVENTION, NO_OPTIONS } from './rule';
import { findPlaceholders } from '../structure/placeholders';

/**
 * Placeholders are judged line by line (`line`), unless one may reach across lines: a configured pattern or allowed
 * term can span them, and in markdown the lone `*` that markdown-it took for emphasis are paired through the text.
 * lookalike-char, which leaves placeholders to this rule, reads them the same way.
 */
export function placeholderScope({ model, config }: RuleContext): RuleScope {
  const { patterns, allow } = config.placeholders;
  if (patterns.length || allow.some((term) => /[\r\n]/.test(term))) return 'document';
  return model.format === 'markdown' && model.text.includes('*') ? 'document' : 'line';
}

/** Unfilled template placeholders: one left in a submitted report is an embarrassment. */
export const placeholder: Rule = {
  id: 'placeholder',
  defaultSeverity: 'error',
  category: 'completeness',
  description: '未填写的占位符（XX、xxxx年、***、××、某某、〇〇、□□、____、【待补充】）',
  descriptionEn: 'Unfilled placeholders (XX, xxxx年, ***, ××, 某某, 〇〇, □□, ____, 【待补充】)',
  fix: null,
  basis: { zh: '写作惯例', en: 'drafting convention' },
  options: NO_OPTIONS,
  scope: placeholderScope,
  check({ model, config }) {
    // Markdown bold left in plain text (`**加强组织领导**`) is not found as placeholders (`boldPairs`): ai-leftovers reports it.
    return findPlaceholders(model, config).map((p) => ({
      start: p.start,
      end: p.end,
      message: `未填写的占位符“${p.text}”：提交前请填写实际内容（${CONVENTION.zh}）`,
      messageEn: `Unfilled placeholder "${p.text}": fill it in before the report is submitted (${CONVENTION.en})`,
    }));
  },
};
