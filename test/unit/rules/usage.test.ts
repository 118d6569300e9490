import { testRule } from '../rule-tester';

testRule('usage', {
  valid: [
    '截至2024年6月，全区累计完成投资120亿元。',
    '报名已于6月30日截止，截止日期为6月30日，截止到2024年底。',
    '其他工作，认真地做好，必需品，必须坚持，有效的推进机制，全面的落实情况。',
    // A cited title keeps its wording.
    '执行《其它应收款核算办法》和《关于截止2024年底的通报》。',
  ],
  invalid: [
    {
      text: '截止2024年6月，全区累计完成投资120亿元；截止目前，已建成项目12个。',
      errors: [
        { line: 1, column: 1, endColumn: 3, message: '应为“截至”', safe: false, severity: 'warning' },
        { line: 1, column: 25, endColumn: 27, safe: false },
      ],
      output: '截至2024年6月，全区累计完成投资120亿元；截至目前，已建成项目12个。',
    },
    {
      // Outside the title, and a title left open on its line, are the writer's own text.
      text: '《其它应收款核算办法》及其它制度，《其它',
      errors: [
        { line: 1, column: 13, endColumn: 15 },
        { line: 1, column: 19, endColumn: 21 },
      ],
      output: '《其它应收款核算办法》及其他制度，《其他',
    },
    {
      text: '加强其它方面的监管。',
      errors: [{ line: 1, column: 3, endColumn: 5, severity: 'info', safe: true, message: '《党政机关公文处理工作条例》' }],
      output: '加强其他方面的监管。',
    },
    {
      text: '要认真的做好各项工作，积极的抓好落实。',
      errors: [
        { line: 1, column: 4, endColumn: 5, safe: true },
        { line: 1, column: 14, endColumn: 15, safe: true },
      ],
      output: '要认真地做好各项工作，积极地抓好落实。',
    },
    {
      text: '储备生活必须品，必需坚持问题导向。',
      errors: [
        { line: 1, column: 5, endColumn: 7, message: '应为“必需”' },
        { line: 1, column: 9, endColumn: 11, message: '应为“必须”' },
      ],
      output: '储备生活必需品，必须坚持问题导向。',
    },
  ],
});
