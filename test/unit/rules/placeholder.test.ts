import { testRule } from '../rule-tester';

testRule('placeholder', {
  valid: [
    // 深圳 report: an anonymised person, not a blank.
    '6月18日早上7:00得知居住在下十围的朱某某为阳性，果断决策。',
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
    // A `*` that is a footnote mark, a product, a bullet, a named mark or a password mask is no masked figure.
    '落实稳岗返还政策*。\n*注：数据来源于县统计局。注*：为快报数。',
    '* 第一项工作\n制作3*4米展板，铺设2*2米地砖，带*项为新开工项目，密码*已重置。',
    { text: '突出*重点*工作，压实*重点*项目。', format: 'markdown' },
    // Model names, a product, an address.
    '采购宝马X5、华为Mate X、iPhone X，升级X86服务器和XR设备，建成3x3米展台，详见https://www.x.com/xx。',
    // Policy terms, even without the default allow-list: × after 要素, X beside + in a formula.
    { text: '深入实施“数据要素×”三年行动，开展数据要素×医疗健康试点。', config: { placeholders: { patterns: [], allow: [] } } },
    { text: '构建“1+N+X”规划体系，推行1+X证书制度，探索N+X模式，实施“人工智能+X”行动。', config: { placeholders: { patterns: [], allow: [] } } },
    // The default allow-list (as a template page writes them).
    '激活“数据要素×”“人工智能+”双轮驱动，构建“1+N+X”政策体系。',
    // A web page's close button: alone on its line, or last on the share widget's line.
    '2023年工作总结\n分享到微信朋友圈×\n×\n各位代表：',
    '一、工作回顾\n分享到：微信朋友圈 新浪微博 ×\n扫一扫在手机打开当前页 ×',
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
    {
      text: 'XX市健康x建设',
      errors: [
        { line: 1, column: 1, endColumn: 3, severity: 'error', message: '“XX”' },
        { line: 1, column: 6, endColumn: 7 },
      ],
    },
    {
      text: '增长ＸＸ%和ｘ个',
      errors: [
        { line: 1, column: 3, endColumn: 5 },
        { line: 1, column: 7, endColumn: 8 },
      ],
    },
    {
      text: '学习***新时代，党的**大精神',
      errors: [
        { line: 1, column: 3, endColumn: 6 },
        { line: 1, column: 12, endColumn: 14 },
      ],
    },
    {
      text: '××单位于××年',
      errors: [
        { line: 1, column: 1, endColumn: 3 },
        { line: 1, column: 6, endColumn: 8 },
      ],
    },
    {
      text: '×月×日',
      errors: [
        { line: 1, column: 1, endColumn: 2 },
        { line: 1, column: 3, endColumn: 4 },
      ],
    },
    {
      // A surname and 某某 is a name kept anonymous only where a person is introduced (`的朱某某`); else a blank.
      text: '对王某某公司、由刘某某牵头、关于某某的通知',
      errors: [
        { line: 1, column: 3, endColumn: 5 },
        { line: 1, column: 10, endColumn: 12 },
        { line: 1, column: 17, endColumn: 19 },
      ],
    },
    {
      text: '某某同志在〇〇年、○○会上',
      errors: [
        { line: 1, column: 1, endColumn: 3 },
        { line: 1, column: 6, endColumn: 8 },
        { line: 1, column: 10, endColumn: 12 },
      ],
    },
    {
      text: '□□公司，签字：____，日期＿＿',
      errors: [
        { line: 1, column: 1, endColumn: 3 },
        { line: 1, column: 9, endColumn: 13 },
        { line: 1, column: 16, endColumn: 18 },
      ],
    },
    {
      text: '成效显著【待补充数据】。【此处插入图表xx】',
      errors: [
        { line: 1, column: 5, endColumn: 12 },
        { line: 1, column: 13, endColumn: 23 },
      ],
    },
    {
      text: '主要做法（此处填写具体做法）和(待补充)。',
      errors: [
        { line: 1, column: 5, endColumn: 15 },
        { line: 1, column: 16, endColumn: 21 },
      ],
    },
    {
      text: 'xx.xx%',
      errors: [
        { line: 1, column: 1, endColumn: 3 },
        { line: 1, column: 4, endColumn: 6 },
      ],
    },
    {
      text: '一、概况\r\nXX市\r\n\r\n  xx',
      errors: [
        { line: 2, column: 1, endColumn: 3 },
        { line: 4, column: 3, endColumn: 5 },
      ],
    },
    // markdown-it cannot open emphasis on an intraword `__` between Han characters: it stays text, so a blank.
    {
      text: '的内容和__强调__的内容',
      format: 'markdown',
      errors: [
        { line: 1, column: 5, endColumn: 7 },
        { line: 1, column: 9, endColumn: 11 },
      ],
    },
    { text: '党的**大精神，**加粗**', format: 'markdown', errors: [{ line: 1, column: 3, endColumn: 5 }] },
    {
      text: '# XX市工作总结\n\n> 引用XX\n\n- 列表xx项',
      format: 'markdown',
      errors: [
        { line: 1, column: 3, endColumn: 5 },
        { line: 3, column: 5, endColumn: 7 },
        { line: 5, column: 5, endColumn: 7 },
      ],
    },
    // Template years and document numbers: a run of signs after digits is a blank, not a number expression.
    {
      text: '20XX年度工作总结，截至202X年底，卫发〔20xx〕5号',
      errors: [
        { line: 1, column: 3, endColumn: 5 },
        { line: 1, column: 17, endColumn: 18 },
        { line: 1, column: 26, endColumn: 28 },
      ],
    },
    {
      text: '20××年度，卫发〔2024〕×号，202×年',
      errors: [
        { line: 1, column: 3, endColumn: 5 },
        { line: 1, column: 16, endColumn: 17 },
        { line: 1, column: 22, endColumn: 23 },
      ],
    },
    { text: '身份证号34xxxxxxxxxxxxxxxx。', errors: [{ line: 1, column: 7, endColumn: 23 }] },
    // A blank decimal or a year is no version series.
    {
      text: '增长12.x%，完成1.x万元。',
      errors: [
        { line: 1, column: 6, endColumn: 7 },
        { line: 1, column: 13, endColumn: 14 },
      ],
    },
    // Blanks joined by a hyphen or a space are not a Latin phrase like X-ray.
    {
      text: '日期：xxxx-xx-xx，电话：xxxx-xxxxxxxx，负责人：XX XX。',
      errors: [
        { line: 1, column: 4, endColumn: 8 },
        { line: 1, column: 9, endColumn: 11 },
        { line: 1, column: 12, endColumn: 14 },
        { line: 1, column: 18, endColumn: 22 },
        { line: 1, column: 23, endColumn: 31 },
        { line: 1, column: 36, endColumn: 38 },
        { line: 1, column: 39, endColumn: 41 },
      ],
    },
    // Masked figures: a single `*` before a measure word, a unit or a date unit, in a range or a list, after 第.
    {
      text: '截至2023年底，全县共有规上工业企业*家，1-*月累计完成工业总产值*亿元，同比增长*%。',
      errors: [
        { line: 1, column: 20, endColumn: 21, severity: 'error', message: '“*”' },
        { line: 1, column: 25, endColumn: 26 },
        { line: 1, column: 36, endColumn: 37 },
        { line: 1, column: 44, endColumn: 45 },
      ],
    },
    {
      text: '*-*月，全年培训农村劳动力和新型职业农民分别达*人、*人。',
      errors: [
        { line: 1, column: 1, endColumn: 2 },
        { line: 1, column: 3, endColumn: 4 },
        { line: 1, column: 25, endColumn: 26 },
        { line: 1, column: 28, endColumn: 29 },
      ],
    },
    {
      text: '全年完成投资*万元，同比增长*%，第*季度新开工项目*个。',
      errors: [
        { line: 1, column: 7, endColumn: 8 },
        { line: 1, column: 15, endColumn: 16 },
        { line: 1, column: 19, endColumn: 20 },
        { line: 1, column: 27, endColumn: 28 },
      ],
    },
    // A document number's masked serial, a masked decimal (two blanks, like xx.xx%).
    {
      text: '县政府办公室印发《实施方案》（县政办发〔2024〕*号），增长*.*%。',
      errors: [
        { line: 1, column: 26, endColumn: 27 },
        { line: 1, column: 32, endColumn: 33 },
        { line: 1, column: 34, endColumn: 35 },
      ],
    },
    // A masked name before the kind of a place.
    {
      text: '2022年以来, *镇锚定“两个确保”，获得2021年度*省卫生乡镇称号。',
      errors: [
        { line: 1, column: 10, endColumn: 11 },
        { line: 1, column: 29, endColumn: 30 },
      ],
    },
    // Blanks before a Latin unit or before a figure's last digits.
    {
      text: '发放救灾大米XXkg、资金XX万元，该项目于xxxx3年开工，X月X日召开推进会。',
      errors: [
        { line: 1, column: 7, endColumn: 9 },
        { line: 1, column: 14, endColumn: 16 },
        { line: 1, column: 23, endColumn: 27 },
        { line: 1, column: 32, endColumn: 33 },
        { line: 1, column: 34, endColumn: 35 },
      ],
    },
    // markdown-it pairs two masked figures as emphasis; both stand before a unit, so they are blanks.
    {
      text: '共有规上工业企业*家，新增*个，*重点*工作。',
      format: 'markdown',
      errors: [
        { line: 1, column: 9, endColumn: 10 },
        { line: 1, column: 14, endColumn: 15 },
      ],
    },
    // A lone × that is no policy operator nor close button is still a blank (王× ends a sentence, not a line).
    {
      text: '×月×日，××单位召开会议，联系人王×。',
      errors: [
        { line: 1, column: 1, endColumn: 2 },
        { line: 1, column: 3, endColumn: 4 },
        { line: 1, column: 6, endColumn: 8 },
        { line: 1, column: 19, endColumn: 20 },
      ],
    },
    // An allowed term covers its own occurrences only: the lone × of 王× is still reported.
    {
      text: '推广“旅游×文化”融合模式，联系人王×',
      config: { placeholders: { patterns: [], allow: ['旅游×文化'] } },
      errors: [{ line: 1, column: 19, endColumn: 20 }],
    },
    { text: '编号AB-001待定', config: { placeholders: { patterns: ['AB-\\d+'], allow: [] } }, errors: [{ line: 1, column: 3, endColumn: 9 }] },
  ],
});
