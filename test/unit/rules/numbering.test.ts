import assert from 'node:assert/strict';
import { lint, parse } from '../../../src/core';
import { testRule } from '../rule-tester';

testRule('numbering-sequence', {
  valid: [
    '一、总体要求\n（一）指导思想\n（二）基本原则\n二、主要任务\n（一）甲\n（二）乙',
    '一、甲\n1.a\n2.b\n二、乙\n1.c\n2.d',
    '一、甲\n1.a\n2.b\n二、乙\n3.c\n4.d',
    '第一份报告\n一、甲\n二、乙\n第二份报告\n一、丙\n二、丁',
    '1.3.44万人次\n2.5倍以上\n1,500元',
    // 坪山新区 review: items restart at 1 under each unnumbered lead sentence, throughout.
    [
      '一、“十二五”时期工作回顾',
      '五年来，我们坚持质量引领、效益优先，综合经济实力持续增强。',
      '1.经济保持高位增长。预计2015年地区生产总值达到470亿元。',
      '2.质量效益显著提升。一般财政预算收入增长35.55%。',
      '五年来，我们坚持创新驱动、转型发展，现代产业体系逐步形成。',
      '1.产业加快转型升级。五年来累计淘汰落后产能企业1940家。',
      '2.创新驱动显著增强。拥有高新技术企业100家。',
      '3.产业载体梯次发展。打造形成新区产业载体三级梯队。',
      '五年来，我们坚持产城融合、宜居宜业，城市环境内涵不断丰富。',
      '1.城市空间优化。坚持疏堵结合、铁腕查违。',
      '2.城市功能提升。厦深铁路坪山站正式启用。',
    ].join('\n'),
    // 宝安区 report: 40. read as the decimal 40.151 holds the missing number; the numbering is right.
    '一、2016年工作回顾\n39.九大类民生支出276.1亿元。\n40.151件民生实事，其余149件顺利完成。\n41.街道“十大工程”项目全面启动。',
    // 南山区 report: 二、三产业 (the secondary and tertiary sectors) is no heading run into the paragraph.
    '一、经济发展实现质量型增长\n三产增加值达1505.15亿元，增长9.9%，比二产增速高出1.6个百分点。二、三产业比例为56.5：43.5，达历史最优水平。\n二、创新强区地位更加突出\n创新实力国内领先。',
  ],
  invalid: [
    {
      // Two groups only, or a group that does not count from 1, are no pattern: the restart is reported.
      text: [
        '一、工作回顾',
        '五年来，我们坚持质量引领、效益优先，综合经济实力持续增强。',
        '1.经济保持高位增长。正文。',
        '2.质量效益显著提升。正文。',
        '五年来，我们坚持创新驱动、转型发展，现代产业体系逐步形成。',
        '1.产业加快转型升级。正文。',
        '2.创新驱动显著增强。正文。',
      ].join('\n'),
      errors: [{ line: 6, column: 1, endColumn: 3, message: '颠倒' }],
    },
    {
      text: '一、总体要求\n（一）指导思想\n（二）基本原则\n（四）主要目标\n（五）保障',
      errors: [{ line: 4, column: 1, endColumn: 4, message: '跳号', safe: true }],
      output: '一、总体要求\n（一）指导思想\n（二）基本原则\n（三）主要目标\n（四）保障',
    },
    {
      text: '1.甲\n2.乙\n2.丙\n3.丁',
      errors: [{ line: 3, column: 1, endColumn: 3, message: '重复', safe: false }],
      output: '1.甲\n2.乙\n3.丙\n4.丁',
    },
    {
      text: '（一）a\n（三）b\n（二）c',
      errors: [
        { line: 2, column: 1, message: '跳号', safe: false },
        { line: 3, column: 1, message: '颠倒', safe: false },
      ],
    },
    {
      // Continuous level-3 numbering: the renumber runs on through the later sections.
      text: '一、甲\n1.a\n2.b\n二、乙\n3.c\n5.d\n三、丙\n6.e',
      errors: [{ line: 6, column: 1, endColumn: 3, safe: true }],
      output: '一、甲\n1.a\n2.b\n二、乙\n3.c\n4.d\n三、丙\n5.e',
    },
    {
      text: '  十、甲\r\n  十二、乙',
      errors: [{ line: 2, column: 3, endColumn: 6, message: '十一、' }],
      output: '  十、甲\r\n  十一、乙',
    },
  ],
});

