import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, findPlaceholders, lint, parse } from '../../../src/core';
import { testRule } from '../rule-tester';

testRule('ai-leftovers', {
  valid: [
    '2025年是实施“十四五”规划的关键之年。',
    '完成**万元，增长**%，共**家。',
    { text: '# 一、主要工作\n\n**加强组织领导**：成立工作专班。\n', format: 'markdown' },
    '©2024 版权所有\n® 注册商标',
    'He said "yes" twice.',
  ],
  invalid: [
    {
      text: '2025年是实施"十四五"规划的关键之年,为开启"十五五"新征程奠定了坚实基础。',
      errors: [
        { line: 1, column: 9, endColumn: 14, severity: 'warning', safe: true, message: '直引号' },
        { line: 1, column: 25, endColumn: 30 },
      ],
      output: '2025年是实施“十四五”规划的关键之年,为开启“十五五”新征程奠定了坚实基础。',
    },
    {
      text: '### 一、主要工作\n**加强组织领导**：成立工作专班。\n✅ 完成项目12个\n1️⃣ 推进改革',
      errors: [
        { line: 1, column: 1, endColumn: 5, message: 'markdown 标题标记“###”' },
        { line: 2, column: 1, endColumn: 11, message: '粗体' },
        { line: 3, column: 1, endColumn: 2, message: '表情符号' },
        { line: 4, column: 1, endColumn: 4 },
      ],
      output: '一、主要工作\n加强组织领导：成立工作专班。\n完成项目12个\n推进改革',
    },
  ],
});

describe('ai-leftovers and placeholder: markdown bold in plain text is reported once', () => {
  const both = (text: string) => lint(text, { config: DEFAULT_CONFIG, only: ['placeholder', 'ai-leftovers'] }).map((p) => `${p.ruleId} ${p.start}-${p.end}`);

  it('reports **加强组织领导** as bold to delete, not as two ** placeholders', () => {
    assert.deepEqual(both('**加强组织领导**：成立工作专班。'), ['ai-leftovers 0-10']);
    assert.deepEqual(both('一、总体要求\n**一是加强领导**，压实责任。'), ['ai-leftovers 7-17']);
  });

  it('leaves masked figures and a lone ** to the placeholder rule', () => {
    assert.deepEqual(both('完成**万元，增长**%。'), ['placeholder 2-4', 'placeholder 9-11']);
    assert.deepEqual(both('党的**大精神，**同志发言。'), ['placeholder 2-4', 'placeholder 8-10']);
    assert.deepEqual(both('**XX**项目'), ['placeholder 0-2', 'placeholder 2-4', 'placeholder 4-6']);
  });

  it('takes two masked figures around words for blanks, not bold: no safe fix deletes them', () => {
    assert.deepEqual(both('全年共开展**次检查发现问题**个，已全部整改。'), ['placeholder 5-7', 'placeholder 14-16']);
    assert.deepEqual(both('共组织**场培训覆盖**人次。'), ['placeholder 3-5', 'placeholder 10-12']);
    assert.deepEqual(both('**年度目标**：全面完成。'), ['ai-leftovers 0-8']);
  });

  it('keeps the bold out of every placeholder count (outline, export gate, editor), as out of the rule', () => {
    const found = (text: string, format: 'text' | 'markdown' = 'text') =>
      findPlaceholders(parse(text, format), DEFAULT_CONFIG).map((p) => `${p.start}-${p.end}`);
    assert.deepEqual(found('**加强组织领导**：成立工作专班，完成**万元。'), ['20-22']);
    assert.deepEqual(found('**XX**项目'), ['0-2', '2-4', '4-6']);
  });
});
