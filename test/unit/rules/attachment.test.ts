import { testRule } from '../rule-tester';

/** A 通知 around an attachment note, as offices write it: body, blank line, 附件说明, blank line, 落款. */
const notice = (body: string, note: string) =>
  `XX市卫生健康委员会关于开展健康县区创建工作的通知\n\n各区县卫生健康局：\n${body}\n\n${note}\n\nXX市卫生健康委员会\n2024年3月13日\n`;

const BODY = '现将创建标准（见附件1）和申报表（见附件2）印发给你们，请按要求填报。';

testRule('attachment', {
  valid: [
    notice(BODY, '附件：1.健康县区创建标准\n      2.健康县区申报表'),
    // 附件： alone on its line, the names below it.
    notice(BODY, '附件：\n      1.健康县区创建标准\n      2.健康县区申报表'),
    notice('现将创建标准印发给你们（见附件），请认真落实。', '附件：\n      健康县区创建标准'),
    // 龙华区 report: the one attachment is a glossary, its numbered entries are its text (they were read as
    // attachments 2, 3 … with a stray 。 each).
    notice(
      '现将报告中有关名词的解释附后（见附件），供各位代表参阅。',
      '附件:\n《政府工作报告》有关名词解释\n1. 人才绿道：指以龙华区环城绿道生态资源为基础，融入人才理念。\n2.“厂网河库”一体化运营管理：指通过统一调度、统一运营全区水务设施。',
    ),
    // One attachment: no number, and the body says just 附件.
    notice('现将创建标准印发给你们（见附件），请认真落实。', '附件：健康县区创建标准'),
    // 附件2 of another document (after its title or its number) is not this document's.
    notice('按照《关于印发健康县区建设方案的通知》附件2和（卫发〔2023〕5号）附件3的要求，认真开展创建工作。', '附件：健康县区创建标准'),
    notice('按照《关于印发健康县区建设方案的通知》附件2的要求，认真开展创建工作。', '特此通知。'),
    // A list and a range name every attachment; the attachment's own page heading 附件1 is not a reference.
    notice('各地要按附件1、2填报，按附件1至3准备材料。', '附件：1.健康县区创建标准\n      2.健康县区申报表\n      3.健康县区创建工作台账') +
      '\n附件1\n\n健康县区创建标准\n',
    // Names that end in brackets, quotes or book-title marks are not punctuated.
    notice(BODY, '附件：1.《健康县区创建标准（2024年版）》\n      2.健康县区申报表（样表）'),
    // A figure such as 2.5亿元 after 附件 is not an item, and no 附件说明 means nothing to check.
    '一、总体情况\n全年投入2.5亿元，完成项目12个。\n',
  ],
  invalid: [
    {
      // §7.3.4: no punctuation after an attachment's name; the fix removes it.
      text: notice(BODY, '附件：1.健康县区创建标准。\n      2.健康县区申报表；'),
      errors: [
        { line: 6, column: 14, endColumn: 15, severity: 'warning', message: '附件名称后不加标点符号“。”', safe: true },
        { line: 7, column: 16, endColumn: 17, message: '“；”', safe: true },
      ],
      output: notice(BODY, '附件：1.健康县区创建标准\n      2.健康县区申报表'),
    },
    {
      // A repeated number in an otherwise clear run: safe to renumber.
      text: notice('现将创建标准等材料印发给你们，请按要求填报。', '附件：1.健康县区创建标准\n      2.健康县区申报表\n      2.健康县区创建工作台账'),
      errors: [{ line: 8, column: 7, endColumn: 9, message: '此处应为“3.”', safe: true }],
      output: notice('现将创建标准等材料印发给你们，请按要求填报。', '附件：1.健康县区创建标准\n      2.健康县区申报表\n      3.健康县区创建工作台账'),
    },
    {
      // Two numbers out of place: which is wrong is a guess.
      text: notice('现将创建标准等材料印发给你们，请按要求填报。', '附件：1.健康县区创建标准\n      3.健康县区申报表\n      4.健康县区创建工作台账'),
      errors: [
        { line: 7, column: 7, endColumn: 9, message: '此处应为“2.”', safe: false },
        { line: 8, column: 7, endColumn: 9, message: '此处应为“3.”', safe: false },
      ],
    },
    {
      // 1、 is not the standard's form.
      text: notice(BODY, '附件：1.健康县区创建标准\n      2、健康县区申报表'),
      errors: [{ line: 7, column: 7, endColumn: 9, message: '不用“2、”', safe: true }],
      output: notice(BODY, '附件：1.健康县区创建标准\n      2.健康县区申报表'),
    },
    {
      // A single attachment takes no number; the list may be unfinished, so the fix is offered, not applied.
      text: notice('现将创建标准印发给你们（见附件），请认真落实。', '附件：1.健康县区创建标准'),
      errors: [{ line: 6, column: 4, endColumn: 6, message: '只有一个附件时不编序号', safe: false }],
      output: notice('现将创建标准印发给你们（见附件），请认真落实。', '附件：健康县区创建标准'),
    },
    {
      // Several attachments, the first unnumbered.
      text: notice('现将创建标准等材料印发给你们，请按要求填报。', '附件：健康县区创建标准\n      2.健康县区申报表'),
      errors: [{ line: 6, column: 4, endColumn: 12, message: '此处应为“1.”', safe: true }],
      output: notice('现将创建标准等材料印发给你们，请按要求填报。', '附件：1.健康县区创建标准\n      2.健康县区申报表'),
    },
    {
      // The body names 附件3, the list has two; it names 附件1 and 3 but never 附件2 (info).
      text: notice('现将创建标准（见附件1）和工作台账（见附件3）印发给你们，请按要求填报。', '附件：1.健康县区创建标准\n      2.健康县区申报表'),
      errors: [
        { line: 4, column: 20, endColumn: 23, severity: 'warning', message: '附件说明中没有第3个附件' },
        { line: 7, column: 7, endColumn: 9, severity: 'info', message: '正文却未提及' },
      ],
    },
    {
      // A range past the list's end, and a list after 附件1、: each number has its own position.
      text: notice('各地要按附件1至3准备材料，按附件1、4填报。', '附件：1.健康县区创建标准\n      2.健康县区申报表'),
      errors: [
        { line: 4, column: 9, endColumn: 10, message: '没有第3个附件' },
        { line: 4, column: 20, endColumn: 21, message: '没有第4个附件' },
      ],
    },
    {
      // A range whose end stands for several missing numbers: one problem on it, naming them all.
      text: notice('各地要按附件1至5准备材料。', '附件：1.健康县区创建标准\n      2.健康县区申报表\n      3.健康县区创建工作台账'),
      errors: [{ line: 4, column: 9, endColumn: 10, message: '正文提到附件4、5，附件说明中没有第4、5个附件' }],
    },
    {
      // The body names attachments, but the 附件说明 is missing.
      text: notice('现将创建标准（见附件1）和申报表（见附件 2）印发给你们，请按要求填报。', '特此通知。'),
      errors: [
        { line: 4, column: 9, endColumn: 12, message: '正文之后没有附件说明' },
        { line: 4, column: 19, endColumn: 23, message: '正文提到附件2' },
      ],
    },
  ],
});

// The attachment's own pages after the 落款 are not the body: a 附件2 there is not a reference. Full-width digits, CRLF.
testRule('attachment', {
  valid: [notice('现将创建标准印发给你们（见附件），请认真落实。', '附件：健康县区创建标准') + '\n附件\n\n健康县区创建标准\n\n申报材料见本标准附件2。\n'],
  invalid: [
    {
      text: notice('现将创建标准（见附件１）印发给你们，请按要求填报。', '附件：1.健康县区创建标准\n      2.健康县区申报表').replace(/\n/g, '\r\n'),
      errors: [{ line: 7, column: 7, endColumn: 9, severity: 'info', message: '附件说明列出了附件2' }],
    },
  ],
});
