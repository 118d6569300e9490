import { testRule } from '../rule-tester';

testRule('placeholder', {
  valid: [
    '使用Excel表格统计，分辨率1920x1080，矩阵3x3，性能提升10x。',
    '详见https://x.com/xx和www.example.com/xx。',
    '联系邮箱xx@example.cn。',
    '二〇〇三年，我市开始实施。',
    '推行1+X证书制度，安装Windows x64版本，拍X-ray片，购买iPhone X手机。',
    '开展X光、X线、X射线检查，X染色体。',
    '全角的Ｘ光、Ｘ射线检查。',
    '部分(修改)、(共)、(2023版)内容。',
    '【会议纪要】全文如下。',
    '某单位某项工作。',
    '3×4的矩阵，乘数3 × 4，提升10x，Windows x64。',
    '拍X-ray片，x-ray和X-Men，Xbox X游戏机。',
    '升级Python 3.x版本，兼容Vue 2.x和v1.x。',
    { text: '**加粗**的内容和 __强调__ 的内容。', format: 'markdown' },
    { text: '代码`xx`和\n\n```\nXX市\n```\n', format: 'markdown' },
    { text: '[链接](https://x.com/xx)\n\n***\n\n___\n', format: 'markdown' },
    { text: '使用XX系统。', config: { placeholders: { patterns: [], allow: ['XX系统'] } } },
  ],
  invalid: [
    {
      text: '截至x月xx日，累计完成xx余条，xxxx年增长x%。',
      errors: [
        { line: 1, column: 3, endColumn: 4 },
        { line: 1, column: 5, endColumn: 7 },
        { line: 1, column: 13, endColumn: 15 },
        { line: 1, column: 18, endColumn: 22 },
        { line: 1, column: 25, endColumn: 26 },
      ],
    },
    { text: 'XX市健康x建设', errors: [{ line: 1, column: 1, endColumn: 3, severity: 'error', message: '“XX”' }, { line: 1, column: 6, endColumn: 7 }] },
    { text: '增长ＸＸ%和ｘ个', errors: [{ line: 1, column: 3, endColumn: 5 }, { line: 1, column: 7, endColumn: 8 }] },
    { text: '学习***新时代，党的**大精神', errors: [{ line: 1, column: 3, endColumn: 6 }, { line: 1, column: 12, endColumn: 14 }] },
    { text: '××单位于××年', errors: [{ line: 1, column: 1, endColumn: 3 }, { line: 1, column: 6, endColumn: 8 }] },
    { text: '×月×日', errors: [{ line: 1, column: 1, endColumn: 2 }, { line: 1, column: 3, endColumn: 4 }] },
    { text: '某某同志在〇〇年、○○会上', errors: [{ line: 1, column: 1, endColumn: 3 }, { line: 1, column: 6, endColumn: 8 }, { line: 1, column: 10, endColumn: 12 }] },
    { text: '□□公司，签字：____，日期＿＿', errors: [{ line: 1, column: 1, endColumn: 3 }, { line: 1, column: 9, endColumn: 13 }, { line: 1, column: 16, endColumn: 18 }] },
    { text: '成效显著【待补充数据】。【此处插入图表xx】', errors: [{ line: 1, column: 5, endColumn: 12 }, { line: 1, column: 13, endColumn: 23 }] },
    { text: '主要做法（此处填写具体做法）和(待补充)。', errors: [{ line: 1, column: 5, endColumn: 15 }, { line: 1, column: 16, endColumn: 21 }] },
    { text: 'xx.xx%', errors: [{ line: 1, column: 1, endColumn: 3 }, { line: 1, column: 4, endColumn: 6 }] },
    { text: '一、概况\r\nXX市\r\n\r\n  xx', errors: [{ line: 2, column: 1, endColumn: 3 }, { line: 4, column: 3, endColumn: 5 }] },
    // markdown-it cannot open emphasis on an intraword `__` between Han characters: it stays text, so a blank.
    { text: '的内容和__强调__的内容', format: 'markdown', errors: [{ line: 1, column: 5, endColumn: 7 }, { line: 1, column: 9, endColumn: 11 }] },
    { text: '党的**大精神，**加粗**', format: 'markdown', errors: [{ line: 1, column: 3, endColumn: 5 }] },
    { text: '# XX市工作总结\n\n> 引用XX\n\n- 列表xx项', format: 'markdown', errors: [{ line: 1, column: 3, endColumn: 5 }, { line: 3, column: 5, endColumn: 7 }, { line: 5, column: 5, endColumn: 7 }] },
    // Template years and document numbers: a run of signs after digits is a blank, not a number expression.
    {
      text: '20XX年度工作总结，截至202X年底，卫发〔20xx〕5号',
      errors: [{ line: 1, column: 3, endColumn: 5 }, { line: 1, column: 17, endColumn: 18 }, { line: 1, column: 26, endColumn: 28 }],
    },
    { text: '20××年度，卫发〔2024〕×号，202×年', errors: [{ line: 1, column: 3, endColumn: 5 }, { line: 1, column: 16, endColumn: 17 }, { line: 1, column: 22, endColumn: 23 }] },
    { text: '身份证号34xxxxxxxxxxxxxxxx。', errors: [{ line: 1, column: 7, endColumn: 23 }] },
    // A blank decimal or a year is no version series.
    { text: '增长12.x%，完成1.x万元。', errors: [{ line: 1, column: 6, endColumn: 7 }, { line: 1, column: 13, endColumn: 14 }] },
    // Blanks joined by a hyphen or a space are not a Latin phrase like X-ray.
    { text: '日期：xxxx-xx-xx，电话：xxxx-xxxxxxxx，负责人：XX XX。', errors: [
      { line: 1, column: 4, endColumn: 8 }, { line: 1, column: 9, endColumn: 11 }, { line: 1, column: 12, endColumn: 14 },
      { line: 1, column: 18, endColumn: 22 }, { line: 1, column: 23, endColumn: 31 },
      { line: 1, column: 36, endColumn: 38 }, { line: 1, column: 39, endColumn: 41 },
    ] },
    { text: '编号AB-001待定', config: { placeholders: { patterns: ['AB-\\d+'], allow: [] } }, errors: [{ line: 1, column: 3, endColumn: 9 }] },
  ],
});
