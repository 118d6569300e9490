import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, lint, parse } from '../../../src/core';
import { spacing } from '../../../src/core/rules/spacing';
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
    // 深圳 reports: a document's title keeps its own spaces (joint issuers, phrases), and so do joint issuers in the text.
    '全面贯彻落实《中共中央 国务院关于支持深圳建设中国特色社会主义先行示范区的意见》。',
    '签署《深圳海关 龙岗区共促外贸高质量发展合作备忘录》。',
    '出台《关于勇当海洋强国尖兵 加快建设全球海洋中心城市的决定》。',
    '中共中央 国务院印发了实施方案，中共深圳市委 深圳市人民政府出台配套措施。',
    // 新疆 2026 web copy: a role and a name with a middle dot.
    '自治区主席 艾尔肯·吐尼亚孜',
    // A table copied as text: a tab separates its cells.
    '\u3000\u3000126\t\u3000\u3000完成上川一路、自由路改造\t\u3000\u3000已完成工程建设。',
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
      // Outside 《》 the same space is stray.
      text: '签署《合作备忘录》，共促 外贸高质量发展。',
      errors: [{ line: 1, column: 13, endColumn: 14 }],
      output: '签署《合作备忘录》，共促外贸高质量发展。',
    },
    {
      // Two short words are no list, nor is a run among longer text.
      text: '推进 工作。全市 各级医疗机构 全面 推进。',
      errors: [
        { line: 1, column: 3, endColumn: 4 },
        { line: 1, column: 9, endColumn: 10 },
        { line: 1, column: 16, endColumn: 17 },
        { line: 1, column: 19, endColumn: 20 },
      ],
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
    {
      text: '市卫健委2022年度工作总结与 2023年度工作计划',
      errors: [{ line: 1, column: 16, endColumn: 17 }],
      output: '市卫健委2022年度工作总结与2023年度工作计划',
    },
    // Inside a marker (numbering-style does not judge spaces).
    {
      text: '（ 二 ）完善制度',
      errors: [
        { line: 1, column: 2 },
        { line: 1, column: 4 },
      ],
      output: '（二）完善制度',
    },
    // After full-width punctuation, and after a marker's 、.
    {
      text: '一、 总体要求。 “引用”',
      errors: [
        { line: 1, column: 3 },
        { line: 1, column: 9 },
      ],
      output: '一、总体要求。“引用”',
    },
    {
      text: '王 伟，王\u3000伟强，共 3 个',
      errors: [
        { line: 1, column: 2 },
        { line: 1, column: 6 },
        { line: 1, column: 11 },
        { line: 1, column: 13 },
      ],
      output: '王伟，王伟强，共3个',
    },
    {
      text: '一、概况\r\n\r\n共 3 个',
      errors: [
        { line: 3, column: 2 },
        { line: 3, column: 4 },
      ],
      output: '一、概况\r\n\r\n共3个',
    },
    // Markdown: a table cell's text, and syntax looked through (`**粗体** 中文`).
    {
      text: '| 项目 | 5 月 |\n|---|---|\n| 中 文 | 1 |',
      format: 'markdown',
      errors: [
        { line: 1, column: 9 },
        { line: 3, column: 4 },
      ],
    },
    {
      text: '**粗体** 中文\n\n# 标题 中文',
      format: 'markdown',
      errors: [
        { line: 1, column: 7 },
        { line: 3, column: 5 },
      ],
      output: '**粗体**中文\n\n# 标题中文',
    },
  ],
});

describe('spacing beside markdown code and links', () => {
  testRule('spacing', {
    valid: [
      { text: '具体办法见 `docs/xx-manual.md`。', format: 'markdown' },
      { text: '详见 [督查办法](https://example.gov.cn) 。', format: 'markdown' },
    ],
    invalid: [
      {
        text: '加强 **组织** 领导',
        format: 'markdown',
        errors: [
          { line: 1, column: 3, endColumn: 4 },
          { line: 1, column: 10, endColumn: 11 },
        ],
        output: '加强**组织**领导',
      },
    ],
  });
});

describe('spacing on a long line of names', () => {
  // Each separator once walked the whole list both ways: 100,000 names on one line never finished.
  it('judges every separator of 100,000 names within the default timeout', () => {
    const text = '甲乙 '.repeat(100_000);
    assert.deepEqual(lint(text, { only: ['spacing'] }), []);
  });
});

// Spaces that carry structure, from real report texts: deleting any of them breaks a line a report must keep.
const TOC = [
  '目　录',
  '一、2025年工作总结 3',
  '（一）经济运行稳中有进 3',
  '（二）下一步工作计划 12',
  '二、2026年工作安排\t15',
  '第一章 总则……1',
  '第二章 规划编制 ……5',
  '第三章 实施保障…… 9',
].join('\n');
const BYLINES = [
  '甘肃省人民政府工作报告\n——2025年1月14日在甘肃省第十四届人民代表大会第三次会议上\n省长　王予波',
  '新春走基层丨村里来了“文艺轻骑兵”\n甘肃日报记者 盛学卿\n记者 张三 李四\n（甘肃日报记者 盛学卿）',
  'XX市人民政府工作报告\n——2025年1月15日在XX市第十七届人民代表大会第四次会议上　市长　张某\n各位代表：',
];
const TIMESTAMPS = '2026-02-03 09:02:33\n会议于2026年2月3日 09:02召开。\n发布时间：2026-02-10 10:30';
const METADATA = ['来源：XX市人民政府　时间：2026-02-10', '发布日期：2026-02-10　浏览次数：123', '【字号：大 中 小】', '打印 全屏 收藏'].join('\n');
const PARTS = '第一章 总则\n第一条 为了规范政府投资行为，制定本办法。\n第一部分 总体要求\n第一节 工作目标\n## 第二章 项目管理';