describe('what is a table of contents', () => {
  const kinds = (text: string) => parse(text).documents.map((d) => [d.kind, d.title]);
  const toc = ['一、总体要求', '（一）指导思想', '（二）基本原则', '二、重点任务', '三、保障措施'];
  const body = '一、总体要求\n（一）指导思想。正文。\n（二）基本原则。正文。\n二、重点任务\n正文。\n三、保障措施\n正文。';

  it('takes bare headings whose first the body repeats, with leaders and page numbers or without', () => {
    assert.deepEqual(kinds(`${toc.join('\n')}\n\n${body}`), [
      ['toc', ''],
      ['document', ''],
    ]);
    assert.deepEqual(kinds(`目录\n${toc.map((t, i) => `${t}……${i + 1}`).join('\n')}\n\n${body}`), [
      ['toc', '目录'],
      ['document', ''],
    ]);
  });

  it('does not take the points of a 工作要点 (each ends in 。) followed by another document', () => {
    const text =
      '2024年工作要点\n一、加强党的建设\n1.深入学习贯彻党的二十大精神。\n2.落实全面从严治党主体责任。\n4.加强基层党组织建设。\n' +
      '二、深化医药卫生体制改革\n5.推进紧密型医共体建设。\n6.深化公立医院改革。\n\n2024年重点项目清单\n一、医疗服务能力提升项目\n1.市人民医院新院区建设项目。\n';
    assert.deepEqual(kinds(text), [
      ['document', '2024年工作要点'],
      ['document', '2024年重点项目清单'],
    ]);
    assert.deepEqual(
      lint(text, { only: ['numbering-sequence'] }).map((p) => [p.ruleId, text.slice(p.start, p.end)]),
      [['numbering-sequence', '4.']],
    );
  });

  it('does not start a document at a list of numerals that opens a paragraph (一、二季度…)', () => {
    const text =
      '某县2023年工作总结\n一、工作成效\n（一）项目建设。全年实施项目30个。\n一、二季度完成招标15个，三、四季度全部开工。\n' +
      '一、二线城市，一、二年级，一、二月份，一、二期工程。\n（二）民生保障。新增就业500人。\n二、三年行动计划\n三、三农工作\n';
    assert.deepEqual(kinds(text), [['document', '某县2023年工作总结']]);
    assert.deepEqual(
      parse(text).headings.map((h) => h.marker + h.title),
      ['一、工作成效', '（一）项目建设', '（二）民生保障', '二、三年行动计划', '三、三农工作'],
    );
    assert.deepEqual(lint(text, { only: ['numbering-sequence', 'numbering-start'] }), []);
  });

  it('does not take bare headings whose number the next document repeats under another title', () => {
    const list = '一、甲项目\n二、乙项目\n三、丙项目\n四、丁项目\n五、戊项目';
    assert.deepEqual(kinds(`项目清单\n${list}\n\n工作计划\n一、总体要求\n正文。`), [
      ['document', '项目清单'],
      ['document', '工作计划'],
    ]);
  });
});

describe('documents in a markdown file', () => {
  const docs = (text: string) => parse(text, 'markdown').documents.map((d) => [d.title, d.startLine]);

  it("starts a document at a # heading of the title's rank before a restart at 一、", () => {
    const text =
      '# 甲局2023年工作总结\n\n## 一、工作情况\n\n1.强化理论武装。全年学习24次。\n\n## 二、下步打算\n\n1.深化改革。推进集团化办学。\n\n' +
      '# 乙局2024年工作要点\n\n## 一、深化改革\n\n1.推进医共体建设。实现资源共享。\n\n## 二、加强公共卫生\n\n2.加强疾控体系建设。提升监测能力。\n';
    assert.deepEqual(docs(text), [
      ['甲局2023年工作总结', 0],
      ['乙局2024年工作要点', 10],
    ]);
    assert.deepEqual(lint(text, { format: 'markdown', only: ['numbering-mode', 'numbering-start', 'numbering-sequence'] }), []);
  });

  it("keeps the parts of one document together: # headings below the title's rank", () => {
    const parts = '## 第一部分\n\n### 一、甲\n\n### 二、乙\n\n## 第二部分\n\n### 一、丙\n\n### 二、丁\n';
    assert.deepEqual(docs(`# 报告\n\n${parts}`), [['报告', 0]]);
  });
});

describe('a table of contents before the body', () => {
  testRule('numbering-sequence', {
    // The contents list skips （二）, as contents often do; it is never judged. The body's bare 一、 ends the list.
    valid: [
      '一、总体要求\n（一）甲\n（三）乙\n二、重点任务\n三、保障措施\n\n一、总体要求\n（一）甲。正文\n（二）乙。正文\n（三）丙。正文\n二、重点任务\n三、保障措施',
    ],
    invalid: [],
  });
});

testRule('numbering-start', {
  valid: [
    '一、甲\n（一）a\n（二）b',
    '（一）a\n（二）b',
    // Continuous, with one run that restarts (numbering-mode reports it): 7. continues from where 1. 2. should have
    // ended (5. 6.), not from the restarted 2.
    '一、甲\n1.a\n2.b\n二、乙\n3.c\n4.d\n三、丙\n1.e\n2.f\n四、丁\n7.g\n8.h\n五、戊\n9.i',
  ],
  invalid: [
    {
      text: '一、甲\n（二）a\n（三）b',
      errors: [{ line: 2, column: 1, endColumn: 4, message: '应为（一）', safe: false }],
      output: '一、甲\n（一）a\n（二）b',
    },
    {
      text: '一、甲\n1.a\n2.b\n二、乙\n4.c\n5.d\n三、丙\n6.e',
      errors: [{ line: 5, column: 1, endColumn: 3, message: '未接续' }],
      output: '一、甲\n1.a\n2.b\n二、乙\n3.c\n4.d\n三、丙\n5.e',
    },
    { text: '二、甲\n三、乙', errors: [{ line: 1, column: 1, endColumn: 3, message: '应为一、' }], output: '一、甲\n二、乙' },
  ],
});

