import type { Rule, RuleProblem } from './rule';
import { Option, readOptions, ruleOptions } from './rule';
import { zishuOf } from '../structure/counts';

const OPTIONS = ruleOptions({
  limit: Option.Optional(
    Option.Integer({
      minimum: 1,
      description: '字数上限；设置后优先于顶层的 `maxChars`（默认即 `maxChars`）',
      descriptionEn: 'The character limit; wins over the top-level `maxChars` (its default)',
    }),
  ),
});

const thousands = (n: number): string => n.toLocaleString('en-US');

/** A document whose 字数 exceeds the limit set by `maxChars` (or the rule's `limit` option); off without a limit. */
export const maxChars: Rule = {
  id: 'max-chars',
  defaultSeverity: 'info',
  category: 'length',
  description: '文档字数超过设定的上限（maxChars）',
  descriptionEn: 'A document longer than the configured limit (maxChars)',
  fix: null,
  basis: { zh: '配置 maxChars', en: 'the configured limit (maxChars)' },
  severityNote: { zh: '（设了 `maxChars` 才检查）', en: ' (only with `maxChars` set)' },
  options: OPTIONS,
  check({ model, config, options }) {
    const limit = readOptions(OPTIONS, options).limit ?? config.maxChars ?? 0;
    if (!(limit > 0)) return [];
    const problems: RuleProblem[] = [];
    for (const doc of model.documents) {
      // The same 字数 as the outline and `gongwen stats` (one counting service, docs/counting.md).
      const zishu = zishuOf(model, doc.start, doc.end);
      if (doc.kind === 'toc' || zishu <= limit) continue;
      // The title line, or the document's first non-empty line.
      let line = doc.titleLine >= 0 ? doc.titleLine : doc.startLine;
      while (line < doc.endLine && model.lines.lineText(line).trim() === '') line++;
      const text = model.lines.lineText(line);
      const lead = text.length - text.trimStart().length;
      const start = model.lines.starts[line] + lead;
      const end = model.lines.starts[line] + text.trimEnd().length;
      problems.push({
        start,
        end: Math.max(start, end),
        message: `全文${thousands(zishu)}字，超过设定的字数上限${thousands(limit)}字（maxChars），超出${thousands(zishu - limit)}字`,
        messageEn: `The document has ${thousands(zishu)} characters, over the configured limit of ${thousands(limit)} (maxChars) by ${thousands(zishu - limit)}`,
      });
    }
    return problems;
  },
};
