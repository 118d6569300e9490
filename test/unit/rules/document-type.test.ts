import { testRule } from '../rule-tester';

const QINGSHI_TITLE = 'XX市卫生健康委员会关于申请购置负压救护车经费的请示';
const qingshi = (closing: string) =>
  `${QINGSHI_TITLE}\n\nXX市人民政府：\n为提升院前急救能力，我委拟购置负压救护车10辆，所需经费500万元。现将有关事项请示如下：\n一、基本情况\n全市现有救护车29辆，其中负压救护车5辆。\n二、请示事项\n${closing}\n\nXX市卫生健康委员会\n2024年3月13日\n（联系人：张三，联系电话：12345678）\n`;

const baogao = (closing: string) =>
  `XX区卫生健康局关于2023年工作情况的报告\n\nXX区人民政府：\n现将我局2023年工作情况报告如下：\n一、主要工作\n全年完成基层医疗机构改造12个，已报请区政府批准实施二期工程，并申请批复了专项资金。\n二、下一步打算\n拟新建社区卫生服务中心2个。\n${closing}\n\nXX区卫生健康局\n2024年1月5日\n`;

const tongzhi = (title: string, closing: string, eol = '\n') =>
  [
    title,
    '',
    '各区县卫生健康局，委机关各处室：',
    '为深入开展爱国卫生运动，决定在全市开展第36个爱国卫生月活动。现将有关事项通知如下：',
    '一、活动主题',
    '清洁家园，健康生活。',
    '二、工作要求',
    closing,
    '',
    'XX市卫生健康委员会',
    '2024年3月13日',
    '',
  ].join(eol);
const NOTICE = 'XX市卫生健康委员会关于开展2024年爱国卫生月活动的通知';
const REQUIREMENT = '各单位要高度重视，于2024年4月30日前报送活动总结。';

testRule('document-type', {
  valid: [
    qingshi('恳请市政府安排专项经费500万元。\n妥否，请批示。'),
    qingshi('恳请市政府安排专项经费500万元。以上请示，请予审批。'),
    qingshi('当否，请批复。'),
    // 特此请示 after the paragraph that asks.
    qingshi('恳请市政府予以批准。\n特此请示。'),
    // A 报告 may describe approvals (报请……批准, 申请批复) and close with 特此报告 or 请审阅.
    baogao('特此报告。'),
    baogao('以上报告，请审阅。'),
    tongzhi(NOTICE, `${REQUIREMENT}\n\n特此通知。`),
    tongzhi(NOTICE, `${REQUIREMENT}特此通知。`),
    // A 通知 that issues a document closes with it; one with an attachment note is left alone.
    tongzhi('XX市卫生健康委员会关于印发2024年爱国卫生月活动方案的通知', REQUIREMENT),
    tongzhi(NOTICE, `${REQUIREMENT}\n\n附件：活动安排表`),
    // No 文种 in the title: nothing to hold the text to.
    'XX区卫生健康局2023年工作总结\n\n一、主要工作\n已完成。妥否，请批示。\n',
    { text: `# ${QINGSHI_TITLE}\n\nXX市人民政府：\n\n恳请市政府安排专项经费500万元。\n\n妥否，请批示。\n`, format: 'markdown' },
  ],
  invalid: [
    {
      // The 请示 stops without asking for a reply: flagged on its last sentence.
      text: qingshi('恳请市政府安排专项经费500万元，用于购置负压救护车。'),
      errors: [{ line: 8, column: 1, endColumn: 28, severity: 'warning', message: '请示应以请求批复的结束语收尾' }],
    },
    {
      text: qingshi('恳请市政府安排专项经费500万元，用于购置负压救护车。\n特此请示。'),
      errors: [{ line: 9, column: 1, endColumn: 6, message: '《党政机关公文处理工作条例》' }],
    },
    {
      // A 报告 that asks for approval, at the phrase; 报请……批准 and 申请批复 are not asking.
      text: baogao('以上报告，妥否，请批示。'),
      errors: [{ line: 9, column: 9, endColumn: 12, severity: 'warning', message: '报告不得夹带请示事项：“请批示”' }],
    },
    {
      text: baogao('所需经费300万元，恳请区政府予以批准。特此报告，请予审批。'),
      errors: [
        { line: 9, column: 11, endColumn: 20, message: '“恳请区政府予以批准”' },
        { line: 9, column: 26, endColumn: 30, message: '“请予审批”' },
      ],
    },
    {
      // A 通知 without 特此通知 (info: a convention); the quick fix adds it on its own line, never on its own.
      text: tongzhi(NOTICE, REQUIREMENT),
      errors: [{ line: 8, column: 1, endColumn: 29, severity: 'info', message: '特此通知', safe: false }],
      output: tongzhi(NOTICE, `${REQUIREMENT}\n特此通知。`),
    },
    {
      // CRLF kept; the last sentence of a longer paragraph.
      text: tongzhi(NOTICE, `\u3000\u3000各单位要高度重视。${REQUIREMENT}`, '\r\n'),
      errors: [{ line: 8, column: 12, endColumn: 40, severity: 'info' }],
      output: tongzhi(NOTICE, `\u3000\u3000各单位要高度重视。${REQUIREMENT}\r\n\u3000\u3000特此通知。`, '\r\n'),
    },
    {
      // In markdown the added line needs a blank line before it, or it joins the paragraph.
      text: `# ${NOTICE}\n\n各区县卫生健康局：\n\n${REQUIREMENT}\n`,
      format: 'markdown',
      errors: [{ line: 5, column: 1, endColumn: 29, severity: 'info' }],
      output: `# ${NOTICE}\n\n各区县卫生健康局：\n\n${REQUIREMENT}\n\n特此通知。\n`,
    },
    {
      // 请示报告 is no 文种.
      text: 'XX市卫生健康委员会关于申请专项经费的请示报告\n\nXX市人民政府：\n恳请安排专项经费。\n',
      errors: [{ line: 1, column: 20, endColumn: 24, message: '“请示报告”不是法定文种' }],
    },
  ],
});
