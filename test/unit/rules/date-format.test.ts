import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, parse } from '../../../src/core';
import { testRule } from '../rule-tester';
import { centuryOf, dateFormat } from '../../../src/core/rules/date-format';

testRule('date-format', {
  valid: [
    '2022年1月6日，2024年，2024年3月13日，12月份，3月1日—15日。',
    '2023—2025年，2023-2025年，2024年1-6月，0-3周岁，2-3家。',
    '上午9:30开会，3.44万管，2024.3万元，比例3:2。',
    'PyCharm 2024.3.1，v2024.3.1，IP 192.168.1.1，版本1.2.3。',
    '详见https://x.cn/2024/3/13/a。',
    '卫发〔2024〕5号，国办发〔2018〕59号。',
    // Two digits in brackets before 号 without an issuer code may be anything.
    '安置在城南小区（23）3号，编号（12）5号。',
    // A number of years before a month is a length of time, not a year written short.
    '连续12年3月组织义诊，近10年5月均举办，已满20年12月退休。',
    // No issuing authority before it: not a document number.
    '(2024)5号',
    '2024-13-45',
    '二〇二四年三月十三日召开会议。',
    { text: '代码`2024-3-13`和\n\n```\n2024年03月13日\n```\n', format: 'markdown' },
  ],
  invalid: [
    {
      text: '2024年03月13日',
      errors: [{ line: 1, column: 1, endColumn: 12, severity: 'warning', message: 'GB/T 9704-2012 第7.3.5.4条', safe: true }],
      output: '2024年3月13日',
    },
    {
      text: '截至03月底，3月05日，2024年3月13日—2024年03月15日',
      errors: [
        { line: 1, column: 3, endColumn: 6 },
        { line: 1, column: 8, endColumn: 13 },
        { line: 1, column: 25, endColumn: 36 },
      ],
      output: '截至3月底，3月5日，2024年3月13日—2024年3月15日',
    },
    // A two-digit year: the century is a guess, so the fix is offered but never applied unreviewed.
    {
      text: '24年3月13日，98年5月',
      errors: [
        { line: 1, column: 1, endColumn: 9, message: '年份应写全', safe: false },
        { line: 1, column: 10, endColumn: 15, safe: false },
      ],
      output: '2024年3月13日，1998年5月',
    },
    {
      text: '2024-3-13，2024/3/13，2024.3.13，2024-03-13',
      errors: [
        { line: 1, column: 1, endColumn: 10, safe: true, message: '“2024年3月13日”' },
        { line: 1, column: 11, endColumn: 20, safe: true },
        { line: 1, column: 21, endColumn: 30, safe: true },
        { line: 1, column: 31, endColumn: 41, safe: true },
      ],
      output: '2024年3月13日，2024年3月13日，2024年3月13日，2024年3月13日',
    },
    // Not a real date: flagged, but the fix is a suggestion.
    {
      text: '2023-2-29，2024-2-29',
      errors: [
        { line: 1, column: 1, safe: false, message: '此日期不存在' },
        { line: 1, column: 11, safe: true },
      ],
    },
    // A date with its time: a suggestion only, never run into the time by --fix.
    { text: '于2024-3-13 09:30召开。', errors: [{ line: 1, column: 2, endColumn: 11, safe: false }], output: '于2024年3月13日 09:30召开。' },
    {
      text: '卫发[2024]5号、卫发(2024)5号、卫发【2024】5号、卫发（2024）5号、卫发﹝2024﹞5号',
      errors: [
        { line: 1, column: 3, endColumn: 11, message: 'GB/T 9704-2012 第7.2.5条', safe: true },
        { line: 1, column: 14, endColumn: 22 },
        { line: 1, column: 25, endColumn: 33 },
        { line: 1, column: 36, endColumn: 44 },
        { line: 1, column: 47, endColumn: 55 },
      ],
      output: '卫发〔2024〕5号、卫发〔2024〕5号、卫发〔2024〕5号、卫发〔2024〕5号、卫发〔2024〕5号',
    },
    {
      // A two-digit year after an issuer code: its century is a guess, so the fix is offered, not applied.
      text: '卫发〔23〕5号，国办函[98]12号',
      errors: [
        { line: 1, column: 3, endColumn: 9, message: '应为“〔2023〕5号”（年份系推测，请核对）', safe: false },
        { line: 1, column: 13, endColumn: 20, message: '应为“〔1998〕12号”', safe: false },
      ],
    },
    {
      text: '国发〔2024〕第5号，国发〔2024〕05号，国发[2024]第005号',
      errors: [
        { line: 1, column: 3, endColumn: 12, message: '不加“第”' },
        { line: 1, column: 15, endColumn: 24, message: '前导零' },
        { line: 1, column: 27, endColumn: 38 },
      ],
      output: '国发〔2024〕5号，国发〔2024〕5号，国发〔2024〕5号',
    },
    // An issuing date in Chinese numerals on its own line.
    {
      text: 'XX市卫生健康委员会\n\u3000\u3000二〇二四年三月十三日',
      errors: [{ line: 2, column: 3, endColumn: 13, message: '阿拉伯数字', safe: true }],
      output: 'XX市卫生健康委员会\n\u3000\u30002024年3月13日',
    },
    // `会议时间：` is the report's own date (a bare `时间：` label is a web page's metadata: see below).
    { text: '# 通知\n\n会议时间：2024-03-13', format: 'markdown', errors: [{ line: 3, column: 6, endColumn: 16, safe: true }] },
  ],
});

