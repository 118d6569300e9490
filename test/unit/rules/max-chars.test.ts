import { testRule } from '../rule-tester';

// 字数 by hand: the title XX (one run) + 12 Han = 13; 一、总体要求 6; 2024 (one run) 年 ， 全面推进健康 XX (one run) 建设 。 = 13: 32 in all.
const REPORT = 'XX市卫生健康委员会工作计划\n\n一、总体要求\n　　2024年，全面推进健康XX建设。\n';

testRule('max-chars', {
  valid: [
    // Off without a limit.
    REPORT,
    { text: REPORT, config: { maxChars: 32 } },
    { text: REPORT, config: { maxChars: 10, rules: { 'max-chars': 'off' } } },
  ],
  invalid: [
    {
      text: REPORT,
      config: { maxChars: 31 },
      errors: [{ line: 1, column: 1, endColumn: 15, severity: 'info', message: '全文32字，超过设定的字数上限31字' }],
    },
    {
      // The rule's own `limit` wins over maxChars.
      text: REPORT,
      config: { maxChars: 100, rules: { 'max-chars': ['info', { limit: 30 }] } },
      errors: [{ line: 1, column: 1, endColumn: 15, message: '上限30字（maxChars），超出2字' }],
    },
    {
      // Each document of a file on its own (6 + 13 + 6 = 25 and 32); one without a title on its first line, after the indentation.
      text: `\u3000\u3000一、总体要求\n2024年，全面推进健康XX建设。\n二、重点任务\n${REPORT}`,
      config: { maxChars: 20 },
      errors: [
        { line: 1, column: 3, endColumn: 9, message: '全文25字' },
        { line: 4, column: 1, endColumn: 15, message: '全文32字' },
      ],
    },
  ],
});