testRule('numbering-mode', {
  valid: ['一、甲\n1.a\n2.b\n二、乙\n1.c\n三、丙\n1.d', '一、甲\n1.a\n2.b\n二、乙\n3.c\n三、丙\n4.d'],
  invalid: [
    {
      text: '一、甲\n1.a\n2.b\n二、乙\n3.c\n4.d\n三、丙\n5.e\n四、丁\n1.f\n2.g',
      errors: [{ line: 10, column: 1, endColumn: 3, message: '全文连续编号', safe: false }],
      output: '一、甲\n1.a\n2.b\n二、乙\n3.c\n4.d\n三、丙\n5.e\n四、丁\n6.f\n7.g',
    },
    {
      text: '一、甲\n1.a\n二、乙\n1.b\n三、丙\n2.c',
      errors: [{ line: 6, column: 1, message: '重新从1起编号' }],
      output: '一、甲\n1.a\n二、乙\n1.b\n三、丙\n1.c',
    },
    {
      text: '一、甲\n1.a\n二、乙\n2.b',
      config: { numbering: { style: 'gbt9704', mode: 'restart' } },
      errors: [{ line: 4, column: 1 }],
    },
  ],
});

testRule('numbering-style', {
  valid: ['一、甲\n（一）a\n1.x\n（1）y\n二、乙', { text: '(一)a\n(二)b', config: { numbering: { style: 'document', mode: 'auto' } } }],
  invalid: [
    {
      text: '一、甲\n(一)a\n(二)b',
      errors: [{ line: 2, column: 1, endColumn: 4, severity: 'info', safe: true }],
      output: '一、甲\n（一）a\n（二）b',
    },
    {
      text: '一、甲\n（一）a\n(二)b\n（三）c',
      errors: [{ line: 3, column: 1, endColumn: 4, severity: 'warning', message: '不一致', safe: true }],
      output: '一、甲\n（一）a\n（二）b\n（三）c',
    },
    {
      text: '1、甲\n2、乙',
      errors: [
        { line: 1, column: 1, endColumn: 3, message: '不规范' },
        { line: 2, column: 1, endColumn: 3 },
      ],
      output: '1.甲\n2.乙',
    },
    { text: '一.甲\n二、乙', errors: [{ line: 1, column: 1, endColumn: 3, message: '应为“一、”' }], output: '一、甲\n二、乙' },
    { text: '（一）、甲\n（二）乙', errors: [{ line: 1, column: 1, endColumn: 5, message: '（一）' }], output: '（一）甲\n（二）乙' },
    { text: '(一）甲', errors: [{ line: 1, column: 1, endColumn: 4 }], output: '（一）甲' },
    {
      text: '(一)a\n(二)b\n（三）c',
      config: { numbering: { style: 'document', mode: 'auto' } },
      errors: [{ line: 3, column: 1, endColumn: 4, message: '(三)' }],
      output: '(一)a\n(二)b\n(三)c',
    },
  ],
});

testRule('numbering-hierarchy', {
  valid: ['一、甲\n1.a\n二、乙\n1.b', '一、甲\n（一）a\n1.x\n二、乙\n（一）b'],
  invalid: [{ text: '一、甲\n（一）a\n1.x\n二、乙\n1.b\n2.c', errors: [{ line: 5, column: 1, endColumn: 3, severity: 'info', message: '（一）' }] }],
});

describe('numbering-sequence: which number is wrong', () => {
  testRule('numbering-sequence', {
    valid: [],
    invalid: [
      // 4. is in its place, so only the second 2. is wrong, and renumbering it cannot guess wrong.
      { text: '1.甲\n2.乙\n2.丙\n4.丁', errors: [{ line: 3, column: 1, message: '重复', safe: true }], output: '1.甲\n2.乙\n3.丙\n4.丁' },
      { text: '1.甲\n2.乙\n5.丙\n4.丁', errors: [{ line: 3, column: 1, message: '跳号', safe: true }], output: '1.甲\n2.乙\n3.丙\n4.丁' },
      // A swap is a guess about the order of the content.
      {
        text: '1.甲\n3.乙\n2.丙',
        errors: [
          { line: 2, column: 1, safe: false },
          { line: 3, column: 1, safe: false },
        ],
      },
      { text: '1.甲\n2.乙\n4、丙', errors: [{ line: 3, column: 1, message: '应为3、' }] },
      { text: '①甲\n③乙', errors: [{ line: 2, column: 1, message: '写作惯例' }], output: '①甲\n②乙' },
    ],
  });
});