describe('spacing keeps the spaces that carry structure', () => {
  testRule('spacing', {
    valid: [TOC, ...BYLINES, TIMESTAMPS, METADATA, PARTS, { text: PARTS, format: 'markdown' }],
    invalid: [
      // The exceptions are narrow: a role before a name in running text, a date before a word, a number inside a
      // line, are stray spaces still.
      {
        text: '会议由副市长 王某某主持，于2026年2月3日 上午召开，共 3 个议题。',
        errors: [
          { line: 1, column: 7, endColumn: 8, safe: true },
          { line: 1, column: 24, endColumn: 25, safe: true },
          { line: 1, column: 31, endColumn: 32 },
          { line: 1, column: 33, endColumn: 34 },
        ],
        output: '会议由副市长王某某主持，于2026年2月3日上午召开，共3个议题。',
      },
    ],
  });

  // The rule alone, with every line taken for prose (whether or not the model knows a line for page furniture).
  it('judges metadata, timestamps, bylines and TOC lines as structure by itself', () => {
    for (const text of [TOC, ...BYLINES, TIMESTAMPS, METADATA, PARTS]) {
      const model = { ...parse(text), isProseLine: () => true, isExcluded: () => false };
      const found = spacing.check({ model, config: DEFAULT_CONFIG, options: {} });
      assert.deepEqual(
        found.map((p) => [p.start, JSON.stringify(text.slice(p.start - 2, p.end + 2))]),
        [],
        text,
      );
    }
    // On a line of fields that is no web page's metadata, only the separator before the next label is structure; a
    // space inside a value is stray.
    const value = '工作目标：全市 完成植树造林5万亩　责任单位：市林业局';
    const model = { ...parse(value), isProseLine: () => true, isExcluded: () => false };
    assert.deepEqual(
      spacing.check({ model, config: DEFAULT_CONFIG, options: {} }).map((p) => [p.start, p.end, p.fix?.safe]),
      [[7, 8, true]],
    );
  });
});

// Lines of the real-text set (test/real/texts) whose spaces carry structure: captions, signatures, web metadata,
// slogans, a template's blanks for figures, markers where a line break was lost.
const REAL = [
  '3月5日，国务院总理温家宝在第十一届全国人民代表大会第一次会议上代表国务院向大会作政府工作报告。 新华社记者 刘卫兵 摄',
  '自治区人民政府主席张雨浦作政府工作报告。 宁夏日报记者 王鼎 摄',
  ' 国务院总理\u3000温家宝',
  '上海市市长 龚 正\n各位代表：',
  '（责任编辑： 郭桢\n ）',
  '中央政府门户网站\u3000www.gov.cn\u3000\u3000 2006年02月16日\u3000\u3000 来源：新华社',
  '【以稿换稿】【收藏】 作者: 佚名 来源: 作者原创 阅读 次 【小 中 大】【加入会员】',
  '时间:2022-08-08 04:21:37 半年总结 我要投稿',
  '四川省人民政府工作报告\n2026年02月10日 07时41分\n来源:',
  '天津市静海区人民政府 2019年12月3日星期二',
  '深入实施消费提振专项行动，全面打响“好品山东 商行天下”品牌，实施贸易创新发展。打响“万企出海 鲁贸全球”品牌。',
  '认真接待,及时处理群众来信来访事件,全年共接待来访群众 人次,接受上访信件 件,其中上级交办信访 件,结案 件。',
  '1、XX镇2023年政府工作报告汇编(35篇)目录1.2023年白鹤镇政府工作报告 2.2023年冲蒌镇政府工作报告 17.东凤镇2023年政府工作报告',
  '是经济发展较快、人民群众生活质量明显改善的五年。 一、结构调整步伐加快',
];

describe('spacing on real web copies, PDFs and templates', () => {
  testRule('spacing', {
    valid: REAL,
    invalid: [
      // Beside them, stray spaces are still found: a figure and its unit, a marker's 、 and its title.
      {
        text: '实现国内生产总值43.68 亿元,年均递增8.1%。\n一、 过去五年工作回顾',
        errors: [
          { line: 1, column: 14, endColumn: 15, safe: true },
          { line: 2, column: 3, endColumn: 4, safe: true },
        ],
        output: '实现国内生产总值43.68亿元,年均递增8.1%。\n一、过去五年工作回顾',
      },
    ],
  });

  it('judges them as structure by itself, furniture or not', () => {
    for (const text of REAL) {
      const model = { ...parse(text), isProseLine: () => true, isExcluded: () => false };
      assert.deepEqual(
        spacing.check({ model, config: DEFAULT_CONFIG, options: {} }).map((p) => p.start),
        [],
        text,
      );
    }
  });
});