describe('date-format: a two-digit year', () => {
  it('takes its century as POSIX %y does (69–99: 19xx, 00–68: 20xx)', () => {
    assert.deepEqual([0, 24, 68, 69, 98].map(centuryOf), [2000, 2024, 2068, 1969, 1998]);
  });
});

describe('date-format: document numbers and addresses', () => {
  testRule('date-format', {
    valid: ['安置在城南小区（2023）3号楼。', '搬到[2024]5号院办公。', 'Date: 2024-03-13', 'Released (2024-03-13) today'],
    invalid: [
      { text: '报送日期: 2024-3-13', errors: [{ line: 1, column: 7, endColumn: 16, safe: true }], output: '报送日期: 2024年3月13日' },
      { text: '根据国办发[2024]5号文件。', errors: [{ line: 1, column: 6, endColumn: 14, safe: true }], output: '根据国办发〔2024〕5号文件。' },
      // Not after a usual issuer code: offered, never applied unreviewed.
      { text: '按照财预（2024）05号执行。', errors: [{ line: 1, column: 5, endColumn: 14, safe: false }], output: '按照财预〔2024〕5号执行。' },
    ],
  });
});

// A web copy's metadata and machine timestamps are page furniture, not the report's 成文日期.
const WEB_META = [
  '来源：XX市人民政府　时间：2026-02-10',
  '发布日期：2026-02-10　浏览次数：123',
  '发布时间：2026-02-10 10:30',
  '2026-02-03 09:02:33',
  '日期：2026-02-10',
  '更新时间：2026-02-10 09:02',
  '【发布时间：2026年02月10日】',
  '# 通知\n\n时间：2024-03-13',
  '日期: 2024-3-13',
  // From the real-text set (test/real/texts): a page's header, a table of metadata, a timestamp in Chinese.
  '中央政府门户网站\u3000www.gov.cn\u3000\u3000 2006年02月16日\u3000\u3000 来源：新华社',
  '公开类别 | 主动公开 | 发布时间 | 2024-01-25 |',
  '四川省人民政府工作报告\n2026年02月10日 07时41分\n来源:',
];

describe('date-format: web metadata and timestamps', () => {
  testRule('date-format', {
    valid: [...WEB_META, { text: WEB_META[7], format: 'markdown' }],
    invalid: [
      {
        // The report's own dates below the metadata are still judged; one with its time only as a suggestion.
        text: 'XX市2025年工作总结\n来源：XX市人民政府　时间：2026-02-10\n2026-02-03 09:02:33\n会议于2026-02-03 09:02召开，2026-02-03前完成部署。',
        errors: [
          { line: 4, column: 4, endColumn: 14, safe: false },
          { line: 4, column: 23, endColumn: 33, safe: true },
        ],
        output: 'XX市2025年工作总结\n来源：XX市人民政府　时间：2026-02-10\n2026-02-03 09:02:33\n会议于2026年2月3日 09:02召开，2026年2月3日前完成部署。',
      },
    ],
  });

  // The rule alone, with every line taken for prose (whether or not the model knows a line for page furniture).
  it('leaves metadata dates and timestamps alone by itself', () => {
    for (const text of WEB_META) {
      const model = { ...parse(text), isProseLine: () => true, isExcluded: () => false };
      assert.deepEqual(dateFormat.check({ model, config: DEFAULT_CONFIG, options: {} }), [], text);
    }
  });
});
