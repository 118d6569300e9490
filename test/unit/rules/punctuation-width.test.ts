import { testRule } from '../rule-tester';

testRule('punctuation-width', {
  valid: [
    '2023年，我委坚持以人民为中心。',
    '共1,500人，比例3:2，上午9:30开会，1.5,2.5倍。',
    '分别为3,5个。',
    'Hello, world; ok: yes? no!',
    '使用Python,Java等语言。',
    '中文, English words here.',
    '详见http://x.com/a?b=1,c=2。',
    // Section markers are numbering-style's business.
    '(一)加强党建引领\n(二)全面加强疫情防控\n1,完善制度',
    '深化医联（共）体建设，编号(1)和(a)。',
    '新冠肺炎(COVID-19)防控。',
    '卫发(2024)5号',
    { text: '代码`a,b`和\n\n```\n中文,中文\n```\n', format: 'markdown' },
    { text: '[链接](http://x.com/中文,b)', format: 'markdown' },
    // Addresses with Chinese in them: their marks are the address's (a fix would break the link or the path).
    '见 https://zh.wikipedia.org/wiki/卫生(医学) 页面。\n详见 https://x.cn/搜索?q=卫生,健康 页面。\n文件存放在D:\\办公室\\2023年(定稿)\\总结.docx中。',
  ],
  invalid: [
    {
      // Tokens with a colon or hyphen inside (times, phone numbers, COVID-19) framed by Chinese; a label's colon
      // before a number or an address.
      text: '上午9:30,地点在三楼。完成COVID-19,全市。比分3:2,继续。\n联系电话:13800138000\n网址:https://www.example.gov.cn/',
      errors: [
        { line: 1, column: 7, endColumn: 8 },
        { line: 1, column: 24, endColumn: 25 },
        { line: 1, column: 33, endColumn: 34 },
        { line: 2, column: 5, endColumn: 6 },
        { line: 3, column: 3, endColumn: 4 },
      ],
    },
    {
      // After an address, Chinese text is the sentence again: its marks are checked.
      text: '访问www.gov.cn了解情况,请登录。',
      errors: [{ line: 1, column: 17, endColumn: 18 }],
    },
    {
      text: '2023年,我委坚持以人民为中心;深化改革:成效显著!是否可行?',
      errors: [
        { line: 1, column: 6, endColumn: 7, severity: 'warning', message: '全角“，”', safe: true },
        { line: 1, column: 17, endColumn: 18, message: '“；”' },
        { line: 1, column: 22, endColumn: 23, message: '“：”' },
        { line: 1, column: 27, endColumn: 28, message: '“！”' },
        { line: 1, column: 32, endColumn: 33, message: '“？”' },
      ],
      output: '2023年，我委坚持以人民为中心；深化改革：成效显著！是否可行？',
    },
    // A Chinese clause that starts or ends with a number or a Latin token.
    {
      text: '完成投资13.36亿元,2022年完成投资;能力,XX市检测;完成率100.8%;2022年',
      errors: [
        { line: 1, column: 12 },
        { line: 1, column: 22 },
        { line: 1, column: 25 },
        { line: 1, column: 31 },
        { line: 1, column: 41 },
      ],
      output: '完成投资13.36亿元，2022年完成投资；能力，XX市检测；完成率100.8%；2022年',
    },
    { text: '报告如下:\n一、总体要求', errors: [{ line: 1, column: 5, endColumn: 6 }], output: '报告如下：\n一、总体要求' },
    {
      text: '方案》,全市“回头望”,指导',
      errors: [
        { line: 1, column: 4 },
        { line: 1, column: 12 },
      ],
      output: '方案》，全市“回头望”，指导',
    },
    { text: '中文, 中文', errors: [{ line: 1, column: 3 }], output: '中文， 中文' },
    // Brackets around Chinese content, the pair matched across widths; a comma after a converted bracket.
    {
      text: '深化医联(共)体建设，指南(2023版),组织，（共)体，按照(一)的要求',
      errors: [
        { line: 1, column: 5, endColumn: 6, message: '“（”' },
        { line: 1, column: 7, endColumn: 8, message: '“）”' },
        { line: 1, column: 14 },
        { line: 1, column: 20 },
        { line: 1, column: 21, message: '“，”' },
        { line: 1, column: 27 },
        { line: 1, column: 32 },
        { line: 1, column: 34 },
      ],
      output: '深化医联（共）体建设，指南（2023版），组织，（共）体，按照（一）的要求',
    },
    {
      text: '**重要**,然后[链接](http://x.com/a,b),中文',
      format: 'markdown',
      errors: [
        { line: 1, column: 7 },
        { line: 1, column: 32 },
      ],
    },
    { text: '(一)加强党建引领,强化思想政治建设。', errors: [{ line: 1, column: 10 }], output: '(一)加强党建引领，强化思想政治建设。' },
    {
      text: '一、概况\r\n增长50%,60%分别,见www.x.com,谢谢',
      errors: [
        { line: 2, column: 6 },
        { line: 2, column: 12 },
        { line: 2, column: 23 },
      ],
    },
  ],
});
