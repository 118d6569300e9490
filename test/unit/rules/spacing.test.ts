import assert from 'node:assert/strict';
import { lint } from '../../../src/core';
import { testRule } from '../rule-tester';

testRule('spacing', {
  valid: [
    '2025年3月27日，〔2018〕59号。',
    // Indentation, trailing spaces, spaces between Latin words or around them, digit groups (GB/T 15835 allows 1 500).
    '\u3000\u3000段落缩进\n    缩进\n\t缩进',
    '中文   ',
    '使用 Excel 表格，Hello world 你好，共1 500人。',
    // A two-character name padded to the width of three.
    '主持人：王\u3000伟\n出席：张  三、李四',
    // Lists of three or more short words (names, units) separated by spaces: deleting would merge the names.
    '出席：张三\u3000李四\u3000王五\n参会单位：市委办 市政府办 市卫健委。\n出席：欧阳小明\u3000李四\u3000王五',
    { text: '| 项目 | 数量 |\n|---|---|\n| 中文 | 1 |', format: 'markdown' },
    { text: '中文 `code` 中文\n\n```\n中文 中文\n```\n', format: 'markdown' },
  ],
  invalid: [
    {
      text: '5 月份完成，总数/10 万人，2025 年计划',
      errors: [
        { line: 1, column: 2, endColumn: 3, severity: 'warning', message: '中文与数字之间', safe: true },
        { line: 1, column: 13, endColumn: 14 },
        { line: 1, column: 21, endColumn: 22 },
      ],
      output: '5月份完成，总数/10万人，2025年计划',
    },
    {
      // Two short words are no list, nor is a run among longer text.
      text: '推进 工作。全市 各级医疗机构 全面 推进。',
      errors: [{ line: 1, column: 3, endColumn: 4 }, { line: 1, column: 9, endColumn: 10 }, { line: 1, column: 16, endColumn: 17 }, { line: 1, column: 19, endColumn: 20 }],
    },
    {
      text: '中文 中文，中文\u3000中文，中文\t中文，中文  \u3000中文',
      errors: [
        { line: 1, column: 3, endColumn: 4, message: '中文之间有多余的空格' },
        { line: 1, column: 9, endColumn: 10, message: '全角空格' },
        { line: 1, column: 15, endColumn: 16, message: '制表符' },
        { line: 1, column: 21, endColumn: 24, message: '空白' },
      ],
      output: '中文中文，中文中文，中文中文，中文中文',
    },
    { text: '市卫健委2022年度工作总结与 2023年度工作计划', errors: [{ line: 1, column: 16, endColumn: 17 }], output: '市卫健委2022年度工作总结与2023年度工作计划' },
    // Inside a marker (numbering-style does not judge spaces).
    { text: '（ 二 ）完善制度', errors: [{ line: 1, column: 2 }, { line: 1, column: 4 }], output: '（二）完善制度' },
    // After full-width punctuation, and after a marker's 、.
    { text: '一、 总体要求。 “引用”', errors: [{ line: 1, column: 3 }, { line: 1, column: 9 }], output: '一、总体要求。“引用”' },
    { text: '王 伟，王\u3000伟强，共 3 个', errors: [{ line: 1, column: 2 }, { line: 1, column: 6 }, { line: 1, column: 11 }, { line: 1, column: 13 }], output: '王伟，王伟强，共3个' },
    { text: '一、概况\r\n\r\n共 3 个', errors: [{ line: 3, column: 2 }, { line: 3, column: 4 }], output: '一、概况\r\n\r\n共3个' },
    // Markdown: a table cell's text, and syntax looked through (`**粗体** 中文`).
    { text: '| 项目 | 5 月 |\n|---|---|\n| 中 文 | 1 |', format: 'markdown', errors: [{ line: 1, column: 9 }, { line: 3, column: 4 }] },
    { text: '**粗体** 中文\n\n# 标题 中文', format: 'markdown', errors: [{ line: 1, column: 7 }, { line: 3, column: 5 }], output: '**粗体**中文\n\n# 标题中文' },
  ],
});

describe('spacing beside markdown code and links', () => {
  testRule('spacing', {
    valid: [
      { text: '具体办法见 `docs/xx-manual.md`。', format: 'markdown' },
      { text: '详见 [督查办法](https://example.gov.cn) 。', format: 'markdown' },
    ],
    invalid: [{ text: '加强 **组织** 领导', format: 'markdown', errors: [{ line: 1, column: 3, endColumn: 4 }, { line: 1, column: 10, endColumn: 11 }], output: '加强**组织**领导' }],
  });
});

describe('spacing on a long line of names', () => {
  // Each separator once walked the whole list both ways: 100,000 names on one line never finished.
  it('judges every separator of 100,000 names within the default timeout', () => {
    const text = '甲乙 '.repeat(100_000);
    assert.deepEqual(lint(text, { only: ['spacing'] }), []);
  });
});
