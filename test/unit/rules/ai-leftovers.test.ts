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
